using Mash.Bench.Hosting;

namespace Mash.Bench.Tests;

public sealed class BenchArgumentsTests
{
    [Fact]
    public void No_options_run_every_scenario_in_full()
    {
        var arguments = BenchArguments.Parse([]);

        Assert.False(arguments.Quick);
        Assert.All(BenchArguments.AllScenarios, s => Assert.True(arguments.Runs(s)));
        Assert.Null(arguments.OutFile);
        Assert.Null(arguments.WarmUp);
        // SQLite nodes as the launcher runs them (one process), PostgreSQL nodes as deployed (a process each).
        Assert.Equal(NodeShape.AsRun, arguments.Shape);
    }

    [Fact]
    public void Nodes_run_in_one_process_each_when_asked()
    {
        Assert.Equal(NodeShape.OneProcess, BenchArguments.Parse(["--scenario", "durable", "--one-process"]).Shape);
        Assert.Equal(NodeShape.OneProcess, BenchArguments.Parse(["--one-process"]).Shape);
    }

    [Fact]
    public void Every_application_runs_a_process_of_its_own_when_asked_and_not_both_shapes_at_once()
    {
        Assert.Equal(NodeShape.ProcessEach, BenchArguments.Parse(["--process-each"]).Shape);
        Assert.Throws<ArgumentException>(() => BenchArguments.Parse(["--one-process", "--process-each"]));
    }

    [Fact]
    public void A_warm_up_time_is_read_in_seconds()
    {
        Assert.Equal(TimeSpan.FromSeconds(90), BenchArguments.Parse(["--warmup", "90"]).WarmUp);
    }

    [Fact]
    public void Scenarios_settings_and_the_output_file_are_read()
    {
        var arguments = BenchArguments.Parse(["--quick", "--scenario", "events,list", "--scenario", "gateway", "--out", "r.json", "--set", "DOTNET_gcServer=0"]);

        Assert.True(arguments.Quick);
        Assert.True(arguments.Runs("events") && arguments.Runs("list") && arguments.Runs("gateway"));
        Assert.False(arguments.Runs("durable"));
        Assert.Equal("r.json", arguments.OutFile);
        Assert.Equal("0", arguments.Settings["DOTNET_gcServer"]);
    }

    [Theory]
    [InlineData("--scenario", "nope")]
    [InlineData("--set", "no-equals-sign")]
    [InlineData("--out")]
    [InlineData("--fast")]
    [InlineData("--warmup", "soon")]
    [InlineData("--warmup", "-1")]
    public void Unknown_or_incomplete_options_are_refused(params string[] args)
    {
        Assert.Throws<ArgumentException>(() => BenchArguments.Parse(args));
    }

    [Fact]
    public void Resident_memory_is_read_from_proc_status()
    {
        string[] status = ["Name:\tdotnet", "VmPeak:\t  300000 kB", "VmRSS:\t  102400 kB", "RssAnon:\t   51200 kB", "Threads:\t20"];

        Assert.Equal(100.0, ProcessStats.ParseField(status, "VmRSS"));
        Assert.Equal(50.0, ProcessStats.ParseField(status, "RssAnon"));
        Assert.Null(ProcessStats.ParseField(["Name:\tzombie"], "VmRSS"));
    }
}
