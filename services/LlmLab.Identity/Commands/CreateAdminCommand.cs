using System.Text.Json;
using System.Text.RegularExpressions;
using LlmLab.Identity.Data;
using LlmLab.Identity.Domain;
using LlmLab.ServiceKit;
using LlmLab.ServiceKit.Authorization;
using Microsoft.EntityFrameworkCore;

namespace LlmLab.Identity.Commands;

/// <summary>
/// `create-admin --organisation acme --email ada@example.com [--name "Ada"] [--tier enterprise]`: creates the
/// organisation if needed and its admin, and prints the admin's first API key once. The database is
/// --connection-string, else ConnectionStrings__identitydb, else the running platform's (.llmlab/apphost.json).
/// </summary>
public static partial class CreateAdminCommand
{
    public const string Name = "create-admin";

    public static bool IsInvoked(string[] args) => args.Length > 0 && args[0] == Name;

    public static async Task<int> RunAsync(string[] args, TextWriter output, CancellationToken ct = default)
    {
        var options = Parse(args.Skip(1).ToArray());
        var errors = new FieldErrors();
        var organisation = options.GetValueOrDefault("organisation");
        if (organisation is null || !OrganisationId().IsMatch(organisation)) errors.Fail("--organisation", "is required: lower-case letters, digits and '-', at most 100.");
        errors.Email("--email", options.GetValueOrDefault("email"));
        errors.Text("--name", options.GetValueOrDefault("name"), 200, required: false);
        var tier = options.GetValueOrDefault("tier") ?? Tiers.Enterprise;
        if (!Tiers.All.Contains(tier)) errors.Fail("--tier", $"must be one of {string.Join(", ", Tiers.All)}.");
        var connectionString = options.GetValueOrDefault("connection-string")
            ?? Environment.GetEnvironmentVariable("ConnectionStrings__identitydb") ?? RunningPlatformConnectionString();
        if (connectionString is null) errors.Fail("--connection-string", "is required when no platform is running here (.llmlab/apphost.json).");
        if (errors.Any)
        {
            foreach (var (field, messages) in errors.Errors) output.WriteLine($"{field}: {string.Join(" ", messages)}");
            output.WriteLine($"usage: {Name} --organisation <id> --email <email> [--name <name>] [--tier free|premium|enterprise] [--connection-string <npgsql>]");
            return 2;
        }

        var dbOptions = new DbContextOptionsBuilder<IdentityDbContext>().UseNpgsql(connectionString).UseSnakeCaseNamingConvention().Options;
        await using var db = new IdentityDbContext(dbOptions);
        await db.Database.MigrateAsync(ct);
        var (user, key) = await CreateAsync(db, organisation!, options["email"].Trim().ToLowerInvariant(), options.GetValueOrDefault("name"), tier, TimeProvider.System.GetUtcNow(), ct);
        output.WriteLine($"Organisation: {organisation}");
        output.WriteLine($"Admin:        {user.Email} ({user.SubjectId})");
        output.WriteLine($"API key:      {key}");
        output.WriteLine("The key is shown this once; it is stored only as a hash. Send it as X-Api-Key.");
        return 0;
    }

    /// <summary>The organisation (created if new), its admin (made admin if they exist) and a new key for them.</summary>
    public static async Task<(User User, string Key)> CreateAsync(
        IdentityDbContext db, string organisationId, string email, string? name, string tier, DateTimeOffset now, CancellationToken ct)
    {
        var organisation = await db.Organisations.FirstOrDefaultAsync(o => o.Id == organisationId, ct);
        if (organisation is null)
        {
            db.Organisations.Add(new Organisation { Id = organisationId, Name = organisationId, Tier = tier, CreatedAt = now });
        }
        var user = await db.Users.FirstOrDefaultAsync(u => u.OrganisationId == organisationId && u.Email == email && u.DeletedAt == null, ct);
        if (user is null)
        {
            user = new User
            {
                Id = Guid.CreateVersion7(now), OrganisationId = organisationId, Email = email, Name = name?.Trim() ?? email, Role = Roles.Admin,
                CreatedAt = now, UpdatedAt = now,
            };
            db.Users.Add(user);
        }
        user.Role = Roles.Admin;
        var key = IssuedKeys.NewKey();
        var issued = new ApiKey
        {
            Id = Guid.CreateVersion7(now), OrganisationId = organisationId, UserId = user.Id, Name = "first admin key", Role = Roles.Admin,
            Prefix = key[..IssuedKeys.VisiblePrefixLength], Hash = IssuedKeys.Hash(key), CreatedBy = Name, CreatedAt = now,
        };
        db.ApiKeys.Add(issued);
        db.RecordChange(new CallerIdentity(organisationId, Name, Roles.Admin), "admin.created", user.SubjectId, now);
        db.RecordChange(new CallerIdentity(organisationId, Name, Roles.Admin), "key.issued", Subjects.OfKey(issued.Id), now);
        await db.SaveChangesAsync(ct);
        return (user, key);
    }

    private static Dictionary<string, string> Parse(string[] args)
    {
        var options = new Dictionary<string, string>();
        for (var i = 0; i < args.Length; i++)
        {
            if (!args[i].StartsWith("--", StringComparison.Ordinal)) continue;
            var name = args[i][2..];
            var equals = name.IndexOf('=', StringComparison.Ordinal);
            if (equals > 0) options[name[..equals]] = name[(equals + 1)..];
            else if (i + 1 < args.Length) options[name] = args[++i];
        }
        return options;
    }

    /// <summary>The identity database of the platform the AppHost runs from this checkout, with the credentials it generated.</summary>
    private static string? RunningPlatformConnectionString()
    {
        for (var dir = new DirectoryInfo(Environment.CurrentDirectory); dir is not null; dir = dir.Parent)
        {
            var state = Path.Combine(dir.FullName, ".llmlab", "apphost.json");
            if (!File.Exists(state)) continue;
            using var json = JsonDocument.Parse(File.ReadAllText(state));
            var postgres = json.RootElement.GetProperty("resources").EnumerateArray()
                .FirstOrDefault(r => r.GetProperty("name").GetString() == "postgres");
            if (postgres.ValueKind != JsonValueKind.Object || !Uri.TryCreate(postgres.GetProperty("url").GetString(), UriKind.Absolute, out var url)) return null;
            return $"Host={url.Host};Port={url.Port};Username=postgres;Password={PostgresPassword(dir.FullName)};Database=identitydb";
        }
        return null;
    }

    /// <summary>The password the AppHost generated for the default data folder (.llmlab/data/secrets.json).</summary>
    private static string PostgresPassword(string repoRoot)
    {
        var secrets = Path.Combine(repoRoot, ".llmlab", "data", "secrets.json");
        if (!File.Exists(secrets)) return "postgres";
        using var json = JsonDocument.Parse(File.ReadAllText(secrets));
        return json.RootElement.TryGetProperty("postgres_password", out var password) ? password.GetString() ?? "" : "postgres";
    }

    [GeneratedRegex("^[a-z0-9][a-z0-9-]{0,99}$")]
    private static partial Regex OrganisationId();
}
