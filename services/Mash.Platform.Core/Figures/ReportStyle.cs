namespace Mash.Platform.Figures;

/// <summary>
/// The page's only styling, inline: system fonts (no font download), A4 print with sections kept whole. Tables wrap
/// as flex items rather than grid cells, so a table wider than its share (the referral stages) takes the row it needs
/// instead of running over its neighbour.
/// </summary>
internal static class ReportStyle
{
    public const string Css = """
        :root{color-scheme:light;--ink:#1b1b1b;--muted:#555;--rule:#d0d0d0;--band:#f3f5f7}
        *{box-sizing:border-box}
        body{margin:0 auto;max-width:1100px;padding:1.5rem;font:15px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,Arial,sans-serif;color:var(--ink);background:#fff}
        h1{font-size:1.6rem;margin:0 0 .5rem}
        h2{font-size:1.25rem;margin:2rem 0 .75rem;padding-bottom:.25rem;border-bottom:2px solid var(--ink)}
        dl.period{display:grid;grid-template-columns:max-content 1fr;gap:.15rem 1rem;margin:0}
        dl.period dt{font-weight:600}
        dl.period dd{margin:0}
        .charts{display:grid;grid-template-columns:repeat(auto-fit,minmax(320px,1fr));gap:1rem}
        figure.chart{margin:0;padding:.5rem;border:1px solid var(--rule);border-radius:4px}
        figure.chart svg{width:100%;height:auto;display:block}
        svg .grid{stroke:#e4e4e4;stroke-width:1}
        svg .baseline{stroke:var(--ink);stroke-width:1}
        svg text{font:11px system-ui,-apple-system,"Segoe UI",Roboto,Arial,sans-serif;fill:var(--ink)}
        svg text.axis{fill:var(--muted)}
        svg text.value{font-size:10px}
        .tables{display:flex;flex-wrap:wrap;align-items:flex-start;gap:1rem;margin-top:1rem}
        .tables>table{flex:1 1 320px;width:auto}
        table{border-collapse:collapse;width:100%;font-variant-numeric:tabular-nums}
        caption{text-align:left;font-weight:600;padding:.25rem 0}
        th,td{padding:.25rem .5rem;border-bottom:1px solid var(--rule);text-align:left;vertical-align:top}
        thead th{background:var(--band)}
        .num{text-align:right}
        td.derived{color:var(--muted)}
        .none{color:var(--muted);font-style:italic}
        footer{margin-top:2rem;color:var(--muted);font-size:.85rem}
        @page{size:A4;margin:12mm}
        @media print{
          body{max-width:none;padding:0;font-size:10.5pt}
          *{-webkit-print-color-adjust:exact;print-color-adjust:exact}
          section{break-inside:avoid-page;page-break-inside:avoid}
          h2{break-after:avoid;page-break-after:avoid}
          figure.chart,table{break-inside:avoid;page-break-inside:avoid}
          .charts{grid-template-columns:1fr 1fr}
        }
        """;
}
