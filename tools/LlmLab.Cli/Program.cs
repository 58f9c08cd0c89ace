using LlmLab.Cli;

return await CliApp.RunAsync(args, CliContext.FromProcess());
