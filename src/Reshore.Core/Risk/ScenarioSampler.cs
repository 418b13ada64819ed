using MathNet.Numerics.Distributions;
using MathNet.Numerics.LinearAlgebra;
using Reshore.Core.Domain;

namespace Reshore.Core.Risk;

/// <summary>
/// Draws the uncertain inputs of a case once per scenario. Inputs tied to a named driver share that driver's normal
/// score; drivers are correlated through a Gaussian copula (Cholesky factor of their correlation matrix); inputs
/// without a driver are independent. Each input is drawn by inverse transform of Φ(z).
/// </summary>
public sealed class ScenarioSampler
{
    private readonly IReadOnlyList<UncertainInput> _inputs;
    private readonly string[] _drivers;
    private readonly Matrix<double> _cholesky;
    private readonly int[] _driverOfInput;

    /// <summary>Prepares the sampler; throws <see cref="ArgumentException"/> when the correlation matrix is not positive definite or names an unknown driver.</summary>
    public ScenarioSampler(IReadOnlyList<UncertainInput> inputs, RiskSettings? settings)
    {
        _inputs = inputs;
        _drivers = (settings?.Drivers ?? []).Select(d => d.Id).ToArray();
        var n = _drivers.Length;
        var correlation = Matrix<double>.Build.DenseIdentity(Math.Max(1, n));
        foreach (var c in settings?.Correlations ?? [])
        {
            var a = Array.IndexOf(_drivers, c.A);
            var b = Array.IndexOf(_drivers, c.B);
            if (a < 0 || b < 0) throw new ArgumentException($"Correlation {c.A}–{c.B} names an unknown driver.");
            correlation[a, b] = correlation[b, a] = c.Rho;
        }
        try
        {
            _cholesky = correlation.Cholesky().Factor;
        }
        catch (ArgumentException)
        {
            throw new ArgumentException("The driver correlations are not consistent (the correlation matrix is not positive definite): loosen some of them.");
        }
        _driverOfInput = inputs.Select(i => i.Distribution.Driver is { } d ? Array.IndexOf(_drivers, d) : -1).ToArray();
        if (_driverOfInput.Zip(inputs).FirstOrDefault(p => p.First < 0 && p.Second.Distribution.Driver is not null) is { Second: { } bad })
            throw new ArgumentException($"{bad.Path}: unknown driver '{bad.Distribution.Driver}'.");
    }

    /// <summary>The uncertain inputs, in order.</summary>
    public IReadOnlyList<UncertainInput> Inputs => _inputs;

    /// <summary>Draws one value per input into <paramref name="values"/> using <paramref name="random"/>.</summary>
    public void Draw(Random random, double[] values)
    {
        var independent = new double[Math.Max(1, _drivers.Length)];
        for (var i = 0; i < _drivers.Length; i++) independent[i] = Normal.Sample(random, 0, 1);
        var correlated = _drivers.Length == 0 ? [] : (_cholesky * Vector<double>.Build.DenseOfArray(independent)).ToArray();
        for (var i = 0; i < _inputs.Count; i++)
        {
            var z = _driverOfInput[i] >= 0 ? correlated[_driverOfInput[i]] : Normal.Sample(random, 0, 1);
            values[i] = _inputs[i].Quantile(Normal.CDF(0, 1, z));
        }
    }
}
