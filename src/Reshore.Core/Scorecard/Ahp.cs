using MathNet.Numerics.LinearAlgebra;

namespace Reshore.Core.Scorecard;

/// <summary>The weights of an AHP comparison matrix with its consistency.</summary>
/// <param name="Weights">Priority vector (sums to 1).</param>
/// <param name="LambdaMax">Principal eigenvalue.</param>
/// <param name="ConsistencyIndex">CI = (λmax − n) ÷ (n − 1).</param>
/// <param name="ConsistencyRatio">CR = CI ÷ RI(n); 0 for n ≤ 2.</param>
public sealed record AhpResult(double[] Weights, double LambdaMax, double ConsistencyIndex, double ConsistencyRatio);

/// <summary>
/// Analytic hierarchy process (T. L. Saaty, "A scaling method for priorities in hierarchical structures", J. Math. Psychology 15, 1977;
/// The Analytic Hierarchy Process, 1980): weights are the normalised principal eigenvector of the reciprocal comparison matrix,
/// consistency ratio CR = CI ÷ RI with Saaty's random indices. CR &gt; 0.1 signals inconsistent judgements.
/// </summary>
public static class Ahp
{
    /// <summary>Saaty's random consistency index RI(n) for n = 1..15.</summary>
    public static IReadOnlyList<double> RandomIndex { get; } = [0, 0, 0.58, 0.90, 1.12, 1.24, 1.32, 1.41, 1.45, 1.49, 1.51, 1.48, 1.56, 1.57, 1.59];

    /// <summary>Weights and consistency of a positive reciprocal matrix (a[i][j] = 1 ÷ a[j][i]).</summary>
    public static AhpResult Solve(double[,] matrix)
    {
        var n = matrix.GetLength(0);
        if (n != matrix.GetLength(1) || n == 0) throw new ArgumentException("The comparison matrix must be square and not empty.", nameof(matrix));
        if (n > RandomIndex.Count) throw new ArgumentException($"AHP is limited to {RandomIndex.Count} criteria.", nameof(matrix));
        var m = Matrix<double>.Build.DenseOfArray(matrix);
        var evd = m.Evd();
        var index = 0;
        for (var i = 1; i < n; i++)
            if (evd.EigenValues[i].Real > evd.EigenValues[index].Real) index = i;
        var lambda = evd.EigenValues[index].Real;
        var vector = evd.EigenVectors.Column(index);
        var sum = vector.Sum();
        var weights = vector.Select(v => v / sum).ToArray();
        var ci = n > 2 ? (lambda - n) / (n - 1) : 0;
        var cr = n > 2 ? ci / RandomIndex[n - 1] : 0;
        return new AhpResult(weights, lambda, ci, cr);
    }
}
