using System.Security.Cryptography;
using System.Text;

namespace LlmLab.Knowledge.Retrieval;

/// <summary>A folder name for a tenant that no tenant id can turn into a path (hex of its SHA-256).</summary>
public static class TenantFolder
{
    public static string Of(string tenant) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(tenant)))[..32];
}
