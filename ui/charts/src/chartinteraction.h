#pragma once

#include <QObject>
#include <QPointF>
#include <cstdint>
#include <memory>
#include <vector>

class QChart;
class QXYSeries;

namespace te {

struct ChartData;
class TimingDataset;

/// The hover tips and clicks of one drawn chart: a tip on every mark (charttips),
/// and a click turned into what it means: a box, bar, bin or trend moment drills
/// down to its runs, a run's point chooses that run, a paired line chooses its
/// registration. Child of the QChart it serves, so it goes with it. Private to
/// the charts library.
class ChartInteraction final : public QObject
{
    Q_OBJECT
public:
    /// `chartData` is what `chart` draws; it must outlive `chart` (the charts view
    /// keeps both and replaces them together).
    ChartInteraction(QChart* chart, std::shared_ptr<const TimingDataset> data, const ChartData& chartData);

signals:
    void drillDown(const std::vector<std::uint32_t>& runs, const QString& description);
    void runChosen(std::uint32_t run);
    /// A paired chart's line: compare `run`'s registration across the groups.
    void registrationChosen(std::uint32_t run);

private:
    void connectSeries();
    void connectXY(QXYSeries* series);
    /// The index of the point of `series` drawn nearest to `point` (in pixels).
    int nearestPoint(const QXYSeries* series, const QPointF& point) const;
    void showTip(bool show, const QString& text) const;
    QString xyTip(const QXYSeries* series, const QPointF& point) const;
    void clickXY(const QXYSeries* series, const QPointF& point);
    void drillDownAt(int group, const QPointF& point);
    double clickHalfWidth(const QPointF& point) const;
    QString trendXText(double x) const;
    QString trendTip(const QXYSeries* series, int group, const QPointF& point) const;

    QChart* m_chart;
    std::shared_ptr<const TimingDataset> m_data;
    const ChartData& m_chartData;
};

} // namespace te
