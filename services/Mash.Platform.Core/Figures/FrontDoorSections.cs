using System.Text;
using Mash.Contracts.Figures.V1;
using static Mash.Platform.Figures.FigureCell;
using static Mash.Platform.Figures.FigureFormat;

namespace Mash.Platform.Figures;

/// <summary>The front door's referrals against their timescales, and the strategy discussions they led to.</summary>
internal static class FrontDoorSections
{
    public static void Write(StringBuilder page, PartnershipFigures figures)
    {
        FiguresReport.Section(page, "referrals", "Referrals at the front door", figures.Referrals, Referrals);
        FiguresReport.Section(page, "strategy", "Strategy discussions", figures.Strategy, Strategy);
    }

    private static void Referrals(StringBuilder page, ReferralFigures r)
    {
        var stages = r.Stages.Select(s => StageName(s.Stage)).ToList();
        page.Append("<div class=\"charts\">")
            .Append(SvgCharts.Line("chart-referrals-by-month", "Referrals received by month", Months(r.ReceivedByMonth),
                new ChartSeries("Received", Counts(r.ReceivedByMonth), SvgCharts.Blue)))
            .Append(SvgCharts.Bars("chart-referral-stages", "Referral stages on time, late and overdue now", stages,
                new ChartSeries("On time", [.. r.Stages.Select(s => (double)s.OnTime)], SvgCharts.Green),
                new ChartSeries("Late", [.. r.Stages.Select(s => (double)s.Late)], SvgCharts.Orange),
                new ChartSeries("Overdue now", [.. r.Stages.Select(s => (double)s.OverdueNow)], SvgCharts.Vermillion)))
            .Append("</div><div class=\"tables\">")
            .Append(new FigureTable("Referrals", "Figure", "Count").Row("Received in the period", Of("referrals.received", r.Received)));
        var stageTable = new FigureTable("Stages against their timescales", "Stage", "Due", "On time", "Late", "Overdue now", "On time (%)", "Median hours");
        for (var i = 0; i < r.Stages.Count; i++)
        {
            var s = r.Stages[i];
            var at = $"referrals.stages[{i}]";
            stageTable.Row(stages[i], Of($"{at}.due", s.Due), Of($"{at}.on_time", s.OnTime), Of($"{at}.late", s.Late),
                Of($"{at}.overdue_now", s.OverdueNow), Derived(Percent(s.OnTime, s.OnTime + s.Late)), Of($"{at}.median_hours", s.MedianHours));
        }

        page.Append(stageTable).Append(MonthTable("Received by month", "referrals.received_by_month", r.ReceivedByMonth)).Append("</div>");
    }

    private static void Strategy(StringBuilder page, StrategyFigures s)
    {
        var nodes = s.MinutesReceived.Select(m => m.Node).ToList();
        page.Append("<div class=\"charts\">")
            .Append(SvgCharts.Line("chart-strategy-by-month", "Strategy discussions held by month", Months(s.HeldByMonth),
                new ChartSeries("Held", Counts(s.HeldByMonth), SvgCharts.Blue)))
            .Append(SvgCharts.Bars("chart-strategy-on-time", "Strategy discussions held on time and late", ["Held"],
                new ChartSeries("On time", [s.HeldOnTime], SvgCharts.Green),
                new ChartSeries("Late", [Math.Max(0, s.Held - s.HeldOnTime)], SvgCharts.Orange)))
            .Append(SvgCharts.Bars("chart-strategy-minutes", "Minutes received by each participating node", nodes,
                new ChartSeries("Received", [.. s.MinutesReceived.Select(m => (double)m.Received)], SvgCharts.Purple)))
            .Append("</div><div class=\"tables\">")
            .Append(new FigureTable("Strategy discussions", "Figure", "Count")
                .Row("Required in the period", Of("strategy.required", s.Required))
                .Row("Held in the period", Of("strategy.held", s.Held))
                .Row("Held by their due time", Of("strategy.held_on_time", s.HeldOnTime))
                .Row("Held late", Derived(Count(Math.Max(0, s.Held - s.HeldOnTime))))
                .Row("Held on time (%)", Derived(Percent(s.HeldOnTime, s.Held)))
                .Row("Required, not held, past due now", Of("strategy.outstanding_overdue", s.OutstandingOverdue)));
        var minutes = new FigureTable("Records and minutes received, by node", "Node", "Received");
        for (var i = 0; i < s.MinutesReceived.Count; i++)
        {
            minutes.Row(s.MinutesReceived[i].Node, Of($"strategy.minutes_received[{i}].received", s.MinutesReceived[i].Received));
        }

        page.Append(minutes).Append(MonthTable("Held by month", "strategy.held_by_month", s.HeldByMonth)).Append("</div>");
    }

    public static List<string> Months(IEnumerable<MonthCount> months) => [.. months.Select(m => m.Month)];

    public static List<double> Counts(IEnumerable<MonthCount> months) => [.. months.Select(m => (double)m.Count)];

    /// <summary>A by-month series as a table: the chart's data for a reader who cannot see it, and for print.</summary>
    public static FigureTable MonthTable(string caption, string path, IList<MonthCount> months)
    {
        var table = new FigureTable(caption, "Month", "Count");
        for (var i = 0; i < months.Count; i++)
        {
            table.Row(months[i].Month, Of($"{path}[{i}].count", months[i].Count));
        }

        return table;
    }

    private static string StageName(string stage) => stage switch
    {
        "screening" => "Screening",
        "rag_work" => "RAG work",
        "decision" => "Decision",
        _ => Humanize(stage),
    };
}
