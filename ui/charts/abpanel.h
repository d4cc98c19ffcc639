#pragma once

#include "stats/abcomparison.h"
#include "ui/widgets/latestjob.h"

#include <QWidget>
#include <memory>
#include <optional>

class QComboBox;
class QLabel;
class QTableView;

namespace te {

class AbPartsModel;
struct ChartData;
class TimingDataset;

/// Pick two groups of the current chart and compare them: the ratio of medians
/// with its bootstrap interval, the Mann–Whitney p, the paired view over the
/// registrations both ran, and a table of where B's extra time went. Computed off
/// the GUI thread (the bootstrap is the expensive part).
class AbPanel final : public QWidget
{
    Q_OBJECT
public:
    explicit AbPanel(QWidget* parent = nullptr);
    ~AbPanel() override;

    /// The groups offered are the chart's; the chosen pair is kept when both still exist.
    void setChart(std::shared_ptr<const TimingDataset> data, const ChartData& chart);
    const AbComparison& comparison() const { return m_comparison; }
    QString summaryText() const;

signals:
    void compared();

private:
    /// What one comparison computes: the comparison, and the registrations slow in every group.
    struct Outcome
    {
        AbComparison comparison;
        QStringList slowEverywhere;
    };

    void buildLayout();
    void recompute();
    /// nullopt when the comparison was cancelled: nothing to show.
    void showOutcome(std::optional<Outcome> outcome);
    void showComparison(const AbComparison& comparison);
    QString slowEverywhereText(const QStringList& slow) const;

    std::shared_ptr<const TimingDataset> m_data;
    std::vector<std::vector<std::uint32_t>> m_groupRuns;
    QStringList m_labels;
    int m_metric = -1;
    AbComparison m_comparison;
    QComboBox* m_a;
    QComboBox* m_b;
    QLabel* m_summary;
    QTableView* m_parts;
    AbPartsModel* m_model;
    LatestJob<std::optional<Outcome>> m_job; ///< last: it waits for the job before the rest goes
};

} // namespace te
