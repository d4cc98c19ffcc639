#include "ui/charts/chartstatus.h"

#include "stats/chartdata.h"

#include <QObject>

namespace te {

QString chartStatus(const ChartData& chart, std::size_t runsInView)
{
    if (!chart.error.isEmpty())
        return chart.error;
    if (chart.groups.empty()) {
        return runsInView == 0
            ? QObject::tr("No runs to chart: the Runs tab shows none. Clear its filters, or open a file with "
                          "File > Open (Ctrl+O).")
            : QObject::tr(
                "None of the %L1 runs in the Runs tab has a value for %2. Pick another metric above, or "
                "change the filter in the Runs tab.")
                  .arg(runsInView)
                  .arg(chart.request.metric);
    }
    std::size_t runs = 0;
    for (const ChartGroup& g : chart.groups)
        runs += g.runs.size();
    QString shown
        = QObject::tr("%L1 runs in %2 groups. Point at a mark for its figures; click it to see its runs.")
              .arg(runs)
              .arg(chart.groups.size());
    if (chart.request.kind != ChartRequest::Kind::Trend)
        return shown;
    const std::size_t missing = chart.trendAxis.missing;
    const QString without = missing == 0 ? QString()
        : chart.trendAxis.mode == TrendAxis::Mode::Field
        ? QObject::tr(" %L1 runs without %2 not shown.").arg(missing).arg(chart.trendAxis.field)
        : QObject::tr(" %L1 runs without a timestamp not shown.").arg(missing);
    return shown + without + QObject::tr(" Drag or turn the wheel to zoom; Home resets.");
}

} // namespace te
