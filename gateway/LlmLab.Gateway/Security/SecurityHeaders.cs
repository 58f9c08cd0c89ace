namespace LlmLab.Gateway.Security;

/// <summary>Headers on every answer of the gateway (API, proxied, web app, errors) that tell browsers to lock the page down.</summary>
public static class SecurityHeaders
{
    /// <summary>
    /// The web app loads only its own scripts, styles, images and API; 'unsafe-inline' for styles because React and
    /// the chart library set style attributes (they cannot run script). frame-ancestors 'none': never inside a frame.
    /// </summary>
    public const string ContentSecurityPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; font-src 'self'; " +
        "connect-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

    /// <summary>
    /// The API reference at /docs (Scalar) starts itself with an inline module script; that page alone may run inline
    /// script. It shows the public contract only and reads no key from storage, so nothing there is worth injecting for.
    /// </summary>
    public const string DocsContentSecurityPolicy =
        "default-src 'self'; script-src 'self' 'unsafe-inline'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; font-src 'self' data:; " +
        "connect-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

    public static WebApplication UseSecurityHeaders(this WebApplication app)
    {
        app.Use((context, next) =>
        {
            // At the last moment, so an error handler that clears the response cannot drop them.
            context.Response.OnStarting(() =>
            {
                var headers = context.Response.Headers;
                headers.XContentTypeOptions = "nosniff";
                headers.XFrameOptions = "DENY";
                headers.ContentSecurityPolicy = context.Request.Path.StartsWithSegments("/docs") ? DocsContentSecurityPolicy : ContentSecurityPolicy;
                headers["Referrer-Policy"] = "no-referrer";
                headers.Remove("Server");
                return Task.CompletedTask;
            });
            return next(context);
        });
        return app;
    }
}
