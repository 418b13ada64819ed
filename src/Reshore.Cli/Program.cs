using Reshore.Cli;

StartupProfile.Start(args);
return CliApp.Run(args, Console.Out, Console.Error);
