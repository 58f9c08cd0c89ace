using System.Text.Json;
using LlmLab.AppHost.Security;

namespace LlmLab.AppHost.Infrastructure;

/// <summary>
/// RabbitMQ's own user instead of guest. A fresh node creates it from rabbitmq.conf (default_user), so guest never
/// exists; a node an older AppHost created (with guest) gets the user imported and guest deleted once, through
/// rabbitmqctl, after which a marker file records that the node is migrated.
/// </summary>
public sealed class RabbitMqCredentials(string directory, string user, string password)
{
    private const string MarkerName = "credentials-provisioned";

    public string ConfigFile => Path.Combine(directory, "rabbitmq.conf");
    private string Marker => Path.Combine(directory, MarkerName);

    /// <summary>Whether the node's database predates the AppHost's credentials (it exists, and was never migrated).</summary>
    public bool NeedsMigration(string databaseDirectory) => Directory.Exists(databaseDirectory) && !File.Exists(Marker);

    /// <summary>
    /// The node's rabbitmq.conf: the credentials; a full garbage collection of every Erlang process every 10 s (else
    /// the connection and channel processes keep the message bodies they handled until their own heaps fill); and
    /// version 2 of the classic queue storage for new queues, whose index does not hold a journal of message bodies in
    /// memory. One 100,000-call run ended with the node at 145 MiB against 172 without them; three later runs ended at
    /// 160–171 MiB, so the gain is within the runs' spread (docs/operations.md, "Chunks of 32 and prepared statements").
    /// </summary>
    public void WriteConfig() =>
        PrivateFile.Write(ConfigFile, $"default_user = {user}\ndefault_pass = {password}\ndefault_user_tags.administrator = true\n" +
            "background_gc_enabled = true\nbackground_gc_target_interval = 10000\nclassic_queue.default_version = 2\n");

    public void MarkProvisioned() => File.WriteAllText(Marker, "guest removed, own user in place\n");

    /// <summary>Imports the user (its salted hash, not the password) with full rights on "/", then deletes guest.</summary>
    public async Task MigrateAsync(string rabbitmqctl, IReadOnlyDictionary<string, string> environment, CancellationToken cancellationToken)
    {
        var definitions = Path.Combine(directory, "credentials-definitions.json");
        PrivateFile.Write(definitions, JsonSerializer.Serialize(new
        {
            users = new[]
            {
                new { name = user, password_hash = PasswordVerifiers.RabbitMqSha256(password), hashing_algorithm = "rabbit_password_hashing_sha256", tags = new[] { "administrator" } },
            },
            permissions = new[] { new { user, vhost = "/", configure = ".*", write = ".*", read = ".*" } },
        }));
        try
        {
            await Shell.RunCheckedAsync(rabbitmqctl, ["import_definitions", definitions], environment, TimeSpan.FromSeconds(60), cancellationToken);
        }
        finally
        {
            File.Delete(definitions);
        }
        var (code, output) = await Shell.RunAsync(rabbitmqctl, ["delete_user", "guest"], environment, TimeSpan.FromSeconds(60), cancellationToken);
        if (code != 0 && !output.Contains("does not exist", StringComparison.OrdinalIgnoreCase))
            throw new InvalidOperationException($"rabbitmqctl delete_user guest failed with exit code {code}:\n{output}");
        MarkProvisioned();
    }
}
