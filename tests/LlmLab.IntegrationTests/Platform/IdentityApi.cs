using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Reflection;
using System.Security.Claims;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace LlmLab.IntegrationTests.Platform;

/// <summary>Identity as tests use it: keys issued through the API, tokens signed as an identity provider would, the CLI.</summary>
public sealed class IdentityApi(PlatformFixture platform)
{
    public sealed record IssuedKey(Guid Id, string Key, string SubjectId);

    /// <summary>Issues a key through /api/admin/keys with the given admin client (default: the fixture's bootstrap key).</summary>
    public async Task<IssuedKey> IssueKeyAsync(string role, HttpClient? admin = null, string[]? scopes = null, Guid? userId = null)
    {
        using var client = admin is null ? platform.CreateClient() : null;
        using var response = await (admin ?? client!).PostAsJsonAsync("/api/admin/keys",
            new { name = $"{role} key {Guid.NewGuid():N}", role = userId is null ? role : null, scopes, user_id = userId });
        var json = await PlatformApi.ReadAsync(response, HttpStatusCode.Created);
        return new IssuedKey(json.GetProperty("id").GetGuid(), json.GetProperty("key").GetString()!, json.GetProperty("subject_id").GetString()!);
    }

    public static string SignJwt(string tenant, string role, string subject, DateTime? expires = null, string audience = PlatformFixture.JwtAudience,
        string? secret = null)
    {
        var key = new SymmetricSecurityKey(Convert.FromBase64String(secret ?? PlatformFixture.JwtSecret));
        var now = DateTime.UtcNow;
        var notBefore = expires is { } e && e < now ? e.AddMinutes(-10) : now.AddSeconds(-5);
        return new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = PlatformFixture.JwtIssuer,
            Audience = audience,
            Subject = new ClaimsIdentity([new Claim("sub", subject), new Claim("tenant", tenant), new Claim("role", role)]),
            NotBefore = notBefore,
            IssuedAt = notBefore,
            Expires = expires ?? now.AddMinutes(10),
            SigningCredentials = new SigningCredentials(key, SecurityAlgorithms.HmacSha256),
        });
    }

    /// <summary>Runs `LlmLab.Identity create-admin` against the platform's database, as the README tells an operator to.</summary>
    public async Task<(int ExitCode, string Output)> CreateAdminAsync(params string[] arguments)
    {
        var configuration = typeof(IdentityApi).Assembly.GetCustomAttribute<AssemblyConfigurationAttribute>()?.Configuration ?? "Debug";
        var info = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        info.ArgumentList.Add(Path.Combine(AppHostProcess.RepoRoot, "services", "LlmLab.Identity", "bin", configuration, "net10.0", "LlmLab.Identity.dll"));
        info.ArgumentList.Add("create-admin");
        foreach (var argument in arguments) info.ArgumentList.Add(argument);
        info.ArgumentList.Add("--connection-string");
        // The credentials the AppHost generated for this data folder, as the identity service itself was given them.
        info.ArgumentList.Add(new PlatformStores(platform).EnvironmentOf("identity")["ConnectionStrings__identitydb"]);
        using var process = Process.Start(info)!;
        var output = await process.StandardOutput.ReadToEndAsync() + await process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return (process.ExitCode, output);
    }

    public static string KeyFromOutput(string output) =>
        output.Split('\n').Single(l => l.StartsWith("API key:", StringComparison.Ordinal))["API key:".Length..].Trim();
}
