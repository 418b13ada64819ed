using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Reshore.Core.MarketData;
using Reshore.Core.Validation;
using Reshore.Data.CaseFiles;
using Reshore.Data.Examples;
using Reshore.Data.ReferenceData;
using Reshore.Excel;
using Reshore.Monitor;
using Xunit.Abstractions;

namespace Reshore.Web.Tests.Fuzz;

/// <summary>The kinds of input the fuzz test throws, with the folder of kept regression inputs and the file extension.</summary>
public enum FuzzTarget
{
    /// <summary>A case file in YAML.</summary>
    CaseYaml,
    /// <summary>A case file in JSON.</summary>
    CaseJson,
    /// <summary>A case workbook.</summary>
    CaseWorkbook,
    /// <summary>A monitor import in CSV.</summary>
    MonitorCsv,
    /// <summary>A monitor import workbook.</summary>
    MonitorWorkbook,
}

/// <summary>
/// Issue 20's fuzz test: random and mutated case files, workbooks and monitor CSVs thrown at the parsers (in the process) and at
/// the API (over HTTP); each must give a valid result or a clear refusal (a 400), never a 500, never a crash or a hang. Inputs that
/// failed once are kept in Fuzz/Corpus and replayed on every run. It is part of the ordinary <c>dotnet test</c> run (CI included)
/// and is deterministic: the same seed (default <see cref="DefaultSeed"/>) gives the same inputs in the same order, a fixed number
/// of them (<see cref="ParserInputs"/> for the parsers, <see cref="ApiInputs"/> for the API). A time cap (default 90 s per test)
/// stops a run early on a slow machine, with the inputs not reached printed. To hunt for new findings, set
/// <c>RESHORE_FUZZ_SEED</c> (a number) and <c>RESHORE_FUZZ_INPUTS</c> (a multiple of the default counts) and
/// <c>RESHORE_FUZZ_SECONDS</c>; a failure names the seed and writes the input to artifacts/fuzz/, to be copied into Fuzz/Corpus.
/// </summary>
[Trait("Category", "LongRunning")]
public sealed class FuzzTests(SqliteApp app, ITestOutputHelper output) : IClassFixture<SqliteApp>
{
    private static readonly MarketSnapshot Market = ReferenceDataLoader.Embedded();
    private static readonly CultureInfo En = CultureInfo.GetCultureInfo("en");

    // A call that takes longer than this is a hang.
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    private static string RepoRoot
    {
        get
        {
            var dir = new DirectoryInfo(AppContext.BaseDirectory);
            while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Reshore.slnx"))) dir = dir.Parent;
            return dir!.FullName;
        }
    }

    private static string CorpusDirectory => Path.Combine(RepoRoot, "tests", "Reshore.Web.Tests", "Fuzz", "Corpus");

    private static string Extension(FuzzTarget target) => target switch
    {
        FuzzTarget.CaseYaml => ".yaml",
        FuzzTarget.CaseJson => ".json",
        FuzzTarget.MonitorCsv => ".csv",
        _ => ".xlsx",
    };

    /// <summary>The seed of an ordinary run (the number): every run throws the same inputs.</summary>
    public const int DefaultSeed = 20;

    /// <summary>Inputs thrown at the parsers in an ordinary run.</summary>
    public const int ParserInputs = 2_000;

    /// <summary>Inputs thrown at the API in an ordinary run (each is one to five requests).</summary>
    public const int ApiInputs = 300;

    private static int Seed => int.TryParse(Environment.GetEnvironmentVariable("RESHORE_FUZZ_SEED"), out var s) ? s : DefaultSeed;

    private static int Inputs(int count) =>
        count * (int.TryParse(Environment.GetEnvironmentVariable("RESHORE_FUZZ_INPUTS"), out var n) && n > 0 ? n : 1);

    private static TimeSpan Budget =>
        TimeSpan.FromSeconds(int.TryParse(Environment.GetEnvironmentVariable("RESHORE_FUZZ_SECONDS"), out var s) && s > 0 ? s : 90);

    private void Report(int done, int planned, Stopwatch clock)
    {
        output.WriteLine($"{done:N0} of {planned:N0} inputs in {clock.Elapsed.TotalSeconds:N0} s");
        if (done < planned) output.WriteLine($"Stopped by the time cap ({Budget.TotalSeconds:N0} s): {planned - done:N0} inputs not reached.");
    }

    // The valid inputs that mutations start from.
    private static readonly Lazy<Dictionary<FuzzTarget, List<byte[]>>> Seeds = new(() =>
    {
        var cases = ExampleCatalog.All.Where(e => e.IsCase).ToList();
        var yaml = cases.Select(e => e.Text).ToList();
        var json = yaml.Select(t => CaseJson.ToJson(t, CaseFormat.Yaml)).ToList();
        var workbooks = cases.Select(e => Reshore.Excel.CaseWorkbook.FromCase(e.Text, e.FileName, Market, En)).Append(Reshore.Excel.CaseWorkbook.Template(Market, En)).ToList();
        var csv = File.ReadAllBytes(Path.Combine(RepoRoot, "examples", "monitor-cases.csv"));
        var monitorXlsx = new MemoryStream();
        MonitorExport.WriteCasesXlsx(monitorXlsx, MonitorSeed.Cases);
        return new Dictionary<FuzzTarget, List<byte[]>>
        {
            [FuzzTarget.CaseYaml] = yaml.Select(Encoding.UTF8.GetBytes).ToList(),
            [FuzzTarget.CaseJson] = json.Select(Encoding.UTF8.GetBytes).ToList(),
            [FuzzTarget.CaseWorkbook] = workbooks,
            [FuzzTarget.MonitorCsv] = [csv],
            [FuzzTarget.MonitorWorkbook] = [monitorXlsx.ToArray()],
        };
    });

    /// <summary>A mutated (or, one time in twenty, random) input of the kind.</summary>
    private static byte[] Input(Mutator m, FuzzTarget target)
    {
        var seed = m.Pick(Seeds.Value[target]);
        if (m.Next(20) == 0) return Encoding.UTF8.GetBytes(m.RandomText(1 + m.Next(2000)));
        switch (target)
        {
            case FuzzTarget.CaseYaml when m.Next(2) == 0:
                // Through the tree: well-formed YAML with wrong values, types and entries.
                var tree = m.MutateTree(CaseJson.ToNode(Encoding.UTF8.GetString(seed), CaseFormat.Yaml));
                var yaml = Mutator.ToYaml(tree);
                return Encoding.UTF8.GetBytes(m.Next(3) == 0 ? m.MutateText(yaml) : yaml);
            case FuzzTarget.CaseJson when m.Next(2) == 0:
                var json = m.MutateTree(JsonNode.Parse(seed))?.ToJsonString() ?? "null";
                return Encoding.UTF8.GetBytes(m.Next(3) == 0 ? m.MutateText(json) : json);
            case FuzzTarget.CaseYaml or FuzzTarget.CaseJson or FuzzTarget.MonitorCsv:
                return Encoding.UTF8.GetBytes(m.MutateText(Encoding.UTF8.GetString(seed)));
            default:
                return m.MutateWorkbook(seed);
        }
    }

    /// <summary>Runs the parser for the kind; returns null when it answered as it should (a result or a user error), else the exception.</summary>
    private static Exception? Parse(FuzzTarget target, byte[] input)
    {
        try
        {
            switch (target)
            {
                case FuzzTarget.CaseYaml or FuzzTarget.CaseJson:
                    var format = target == FuzzTarget.CaseYaml ? CaseFormat.Yaml : CaseFormat.Json;
                    var text = Encoding.UTF8.GetString(input);
                    try
                    {
                        CaseFileReader.ReadDocument(text, format, "fuzz", Market);
                    }
                    catch (CaseValidationException)
                    {
                    }
                    CaseJson.ToJson(text, format);
                    break;
                case FuzzTarget.CaseWorkbook:
                    Reshore.Excel.CaseWorkbook.Import(new MemoryStream(input), "fuzz.xlsx", Market);
                    break;
                case FuzzTarget.MonitorCsv:
                    MonitorImport.ParseCsv(new MemoryStream(input), En, MonitorSeed.Cases);
                    break;
                default:
                    MonitorImport.ParseXlsx(new MemoryStream(input), En, MonitorSeed.Cases);
                    break;
            }
            return null;
        }
        catch (Exception e) when (e is CaseSyntaxException or CaseValidationException or WorkbookImportException)
        {
            return null;
        }
        catch (Exception e)
        {
            return e;
        }
    }

    private static string Keep(FuzzTarget target, byte[] input)
    {
        var directory = Path.Combine(RepoRoot, "artifacts", "fuzz");
        Directory.CreateDirectory(directory);
        var path = Path.Combine(directory, $"{target}-{Convert.ToHexString(SHA256.HashData(input))[..12].ToLowerInvariant()}{Extension(target)}");
        File.WriteAllBytes(path, input);
        return path;
    }

    private static async Task<T> Within<T>(Task<T> work, string what)
    {
        if (await Task.WhenAny(work, Task.Delay(Patience)) != work) throw new TimeoutException($"{what} took more than {Patience.TotalSeconds} s");
        return await work;
    }

    [Fact]
    public async Task Mutated_inputs_never_crash_the_parsers()
    {
        var seed = Seed;
        output.WriteLine($"RESHORE_FUZZ_SEED={seed}");
        var m = new Mutator(seed);
        var budget = Stopwatch.StartNew();
        var runs = new Dictionary<FuzzTarget, int>();
        var targets = Enum.GetValues<FuzzTarget>();
        var planned = Inputs(ParserInputs);
        var i = 0;
        for (; budget.Elapsed < Budget && i < planned; i++)
        {
            var target = targets[i % targets.Length];
            var input = Input(m, target);
            var failure = await Within(Task.Run(() => Parse(target, input)), $"{target} parse");
            if (failure is not null)
                Assert.Fail($"{target}: {failure.GetType().Name}: {failure.Message} (seed {seed}, input {Keep(target, input)}){Environment.NewLine}{failure}");
            runs[target] = runs.GetValueOrDefault(target) + 1;
        }
        Report(i, planned, budget);
        output.WriteLine(string.Join(", ", runs.Select(r => $"{r.Key}: {r.Value}")));
        Assert.All(targets, t => Assert.True(runs.GetValueOrDefault(t) > 0, $"{t} never ran"));
    }

    [Fact]
    public async Task Mutated_inputs_get_a_result_or_a_400_from_the_api()
    {
        var seed = Seed;
        output.WriteLine($"RESHORE_FUZZ_SEED={seed}");
        var m = new Mutator(seed);
        var (client, workspace, caseId) = await SetUpAsync();
        var budget = Stopwatch.StartNew();
        var statuses = new Dictionary<int, int>();
        var targets = Enum.GetValues<FuzzTarget>();
        var planned = Inputs(ApiInputs);
        var i = 0;
        for (; budget.Elapsed < Budget && i < planned; i++)
        {
            var target = targets[i % targets.Length];
            var input = Input(m, target);
            foreach (var status in await Within(SendAsync(client, workspace, caseId, target, input), $"{target} request"))
            {
                statuses[status] = statuses.GetValueOrDefault(status) + 1;
                if (status >= 500) Assert.Fail($"{target}: HTTP {status} (seed {seed}, input {Keep(target, input)})");
            }
        }
        Report(i, planned, budget);
        output.WriteLine(string.Join(", ", statuses.OrderBy(s => s.Key).Select(s => $"{s.Key}: {s.Value}")));
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/me")).StatusCode);
        Assert.True(statuses.Keys.Any(s => s is >= 200 and < 300) && statuses.ContainsKey(400), "the fuzz should reach both accepted and refused inputs");
    }

    public static TheoryData<string> KeptInputs()
    {
        var data = new TheoryData<string>();
        foreach (var file in Directory.GetFiles(CorpusDirectory, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
            data.Add(Path.GetRelativePath(CorpusDirectory, file).Replace('\\', '/'));
        return data;
    }

    /// <summary>Every input the fuzz (or the probe of issue 20) once found, through the parser and through the API.</summary>
    [Theory]
    [MemberData(nameof(KeptInputs))]
    public async Task Kept_inputs_stay_fixed(string file)
    {
        var target = Enum.Parse<FuzzTarget>(file.Split('/')[0]);
        var input = await File.ReadAllBytesAsync(Path.Combine(CorpusDirectory, file));
        var failure = await Within(Task.Run(() => Parse(target, input)), file);
        Assert.True(failure is null, $"{file}: {failure}");
        var (client, workspace, caseId) = await SetUpAsync();
        foreach (var status in await Within(SendAsync(client, workspace, caseId, target, input), file))
            Assert.True(status < 500, $"{file}: HTTP {status}");
    }

    private async Task<(HttpClient Client, Guid Workspace, Guid Case)> SetUpAsync()
    {
        var email = $"fuzz-{Guid.NewGuid():N}@example.org";
        await app.CreateUserAsync(email, admin: true);
        var client = await app.ApiClientAsync(email);
        var workspace = (await (await client.PostAsJsonAsync("/api/workspaces", new { name = "Fuzz" })).Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        var created = await client.PostAsJsonAsync($"/api/workspaces/{workspace}/cases", new { text = ExampleCatalog.Find("led-lamps")!.Text, format = "yaml" });
        return (client, workspace, (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid());
    }

    // The input through every endpoint that takes it; a case that is accepted is evaluated, then deleted. Returns the statuses.
    private static async Task<List<int>> SendAsync(HttpClient client, Guid workspace, Guid caseId, FuzzTarget target, byte[] input)
    {
        var statuses = new List<int>();
        async Task<HttpResponseMessage> Send(Task<HttpResponseMessage> request)
        {
            var response = await request;
            statuses.Add((int)response.StatusCode);
            return response;
        }
        async Task Created(HttpResponseMessage response)
        {
            if (response.StatusCode != HttpStatusCode.Created) return;
            var id = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
            await Send(client.PostAsync($"/api/cases/{id}/evaluate", null));
            await Send(client.DeleteAsync($"/api/cases/{id}"));
        }
        MultipartFormDataContent Upload(string name) => new() { { new ByteArrayContent(input), "file", name } };

        switch (target)
        {
            case FuzzTarget.CaseYaml or FuzzTarget.CaseJson:
                var text = Encoding.UTF8.GetString(input);
                var format = target == FuzzTarget.CaseYaml ? "yaml" : "json";
                await Created(await Send(client.PostAsJsonAsync($"/api/workspaces/{workspace}/cases", new { text, format })));
                await Created(await Send(client.PostAsync($"/api/workspaces/{workspace}/cases/import", Upload("fuzz" + Extension(target)))));
                if (target == FuzzTarget.CaseJson)
                {
                    // The JSON as the request's "case" object, unparsed: the request reader sees it first.
                    var body = new ByteArrayContent(Encoding.UTF8.GetBytes("{\"case\": " + text + "}"));
                    body.Headers.ContentType = new MediaTypeHeaderValue("application/json");
                    await Created(await Send(client.PostAsync($"/api/workspaces/{workspace}/cases", body)));
                }
                var version = (await client.GetFromJsonAsync<JsonElement>($"/api/cases/{caseId}")).GetProperty("version").GetInt32();
                var put = await Send(client.PutAsJsonAsync($"/api/cases/{caseId}", new { text, format, version }));
                if (put.IsSuccessStatusCode)
                {
                    await Send(client.PostAsync($"/api/cases/{caseId}/evaluate", null));
                    await Send(client.PutAsJsonAsync($"/api/cases/{caseId}", new { text = ExampleCatalog.Find("led-lamps")!.Text, format = "yaml", version = version + 1 }));
                }
                break;
            case FuzzTarget.CaseWorkbook:
                await Created(await Send(client.PostAsync($"/api/workspaces/{workspace}/cases/import", Upload("fuzz.xlsx"))));
                break;
            case FuzzTarget.MonitorCsv:
                await Send(client.PostAsync("/api/monitor/import?dryRun=true", Upload("fuzz.csv")));
                break;
            default:
                await Send(client.PostAsync("/api/monitor/import?dryRun=true", Upload("fuzz.xlsx")));
                break;
        }
        return statuses;
    }
}
