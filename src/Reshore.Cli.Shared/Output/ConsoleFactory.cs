using Spectre.Console;

namespace Reshore.Cli.Output;

/// <summary>Renders Spectre.Console widgets to text: colours on an interactive terminal, plain text otherwise.</summary>
public static class ConsoleFactory
{
    /// <summary>Renders <paramref name="render"/> to a string.</summary>
    public static string Render(Action<IAnsiConsole> render, bool colour)
    {
        var writer = new StringWriter();
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(writer),
            Ansi = colour ? AnsiSupport.Yes : AnsiSupport.No,
            ColorSystem = colour ? ColorSystemSupport.Standard : ColorSystemSupport.NoColors,
            Interactive = InteractionSupport.No,
        });
        console.Profile.Width = colour ? Math.Max(100, SafeWidth()) : 180;
        render(console);
        return writer.ToString();
    }

    /// <summary>True when writing to a real terminal.</summary>
    public static bool IsTerminal(TextWriter writer) => ReferenceEquals(writer, Console.Out) && !Console.IsOutputRedirected;

    private static int SafeWidth()
    {
        try { return Console.WindowWidth; }
        catch (IOException) { return 160; }
    }
}
