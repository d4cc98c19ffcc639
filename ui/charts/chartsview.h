#pragma once

#include "regress/trendsteps.h"
#include "stats/chartdata.h"
#include "ui/widgets/latestjob.h"

#include <QWidget>
#include <cstdint>
#include <memory>
#include <optional>
#include <vector>

class QChartView;
class QCheckBox;
class QComboBox;
class QHBoxLayout;
class QLabel;
class QLineEdit;
class QSpinBox;
class QSplitter;
class QStackedWidget;
class QTabWidget;
class QTableView;
class QToolButton;

namespace te {

/// The kind combo's data of the Flame kind, which is drawn by GroupFlamesPanel,
/// not from ChartData.
inline constexpr const char* kFlameKind = "flame";

class AbPanel;
class GroupFlamesPanel;
class ColumnFiller;
class ZoomableChartView;
class EmptyState;
class GroupStatsModel;
class TimingDataset;

/// Per-group charts of the runs the runs view shows: box plots, bars with bootstrap
/// intervals, phase composition, histograms and trends, with a stats table beside
/// them. Chart data is computed in core, off the GUI thread. Every mark has a tip;
/// clicking a box, bar or bin drills down to exactly those runs, a run's point
/// (in a strip or on a trend) chooses that run, and a paired line its
/// registration. The trend's x axis is time, run order or a field (the "X:"
/// choice, remembered like the kind), and it zooms (ZoomableChartView). Along a
/// field such as git_commit it marks where each group's distribution steps (as
/// `changes` finds them, after the chart is drawn), and clicking a step compares
/// the runs after it with those before it in the A/B panel.
class ChartsView final : public QWidget
{
    Q_OBJECT
public:
    explicit ChartsView(QWidget* parent = nullptr);
    ~ChartsView() override;

    /// The runs to chart (the runs view's current filter).
    void setRuns(std::shared_ptr<const TimingDataset> data, std::vector<std::uint32_t> runs);
    ChartRequest request() const;
    const ChartData& chartData() const { return m_chart; }
    QChartView* chartView() const;
    ZoomableChartView* zoomableView() const { return m_chartView; }
    GroupStatsModel* statsModel() const { return m_stats; }
    AbPanel* abPanel() const { return m_ab; }
    GroupFlamesPanel* flamesPanel() const { return m_flames; }
    /// The Flame kind: one flame graph per group instead of a chart.
    bool showsFlames() const;
    /// The message over the chart when it has nothing to draw.
    EmptyState* emptyState() const { return m_empty; }
    /// The steps marked on the current trend along a field; empty while they are
    /// being looked for, and for any other chart.
    const std::vector<TrendStep>& trendSteps() const { return m_steps; }
    /// Opens the A/B panel on the runs after steps[index] against those before it.
    void compareStep(int index);
    /// Writes the current chart as PNG or SVG (by suffix) at `size`.
    bool exportTo(const QString& path, QSize size, QString* error) const;

signals:
    /// The user clicked part of a chart: show exactly these runs.
    void drillDown(const std::vector<std::uint32_t>& runs, const QString& description);
    /// The user clicked one run's point: select that run.
    void runChosen(std::uint32_t run);
    /// The user clicked a paired chart's line: compare that run's registration across models.
    void registrationChosen(std::uint32_t run);
    /// A flame graph's "Runs where this node is slowest": show `runs` slowest by `path`.
    void slowestRunsRequested(const QString& path, const std::vector<std::uint32_t>& runs);
    /// New chart data is shown (for tests and status).
    void chartUpdated();
    /// The search for a trend's steps ended, and its marks are drawn.
    void stepsFound();

protected:
    void changeEvent(QEvent* event) override;

private:
    void fillFixedChoices();
    void buildExportMenu();
    void setUpStatsTable();
    QWidget* buildControlRow(); ///< the choices, each with its label and accessible name
    QSplitter* buildChartArea();
    void restoreChoices();
    void connectControls();
    void refillDatasetChoices();

    void recompute();
    void showChart(ChartData chart);
    /// Starts looking for the steps of a trend along a field (chartsviewsteps.cpp).
    void findSteps();
    void showSteps(std::optional<std::vector<TrendStep>> steps);
    void exportImage();
    void updateControls();

    std::shared_ptr<const TimingDataset> m_data;
    std::vector<std::uint32_t> m_runs;
    ChartData m_chart;
    LatestJob<ChartData> m_computation;
    std::vector<TrendStep> m_steps;
    QString m_chartStatus; ///< the status line of the chart, before its steps are told

    QComboBox* m_kind;
    QComboBox* m_groupBy;
    bool m_groupChosen = false; ///< the user picked "Group by"; a new file keeps it while it exists
    QComboBox* m_thenBy;
    QComboBox* m_metric;
    QComboBox* m_trendX; ///< the trend's x axis: time, run order or a field
    QString m_trendXChoice; ///< the one last chosen, kept for the next file that has it
    QComboBox* m_statistic;
    QComboBox* m_scale;
    QCheckBox* m_percent;
    QSpinBox* m_bins;
    QLineEdit* m_target;
    QToolButton* m_export;
    QLabel* m_status;
    ZoomableChartView* m_chartView;
    GroupFlamesPanel* m_flames;
    QStackedWidget* m_chartStack; ///< the chart, or the flame graphs
    QTableView* m_table;
    GroupStatsModel* m_stats;
    ColumnFiller* m_statsFiller = nullptr; ///< the group column takes a wide window's spare room
    AbPanel* m_ab;
    QTabWidget* m_below = nullptr; ///< the statistics table and the A/B panel
    EmptyState* m_empty;
    /// Last: it waits for a search under way before the rest goes.
    LatestJob<std::optional<std::vector<TrendStep>>> m_stepSearch;
};

} // namespace te
