#pragma once

#include <QWidget>
#include <cstdint>
#include <memory>
#include <optional>
#include <vector>

class QComboBox;
class QItemSelection;
class QLabel;
class QTableView;
class QToolButton;

namespace te {

class ColumnFiller;
class EmptyState;
class FilterBar;
class GroupReference;
class RunTableModel;
class TimingDataset;
struct LoadedData;
struct ViewState;

/// The runs table with its filter bar and the "Showing N of M runs" line.
/// Filtering and sorting run in core (RunQuery, RunTableModel); this widget wires
/// them to the user's input and remembers the chosen columns.
class RunsView final : public QWidget
{
    Q_OBJECT
public:
    explicit RunsView(QWidget* parent = nullptr);
    ~RunsView() override;

    /// Shows a new snapshot, its runs already sorted. `keepSelection`: the same runs
    /// exist (a followed file grew), so the selected runs and the scroll position stay.
    void setData(const LoadedData& loaded, bool keepSelection);
    /// The selected runs in the order the user chose them: the first is the
    /// baseline of a comparison (Ctrl+click adds runs after it).
    std::vector<std::uint32_t> selectedRuns() const;
    /// Selects `runs` (those the table shows), in that order; the first is current.
    void selectRuns(const std::vector<std::uint32_t>& runs);
    /// What a load should prepare: the fields each run is compared within ("model"
    /// by default, by name: ids differ between datasets) and the sort order.
    ViewState viewState() const;
    FilterBar* filterBar() const { return m_filterBar; }
    QTableView* table() const { return m_table; }
    RunTableModel* model() const { return m_model; }
    /// Shows only `runs` (a chart's box, bar or bin), slowest first by `sortMetric`
    /// (its column is added when hidden), with a chip that names them and clears
    /// the drill-down; the filter bar still applies.
    void setDrillDown(std::vector<std::uint32_t> runs, const QString& description,
        const QString& sortMetric = QStringLiteral("total"));
    void clearDrillDown();
    /// The runs the table shows (the filter and any drill-down), in dataset order.
    std::vector<std::uint32_t> filteredRuns() const;
    /// The selected rows as TSV, for Copy.
    QString selectionAsTsv() const;
    int visibleRunCount() const;
    /// The message over the table when it shows no run; hidden otherwise.
    EmptyState* emptyState() const { return m_empty; }

signals:
    void selectionChanged();
    /// The filter or drill-down changed what the table shows.
    void filterChanged();
    void runActivated(std::uint32_t run);
    void groupFieldsChanged();
    /// A link in the empty state that the window handles: "open", "problems" or "formats".
    void emptyStateLinkActivated(const QString& link);

private:
    void applyFilter();
    void showColumnMenu(const QPoint& position);
    void saveColumns() const;
    void updateCount();
    void trackSelectionOrder(const QItemSelection& selected);

    std::shared_ptr<const TimingDataset> m_data;
    FilterBar* m_filterBar;
    QTableView* m_table;
    RunTableModel* m_model;
    QLabel* m_count;
    QComboBox* m_groupBy;
    bool m_groupChosen = false; ///< the user picked "Compare within"; later loads keep it while it exists
    QString m_chosenGroup; ///< that pick; empty: all runs
    QToolButton* m_drillChip;
    EmptyState* m_empty;
    ColumnFiller* m_filler;
    std::optional<std::vector<std::uint32_t>> m_drillDown;
    /// The selected runs, in the order they were selected (runsviewselection.cpp).
    std::vector<std::uint32_t> m_selectionOrder;
};

} // namespace te
