using Mash.Platform.Audit;

namespace Mash.Platform.Tests.Audit;

public sealed class CommitSavepointsTests
{
    [Fact]
    public void Each_save_opens_its_savepoint_and_releases_the_one_before_in_the_same_command()
    {
        var savepoints = new CommitSavepoints();

        var first = savepoints.OpenNext(out var firstName);
        var second = savepoints.OpenNext(out var secondName);
        var third = savepoints.OpenNext(out var thirdName);

        Assert.Equal($"SAVEPOINT {firstName};", first);
        Assert.Equal($"RELEASE SAVEPOINT {firstName}; SAVEPOINT {secondName};", second);
        Assert.Equal($"RELEASE SAVEPOINT {secondName}; SAVEPOINT {thirdName};", third);
    }

    [Fact]
    public void A_save_never_shares_its_savepoints_name_with_the_save_before_it()
    {
        var savepoints = new CommitSavepoints();
        var names = Enumerable.Range(0, 6).Select(_ => { savepoints.OpenNext(out var name); return name; }).ToList();

        // Rolling back to a save's own name can then never reach the save before it.
        Assert.All(names.Zip(names.Skip(1)), pair => Assert.NotEqual(pair.First, pair.Second));
        Assert.Equal(2, names.Distinct().Count());
    }

    [Fact]
    public void The_statements_for_a_batch_are_those_of_the_command_one_by_one()
    {
        var asCommands = new CommitSavepoints();
        var asStatements = new CommitSavepoints();

        for (var save = 0; save < 3; save++)
        {
            var command = asCommands.OpenNext(out var name);
            var statements = asStatements.OpenNextStatements(out var sameName);

            Assert.Equal((command, name), (string.Join(" ", statements.Select(s => s + ";")), sameName));
            Assert.All(statements, s => Assert.DoesNotContain(";", s, StringComparison.Ordinal));
        }
    }
}
