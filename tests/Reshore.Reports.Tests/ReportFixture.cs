using System.Globalization;
using Reshore.Core.MarketData;
using Reshore.Data.CaseFiles;
using Reshore.Data.ReferenceData;

namespace Reshore.Reports.Tests;

/// <summary>The LED-lamps example built once in English and in Dutch, with a small simulation (200 scenarios, fixed seed).</summary>
public sealed class ReportFixture
{
    public const int Scenarios = 200;
    public static readonly CultureInfo English = CultureInfo.GetCultureInfo("en");
    public static readonly CultureInfo Dutch = CultureInfo.GetCultureInfo("nl-BE");

    public ReportFixture()
    {
        Market = ReferenceDataLoader.Embedded();
        var path = Path.Combine(RepoRoot, "examples", "led-lamps.yaml");
        Document = CaseFileReader.ReadDocumentFile(path, Market);
        var options = new ReportOptions { Scenarios = Scenarios, Seed = 11 };
        English_ = ReportBuilder.Build(Document, Market, English, options, "led-lamps.yaml");
        Dutch_ = ReportBuilder.Build(Document, Market, Dutch, options, "led-lamps.yaml");
    }

    public MarketSnapshot Market { get; }
    public CaseDocument Document { get; }
    public ReportInput English_ { get; }
    public ReportInput Dutch_ { get; }

    /// <summary>The repository root (holds Reshore.slnx).</summary>
    public static string RepoRoot
    {
        get
        {
            var dir = new DirectoryInfo(AppContext.BaseDirectory);
            while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Reshore.slnx"))) dir = dir.Parent;
            return dir?.FullName ?? throw new InvalidOperationException("Repository root not found.");
        }
    }
}

[CollectionDefinition(Name)]
public sealed class ReportCollection : ICollectionFixture<ReportFixture>
{
    public const string Name = "report";
}
