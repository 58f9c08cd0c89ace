using System.Net;

namespace LlmLab.IntegrationTests.Platform;

/// <summary>
/// Waits until GET /api/health answers 200 (the gateway and every service it routes to are healthy). On a loaded
/// machine the AppHost may report the platform running while services are still migrating their databases.
/// </summary>
public static class PlatformReadiness
{
    public static async Task WaitUntilHealthyAsync(HttpClient client, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        var last = "";
        while (DateTime.UtcNow < deadline)
        {
            try
            {
                using var response = await client.GetAsync("/api/health");
                if (response.StatusCode == HttpStatusCode.OK) return;
                last = await response.Content.ReadAsStringAsync();
            }
            catch (HttpRequestException e)
            {
                last = e.Message;
            }
            await Task.Delay(1000);
        }
        throw new TimeoutException($"The platform was not healthy within {timeout}: {last}");
    }
}
