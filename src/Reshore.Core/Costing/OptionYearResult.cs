namespace Reshore.Core.Costing;

/// <summary>The TCO of one option in one year of the horizon, line by line, with its emissions and lead time.</summary>
public sealed record OptionYearResult
{
    /// <summary>Horizon year, 1-based.</summary>
    public required int Year { get; init; }
    /// <summary>Calendar year.</summary>
    public required int CalendarYear { get; init; }
    /// <summary>Units in the year.</summary>
    public required double Volume { get; init; }
    /// <summary>Every factor's line, assessed or not.</summary>
    public required IReadOnlyList<CostLine> Lines { get; init; }
    /// <summary>Transport CO2e per unit, kg (well to wheel).</summary>
    public required double TransportKgCo2ePerUnit { get; init; }
    /// <summary>Production CO2e per unit, kg.</summary>
    public required double ProductionKgCo2ePerUnit { get; init; }
    /// <summary>Whether transport emissions cover every leg.</summary>
    public required bool TransportEmissionsComplete { get; init; }
    /// <summary>Order processing + production + transit, days.</summary>
    public required double LeadTimeDays { get; init; }
    /// <summary>The lead time is known: production lead time given and every leg's transit known (else LeadTimeDays counts the missing parts as 0).</summary>
    public bool LeadTimeKnown { get; init; } = true;
    /// <summary>Production CO2e was computed from energy or process emissions (else it is unknown, counted as 0).</summary>
    public bool ProductionEmissionsAssessed { get; init; } = true;
    /// <summary>Transit, days.</summary>
    public required double TransitDays { get; init; }
    /// <summary>Landed value per unit used for inventory valuation.</summary>
    public required double LandedValuePerUnit { get; init; }
    /// <summary>Labour behind the year's volume, by place, step and source (for the jobs view).</summary>
    public IReadOnlyList<LabourHoursEntry> LabourHours { get; init; } = [];
    /// <summary>What the option's automation scenario saves and costs this year; null without one.</summary>
    public AutomationEffect? Automation { get; init; }

    /// <summary>Total per unit.</summary>
    public double TcoPerUnit => Lines.Sum(l => l.PerUnit);
    /// <summary>Total per year.</summary>
    public double TcoPerYear => Lines.Sum(l => l.PerYear);
    /// <summary>Total CO2e per unit, kg.</summary>
    public double Co2eKgPerUnit => TransportKgCo2ePerUnit + ProductionKgCo2ePerUnit;
}
