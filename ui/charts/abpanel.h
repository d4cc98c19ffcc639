#pragma once

#include "stats/abcomparison.h"
#include "stats/baselinecomparison.h"
#include "stats/flametree.h"
#include "ui/widgets/latestjob.h"

#include <QWidget>
#include <memory>
#include <optional>

class QComboBox;
class QLabel;
class QStackedWidget;
class QTableView;

namespace te {

class AbPartsModel;
class FlameView;
class BaselineComparisonModel;
struct ChartData;
class ElidingComboBox;
class TimingDataset;

/// Compares the groups of the current chart on a chosen statistic (median, mean,
/// P90, P95), in one of two modes. Two groups: B against A, the ratio of the
/// statistic with its bootstrap interval, the Mann–Whitney p, the paired view over
/// the registrations both ran, and a table of where B's extra time went, with a
/// total row. All against a baseline: one row per other group with its ratio,
/// interval, p and verdict. Both show the registrations slow in every group (or
/// why there are none). Computed off the GUI thread (the bootstrap is the
/// expensive part).
class AbPanel final : public QWidget
{
    Q_OBJECT
public:
    enum class Mode
    {
        TwoGroups,
        Baseline
    };

    explicit AbPanel(QWidget* parent = nullptr);
    ~AbPanel() override;

    /// The groups offered are the chart's; the chosen pair and baseline are kept
    /// while they still exist.
    void setChart(std::shared_ptr<const TimingDataset> data, const ChartData& chart);
    /// Compares `runsB` (B) with `runsA` (A), two sets of runs that are not the
    /// chart's groups (the runs after a trend's step and those before it): they are
    /// offered as two more groups, chosen, and compared in the two-group mode,
    /// until the next setChart.
    void compareRuns(const QString& labelA, std::vector<std::uint32_t> runsA, const QString& labelB,
        std::vector<std::uint32_t> runsB);
    /// The baseline choice "previous value of `field`" (compareWithPrevious), when
    /// the chart's runs have two values of it or more; false when not offered.
    bool choosePreviousValueBaseline(const QString& field);
    const AbComparison& comparison() const { return m_comparison; }
    const BaselineComparison& baselineComparison() const { return m_baseline; }
    const SlowEverywhere& slowEverywhere() const { return m_slow; }
    /// The difference flame graph beside the Δ table (two groups only).
    FlameView* differenceFlame() const { return m_flame; }
    Mode mode() const;
    Statistic statistic() const;
    /// What the summary line says, as rich text.
    QString summaryText() const;
    /// The slow-everywhere line: the rule, and the registrations or why there are none.
    QString slowText() const;

signals:
    void compared();

private:
    /// What one comparison computes: that of the mode, and the registrations slow in every group.
    struct Outcome
    {
        AbComparison comparison;
        BaselineComparison baseline;
        SlowEverywhere slow;
        FlameDiffNode flame; ///< two groups: B's mean tree against A's
    };

    QWidget* buildPickers();
    void buildLayout();
    void buildTables();
    void fillGroupBoxes(const QStringList& labels);
    /// After the groups, a "previous value of F" item for each field F in which the
    /// chart's runs have at least two values (git_commit first).
    void addPreviousValueChoices();
    const std::vector<std::uint32_t>& pairRuns(int index) const;
    void recompute();
    /// Why nothing can be compared now; empty when something can.
    QString whyNothingToCompare() const;
    /// nullopt when the comparison was cancelled: nothing to show.
    void showOutcome(std::optional<Outcome> outcome);
    QString twoGroupSummary() const;
    QString baselineSummary() const;

    std::shared_ptr<const TimingDataset> m_data;
    std::vector<std::vector<std::uint32_t>> m_groupRuns;
    QStringList m_labels;
    /// compareRuns' two sets, offered after the groups in the pair's boxes.
    std::vector<std::vector<std::uint32_t>> m_extraRuns;
    QStringList m_extraLabels;
    int m_metric = -1;
    AbComparison m_comparison;
    BaselineComparison m_baseline;
    SlowEverywhere m_slow;
    QComboBox* m_mode;
    QComboBox* m_statistic;
    ElidingComboBox* m_a;
    ElidingComboBox* m_b;
    ElidingComboBox* m_baselineGroup;
    QWidget* m_pairPicker;
    QWidget* m_baselinePicker;
    QLabel* m_summary;
    QLabel* m_slowLabel;
    QStackedWidget* m_tables;
    QTableView* m_parts;
    FlameView* m_flame;
    QTableView* m_baselineTable;
    AbPartsModel* m_model;
    BaselineComparisonModel* m_baselineModel;
    LatestJob<std::optional<Outcome>> m_job; ///< last: it waits for the job before the rest goes
};

} // namespace te
