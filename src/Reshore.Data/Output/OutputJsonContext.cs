using System.Text.Json.Serialization;

namespace Reshore.Data.Output;

/// <summary>
/// Serialisation code generated at compile time for the documents the native CLI writes (`evaluate` and `simulate --format json`),
/// which has no run-time code generation. <see cref="EvaluationJson.Options"/> asks it first and falls back to reflection for every
/// other document, so the JSON is the same either way (a test compares the two).
/// </summary>
[JsonSerializable(typeof(EvaluationDocument))]
[JsonSerializable(typeof(SimulationDocument))]
public sealed partial class OutputJsonContext : JsonSerializerContext;
