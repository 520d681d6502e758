using System.Globalization;

namespace Mash.Node;

/// <summary>Command line of the launcher: `[--port 5100] [--data .mash] [--tls] [--verbose] [--no-dashboard] [--dashboard-port 18888] [--separate-processes]`.</summary>
internal sealed record LauncherArguments(
    int GatewayPort, string? DataDirectory, bool Verbose, bool Dashboard = true, int DashboardPort = 18888, bool Tls = false, bool SeparateProcesses = false)
{
    public const string Usage = "usage: Mash.Node [--port 5100] [--data DIR] [--tls] [--verbose] [--no-dashboard] [--dashboard-port 18888] [--separate-processes]";

    public static LauncherArguments Parse(string[] args)
    {
        var port = 5100;
        string? data = null;
        var verbose = false;
        var dashboard = true;
        var dashboardPort = 18888;
        var tls = false;
        var separate = false;
        for (var i = 0; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "--port" when i + 1 < args.Length && int.TryParse(args[i + 1], NumberStyles.None, CultureInfo.InvariantCulture, out port):
                    i++;
                    break;
                case "--data" when i + 1 < args.Length:
                    data = args[++i];
                    break;
                case "--verbose":
                    verbose = true;
                    break;
                case "--tls":
                    tls = true;
                    break;
                case "--separate-processes":
                    separate = true;
                    break;
                case "--no-dashboard":
                    dashboard = false;
                    break;
                case "--dashboard-port" when i + 1 < args.Length && int.TryParse(args[i + 1], NumberStyles.None, CultureInfo.InvariantCulture, out dashboardPort):
                    i++;
                    break;
                default:
                    throw new ArgumentException($"unknown or incomplete option '{args[i]}'");
            }
        }

        return new LauncherArguments(port, data, verbose, dashboard, dashboardPort, tls, separate);
    }
}
