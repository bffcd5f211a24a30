using Microsoft.Extensions.Options;

namespace Greenlight.Modules.Work.Common;

/// <summary>Document bytes in <c>work_document_chunks</c>: written and read one chunk at a time, never whole in memory.</summary>
public sealed class DocumentContentStore(IStore store, IOptions<WorkOptions> options)
{
    public long MaxBytes => options.Value.MaxDocumentBytes;

    /// <summary>
    /// Stores the stream; over the limit it throws <see cref="ContentTooLargeException"/> and nothing reaches the store.
    /// A declared length over the limit is refused before a byte is read. The bytes are first read into a temporary file
    /// (stopping as soon as they pass the limit), so no store transaction is open while a client sends them, however
    /// slowly; then one short transaction stores them.
    /// </summary>
    public async Task<(string ContentId, long Size)> WriteAsync(Stream content, long? declaredLength, CancellationToken cancellationToken)
    {
        if (declaredLength > MaxBytes) throw new ContentTooLargeException(MaxBytes);
        var buffer = new byte[options.Value.DocumentChunkBytes];
        await using var spool = OpenSpool();
        long size = 0;
        for (int read; (read = await content.ReadAtLeastAsync(buffer, buffer.Length, throwOnEndOfStream: false, cancellationToken)) > 0;)
        {
            size += read;
            if (size > MaxBytes) throw new ContentTooLargeException(MaxBytes);
            await spool.WriteAsync(buffer.AsMemory(0, read), cancellationToken);
        }
        spool.Position = 0;
        var contentId = WorkIds.New();
        await store.InTransactionAsync(async tx =>
        {
            for (int seq = 0, read; (read = await spool.ReadAtLeastAsync(buffer, buffer.Length, throwOnEndOfStream: false, cancellationToken)) > 0; seq++)
            {
                await tx.ExecuteAsync("INSERT INTO work_document_chunks (content_id, seq, data) VALUES (@id, @seq, @data)",
                    ("id", contentId), ("seq", seq), ("data", read == buffer.Length ? buffer : buffer[..read]));
            }
        }, cancellationToken);
        return (contentId, size);
    }

    /// <summary>A temporary file only this process's user may read, gone when closed.</summary>
    private FileStream OpenSpool()
    {
        var spool = new FileStreamOptions
        {
            Mode = FileMode.CreateNew, Access = FileAccess.ReadWrite, Options = FileOptions.DeleteOnClose | FileOptions.Asynchronous,
        };
        if (!OperatingSystem.IsWindows()) spool.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        return new FileStream(Path.Combine(options.Value.UploadSpoolDirectory ?? Path.GetTempPath(), $"greenlight-upload-{WorkIds.New()}"), spool);
    }

    public Task DeleteAsync(string contentId, CancellationToken cancellationToken) =>
        store.InTransactionAsync(tx => DeleteAsync(tx, contentId), cancellationToken);

    internal static Task DeleteAsync(IStoreTransaction tx, string contentId) =>
        tx.ExecuteAsync("DELETE FROM work_document_chunks WHERE content_id = @id", ("id", contentId));

    public Stream OpenRead(string contentId, long size) => new ChunkStream(store, contentId, size);

    /// <summary>Reads the next chunk from the store whenever the one in hand is used up.</summary>
    private sealed class ChunkStream(IStore store, string contentId, long size) : Stream
    {
        private byte[] _chunk = [];
        private int _offset;
        private int _seq;
        private long _position;

        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => size;

        public override long Position
        {
            get => _position;
            set => throw new NotSupportedException();
        }

        public override async ValueTask<int> ReadAsync(Memory<byte> destination, CancellationToken cancellationToken = default)
        {
            if (_offset == _chunk.Length)
            {
                if (_position >= size) return 0;
                await using var connection = await store.OpenConnectionAsync(cancellationToken);
                var chunk = await connection.ScalarAsync<byte[]>(
                    "SELECT data FROM work_document_chunks WHERE content_id = @id AND seq = @seq", ("id", contentId), ("seq", _seq));
                _chunk = chunk ?? throw new InvalidOperationException($"Chunk {_seq} of content {contentId} is missing.");
                (_offset, _seq) = (0, _seq + 1);
            }
            var count = Math.Min(destination.Length, _chunk.Length - _offset);
            _chunk.AsMemory(_offset, count).CopyTo(destination);
            _offset += count;
            _position += count;
            return count;
        }

        public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
            ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

        public override int Read(byte[] buffer, int offset, int count) => ReadAsync(buffer, offset, count).GetAwaiter().GetResult();

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
