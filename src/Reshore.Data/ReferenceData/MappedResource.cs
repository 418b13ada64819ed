using System.Buffers;

namespace Reshore.Data.ReferenceData;

/// <summary>
/// The memory of an embedded resource that the runtime keeps mapped for the life of the process (the assembly is never unloaded),
/// as <see cref="Memory{T}"/>: the bundled MFN table is read from it in place instead of being copied and decoded whole. Only for
/// resources of an assembly in the default load context (never unloaded), and only handed out as <see cref="ReadOnlyMemory{T}"/>: the
/// image is read-only.
/// </summary>
internal sealed unsafe class MappedResource : MemoryManager<byte>
{
    private readonly byte* _start;
    private readonly int _length;

    private MappedResource(byte* start, int length)
    {
        _start = start;
        _length = length;
    }

    /// <summary>The resource's bytes from the stream's current position to its end.</summary>
    public static ReadOnlyMemory<byte> Of(UnmanagedMemoryStream stream) =>
        new MappedResource(stream.PositionPointer, checked((int)(stream.Length - stream.Position))).Memory;

    public override Span<byte> GetSpan() => new(_start, _length);

    public override MemoryHandle Pin(int elementIndex = 0) => new(_start + elementIndex);

    public override void Unpin() { }

    protected override void Dispose(bool disposing) { }
}
