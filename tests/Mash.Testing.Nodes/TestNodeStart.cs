namespace Mash.Testing.Nodes;

/// <summary>
/// How long a test node's processes may take to become ready. The suites that start real nodes run
/// beside each other on two cores, each starting a dozen processes; a start slowed by that contention
/// is not a failure of what the tests assert, so they wait longer than the launcher does.
/// </summary>
public static class TestNodeStart
{
    public static readonly TimeSpan Timeout = TimeSpan.FromMinutes(3);
}
