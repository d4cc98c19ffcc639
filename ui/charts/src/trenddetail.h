#pragma once

#include <QObject>
#include <QTimer>
#include <memory>

class QChart;

namespace te {

struct ChartData;
class TimingDataset;

/// Keeps a zoomed trend's run points as detailed as the whole chart's: when the x
/// axis's range changes, each group's points are decimated again over the runs in
/// view (trendPointsIn), so zooming into a big file shows its runs, not the
/// points chosen for the whole axis. The rolling median stays as drawn. Runs on
/// the GUI thread, once per burst of zoom steps; O(runs of the group) each time.
/// Child of the QChart it serves; `chartData` must outlive it (as for
/// ChartInteraction). Private to the charts library.
class TrendDetail final : public QObject
{
    Q_OBJECT
public:
    TrendDetail(QChart* chart, std::shared_ptr<const TimingDataset> data, const ChartData& chartData);

private:
    void redraw();

    QChart* m_chart;
    std::shared_ptr<const TimingDataset> m_data;
    const ChartData& m_chartData;
    QTimer m_pending;
};

} // namespace te
