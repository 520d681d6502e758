namespace Mash.Node.Hosting;

/// <summary>The nodes started on this machine, stopped together.</summary>
public sealed class RunningNodes : IAsyncDisposable
{
    private readonly List<RunningNode> _nodes = [];

    public IReadOnlyList<RunningNode> Nodes => _nodes;
    public IEnumerable<ChildProcess> Processes => _nodes.SelectMany(n => n.Processes);

    public void Add(RunningNode node)
    {
        lock (_nodes)
        {
            _nodes.Add(node);
        }
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var node in _nodes)
        {
            await node.DisposeAsync();
        }
    }
}
