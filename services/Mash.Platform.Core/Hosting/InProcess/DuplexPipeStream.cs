using System.Buffers;
using System.IO.Pipelines;

namespace Mash.Platform.Hosting.InProcess;

/// <summary>
/// The caller's end of an in-process connection: reads what the server writes, writes what the server reads. When
/// the server aborts the connection, a read in progress or to come fails as a reset socket's would.
/// </summary>
internal sealed class DuplexPipeStream : Stream
{
    private readonly PipeReader _input;
    private readonly PipeWriter _output;
    private readonly CancellationTokenRegistration _onServerAbort;
    private volatile bool _aborted;
    private int _disposed;

    public DuplexPipeStream(PipeReader input, PipeWriter output, CancellationToken serverAborted)
    {
        _input = input;
        _output = output;
        _onServerAbort = serverAborted.UnsafeRegister(static state =>
        {
            var stream = (DuplexPipeStream)state!;
            stream._aborted = true;
            stream._input.CancelPendingRead();
        }, this);
    }

    public override bool CanRead => true;

    public override bool CanWrite => true;

    public override bool CanSeek => false;

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        ThrowIfAborted();
        var result = await _input.ReadAsync(cancellationToken);
        ThrowIfAborted();
        var available = result.Buffer;
        if (available.IsEmpty && (result.IsCompleted || result.IsCanceled))
        {
            _input.AdvanceTo(available.End);
            return 0; // the server closed its side
        }

        var count = (int)Math.Min(buffer.Length, available.Length);
        available.Slice(0, count).CopyTo(buffer.Span);
        _input.AdvanceTo(available.GetPosition(count));
        return count;
    }

    public override async ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
    {
        ThrowIfAborted();
        var result = await _output.WriteAsync(buffer, cancellationToken);
        if (result.IsCompleted)
        {
            throw new IOException("The server closed the in-process connection.");
        }
    }

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        WriteAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override Task FlushAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public override void Flush()
    {
    }

    // HTTP/2 in SocketsHttpHandler reads and writes asynchronously only.
    public override int Read(byte[] buffer, int offset, int count) => ReadAsync(buffer, offset, count).GetAwaiter().GetResult();

    public override void Write(byte[] buffer, int offset, int count) => WriteAsync(buffer, offset, count).GetAwaiter().GetResult();

    public override long Length => throw new NotSupportedException();

    public override long Position
    {
        get => throw new NotSupportedException();
        set => throw new NotSupportedException();
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing && Interlocked.Exchange(ref _disposed, 1) == 0)
        {
            _onServerAbort.Dispose();
            // The server reads the end of its input and closes the connection.
            _output.Complete();
            _input.Complete();
        }

        base.Dispose(disposing);
    }

    private void ThrowIfAborted()
    {
        if (_aborted)
        {
            throw new IOException("The server aborted the in-process connection.");
        }
    }
}
