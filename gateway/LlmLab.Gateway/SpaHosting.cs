using System.IO.Compression;
using Microsoft.AspNetCore.ResponseCompression;
using Microsoft.Extensions.FileProviders;
using Microsoft.Net.Http.Headers;

namespace LlmLab.Gateway;

/// <summary>Serves the built web app (configuration "Spa:Root") at /, with index.html for client-side routes.</summary>
public static class SpaHosting
{
    /// <summary>Machine paths: an unknown one is a 404 problem+json, never the web app's HTML (a client generator must not get a page).</summary>
    public static readonly PathString[] ReservedPrefixes = ["/api", "/v1", "/openapi", "/docs", "/metrics", "/swagger"];

    /// <summary>Vite names every file under /assets after its content's hash: a changed file is a new URL.</summary>
    public const string ImmutableCache = "public, max-age=31536000, immutable";

    /// <summary>index.html (and other unhashed files) are checked with the server on every load, so a new build shows at once.</summary>
    public const string RevalidateCache = "no-cache";

    /// <summary>Brotli and gzip for the web app's files only; API and SSE responses pass through the proxy untouched.</summary>
    public static IHostApplicationBuilder AddSpaCompression(this IHostApplicationBuilder builder)
    {
        builder.Services.AddResponseCompression(options =>
        {
            options.Providers.Add<BrotliCompressionProvider>();
            options.Providers.Add<GzipCompressionProvider>();
            options.MimeTypes = ["text/html", "text/css", "text/javascript", "application/javascript", "image/svg+xml", "application/json"];
        });
        // Fastest: compressed per request, and Optimal brotli (quality 11) on the 300 kB script cost more time than it saved.
        builder.Services.Configure<BrotliCompressionProviderOptions>(o => o.Level = CompressionLevel.Fastest);
        builder.Services.Configure<GzipCompressionProviderOptions>(o => o.Level = CompressionLevel.Fastest);
        return builder;
    }

    /// <summary>
    /// Static files, then routing: the static file middleware serves nothing once an endpoint has been chosen, so it
    /// must run before routing picks the SPA fallback for /assets/….
    /// </summary>
    public static WebApplication UseSpaFiles(this WebApplication app)
    {
        if (Files(app) is { } files)
        {
            app.UseWhen(context => !IsReserved(context.Request.Path), spa => spa.UseResponseCompression());
            app.Use((context, next) => PrecompressedAssets.Choose(context, files, next));
            app.UseDefaultFiles(new DefaultFilesOptions { FileProvider = files });
            app.UseStaticFiles(new StaticFileOptions
            {
                FileProvider = files,
                ContentTypeProvider = PrecompressedAssets.ContentTypes,
                OnPrepareResponse = context => context.Context.Response.Headers[HeaderNames.CacheControl] =
                    context.Context.Request.Path.StartsWithSegments("/assets") ? ImmutableCache : RevalidateCache,
            });
        }
        else
        {
            app.Logger.LogWarning("No web app to serve: Spa:Root '{Root}' does not exist", app.Configuration["Spa:Root"]);
        }
        app.UseRouting();
        return app;
    }

    /// <summary>index.html for every other path outside the reserved prefixes, so client-side routes load the app.</summary>
    public static WebApplication MapSpaFallback(this WebApplication app)
    {
        var files = Files(app);
        app.MapFallback("/{**path}", async context =>
        {
            if (files is null || IsReserved(context.Request.Path))
            {
                await Results.Problem(statusCode: StatusCodes.Status404NotFound, title: "Not found",
                    detail: $"No endpoint at {context.Request.Method} {context.Request.Path}; the contract is at /openapi/v1.json.")
                    .ExecuteAsync(context);
                return;
            }
            context.Response.ContentType = "text/html; charset=utf-8";
            context.Response.Headers[HeaderNames.CacheControl] = RevalidateCache;
            await context.Response.SendFileAsync(files.GetFileInfo("index.html"));
        });
        return app;
    }

    public static bool IsReserved(PathString path) => ReservedPrefixes.Any(path.StartsWithSegments);

    private static PhysicalFileProvider? Files(WebApplication app)
    {
        var root = app.Configuration["Spa:Root"];
        return string.IsNullOrEmpty(root) || !Directory.Exists(root) ? null : new PhysicalFileProvider(Path.GetFullPath(root));
    }
}
