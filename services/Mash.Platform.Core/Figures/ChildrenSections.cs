using System.Text;
using Mash.Contracts.Figures.V1;
using static Mash.Platform.Figures.FigureCell;
using static Mash.Platform.Figures.FigureFormat;

namespace Mash.Platform.Figures;

/// <summary>CSE flags, assessments, missing episodes and offenders' visits: the work with and around the children.</summary>
internal static class ChildrenSections
{
    public static void Write(StringBuilder page, PartnershipFigures figures)
    {
        FiguresReport.Section(page, "cse", "Child sexual exploitation flags", figures.Cse, Cse);
        FiguresReport.Section(page, "assessments", "Assessments", figures.Assessments, Assessments);
        FiguresReport.Section(page, "missing", "Missing episodes", figures.Missing, Missing);
        FiguresReport.Section(page, "offenders", "Offenders' visits", figures.Offenders, Offenders);
    }

    private static void Cse(StringBuilder page, CseFigures c) =>
        page.Append("<div class=\"charts\">")
            .Append(SvgCharts.Line("chart-cse-by-month", "CSE flags raised by month", FrontDoorSections.Months(c.RaisedByMonth),
                new ChartSeries("Raised", FrontDoorSections.Counts(c.RaisedByMonth), SvgCharts.Vermillion)))
            .Append("</div><div class=\"tables\">")
            .Append(new FigureTable("CSE flags", "Figure", "Count")
                .Row("Raised in the period", Of("cse.raised", c.Raised))
                .Row("Raised as high risk", Of("cse.raised_high", c.RaisedHigh))
                .Row("High and not cleared now", Of("cse.active_high_now", c.ActiveHighNow)))
            .Append(FrontDoorSections.MonthTable("Raised by month", "cse.raised_by_month", c.RaisedByMonth))
            .Append("</div>");

    private static void Assessments(StringBuilder page, AssessmentFigures a) =>
        page.Append("<div class=\"tables\">")
            .Append(new FigureTable("Assessments", "Figure", "Count")
                .Row("Completed in the period", Of("assessments.completed", a.Completed))
                .Row("Completed on time", Of("assessments.completed_on_time", a.CompletedOnTime))
                .Row("Completed on time (%)", Derived(Percent(a.CompletedOnTime, a.Completed)))
                .Row("Open and past due now", Of("assessments.overdue_now", a.OverdueNow)))
            .Append("</div>");

    private static void Missing(StringBuilder page, MissingFigures m) =>
        page.Append("<div class=\"tables\">")
            .Append(new FigureTable("Missing episodes and return interviews", "Figure", "Count")
                .Row("Episodes in the period", Of("missing.episodes", m.Episodes))
                .Row("Return interviews due", Of("missing.interviews_due", m.InterviewsDue))
                .Row("Return interviews on time", Of("missing.interviews_on_time", m.InterviewsOnTime))
                .Row("On time (%)", Derived(Percent(m.InterviewsOnTime, m.InterviewsDue))))
            .Append("</div>");

    private static void Offenders(StringBuilder page, OffenderFigures o) =>
        page.Append("<div class=\"tables\">")
            .Append(new FigureTable("Offenders' visits", "Figure", "Count")
                .Row("Visits done in the period", Of("offenders.visits_done", o.VisitsDone))
                .Row("Offenders whose next visit is past due now", Of("offenders.visits_overdue_now", o.VisitsOverdueNow)))
            .Append("</div>");
}
