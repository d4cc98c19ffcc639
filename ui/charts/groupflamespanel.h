#pragma once

#include "stats/flamegroups.h"
#include "ui/widgets/latestjob.h"

#include <QWidget>
#include <memory>

class QCheckBox;
class QLabel;
class QLineEdit;
class QScrollArea;
class QVBoxLayout;

namespace te {

class FlameView;
class TimingDataset;

/// The Charts tab's Flame kind: one flame graph per group, stacked, on one shared
/// scale (the slowest group spans the width), with a toggle between the groups'
/// mean trees, whose parts add up, and their median trees. Computed in core off the
/// GUI thread, the latest request winning.
class GroupFlamesPanel final : public QWidget
{
    Q_OBJECT
public:
    explicit GroupFlamesPanel(QWidget* parent = nullptr);
    ~GroupFlamesPanel() override;

    /// Computes the flame graphs of `runs` grouped by `groupBy`.
    void compute(
        std::shared_ptr<const TimingDataset> data, std::vector<std::uint32_t> runs, QStringList groupBy);
    /// Drops the data (a closed file, or another chart kind).
    void clear();
    const GroupFlames& flames() const { return m_flames; }
    std::vector<FlameView*> views() const { return m_views; }
    /// Highlights matching nodes in every group's graph.
    QLineEdit* searchField() const { return m_search; }
    bool showsMedians() const;
    /// The graphs as one PNG or SVG picture, as `chart --kind flame` draws them.
    bool exportTo(const QString& path, QSize size, QString* error) const;

signals:
    /// "Runs where this node is slowest" in one group: its runs that have the node.
    void slowestRunsRequested(const QString& path, const std::vector<std::uint32_t>& runs);
    void flamesShown();

private:
    void recompute();
    void show(GroupFlames flames);
    QString captionOf(const GroupFlame& group) const;

    std::shared_ptr<const TimingDataset> m_data;
    std::vector<std::uint32_t> m_runs;
    QStringList m_groupBy;
    GroupFlames m_flames;
    QCheckBox* m_medians;
    QLineEdit* m_search;
    QLabel* m_hint;
    QLabel* m_status;
    QScrollArea* m_scroll;
    QVBoxLayout* m_list = nullptr;
    std::vector<FlameView*> m_views;
    LatestJob<GroupFlames> m_job; ///< last: it waits for the job before the rest goes
};

} // namespace te
