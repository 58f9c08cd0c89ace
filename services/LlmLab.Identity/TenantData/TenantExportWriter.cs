using System.Text;
using System.Text.Json;
using LlmLab.Identity.Data;
using LlmLab.ServiceKit;

namespace LlmLab.Identity.TenantData;

/// <summary>
/// Streams a tenant export as one JSON object: {tenant, exported_at, identity, experiments, batch, analytics, llm}.
/// Identity's section is serialized from its queries as they are read; each other section is copied byte for byte
/// from its service's answer, so no part of the export is ever held in memory whole.
/// </summary>
public static class TenantExportWriter
{
    public static async Task WriteAsync(Stream body, IdentityDbContext db, string tenant, DateTimeOffset now,
        TenantSections.Opened sections, CancellationToken cancellationToken)
    {
        await WriteTextAsync(body, "{\"tenant\":", cancellationToken);
        await JsonSerializer.SerializeAsync(body, tenant, ServiceKitExtensions.Json, cancellationToken);
        await WriteTextAsync(body, ",\"exported_at\":", cancellationToken);
        await JsonSerializer.SerializeAsync(body, now, ServiceKitExtensions.Json, cancellationToken);
        await WriteTextAsync(body, ",\"identity\":", cancellationToken);
        await JsonSerializer.SerializeAsync(body, IdentitySection.Of(db, tenant, now), ServiceKitExtensions.Json, cancellationToken);
        foreach (var (section, response) in sections.Sections)
        {
            await WriteTextAsync(body, $",\"{section}\":", cancellationToken);
            await using var content = await response.Content.ReadAsStreamAsync(cancellationToken);
            await content.CopyToAsync(body, cancellationToken);
        }
        await WriteTextAsync(body, "}", cancellationToken);
    }

    private static ValueTask WriteTextAsync(Stream body, string text, CancellationToken cancellationToken) =>
        body.WriteAsync(Encoding.UTF8.GetBytes(text), cancellationToken);
}
