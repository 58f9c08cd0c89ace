using Microsoft.Extensions.FileProviders;

namespace LlmLab.Gateway;

/// <summary>Serves the built web app (configuration "Spa:Root") at /, with index.html for client-side routes.</summary>
public static class SpaHosting
{
    public static WebApplication UseSpa(this WebApplication app)
    {
        var root = app.Configuration["Spa:Root"];
        if (string.IsNullOrEmpty(root) || !Directory.Exists(root))
        {
            app.Logger.LogWarning("No web app to serve: Spa:Root '{Root}' does not exist", root);
            return app;
        }
        var files = new PhysicalFileProvider(Path.GetFullPath(root));
        app.UseDefaultFiles(new DefaultFilesOptions { FileProvider = files });
        app.UseStaticFiles(new StaticFileOptions { FileProvider = files });
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
}
