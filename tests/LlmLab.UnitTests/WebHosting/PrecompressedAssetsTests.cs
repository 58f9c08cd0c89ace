using LlmLab.Gateway;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.FileProviders;

namespace LlmLab.UnitTests.WebHosting;

public sealed class PrecompressedAssetsTests : IDisposable
{
    private readonly string root = Directory.CreateTempSubdirectory("llmlab-assets").FullName;

    public PrecompressedAssetsTests()
    {
        Directory.CreateDirectory(Path.Combine(root, "assets"));
        File.WriteAllText(Path.Combine(root, "assets", "app-1a2b.js"), "console.log(1)");
        File.WriteAllText(Path.Combine(root, "assets", "app-1a2b.js.br"), "br");
        File.WriteAllText(Path.Combine(root, "assets", "app-1a2b.js.gz"), "gz");
        File.WriteAllText(Path.Combine(root, "assets", "only-plain.css"), "a{}");
    }

    public void Dispose() => Directory.Delete(root, recursive: true);

    private async Task<HttpContext> RequestAsync(string path, string acceptEncoding, string method = "GET")
    {
        var context = new DefaultHttpContext();
        context.Request.Method = method;
        context.Request.Path = path;
        context.Request.Headers.AcceptEncoding = acceptEncoding;
        using var files = new PhysicalFileProvider(root);
        await PrecompressedAssets.Choose(context, files, () => Task.CompletedTask);
        return context;
    }

    [Fact]
    public async Task A_browser_that_accepts_brotli_gets_the_br_file_with_its_encoding()
    {
        var context = await RequestAsync("/assets/app-1a2b.js", "gzip, deflate, br");
        Assert.Equal("/assets/app-1a2b.js.br", context.Request.Path.Value);
        Assert.Equal("br", context.Response.Headers.ContentEncoding.ToString());
        Assert.Equal("Accept-Encoding", context.Response.Headers.Vary.ToString());
    }

    [Fact]
    public async Task Gzip_only_gets_the_gz_file_and_no_encoding_gets_the_plain_file()
    {
        var gzip = await RequestAsync("/assets/app-1a2b.js", "gzip");
        Assert.Equal("/assets/app-1a2b.js.gz", gzip.Request.Path.Value);
        Assert.Equal("gzip", gzip.Response.Headers.ContentEncoding.ToString());
        var plain = await RequestAsync("/assets/app-1a2b.js", "");
        Assert.Equal("/assets/app-1a2b.js", plain.Request.Path.Value);
        Assert.Empty(plain.Response.Headers.ContentEncoding.ToString());
    }

    [Fact]
    public async Task A_file_without_a_compressed_copy_or_outside_assets_or_a_post_is_left_alone()
    {
        Assert.Equal("/assets/only-plain.css", (await RequestAsync("/assets/only-plain.css", "br")).Request.Path.Value);
        Assert.Equal("/index.html", (await RequestAsync("/index.html", "br")).Request.Path.Value);
        var post = await RequestAsync("/assets/app-1a2b.js", "br", "POST");
        Assert.Equal("/assets/app-1a2b.js", post.Request.Path.Value);
        Assert.Empty(post.Response.Headers.ContentEncoding.ToString());
    }

    [Theory]
    [InlineData("/assets/app-1a2b.js.br", "text/javascript")]
    [InlineData("/assets/site.css.gz", "text/css")]
    [InlineData("/assets/app-1a2b.js", "text/javascript")]
    public void Compressed_copies_keep_the_content_type_of_their_original(string path, string expected)
    {
        Assert.True(PrecompressedAssets.ContentTypes.TryGetContentType(path, out var type));
        Assert.Equal(expected, type);
    }
}
