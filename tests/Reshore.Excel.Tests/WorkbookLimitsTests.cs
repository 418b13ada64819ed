using System.Globalization;
using System.Text;
using Reshore.Data.ReferenceData;
using Reshore.Data.Workbooks;
using Reshore.Tests.Shared;

namespace Reshore.Excel.Tests;

/// <summary>
/// Zip bombs and oversized sheets (issue 20, item 3): refused before a spreadsheet library opens them, in bounded memory.
/// Memory is measured as the bytes this thread allocates during the import, which bounds what it can hold.
/// </summary>
public sealed class WorkbookLimitsTests
{
    private const string OptionsSheet = "xl/worksheets/sheet2.xml";
    private static readonly Lazy<byte[]> Template = new(() => CaseWorkbook.Template(ReferenceDataLoader.Embedded(), CultureInfo.GetCultureInfo("en")));

    // 200 MB of rows behind a file of about 3 MB.
    private static readonly Lazy<byte[]> Bomb = new(() => HostileInputs.ZipBomb(Template.Value, OptionsSheet, 200L * 1024 * 1024));

    private static (WorkbookImportException Error, long AllocatedBytes) ImportFails(byte[] workbook, WorkbookLimits? limits = null)
    {
        var before = GC.GetAllocatedBytesForCurrentThread();
        var e = Assert.Throws<WorkbookImportException>(() => CaseWorkbook.Import(new MemoryStream(workbook), "bomb.xlsx", ReferenceDataLoader.Embedded(), limits));
        return (e, GC.GetAllocatedBytesForCurrentThread() - before);
    }

    [Fact]
    public void A_workbook_that_unpacks_to_200_MB_is_refused_with_bounded_allocations()
    {
        Assert.True(Bomb.Value.Length < 4 * 1024 * 1024, $"bomb is {Bomb.Value.Length:N0} bytes");
        var (e, allocated) = ImportFails(Bomb.Value);
        var error = Assert.Single(e.Errors);
        Assert.Contains("unpacks to more than 100 MB", error.Message);
        // Before the guard the DOM reader held the whole sheet: 7.5 GB for a 1.1 GB sheet.
        Assert.True(allocated < 64L * 1024 * 1024, $"{allocated:N0} bytes allocated");
    }

    [Fact]
    public void A_bomb_that_lies_about_its_size_is_refused_too()
    {
        var lying = HostileInputs.WithLyingSize(Bomb.Value, OptionsSheet, 4_096);
        var (e, allocated) = ImportFails(lying);
        Assert.Contains("workbook", Assert.Single(e.Errors).Message);
        Assert.True(allocated < 64L * 1024 * 1024, $"{allocated:N0} bytes allocated");
    }

    [Fact]
    public void Rows_and_cells_have_their_own_limits()
    {
        var bomb = HostileInputs.ZipBomb(Template.Value, OptionsSheet, 2 * 1024 * 1024);
        var rows = ImportFails(bomb, new WorkbookLimits { MaxRowsPerSheet = 1_000 }).Error;
        Assert.Contains("more than 1,000 rows", Assert.Single(rows.Errors).Message);
        var cells = ImportFails(bomb, new WorkbookLimits { MaxCells = 5_000 }).Error;
        Assert.Contains("more than 5,000 cells", Assert.Single(cells.Errors).Message);
    }

    [Theory]
    [InlineData("<x:worksheet xmlns:x=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><x:sheetData><x:row></x:sheetData>")]
    [InlineData("not xml at all")]
    [InlineData("<!DOCTYPE lolz [<!ENTITY lol \"lol\">]><x:worksheet xmlns:x=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"/>")]
    public void A_sheet_that_is_not_well_formed_xml_is_an_unreadable_workbook(string sheet)
    {
        var broken = HostileInputs.ReplacePart(Template.Value, OptionsSheet, Encoding.UTF8.GetBytes(sheet));
        var (e, _) = ImportFails(broken);
        Assert.Contains("Not a readable .xlsx workbook", Assert.Single(e.Errors).Message);
    }

    // Issue 20's fuzz test: a mutated cell reference or row number overflowed the checked arithmetic (a 500).
    [Theory]
    [InlineData("<x:row r=\"1\"><x:c r=\"XFE1\"><x:v>1</x:v></x:c></x:row>", "'XFE1' is not a cell reference")]
    [InlineData("<x:row r=\"1\"><x:c r=\"ZZZZZZZZZZ1\"><x:v>1</x:v></x:c></x:row>", "is not a cell reference")]
    [InlineData("<x:row r=\"1\"><x:c r=\"A99999999999\"><x:v>1</x:v></x:c></x:row>", "is not a cell reference")]
    [InlineData("<x:row r=\"1\"><x:c r=\"A0\"><x:v>1</x:v></x:c></x:row>", "'A0' is not a cell reference")]
    [InlineData("<x:row r=\"4294967295\"><x:c><x:v>1</x:v></x:c></x:row>", "Row number 4294967295 is outside a sheet")]
    [InlineData("<x:row r=\"99999999999\"><x:c><x:v>1</x:v></x:c></x:row>", "Row number 99999999999 is outside a sheet")]
    [InlineData("<x:row r=\"0\"><x:c><x:v>1</x:v></x:c></x:row>", "Row number 0 is outside a sheet")]
    public void A_cell_or_row_outside_a_sheet_is_an_unreadable_workbook(string row, string message)
    {
        var sheet = $"<x:worksheet xmlns:x=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><x:sheetData>{row}</x:sheetData></x:worksheet>";
        var (e, _) = ImportFails(HostileInputs.ReplacePart(Template.Value, OptionsSheet, Encoding.UTF8.GetBytes(sheet)));
        var only = Assert.Single(e.Errors);
        Assert.Contains("Not a readable .xlsx workbook", only.Message);
        Assert.Contains(message, only.Message);
    }

    [Fact]
    public void The_guard_leaves_an_ordinary_workbook_readable_and_the_stream_at_its_start()
    {
        var stream = new MemoryStream(Template.Value);
        WorkbookGuard.Check(stream);
        Assert.Equal(0, stream.Position);
        var e = Assert.Throws<WorkbookImportException>(() => CaseWorkbook.Import(stream, "template.xlsx", ReferenceDataLoader.Embedded()));
        // The empty template fails on its missing values, not on the guard.
        Assert.DoesNotContain(e.Errors, x => x.Message.Contains("readable", StringComparison.Ordinal) || x.Message.Contains("unpacks", StringComparison.Ordinal));
    }
}
