using System.Text.Json;
using System.Text.Json.Serialization;

namespace LlmLab.AppHost.Output;

/// <summary>.llmlab/apphost.json: where the platform is and how to call it, for tools and scripts.</summary>
public static class StateFile
{
    private static readonly JsonSerializerOptions Json = new()
    {
        WriteIndented = true,
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        DefaultIgnoreCondition = JsonIgnoreCondition.Never,
    };

    public static void Write(string path, string state, string gatewayUrl, string apiKey, IReadOnlyList<ResourceRow> rows, string? dashboardUrl = null)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var document = new
        {
            state,
            gateway_url = gatewayUrl,
            api_key = apiKey,
            apphost_pid = Environment.ProcessId,
            dashboard_url = dashboardUrl,
            updated_at = DateTimeOffset.UtcNow,
            resources = rows.Select(r => new { name = r.Name, kind = r.Kind, url = r.Url, grpc_url = r.GrpcUrl, pid = r.Pid, state = r.State }),
        };
        var temporary = path + ".tmp";
        File.WriteAllText(temporary, JsonSerializer.Serialize(document, Json));
        File.Move(temporary, path, overwrite: true);
    }
}
