using Reshore.Reports.Tables;
using Spectre.Console;

namespace Reshore.Cli.Output;

/// <summary>Draws the format-neutral results tables and the verdict card in the terminal (Spectre.Console).</summary>
public static class SpectreTables
{
    /// <summary>Writes <paramref name="t"/> with its title and legend.</summary>
    public static void Write(IAnsiConsole console, ResultTable t, TableBorder? border = null)
    {
        var table = new Table().Border(border ?? TableBorder.Simple).Title(Markup.Escape(t.Title));
        foreach (var c in t.Columns)
        {
            var column = new TableColumn(Markup.Escape(c.Header));
            table.AddColumn(c.Numeric ? column.RightAligned() : column);
        }
        foreach (var row in t.Rows)
            table.AddRow(row.Cells.Select(c => c.Text.Length == 0 ? "" : row.Emphasis ? $"[bold]{Markup.Escape(c.Text)}[/]" : c.Muted ? $"[grey]{Markup.Escape(c.Text)}[/]" : Markup.Escape(c.Text)).ToArray());
        console.Write(table);
        if (t.Legend is not null) console.MarkupLine($"[grey]{Markup.Escape(t.Legend)}[/]");
    }

    /// <summary>Writes the verdict card: the first lines of an item's results.</summary>
    public static void Write(IAnsiConsole console, VerdictCard card)
    {
        var colour = card.ConfidenceCode switch { "robust" => "green", "fragile" => "red", _ => "yellow" };
        console.MarkupLine($"[bold]{Markup.Escape(card.Heading)}: {Markup.Escape(card.Verdict)}[/]");
        console.MarkupLine($"[bold {colour}]{Markup.Escape(card.Confidence)}[/]");
        foreach (var r in card.ConfidenceReasons) console.MarkupLine("  " + Markup.Escape("· " + r));
        console.MarkupLine(Markup.Escape(card.Basis));
        if (card.Figures.Count > 0) console.MarkupLine(string.Join(" · ", card.Figures.Select(f => $"{Markup.Escape(f.Label)}: [bold]{Markup.Escape(f.Value)}[/]")));
        if (card.Flips.Rows.Count > 0) Write(console, card.Flips);
        else console.MarkupLine($"{Markup.Escape(card.Labels.Flips)}: {Markup.Escape(card.Labels.NoFlip)}");
        Write(console, card.Views);
        List(console, card.Labels.Reconciliation, card.Reconciliation);
        List(console, card.Labels.Risks, card.Risks);
        List(console, card.Labels.OpenPoints, card.OpenPoints);
        console.WriteLine();
    }

    private static void List(IAnsiConsole console, string title, IReadOnlyList<string> items)
    {
        if (items.Count == 0) return;
        console.MarkupLine($"[bold]{Markup.Escape(title)}[/]");
        foreach (var i in items) console.MarkupLine("  " + Markup.Escape("· " + i));
    }
}
