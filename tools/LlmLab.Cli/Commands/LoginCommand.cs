using System.CommandLine;
using System.Net;
using LlmLab.Cli.Config;
using LlmLab.Cli.Platform;
using Spectre.Console;

namespace LlmLab.Cli.Commands;

/// <summary>
/// <c>llmlab login --url &lt;gateway&gt;</c>: checks the key against the gateway (GET /api/me) and stores URL and key in
/// the settings file (0600). The key is read from stdin or a hidden prompt, never from an argument, so it stays out of
/// shell history and the process list; it is never printed.
/// </summary>
public static class LoginCommand
{
    public static Command Create(CliContext context)
    {
        var url = new Option<string>("--url") { Description = "The gateway URL, e.g. http://localhost:8080.", Required = true };
        var keyFromStdin = new Option<bool>("--api-key-stdin") { Description = "Read the API key from the first line of stdin (for scripts)." };
        var command = new Command("login", "Store the gateway URL and your API key for later commands (checked against the gateway first).") { url, keyFromStdin };
        command.SetAction((parsed, ct) => CliApp.GuardAsync(context, async () =>
        {
            var gateway = Connection.ParseUrl(parsed.GetValue(url)!, "--url");
            var key = await ReadKeyAsync(context, parsed.GetValue(keyFromStdin));
            var (status, me) = await PlatformClient.Create(new Connection(gateway, key))
                .TryAsync(HttpMethod.Get, "api/me", null, ct, HttpStatusCode.Unauthorized, HttpStatusCode.Forbidden);
            if (status is HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden || me is not { } identity)
                throw new PlatformException(status, $"the gateway at {gateway} refused the key ({(int)status}); nothing was stored.");
            CliSettingsFile.Write(context.SettingsPath, new CliSettingsFile.Stored { Url = gateway.ToString().TrimEnd('/'), ApiKey = key });
            await context.Output.WriteLineAsync(
                $"logged in to {gateway} as {identity.GetProperty("subject_id")} (tenant {identity.GetProperty("tenant_id")}, role {identity.GetProperty("role")}); settings in {context.SettingsPath}");
            return ExitCodes.Passed;
        }));
        return command;
    }

    private static async Task<string> ReadKeyAsync(CliContext context, bool fromStdin)
    {
        string? key;
        if (fromStdin) key = await context.Input.ReadLineAsync();
        else if (context.Interactive) key = await context.Err.PromptAsync(new TextPrompt<string>("API key:").Secret());
        else throw new ConfigException("--api-key-stdin: stdin is not a terminal, so pass the key on stdin with --api-key-stdin.");
        return string.IsNullOrWhiteSpace(key) ? throw new ConfigException("api key: empty.") : key.Trim();
    }
}
