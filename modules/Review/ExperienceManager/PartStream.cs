namespace Greenlight.Modules.Review.ExperienceManager;

/// <summary>
/// The next <c>length</c> bytes of a stream, read in place: a part of a large video is sent without
/// being copied into memory. Disposing it leaves the source open for the next part.
/// </summary>
internal sealed class PartStream(Stream source, long length) : Stream
{
    private long _remaining = length;

    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length { get; } = length;

    public override long Position
    {
        get => Length - _remaining;
        set => throw new NotSupportedException();
    }

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override int Read(Span<byte> buffer) =>
        _remaining == 0 || buffer.IsEmpty ? 0 : Advance(source.Read(buffer[..Limit(buffer.Length)]));

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
        _remaining == 0 || buffer.IsEmpty ? 0 : Advance(await source.ReadAsync(buffer[..Limit(buffer.Length)], cancellationToken));

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    private int Limit(int bufferLength) => (int)Math.Min(bufferLength, _remaining);

    private int Advance(int read)
    {
        if (read == 0)
            throw new EndOfStreamException($"The binary ended {_remaining} bytes short of the length it was declared with.");
        _remaining -= read;
        return read;
    }
}
