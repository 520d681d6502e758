using System.Buffers;

namespace Mash.Platform.Buffers;

/// <summary>
/// Bytes held in an array rented from the shared pool, given back on dispose. Request bodies of
/// up to 1 MB are read whole (the gateway before forwarding, each service before parsing); a
/// fresh array each time lands every body over 85 KB on the large-object heap, which an abusive
/// caller grows until the next full collection and the process rarely gives back.
/// </summary>
public sealed class PooledBuffer : IDisposable
{
    private byte[]? _array;

    private PooledBuffer(byte[] array, int length)
    {
        _array = array;
        Length = length;
    }

    public int Length { get; private set; }

    public Memory<byte> Memory => (_array ?? throw new ObjectDisposedException(nameof(PooledBuffer))).AsMemory(0, Length);

    /// <summary>A read-only stream over the bytes; valid until this buffer is disposed.</summary>
    public Stream AsStream() => new MemoryStream(_array ?? throw new ObjectDisposedException(nameof(PooledBuffer)), 0, Length, writable: false);

    public static PooledBuffer Rent(int length) => new(ArrayPool<byte>.Shared.Rent(Math.Max(1, length)), length);

    /// <summary>Reads a stream to its end, growing the rented array as needed (the stream bounds the size).</summary>
    public static async Task<PooledBuffer> ReadToEndAsync(Stream source, CancellationToken cancellationToken)
    {
        var buffer = new PooledBuffer(ArrayPool<byte>.Shared.Rent(4096), 0);
        try
        {
            int read;
            while ((read = await source.ReadAsync(buffer._array.AsMemory(buffer.Length), cancellationToken)) > 0)
            {
                buffer.Length += read;
                if (buffer.Length == buffer._array!.Length)
                {
                    buffer.Grow();
                }
            }

            return buffer;
        }
        catch
        {
            buffer.Dispose();
            throw;
        }
    }

    private void Grow()
    {
        var larger = ArrayPool<byte>.Shared.Rent(_array!.Length * 2);
        _array.AsSpan(0, Length).CopyTo(larger);
        ArrayPool<byte>.Shared.Return(_array);
        _array = larger;
    }

    public void Dispose()
    {
        if (Interlocked.Exchange(ref _array, null) is { } array)
        {
            ArrayPool<byte>.Shared.Return(array);
        }
    }
}
