using System.Text.Json;
using LlmLab.Cli.Platform;

namespace LlmLab.Cli.Running;

/// <summary>
/// Uploads a dataset file (JSON, JSONL or CSV): a new dataset, or a new version of the tenant's dataset of the same
/// name, so pushing the same file name again versions it.
/// </summary>
public sealed class DatasetPusher(PlatformClient client)
{
    public sealed record Pushed(string Id, string Name, int Version, int ItemCount);

    public async Task<Pushed> PushAsync(string file, string? name, string? description, CancellationToken ct)
    {
        name ??= Path.GetFileNameWithoutExtension(file);
        var existing = (await FindAsync(name, ct)).Where(d => !Builtin(d)).ToList();
        var fields = new Dictionary<string, string> { ["name"] = name };
        if (description is not null) fields["description"] = description;
        var answer = existing.Count == 1
            ? await client.PostFileAsync($"api/datasets/{existing[0].GetProperty("id").GetString()}/versions", file, fields, ct)
            : await client.PostFileAsync("api/datasets", file, fields, ct);
        return new Pushed(answer.GetProperty("id").GetString()!, name, answer.GetProperty("version").GetInt32(),
            answer.TryGetProperty("item_count", out var count) ? count.GetInt32() : 0);
    }

    /// <summary>A dataset by id, or by exact name (the tenant's own before a shipped one of the same name).</summary>
    public async Task<string> ResolveAsync(string nameOrId, CancellationToken ct)
    {
        if (Guid.TryParse(nameOrId, out var id)) return id.ToString();
        var matches = (await FindAsync(nameOrId, ct)).OrderBy(Builtin).ToList();
        if (matches.Count == 0) throw new Config.ConfigException($"dataset: no dataset named '{nameOrId}' (see GET /api/datasets).");
        return matches[0].GetProperty("id").GetString()!;
    }

    private async Task<List<JsonElement>> FindAsync(string name, CancellationToken ct) =>
        (await client.ListAllAsync("api/datasets", ct)).Where(d => d.GetProperty("name").GetString() == name).ToList();

    private static bool Builtin(JsonElement dataset) => dataset.TryGetProperty("builtin", out var b) && b.ValueKind == JsonValueKind.True;
}
