using System.Globalization;
using Xunit.Abstractions;

namespace Mash.Faults.Tests.Support;

/// <summary>
/// The seed of a test's random faults: MASH_FAULT_SEED to replay a run, otherwise a new one.
/// Always printed, so a failing run can be repeated exactly (as far as timing allows).
/// </summary>
public static class FaultSeed
{
    public const string Variable = "MASH_FAULT_SEED";

    public static Random Next(ITestOutputHelper output, string test)
    {
        var seed = int.TryParse(Environment.GetEnvironmentVariable(Variable), NumberStyles.Integer, CultureInfo.InvariantCulture, out var given)
            ? given
            : Random.Shared.Next();
        output.WriteLine($"{test}: seed {seed} (rerun with {Variable}={seed})");
        return new Random(seed);
    }
}
