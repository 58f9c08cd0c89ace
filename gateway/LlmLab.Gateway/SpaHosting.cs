using Microsoft.Extensions.FileProviders;

namespace LlmLab.Gateway;

/// <summary>Serves the built web app (configuration "Spa:Root") at /, with index.html for client-side routes.</summary>
public static class SpaHosting
{
    /// <summary>Machine paths: an unknown one is a 404 problem+json, never the web app's HTML (a client generator must not get a page).</summary>
    public static readonly PathString[] ReservedPrefixes = ["/api", "/v1", "/openapi", "/docs", "/metrics", "/swagger"];

    /// <summary>
    /// Static files, then routing: the static file middleware serves nothing once an endpoint has been chosen, so it
    /// must run before routing picks the SPA fallback for /assets/….
    /// </summary>
    public static WebApplication UseSpaFiles(this WebApplication app)
    {
        if (Files(app) is { } files)
        {
            app.UseDefaultFiles(new DefaultFilesOptions { FileProvider = files });
            app.UseStaticFiles(new StaticFileOptions { FileProvider = files });
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
