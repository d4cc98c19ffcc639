#pragma once

#include <QWidget>
#include <cstdint>
#include <memory>
#include <vector>

class QButtonGroup;
class QLabel;
class QPushButton;
class QStackedWidget;
class QTreeView;

namespace te {

class BreakdownModel;
class FlameView;
class GroupReference;
class TimingDataset;

/// The per-run phase breakdown: the selected run's tree with each node's share and
/// how it compares with its group's median; or several runs side by side. A Flame
/// view draws the same: one run's flame graph (its tooltips give the group's
/// median), or, with two runs or more, the second against the first.
class BreakdownView final : public QWidget
{
    Q_OBJECT
public:
    explicit BreakdownView(QWidget* parent = nullptr);
    ~BreakdownView() override;

    void setData(std::shared_ptr<const TimingDataset> data, std::shared_ptr<const GroupReference> reference);
    /// One run: its breakdown against its group; several: side by side.
    void showRuns(std::vector<std::uint32_t> runs);
    /// Every run with the same registration_id as `run` (one per model, usually).
    void compareAcrossModels(std::uint32_t run);
    QString toTsv() const;
    QTreeView* tree() const { return m_tree; }
    BreakdownModel* model() const { return m_model; }
    FlameView* flame() const { return m_flame; }
    /// Tree (false) or Flame (true); remembered.
    void setFlameShown(bool flame);
    bool isFlameShown() const;

signals:
    /// "Runs where this node is slowest": `runs` are every run with the node.
    void slowestRunsRequested(const QString& path, const std::vector<std::uint32_t>& runs);

private:
    void updateHeader();
    QWidget* buildViewSwitch();
    void restoreFlameShown();
    void updateFlame();

    std::shared_ptr<const TimingDataset> m_data;
    std::shared_ptr<const GroupReference> m_reference;
    std::vector<std::uint32_t> m_runs;
    BreakdownModel* m_model;
    QStackedWidget* m_stack;
    QLabel* m_empty;
    QLabel* m_title;
    QPushButton* m_acrossModels;
    QPushButton* m_copy;
    QTreeView* m_tree;
    FlameView* m_flame;
    QStackedWidget* m_views;
    QButtonGroup* m_viewButtons;
};

} // namespace te
