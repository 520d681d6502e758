using Mash.Platform.Hosting;
using Mash.Platform.Tests.Support;

namespace Mash.Platform.Tests.Hosting;

public sealed class LocalSecretFileTests : IDisposable
{
    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void The_secret_is_generated_once_and_the_same_value_is_returned_after()
    {
        var path = Path.Combine(_temp.Path, "data", "nested", "node.secret"); // directories do not exist yet
        var generated = 0;

        var first = LocalSecretFile.ReadOrCreate(path, () => { generated++; return "first-secret"; });
        var second = LocalSecretFile.ReadOrCreate(path, () => { generated++; return "second-secret"; });

        Assert.Equal("first-secret", first);
        Assert.Equal("first-secret", second);
        Assert.Equal(1, generated);
        Assert.Equal("first-secret", File.ReadAllText(path));
        Assert.Equal([path], Directory.GetFiles(Path.GetDirectoryName(path)!)); // no temporary file left behind
    }

    [Fact]
    public void An_existing_file_is_read_without_generating_and_surrounding_whitespace_is_dropped()
    {
        var path = _temp.File("node.secret");
        File.WriteAllText(path, "  configured-by-hand\n");

        var value = LocalSecretFile.ReadOrCreate(path, () => throw new InvalidOperationException("must not generate"));

        Assert.Equal("configured-by-hand", value);
    }

    [Fact]
    public async Task Two_callers_starting_together_on_a_fresh_path_agree_on_one_value()
    {
        for (var round = 0; round < 30; round++)
        {
            var path = _temp.File($"race-{round}.secret");
            using var start = new Barrier(2);
            string Caller() => LocalSecretFile.ReadOrCreate(path, () =>
            {
                // Neither writes before both have generated: the first blocks here until the second arrives.
                start.SignalAndWait(TimeSpan.FromSeconds(5));
                return Guid.NewGuid().ToString("N");
            });

            var values = await Task.WhenAll(Task.Run(Caller), Task.Run(Caller));

            Assert.Equal(values[0], values[1]);
            Assert.Equal(values[0], File.ReadAllText(path));
        }

        Assert.All(Directory.GetFiles(_temp.Path), f => Assert.EndsWith(".secret", f, StringComparison.Ordinal));
    }

    [Fact]
    public void Only_the_owner_can_read_or_write_the_file_on_Unix()
    {
        if (OperatingSystem.IsWindows())
        {
            return;
        }

        var path = _temp.File("node.secret");
        LocalSecretFile.ReadOrCreate(path, () => "secret");

        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(path));
    }
}
