using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using Reshore.Data.CaseFiles;
using Reshore.Data.Examples;
using Reshore.Data.ReferenceData;
using Reshore.Excel;

namespace Reshore.Web.Tests;

/// <summary>Excel in and out through the API, on each database provider.</summary>
public abstract class ImportTests<TApp>(TApp app) : IClassFixture<TApp> where TApp : ReshoreApp
{
    private static byte[] LedLampsWorkbook()
    {
        var market = ReferenceDataLoader.Embedded();
        var doc = CaseFileReader.ReadDocument(ExampleCatalog.Find("led-lamps")!.Text, CaseFormat.Yaml, "led-lamps.yaml", market);
        return CaseWorkbook.FromCase(doc, market, CultureInfo.GetCultureInfo("en"));
    }

    /// <summary>Puts text into the first data row (row 3) of the column headed <paramref name="field"/>; returns the cell reference.</summary>
    private static (byte[] Bytes, string Cell) WithText(byte[] workbook, string sheetName, string field, string text)
    {
        var stream = new MemoryStream();
        stream.Write(workbook);
        string cellRef;
        using (var doc = SpreadsheetDocument.Open(stream, true))
        {
            var wb = doc.WorkbookPart!;
            var sheet = wb.Workbook.Sheets!.Elements<Sheet>().Single(s => s.Name == sheetName);
            var part = (WorksheetPart)wb.GetPartById(sheet.Id!);
            var strings = wb.SharedStringTablePart?.SharedStringTable.Elements<SharedStringItem>().Select(i => i.InnerText).ToList() ?? [];
            string Value(Cell c) => c.DataType?.Value == CellValues.SharedString ? strings[int.Parse(c.CellValue!.Text, CultureInfo.InvariantCulture)] : c.InnerText;
            var rows = part.Worksheet.GetFirstChild<SheetData>()!.Elements<Row>().ToList();
            var header = rows.Single(r => r.RowIndex!.Value == 1).Elements<Cell>().Single(c => Value(c) == field);
            var column = new string(header.CellReference!.Value!.TakeWhile(char.IsLetter).ToArray());
            cellRef = column + "3";
            var row = rows.Single(r => r.RowIndex!.Value == 3);
            var cell = row.Elements<Cell>().FirstOrDefault(c => c.CellReference?.Value == cellRef);
            if (cell is null) { cell = new Cell { CellReference = cellRef }; row.Append(cell); }
            cell.DataType = CellValues.InlineString;
            cell.CellValue = null;
            cell.RemoveAllChildren();
            cell.InlineString = new InlineString(new Text(text));
            part.Worksheet.Save();
        }
        return (stream.ToArray(), $"{sheetName}!{cellRef}");
    }

    private static MultipartFormDataContent Upload(byte[] bytes, string name)
    {
        var content = new ByteArrayContent(bytes);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        return new MultipartFormDataContent { { content, "file", name } };
    }

    private async Task<(HttpClient Client, Guid Workspace)> Workspace()
    {
        var client = await app.NewUserClientAsync();
        var ws = (await (await client.PostAsJsonAsync("/api/workspaces", new { name = "Excel" })).Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        return (client, ws);
    }

    [Fact]
    public async Task A_filled_workbook_imports_as_a_case_that_evaluates_like_the_original()
    {
        var (client, ws) = await Workspace();
        var response = await client.PostAsync($"/api/workspaces/{ws}/cases/import", Upload(LedLampsWorkbook(), "led-lamps.xlsx"));
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var id = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        var evaluation = await (await client.PostAsync($"/api/cases/{id}/evaluate", null)).Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("pl-supplier", evaluation.GetProperty("items")[0].GetProperty("recommendedOptionId").GetString());

        // Out again: the case as a workbook, the results workbook and the template are real xlsx files.
        foreach (var url in new[] { $"/api/cases/{id}/case.xlsx", $"/api/cases/{id}/results.xlsx", "/api/excel/case-template.xlsx" })
        {
            var bytes = await client.GetByteArrayAsync(url);
            Assert.Equal("PK", System.Text.Encoding.ASCII.GetString(bytes, 0, 2));
            using var doc = SpreadsheetDocument.Open(new MemoryStream(bytes), false);
            Assert.NotEmpty(doc.WorkbookPart!.Workbook.Sheets!.Elements<Sheet>());
        }
    }

    [Fact]
    public async Task A_bad_cell_is_reported_by_sheet_and_cell_and_nothing_is_stored()
    {
        var (client, ws) = await Workspace();
        var (bytes, cell) = WithText(LedLampsWorkbook(), "Options", "production.priceLabourSharePct", "twelve");
        var response = await client.PostAsync($"/api/workspaces/{ws}/cases/import", Upload(bytes, "bad.xlsx"));
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True(problem.GetProperty("errors").TryGetProperty(cell, out var messages), problem.GetRawText());
        Assert.Contains("twelve", messages[0].GetString());
        Assert.Contains("nothing was stored", problem.GetProperty("detail").GetString());
        Assert.Empty((await client.GetFromJsonAsync<JsonElement>($"/api/workspaces/{ws}/cases")).EnumerateArray());
    }

    /// <summary>Sets cell (row of the field key in hidden column A, <paramref name="column"/>) on the first sheet whose A1 is <paramref name="marker"/>, as a user would in Excel.</summary>
    private static byte[] SetTemplateCell(byte[] workbook, string marker, string key, string column, double value)
    {
        var stream = new MemoryStream();
        stream.Write(workbook);
        using (var doc = SpreadsheetDocument.Open(stream, true))
        {
            var wb = doc.WorkbookPart!;
            var part = wb.Workbook.Sheets!.Elements<Sheet>().Select(s => (WorksheetPart)wb.GetPartById(s.Id!))
                .First(p => p.Worksheet.Descendants<Cell>().FirstOrDefault(c => c.CellReference == "A1")?.InnerText == marker);
            var row = part.Worksheet.Descendants<Row>().Single(r => r.Elements<Cell>().FirstOrDefault(c => c.CellReference!.Value!.StartsWith('A'))?.InnerText == key);
            var reference = column + row.RowIndex!.Value.ToString(CultureInfo.InvariantCulture);
            var cell = row.Elements<Cell>().FirstOrDefault(c => c.CellReference?.Value == reference);
            if (cell is null)
            {
                cell = new Cell { CellReference = reference };
                var after = row.Elements<Cell>().LastOrDefault(c => string.CompareOrdinal(c.CellReference!.Value!, reference) < 0 && c.CellReference!.Value!.Length <= reference.Length);
                if (after is null) row.PrependChild(cell); else after.InsertAfterSelf(cell);
            }
            cell.RemoveAllChildren();
            cell.DataType = null;
            cell.CellValue = new CellValue(value.ToString("R", CultureInfo.InvariantCulture));
            part.Worksheet.Save();
        }
        return stream.ToArray();
    }

    [Fact]
    public async Task Re_importing_the_case_workbook_updates_the_case_and_shows_what_changed()
    {
        var (client, ws) = await Workspace();
        var created = await client.PostAsJsonAsync($"/api/workspaces/{ws}/cases", new { text = ExampleCatalog.Find("led-lamps")!.Text, format = "yaml" });
        var id = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        var workbook = await client.GetByteArrayAsync($"/api/cases/{id}/case.xlsx?layout=simple");
        // Options are columns E, F, G in case order (cn-cm, be-own-line, pl-supplier): the Polish price becomes 0.95.
        var edited = SetTemplateCell(workbook, "#item", "option.production.unitPrice", "G", 0.95);

        var response = await client.PostAsync($"/api/workspaces/{ws}/cases/import", Upload(edited, "led-lamps.xlsx"));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(body.GetProperty("updated").GetBoolean());
        Assert.Equal(id, body.GetProperty("id").GetGuid());
        Assert.Equal(2, body.GetProperty("version").GetInt32());
        var inputs = body.GetProperty("comparison").GetProperty("inputs").EnumerateArray().ToList();
        var change = Assert.Single(inputs);
        Assert.Equal("items[led-a60-9w].options[pl-supplier].production.unitPrice", change.GetProperty("path").GetString());
        Assert.Equal("0.95", change.GetProperty("after").GetString());
        var pl = body.GetProperty("comparison").GetProperty("options").EnumerateArray().Single(o => o.GetProperty("option").GetString() == "pl-supplier");
        Assert.True(pl.GetProperty("tcoPerUnit").GetProperty("delta").GetDouble() != 0);

        // One case, two versions, and the same comparison from the compare endpoint and page.
        var cases = await client.GetFromJsonAsync<JsonElement>($"/api/workspaces/{ws}/cases");
        Assert.Equal(1, cases.GetArrayLength());
        var versions = await client.GetFromJsonAsync<JsonElement>($"/api/cases/{id}/versions");
        Assert.Equal([2, 1], versions.EnumerateArray().Select(v => v.GetProperty("version").GetInt32()));
        var compare = await client.GetFromJsonAsync<JsonElement>($"/api/cases/{id}/compare?from=1&to=2");
        Assert.Equal(change.GetProperty("path").GetString(), compare.GetProperty("inputs")[0].GetProperty("path").GetString());
        var page = await client.GetStringAsync($"/cases/{id}/versions?from=1&to=2");
        Assert.Contains("option-moves", page);
        Assert.Contains("pl-supplier", page);

        // A bad cell in a re-import stores nothing: still version 2.
        var bad = SetTemplateCell(edited, "#item", "item.annualVolumeUnits", "E", -5);
        var refused = await client.PostAsync($"/api/cases/{id}/import", Upload(bad, "led-lamps.xlsx"));
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains("!E", await refused.Content.ReadAsStringAsync());
        Assert.Equal(2, (await client.GetFromJsonAsync<JsonElement>($"/api/cases/{id}/versions")).GetArrayLength());
    }

    [Fact]
    public async Task Reports_come_as_html_and_pdf_in_the_requested_language()
    {
        var (client, ws) = await Workspace();
        var created = await client.PostAsJsonAsync($"/api/workspaces/{ws}/cases", new { text = ExampleCatalog.Find("led-lamps")!.Text, format = "yaml" });
        var id = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        var html = await client.GetStringAsync($"/api/cases/{id}/report.html?scenarios=100");
        Assert.Contains("<svg", html);
        Assert.Contains("Supplier near Łódź", html);
        var pdf = await client.GetByteArrayAsync($"/api/cases/{id}/report.pdf?scenarios=0");
        Assert.Equal("%PDF", System.Text.Encoding.ASCII.GetString(pdf, 0, 4));
        var request = new HttpRequestMessage(HttpMethod.Get, $"/api/cases/{id}/report.html?scenarios=0");
        request.Headers.AcceptLanguage.Clear();
        request.Headers.AcceptLanguage.ParseAdd("nl-BE");
        var dutch = await (await client.SendAsync(request)).Content.ReadAsStringAsync();
        Assert.Contains("lang=\"nl", dutch);
    }
}

/// <summary>On SQLite.</summary>
public sealed class SqliteImportTests(SqliteApp app) : ImportTests<SqliteApp>(app);

/// <summary>On PostgreSQL.</summary>
public sealed class PostgresImportTests(PostgresApp app) : ImportTests<PostgresApp>(app);
