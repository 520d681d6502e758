using System.Reflection;
using Microsoft.Extensions.Options;

namespace Mash.Platform.Hosting;

/// <summary>
/// A program that stops on a setting an operator must fix (a missing setting, an expired
/// certificate, an option out of range) says so in one line on standard error and exits 1,
/// rather than printing a stack trace and aborting (exit 134) as if the program itself had crashed.
/// Any other failure keeps .NET's own report, stack trace included, for the developers.
/// </summary>
internal static class StartupRefusal
{
    private static int _registered;

    /// <summary>Only in the program's own process: a test host keeps its own handling.</summary>
    public static void ReportPlainly(string applicationName)
    {
        if (Assembly.GetEntryAssembly()?.GetName().Name != applicationName || Interlocked.Exchange(ref _registered, 1) == 1)
        {
            return;
        }

        AppDomain.CurrentDomain.UnhandledException += (_, failure) =>
        {
            if (OperatorsToFix(failure.ExceptionObject as Exception) is { } refusal)
            {
                Console.Error.WriteLine($"{applicationName} stopped: {refusal.Message}");
                Environment.Exit(1);
            }
        };
    }

    private static Exception? OperatorsToFix(Exception? failure) => failure switch
    {
        InvalidOperationException or OptionsValidationException => failure,
        AggregateException { InnerExceptions.Count: 1 } wrapped => OperatorsToFix(wrapped.InnerException),
        _ => null,
    };
}
