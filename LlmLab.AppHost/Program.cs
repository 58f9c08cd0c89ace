using LlmLab.AppHost;
using LlmLab.AppHost.Publish;
using Microsoft.Extensions.Configuration;

if (PublishCommand.Matches(args)) return PublishCommand.Run(args, Console.Out);

var configuration = new ConfigurationBuilder()
    .AddJsonFile(Path.Combine(AppContext.BaseDirectory, "appsettings.json"), optional: true)
    .AddEnvironmentVariables("LLMLAB_")
    .AddCommandLine(args)
    .Build();

LauncherOptions options;
try
{
    options = LauncherSetup.Resolve(configuration);
}
catch (ArgumentException ex)
{
    Console.Error.WriteLine(ex.Message);
    return 2;
}
using var stopping = new CancellationTokenSource();
using var sigterm = System.Runtime.InteropServices.PosixSignalRegistration.Create(System.Runtime.InteropServices.PosixSignal.SIGTERM, c => { c.Cancel = true; stopping.Cancel(); });
using var sigint = System.Runtime.InteropServices.PosixSignalRegistration.Create(System.Runtime.InteropServices.PosixSignal.SIGINT, c => { c.Cancel = true; stopping.Cancel(); });

return await new PlatformLauncher(options, configuration, Console.Out).RunAsync(stopping.Token);
