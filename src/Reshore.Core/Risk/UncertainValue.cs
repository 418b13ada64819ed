using System.Globalization;
using MathNet.Numerics.Distributions;

namespace Reshore.Core.Risk;

/// <summary>Shapes of uncertain inputs.</summary>
public enum DistributionKind
{
    /// <summary>Triangular(min, mode, max).</summary>
    Triangular,
    /// <summary>PERT(min, mode, max, λ = 4): a Beta on [min, max] with mean (min + λ·mode + max)/(λ + 2).</summary>
    Pert,
    /// <summary>Uniform(min, max).</summary>
    Uniform,
    /// <summary>Normal(mean, sd).</summary>
    Normal,
    /// <summary>Lognormal with the given mean and standard deviation of the variable itself.</summary>
    Lognormal,
}

/// <summary>
/// An uncertain input: a distribution drawn by inverse transform of a uniform (so a Gaussian copula can couple inputs),
/// optionally tied to a named driver. Construct with <see cref="Create"/>, which validates the parameters.
/// </summary>
public sealed record UncertainValue
{
    private UncertainValue() { }

    /// <summary>Shape.</summary>
    public DistributionKind Kind { get; private init; }
    /// <summary>Lower bound (triangular, PERT, uniform).</summary>
    public double Min { get; private init; }
    /// <summary>Mode (triangular, PERT).</summary>
    public double Mode { get; private init; }
    /// <summary>Upper bound (triangular, PERT, uniform).</summary>
    public double Max { get; private init; }
    /// <summary>Mean (normal, lognormal).</summary>
    public double MeanParameter { get; private init; }
    /// <summary>Standard deviation (normal, lognormal).</summary>
    public double Sd { get; private init; }
    /// <summary>Named driver, if any.</summary>
    public string? Driver { get; private init; }

    /// <summary>Creates a distribution, or returns an error message naming the bad parameter.</summary>
    public static UncertainValue? Create(DistributionKind kind, double? min, double? mode, double? max, double? mean, double? sd, string? driver, out string? error)
    {
        error = null;
        string N(double v) => v.ToString(CultureInfo.InvariantCulture);
        switch (kind)
        {
            case DistributionKind.Triangular or DistributionKind.Pert:
                if (min is null || mode is null || max is null) { error = $"A {Name(kind)} distribution needs min, mode and max."; return null; }
                if (min > mode) { error = $"min ({N(min.Value)}) must not exceed mode ({N(mode.Value)})."; return null; }
                if (mode > max) { error = $"mode ({N(mode.Value)}) must not exceed max ({N(max.Value)})."; return null; }
                if (min == max) { error = $"min and max are both {N(min.Value)}: give a plain number instead."; return null; }
                return new UncertainValue { Kind = kind, Min = min.Value, Mode = mode.Value, Max = max.Value, Driver = driver };
            case DistributionKind.Uniform:
                if (min is null || max is null) { error = "A uniform distribution needs min and max."; return null; }
                if (!(min < max)) { error = $"min ({N(min.Value)}) must be below max ({N(max.Value)})."; return null; }
                return new UncertainValue { Kind = kind, Min = min.Value, Max = max.Value, Driver = driver };
            default:
                if (mean is null || sd is null) { error = $"A {Name(kind)} distribution needs mean and sd."; return null; }
                if (sd < 0) { error = $"sd ({N(sd.Value)}) must not be negative."; return null; }
                if (kind == DistributionKind.Lognormal && !(mean > 0)) { error = $"A lognormal distribution needs a positive mean, not {N(mean.Value)}."; return null; }
                return new UncertainValue { Kind = kind, MeanParameter = mean.Value, Sd = sd.Value, Driver = driver };
        }
    }

    /// <summary>Lower-case name of a kind as written in case files.</summary>
    public static string Name(DistributionKind kind) => kind.ToString().ToLowerInvariant();

    /// <summary>The mean, used for the deterministic evaluation.</summary>
    public double Mean => Kind switch
    {
        DistributionKind.Triangular => (Min + Mode + Max) / 3,
        DistributionKind.Pert => (Min + 4 * Mode + Max) / 6,
        DistributionKind.Uniform => (Min + Max) / 2,
        _ => MeanParameter,
    };

    /// <summary>Lowest and highest possible values (infinite for normal; 0 and ∞ for lognormal).</summary>
    public (double Low, double High) Support => Kind switch
    {
        DistributionKind.Normal => (double.NegativeInfinity, double.PositiveInfinity),
        DistributionKind.Lognormal => (0, double.PositiveInfinity),
        _ => (Min, Max),
    };

    /// <summary>The value at cumulative probability <paramref name="u"/> in (0, 1).</summary>
    public double Quantile(double u)
    {
        u = Math.Clamp(u, 1e-12, 1 - 1e-12);
        switch (Kind)
        {
            case DistributionKind.Triangular:
                return Triangular.InvCDF(Min, Max, Mode, u);
            case DistributionKind.Pert:
                // PERT with λ = 4: Beta(α, β) on [min, max], α = 1 + 4 (mode − min)/(max − min), β = 1 + 4 (max − mode)/(max − min)
                // (Vose, Risk Analysis, 3rd ed., 2008, §9.1.6).
                var range = Max - Min;
                var alpha = 1 + 4 * (Mode - Min) / range;
                var beta = 1 + 4 * (Max - Mode) / range;
                return Min + range * Beta.InvCDF(alpha, beta, u);
            case DistributionKind.Uniform:
                return Min + (Max - Min) * u;
            case DistributionKind.Normal:
                return Sd == 0 ? MeanParameter : Normal.InvCDF(MeanParameter, Sd, u);
            default:
                if (Sd == 0) return MeanParameter;
                // Moment matching: σ² = ln(1 + sd²/mean²), μ = ln(mean) − σ²/2.
                var sigma2 = Math.Log(1 + Sd * Sd / (MeanParameter * MeanParameter));
                return LogNormal.InvCDF(Math.Log(MeanParameter) - sigma2 / 2, Math.Sqrt(sigma2), u);
        }
    }
}

/// <summary>An uncertain input of a case: where it sits (JSON path) and its distribution.</summary>
/// <param name="Path">JSON path of the numeric field, e.g. <c>$.items[0].options[0].production.unitPrice</c>.</param>
/// <param name="Distribution">The distribution.</param>
/// <param name="Currency">Currency of a money field, or null for plain numbers.</param>
/// <param name="Low">Lowest value the field accepts (draws are clamped to it).</param>
/// <param name="High">Highest value the field accepts.</param>
public sealed record UncertainInput(string Path, UncertainValue Distribution, string? Currency, double Low = double.NegativeInfinity, double High = double.PositiveInfinity)
{
    /// <summary>The value at cumulative probability <paramref name="u"/>, clamped to the field's range.</summary>
    public double Quantile(double u) => Math.Clamp(Distribution.Quantile(u), Low, High);
}
