using BenchmarkDotNet.Running;

BenchmarkSwitcher.FromAssembly(typeof(Reshore.Benchmarks.EvaluationBenchmarks).Assembly).Run(args);
