namespace Mash.Node.Dashboard;

/// <summary>Whether and how the launcher runs the dashboard; a missing or failing dashboard never stops the nodes.</summary>
internal static class DashboardLauncher
{
    public static AspireDashboard? Start(LauncherArguments arguments, TextWriter output, TextWriter errors)
    {
        if (!arguments.Dashboard)
        {
            return null;
        }

        if (AspireDashboard.FindExecutable() is not { } executable)
        {
            errors.WriteLine($"No dashboard: the Aspire dashboard is not on this machine (Linux x64 gets it with the build; elsewhere set {AspireDashboard.PathVariable}).");
            return null;
        }

        output.WriteLine($"Starting the dashboard on 127.0.0.1:{arguments.DashboardPort} (--no-dashboard to run without it)...");
        return AspireDashboard.Start(executable, arguments.DashboardPort, arguments.Verbose ? output : null);
    }

    public static async Task ReportAsync(AspireDashboard? dashboard, TextWriter output, TextWriter errors)
    {
        if (dashboard is null)
        {
            return;
        }

        if (!await dashboard.WaitUntilReadyAsync())
        {
            errors.WriteLine("The dashboard did not start (is its port taken?); the nodes run without it. Its last output:");
            errors.WriteLine(string.Join(Environment.NewLine, dashboard.Process.Output.TakeLast(10)));
            return;
        }

        output.WriteLine();
        output.WriteLine($"Dashboard (traces, metrics, logs of both nodes): {dashboard.Url}");
        output.WriteLine("  unsecured, on loopback only: no login; the nodes send it OTLP at " + dashboard.OtlpEndpoint);
    }
}
