using System.Diagnostics;
using System.Globalization;
using System.Text.Json;

namespace Reshore.Cli.Commands;

/// <summary>
/// Runs benchmarks/numpy/weekly_model.py — the same weekly model and synthetic workload in plain numpy, vectorised over
/// scenarios — so `reshore bench` reports the ratio of the two engines measured in the same run on the same machine.
/// The script ships inside the CLI; Debian's python3 (with python3-numpy) is preferred, then python3 on the PATH.
/// </summary>
public static class NumpyBaseline
{
    /// <summary>What the numpy run measured, or why it did not run (<see cref="Note"/>).</summary>
    public sealed record Result(double? StepsPerSecond, double? Steps, double? Seconds, double? StepsPerCpuSecond, double[]? MeanAnnualCost, string? Version, string? Note);

    /// <summary>Runs <paramref name="items"/> synthetic items of <paramref name="scenarios"/> scenarios × <paramref name="weeks"/> weeks in numpy.</summary>
    public static Result Run(int items, int scenarios, int weeks)
    {
        var script = Path.Combine(Path.GetTempPath(), $"reshore-weekly-model-{Environment.ProcessId}.py");
        try
        {
            using (var resource = typeof(NumpyBaseline).Assembly.GetManifestResourceStream("benchmarks/numpy/weekly_model.py")!)
            using (var file = File.Create(script))
                resource.CopyTo(file);
            var python = File.Exists("/usr/bin/python3") ? "/usr/bin/python3" : "python3";
            var start = new ProcessStartInfo(python) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
            foreach (var a in new[] { script, "--items", items.ToString(CultureInfo.InvariantCulture), "--scenarios", scenarios.ToString(CultureInfo.InvariantCulture),
                         "--weeks", weeks.ToString(CultureInfo.InvariantCulture) })
                start.ArgumentList.Add(a);
            using var process = Process.Start(start)!;
            var stdout = process.StandardOutput.ReadToEndAsync();
            var stderr = process.StandardError.ReadToEndAsync();
            process.WaitForExit();
            if (process.ExitCode != 0)
            {
                var error = stderr.Result.Trim().Split('\n').LastOrDefault() ?? "";
                return new Result(null, null, null, null, null, null, $"numpy baseline did not run ({python}: {error})");
            }
            using var doc = JsonDocument.Parse(stdout.Result);
            var root = doc.RootElement;
            return new Result(root.GetProperty("stepsPerSecond").GetDouble(), root.GetProperty("steps").GetDouble(), root.GetProperty("seconds").GetDouble(),
                root.GetProperty("stepsPerCpuSecond").GetDouble(),
                root.GetProperty("meanAnnualCost").EnumerateArray().Select(e => e.GetDouble()).ToArray(), root.GetProperty("numpy").GetString(), null);
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            return new Result(null, null, null, null, null, null, $"numpy baseline did not run: no python3 ({e.Message})");
        }
        finally
        {
            File.Delete(script);
        }
    }
}
