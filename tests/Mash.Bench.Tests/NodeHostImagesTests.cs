using Mash.Node.Hosting;

namespace Mash.Bench.Tests;

/// <summary>The launcher and the benchmark start the node host's ReadyToRun images only while they match its build.</summary>
public sealed class NodeHostImagesTests : IDisposable
{
    private readonly string _bin = Directory.CreateTempSubdirectory("mash-node-host-").FullName;
    private readonly string _built;
    private readonly string _images;

    public NodeHostImagesTests()
    {
        Directory.CreateDirectory(Path.Combine(_bin, "net10.0"));
        Directory.CreateDirectory(Path.Combine(_bin, "ready-to-run"));
        _built = Path.Combine(_bin, "net10.0", "Mash.Node.Host.dll");
        _images = Path.Combine(_bin, "ready-to-run", "Mash.Node.Host.dll");
    }

    [Fact]
    public void Without_images_the_build_itself_runs()
    {
        Write(_built, minutesAgo: 10);
        Directory.Delete(Path.Combine(_bin, "ready-to-run"));

        Assert.Equal(_built, RepositoryLayout.ReadyToRunIfCurrent(_built));
    }

    [Fact]
    public void Images_made_after_the_build_run_instead_of_it()
    {
        Write(_built, minutesAgo: 10);
        Write(Path.Combine(_bin, "net10.0", "Mash.Referral.dll"), minutesAgo: 9);
        Write(_images, minutesAgo: 5);

        Assert.Equal(_images, RepositoryLayout.ReadyToRunIfCurrent(_built));
    }

    [Fact]
    public void Images_older_than_any_service_built_since_are_stale_and_not_run()
    {
        // A solution build after the launcher's: the referral service changed, its images did not.
        Write(_built, minutesAgo: 10);
        Write(_images, minutesAgo: 5);
        Write(Path.Combine(_bin, "net10.0", "Mash.Referral.dll"), minutesAgo: 1);

        Assert.Equal(_built, RepositoryLayout.ReadyToRunIfCurrent(_built));
    }

    public void Dispose() => Directory.Delete(_bin, recursive: true);

    private static void Write(string path, int minutesAgo)
    {
        File.WriteAllBytes(path, [0]);
        File.SetLastWriteTimeUtc(path, DateTime.UtcNow.AddMinutes(-minutesAgo));
    }
}
