using ChatOpsBot.Cli;

var terminal = Terminal.FromConsole();
using var cancellation = new CancellationTokenSource();
Terminal.OnCancel(cancellation.Cancel);
return await CliApp.RunAsync(args, terminal, TimeProvider.System, cancellation.Token);
