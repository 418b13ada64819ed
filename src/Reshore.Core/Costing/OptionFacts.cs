using System.Globalization;
using Reshore.Core.Costing.Formulas;
using Reshore.Core.Localization;

namespace Reshore.Core.Costing;

/// <summary>
/// The short texts every results table shows for an option's payback, lead time and CO2e, so that an unknown value reads as
/// unknown (never as 0 days or 0 kg) and a payback that is lost again never reads as a payback.
/// </summary>
public static class OptionFacts
{
    /// <summary>"2.6", "0.0", "lost from year 7" or "none"; "—" for the status quo.</summary>
    public static string Payback(OptionEvaluation option, bool isStatusQuo, CultureInfo culture) =>
        isStatusQuo || option.Payback is null ? "—" : option.Payback switch
        {
            { Years: { } years } => years.ToString("0.0", culture),
            { Status: PaybackStatus.LostAgain, LossFromYear: { } year } => Text.Format(culture, "Fact_PaybackLost", "lost from year {0}", year),
            _ => Text.Get(culture, "Table_NotWithinHorizon", "not within the horizon"),
        };

    /// <summary>Lead time in days, or "unknown" when a part of it was not given.</summary>
    public static string LeadTime(OptionEvaluation option, CultureInfo culture) =>
        option.LeadTimeKnown ? option.LeadTimeDays.ToString("N0", culture) : Text.Get(culture, "Fact_Unknown", "unknown");

    /// <summary>CO2e per unit, kg, with "+ ?" when production or a leg is missing.</summary>
    public static string Co2e(OptionEvaluation option, CultureInfo culture, string format = "N3") =>
        option.Co2eComplete ? option.Co2eKgPerUnit.ToString(format, culture) : Text.Format(culture, "Fact_Co2eIncomplete", "{0} + ?", option.Co2eKgPerUnit.ToString(format, culture));

    /// <summary>Production CO2e per unit, kg, or "?" when neither energy nor process emissions were given.</summary>
    public static string ProductionCo2e(OptionEvaluation option, CultureInfo culture, string format = "N3") =>
        option.ProductionCo2eAssessed ? option.ProductionCo2eKgPerUnit.ToString(format, culture) : "?";
}
