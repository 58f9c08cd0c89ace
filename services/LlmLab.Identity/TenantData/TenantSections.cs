using System.Net.Http.Headers;
using LlmLab.ServiceKit.TenantData;

namespace LlmLab.Identity.TenantData;

/// <summary>
/// The other services' parts of a tenant export, each read from the service's /internal/tenant-data as the caller.
/// Every section is opened (headers received, status checked) before the export starts, so an unavailable service
/// is a 503 naming it rather than a truncated file.
/// </summary>
public sealed class TenantSections(HttpClient http)
{
    /// <summary>Section name in the export → the service (service-discovery name) that holds it.</summary>
    public static readonly IReadOnlyList<(string Section, string Service)> Services =
    [
        ("experiments", "experiments"),
        ("batch", "batch"),
        ("analytics", "analytics"),
        ("llm", "llm-integration"),
        ("knowledge", "knowledge"),
        ("evaluation", "evaluation"),
        ("training", "training"),
    ];

    private static readonly TimeSpan OpenTimeout = TimeSpan.FromSeconds(15);

    public sealed record Opened(IReadOnlyList<(string Section, HttpResponseMessage Response)> Sections, string? UnavailableService) : IDisposable
    {
        public void Dispose()
        {
            foreach (var (_, response) in Sections) response.Dispose();
        }
    }

    public async Task<Opened> OpenAsync(CancellationToken cancellationToken)
    {
        var opened = new List<(string, HttpResponseMessage)>();
        foreach (var (section, service) in Services)
        {
            var response = await TryOpenAsync(service, cancellationToken);
            if (response is null) return new Opened(opened, service);
            opened.Add((section, response));
        }
        return new Opened(opened, null);
    }

    private async Task<HttpResponseMessage?> TryOpenAsync(string service, CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(OpenTimeout);
        try
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, $"http://{service}{TenantDataEndpoint.Path}");
            request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
            var response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, timeout.Token);
            if (response.IsSuccessStatusCode) return response;
            response.Dispose();
            return null;
        }
        catch (Exception ex) when (ex is HttpRequestException || (ex is OperationCanceledException && !cancellationToken.IsCancellationRequested))
        {
            return null;
        }
    }
}
