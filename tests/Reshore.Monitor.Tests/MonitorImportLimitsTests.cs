using System.Globalization;
using System.Text;
using Reshore.Data.Workbooks;
using Reshore.Tests.Shared;

namespace Reshore.Monitor.Tests;

/// <summary>A zip bomb or a broken workbook given to the monitor import is one clear error on row 1, read in bounded memory (issue 20, item 3).</summary>
public sealed class MonitorImportLimitsTests
{
    private static readonly CultureInfo En = CultureInfo.GetCultureInfo("en");

    private static byte[] SeedWorkbook()
    {
        var stream = new MemoryStream();
        MonitorExport.WriteCasesXlsx(stream, MonitorSeed.Cases);
        return stream.ToArray();
    }

    [Fact]
    public void A_workbook_that_unpacks_to_200_MB_is_one_error_with_bounded_allocations()
    {
        var bomb = HostileInputs.ZipBomb(SeedWorkbook(), "xl/worksheets/sheet1.xml", 200L * 1024 * 1024);
        var before = GC.GetAllocatedBytesForCurrentThread();
        var r = MonitorImport.ParseXlsx(new MemoryStream(bomb), En);
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        Assert.False(r.Succeeded);
        Assert.Empty(r.Cases);
        var error = Assert.Single(r.Errors);
        Assert.Equal(1, error.Row);
        Assert.Contains("unpacks to more than 100 MB", error.Reason);
        Assert.True(allocated < 64L * 1024 * 1024, $"{allocated:N0} bytes allocated");
    }

    [Fact]
    public void Limits_can_be_lowered_and_a_broken_sheet_is_not_a_crash()
    {
        var workbook = SeedWorkbook();
        var r = MonitorImport.ParseXlsx(new MemoryStream(workbook), En, limits: new WorkbookLimits { MaxRowsPerSheet = 5 });
        Assert.Contains("more than 5 rows", Assert.Single(r.Errors).Reason);
        var broken = HostileInputs.ReplacePart(workbook, "xl/worksheets/sheet1.xml", Encoding.UTF8.GetBytes("<worksheet><sheetData><row>"));
        Assert.Contains("Not a readable .xlsx workbook", Assert.Single(MonitorImport.ParseXlsx(new MemoryStream(broken), En).Errors).Reason);
        Assert.True(MonitorImport.ParseXlsx(new MemoryStream(workbook), En).RowsRead == MonitorSeed.Cases.Count);
    }

    // Found by the fuzz test of issue 20: MiniExcel threw a NullReferenceException (a 500) for a workbook without its styles part.
    [Fact]
    public void A_workbook_without_its_styles_part_is_one_error_not_a_crash()
    {
        var workbook = SeedWorkbook();
        using (var zip = new System.IO.Compression.ZipArchive(new MemoryStream(workbook)))
            Assert.Contains(zip.Entries, e => e.FullName == "xl/styles.xml");
        var r = MonitorImport.ParseXlsx(new MemoryStream(HostileInputs.ReplacePart(workbook, "xl/styles.xml", null)), En);
        Assert.Contains("Not a readable .xlsx workbook", Assert.Single(r.Errors).Reason);
    }
}
