namespace Reshore.Core.Costing.Formulas;

/// <summary>Hours, full-time equivalents, hires and labour-market tightness (docs/model.md §15.1).</summary>
public static class JobsFormulas
{
    /// <summary>Hours worked per FTE per year: H = w × W, usual weekly hours of full-time work times working weeks per year.</summary>
    public static double HoursPerFte(double weeklyHours, double workingWeeks) => weeklyHours * workingWeeks;

    /// <summary>Full-time equivalents: F = hours per year ÷ hours per FTE.</summary>
    public static double Fte(double hoursPerYear, double hoursPerFte)
    {
        if (!(hoursPerFte > 0)) throw new ArgumentOutOfRangeException(nameof(hoursPerFte), hoursPerFte, "Hours per FTE must be positive.");
        return hoursPerYear / hoursPerFte;
    }

    /// <summary>
    /// Hours embodied in a price per unit: h = λ × P_L ÷ w, the labour part of the price (λ P escalated with wages) divided by the
    /// country's labour cost per hour in the same year and currency.
    /// </summary>
    public static double EmbodiedHoursPerUnit(double labourPartOfPrice, double labourCostPerHour)
    {
        if (!(labourCostPerHour > 0)) throw new ArgumentOutOfRangeException(nameof(labourCostPerHour), labourCostPerHour, "The labour cost per hour must be positive.");
        return labourPartOfPrice / labourCostPerHour;
    }

    /// <summary>Hires of one skill: the largest shortfall over the horizon of the option's home FTE against the status quo's, max(0, max_t (F_t − F^SQ_t)).</summary>
    public static double Hires(IReadOnlyList<double> optionFte, IReadOnlyList<double> statusQuoFte)
    {
        var hires = 0.0;
        for (var t = 0; t < optionFte.Count; t++) hires = Math.Max(hires, optionFte[t] - statusQuoFte[t]);
        return hires;
    }

    /// <summary>The home labour market is tight when its job vacancy rate is at least <paramref name="factor"/> times the EU rate (default 1.5).</summary>
    public static bool IsTight(double jobVacancyRatePct, double euJobVacancyRatePct, double factor = TightnessFactor) => jobVacancyRatePct >= factor * euJobVacancyRatePct;

    /// <summary>Job vacancy rate relative to the EU's from which a labour market counts as tight.</summary>
    public const double TightnessFactor = 1.5;
}
