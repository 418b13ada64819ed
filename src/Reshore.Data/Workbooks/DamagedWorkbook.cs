using System.Xml;
using MiniExcelLibs;

namespace Reshore.Data.Workbooks;

/// <summary>Tells a workbook that a spreadsheet library cannot read (the user's file) from a fault in Reshore's own code.</summary>
public static class DamagedWorkbook
{
    /// <summary>
    /// True for what a damaged or hand-made .xlsx makes a reader throw: zip, XML and format errors, and the null references that
    /// MiniExcel throws inside itself when a part it expects is missing (a workbook without its styles part, found by the fuzz
    /// test of issue 20). A null reference thrown in Reshore's code is not matched, so that it still fails loudly.
    /// </summary>
    public static bool Is(Exception e) =>
        e is WorkbookRejectedException or InvalidDataException or XmlException or IOException or InvalidOperationException or FormatException or ArgumentException
        || (e is NullReferenceException or IndexOutOfRangeException or KeyNotFoundException && ThrownInsideMiniExcel(e));

    // MiniExcel may fail inside a library it calls (System.Linq's Any on a missing part): any MiniExcel frame on the stack counts.
    private static bool ThrownInsideMiniExcel(Exception e) =>
        new System.Diagnostics.StackTrace(e).GetFrames().Any(f => f.GetMethod()?.DeclaringType?.Assembly == typeof(MiniExcel).Assembly);
}
