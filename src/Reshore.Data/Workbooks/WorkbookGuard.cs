using System.IO.Compression;
using System.Xml;

namespace Reshore.Data.Workbooks;

/// <summary>
/// Limits on an uploaded .xlsx workbook, checked before any spreadsheet library opens it. A workbook is a zip of XML parts;
/// a few megabytes can unpack to gigabytes (a "zip bomb"), and a sheet of millions of tiny cells exhausts any reader. The
/// defaults are far above a case workbook (about 0.2 MB unpacked, a few hundred rows) and a 20,000-case monitor import.
/// </summary>
public sealed record WorkbookLimits
{
    /// <summary>The defaults.</summary>
    public static WorkbookLimits Default { get; } = new();

    /// <summary>Most bytes all parts may unpack to together (default 100 MB).</summary>
    public long MaxUnpackedBytes { get; init; } = 100L * 1024 * 1024;

    /// <summary>Most bytes any part other than a sheet or the shared-strings table may unpack to (default 16 MB).</summary>
    public long MaxPartBytes { get; init; } = 16L * 1024 * 1024;

    /// <summary>Most parts in the archive (default 10,000).</summary>
    public int MaxParts { get; init; } = 10_000;

    /// <summary>Most rows on one sheet (default 100,000).</summary>
    public int MaxRowsPerSheet { get; init; } = 100_000;

    /// <summary>Most cells, and most shared strings, in the whole workbook (default 2,000,000).</summary>
    public int MaxCells { get; init; } = 2_000_000;
}

/// <summary>A workbook over one of the <see cref="WorkbookLimits"/>, or not a readable workbook at all.</summary>
public sealed class WorkbookRejectedException(string message) : Exception(message);

/// <summary>Checks a workbook against <see cref="WorkbookLimits"/> by streaming through it once, in bounded memory.</summary>
public static class WorkbookGuard
{
    private const string SpreadsheetMl = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";

    /// <summary>
    /// Reads every part of the workbook once, counting the bytes it really unpacks to (not what the archive claims) and the
    /// rows, cells and shared strings of its sheets; throws <see cref="WorkbookRejectedException"/> at the first limit
    /// passed. The stream must be seekable; it is left at its start.
    /// </summary>
    public static void Check(Stream workbook, WorkbookLimits? limits = null)
    {
        limits ??= WorkbookLimits.Default;
        if (!workbook.CanSeek) throw new ArgumentException("The workbook stream must be seekable.", nameof(workbook));
        var start = workbook.Position;
        try
        {
            using var zip = new ZipArchive(workbook, ZipArchiveMode.Read, leaveOpen: true);
            if (zip.Entries.Count > limits.MaxParts)
                throw new WorkbookRejectedException($"The workbook has {zip.Entries.Count:N0} parts; at most {limits.MaxParts:N0} are accepted.");
            long total = 0;
            long cells = 0;
            foreach (var entry in zip.Entries)
            {
                var name = entry.FullName;
                var isSheet = name.StartsWith("xl/worksheets/", StringComparison.OrdinalIgnoreCase) && name.EndsWith(".xml", StringComparison.OrdinalIgnoreCase);
                var isStrings = name.Equals("xl/sharedStrings.xml", StringComparison.OrdinalIgnoreCase);
                var partLimit = isSheet || isStrings ? limits.MaxUnpackedBytes : limits.MaxPartBytes;
                // The archive's own size fields can lie; they only let an honest oversized part be refused before reading it.
                if (entry.Length > partLimit || total + entry.Length > limits.MaxUnpackedBytes) throw TooLarge(limits);
                using var counted = new CountingStream(entry.Open(), Math.Min(partLimit, limits.MaxUnpackedBytes - total), () => TooLarge(limits));
                if (isSheet) cells += CountSheet(counted, name, limits, limits.MaxCells - cells);
                else if (isStrings) CountElements(counted, "si", limits.MaxCells, () => TooManyCells(limits));
                else counted.CopyTo(Stream.Null);
                total += counted.BytesRead;
            }
        }
        catch (Exception e) when (e is InvalidDataException or XmlException or IOException or NotSupportedException)
        {
            throw new WorkbookRejectedException($"Not a readable .xlsx workbook: {e.Message}");
        }
        finally
        {
            workbook.Position = start;
        }
    }

    private static WorkbookRejectedException TooLarge(WorkbookLimits limits) =>
        new($"The workbook unpacks to more than {limits.MaxUnpackedBytes / (1024 * 1024):N0} MB; split it or remove unused sheets and cells.");

    private static WorkbookRejectedException TooManyCells(WorkbookLimits limits) =>
        new($"The workbook has more than {limits.MaxCells:N0} cells; split it or remove unused cells.");

    private static XmlReader Xml(Stream stream) => XmlReader.Create(stream, new XmlReaderSettings
    {
        DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null, IgnoreComments = true, IgnoreWhitespace = true, CloseInput = false,
    });

    private static long CountSheet(Stream stream, string part, WorkbookLimits limits, long cellsLeft)
    {
        using var xml = Xml(stream);
        long rows = 0, cells = 0;
        while (xml.Read())
        {
            if (xml.NodeType != XmlNodeType.Element || xml.NamespaceURI != SpreadsheetMl) continue;
            if (xml.LocalName == "row" && ++rows > limits.MaxRowsPerSheet)
                throw new WorkbookRejectedException($"A sheet ({Path.GetFileName(part)}) has more than {limits.MaxRowsPerSheet:N0} rows; split the workbook.");
            if (xml.LocalName == "c" && ++cells > cellsLeft) throw TooManyCells(limits);
        }
        return cells;
    }

    private static void CountElements(Stream stream, string element, long max, Func<Exception> tooMany)
    {
        using var xml = Xml(stream);
        long count = 0;
        while (xml.Read())
            if (xml.NodeType == XmlNodeType.Element && xml.LocalName == element && xml.NamespaceURI == SpreadsheetMl && ++count > max) throw tooMany();
    }

    // Counts what a part really unpacks to and stops at the limit.
    private sealed class CountingStream(Stream inner, long limit, Func<Exception> over) : Stream
    {
        public long BytesRead { get; private set; }
        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => BytesRead; set => throw new NotSupportedException(); }
        public override void Flush() { }
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        public override int Read(byte[] buffer, int offset, int count)
        {
            var n = inner.Read(buffer, offset, count);
            BytesRead += n;
            if (BytesRead > limit) throw over();
            return n;
        }

        protected override void Dispose(bool disposing)
        {
            if (disposing) inner.Dispose();
            base.Dispose(disposing);
        }
    }
}
