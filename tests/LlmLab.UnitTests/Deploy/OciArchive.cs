using System.Formats.Tar;
using System.IO.Compression;
using System.Security.Cryptography;
using System.Text.Json;

namespace LlmLab.UnitTests.Deploy;

/// <summary>
/// An image archive as `dotnet publish /t:PublishContainer -p:ContainerArchiveOutputPath=…` writes it, read without a
/// container engine: an OCI image layout (index.json → manifest → config and layer blobs) or, failing that, the
/// `docker save` form (manifest.json naming the config and layer files). Every blob is checked against its digest.
/// </summary>
public sealed class OciArchive
{
    // `docker save`'s manifest.json names its members with capitals.
    private const string SavedConfig = "Config";
    private const string SavedLayers = "Layers";

    private readonly Dictionary<string, byte[]> _files;

    public JsonElement Manifest { get; }
    public JsonElement Config { get; }
    /// <summary>The layers, base first, each as its uncompressed tar.</summary>
    public IReadOnlyList<byte[]> Layers { get; }

    private OciArchive(Dictionary<string, byte[]> files)
    {
        _files = files;
        if (files.ContainsKey("index.json"))
        {
            var index = Json("index.json");
            var descriptor = index.GetProperty("manifests")[0];
            Manifest = Json(Blob(descriptor));
            // A multi-platform archive's index points at another index.
            if (Manifest.TryGetProperty("manifests", out var manifests)) Manifest = Json(Blob(manifests[0]));
            Config = Json(Blob(Manifest.GetProperty("config")));
            Layers = Manifest.GetProperty("layers").EnumerateArray().Select(l => Uncompressed(Read(Blob(l)))).ToList();
        }
        else
        {
            var saved = Json("manifest.json")[0];
            Manifest = saved;
            Config = Json(saved.GetProperty(SavedConfig).GetString()!);
            Layers = saved.GetProperty(SavedLayers).EnumerateArray().Select(l => Uncompressed(Read(l.GetString()!))).ToList();
        }
        var diffIds = Config.GetProperty("rootfs").GetProperty("diff_ids").EnumerateArray().Select(d => d.GetString()!).ToList();
        Assert.Equal(diffIds, Layers.Select(l => "sha256:" + Convert.ToHexStringLower(SHA256.HashData(l))).ToList());
    }

    public static OciArchive Load(string path) => new(Entries(File.ReadAllBytes(path)));

    /// <summary>The files of one layer, by path without a leading "./" or "/", with their tar entries.</summary>
    public static Dictionary<string, (TarEntry Entry, byte[] Content)> Files(byte[] layer)
    {
        var files = new Dictionary<string, (TarEntry, byte[])>(StringComparer.Ordinal);
        using var reader = new TarReader(new MemoryStream(layer));
        while (reader.GetNextEntry(copyData: true) is { } entry)
        {
            using var content = new MemoryStream();
            entry.DataStream?.CopyTo(content);
            files[entry.Name.TrimStart('.').TrimStart('/')] = (entry, content.ToArray());
        }
        return files;
    }

    private static Dictionary<string, byte[]> Entries(byte[] archive)
    {
        var files = new Dictionary<string, byte[]>(StringComparer.Ordinal);
        using var reader = new TarReader(new MemoryStream(Uncompressed(archive)));
        while (reader.GetNextEntry(copyData: true) is { } entry)
        {
            if (entry.DataStream is null) continue;
            using var content = new MemoryStream();
            entry.DataStream.CopyTo(content);
            files[entry.Name.TrimStart('.').TrimStart('/')] = content.ToArray();
        }
        return files;
    }

    private string Blob(JsonElement descriptor)
    {
        var digest = descriptor.GetProperty("digest").GetString()!;
        var path = "blobs/" + digest.Replace(':', '/');
        Assert.Equal(digest, "sha256:" + Convert.ToHexStringLower(SHA256.HashData(Read(path))));
        Assert.Equal(descriptor.GetProperty("size").GetInt64(), Read(path).LongLength);
        return path;
    }

    private byte[] Read(string path) =>
        _files.TryGetValue(path, out var content) ? content : throw new InvalidDataException($"the archive has no {path}");

    private JsonElement Json(string path) => JsonDocument.Parse(Read(path)).RootElement;

    private static byte[] Uncompressed(byte[] data)
    {
        if (data.Length < 2 || data[0] != 0x1f || data[1] != 0x8b) return data;
        using var gzip = new GZipStream(new MemoryStream(data), CompressionMode.Decompress);
        using var output = new MemoryStream();
        gzip.CopyTo(output);
        return output.ToArray();
    }
}
