using Microsoft.Extensions.FileProviders;

namespace LlmLab.Gateway;

/// <summary>Serves the built web app (configuration "Spa:Root") at /, with index.html for client-side routes.</summary>
public static class SpaHosting
{
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

    /// <summary>index.html for every other path outside /api and /v1, so client-side routes load the app.</summary>
    public static WebApplication MapSpaFallback(this WebApplication app)
    {
        if (Files(app) is not { } files) return app;
        app.MapFallback("/{**path}", async context =>
        {
            if (context.Request.Path.StartsWithSegments("/api") || context.Request.Path.StartsWithSegments("/v1"))
            {
                context.Response.StatusCode = StatusCodes.Status404NotFound;
                return;
            }
            context.Response.ContentType = "text/html; charset=utf-8";
            await context.Response.SendFileAsync(files.GetFileInfo("index.html"));
        });
        return app;
    }

    private static PhysicalFileProvider? Files(WebApplication app)
    {
        var root = app.Configuration["Spa:Root"];
        return string.IsNullOrEmpty(root) || !Directory.Exists(root) ? null : new PhysicalFileProvider(Path.GetFullPath(root));
    }
}
