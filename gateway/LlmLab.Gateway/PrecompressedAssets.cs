using Microsoft.AspNetCore.StaticFiles;
using Microsoft.Extensions.FileProviders;
using Microsoft.Net.Http.Headers;

namespace LlmLab.Gateway;

/// <summary>
/// The web build writes x.js.br and x.js.gz beside each hashed asset (web/scripts/precompress.mjs): a browser that accepts
/// brotli or gzip gets that file as it is, so no request pays for compression; ResponseCompression leaves a response
/// that already has a Content-Encoding alone.
/// </summary>
public static class PrecompressedAssets
{
    private static readonly (string Token, string Suffix)[] Encodings = [("br", ".br"), ("gzip", ".gz")];

    /// <summary>Content types by the name without its .br/.gz suffix, so x.js.br is still served as JavaScript.</summary>
    public static readonly IContentTypeProvider ContentTypes = new ByOriginalName();

    public static Task Choose(HttpContext context, IFileProvider files, Func<Task> next)
    {
        var path = context.Request.Path;
        if ((!HttpMethods.IsGet(context.Request.Method) && !HttpMethods.IsHead(context.Request.Method)) || !path.StartsWithSegments("/assets"))
            return next();
        var accepted = context.Request.Headers.AcceptEncoding.ToString();
        foreach (var (token, suffix) in Encodings)
        {
            if (!accepted.Contains(token, StringComparison.OrdinalIgnoreCase) || !files.GetFileInfo(path + suffix).Exists) continue;
            context.Request.Path = path + suffix;
            context.Response.Headers[HeaderNames.ContentEncoding] = token;
            context.Response.Headers.Append(HeaderNames.Vary, HeaderNames.AcceptEncoding);
            break;
        }
        return next();
    }

    private sealed class ByOriginalName : IContentTypeProvider
    {
        private readonly FileExtensionContentTypeProvider inner = new();

        public bool TryGetContentType(string subpath, out string contentType)
        {
            var name = subpath.EndsWith(".br", StringComparison.Ordinal) || subpath.EndsWith(".gz", StringComparison.Ordinal) ? subpath[..^3] : subpath;
            return inner.TryGetContentType(name, out contentType!);
        }
    }
}
