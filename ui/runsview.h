#pragma once

#include <QWidget>

#include <cstdint>
#include <memory>
#include <vector>

class QComboBox;
class QLabel;
class QTableView;

namespace te {

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
    std::vector<std::uint32_t> selectedRuns() const;
    void selectRuns(const std::vector<std::uint32_t>& runs);
    /// What a load should prepare: the fields each run is compared within ("model"
    /// by default, by name: ids differ between datasets) and the sort order.
    ViewState viewState() const;
    FilterBar* filterBar() const { return m_filterBar; }
    QTableView* table() const { return m_table; }
    RunTableModel* model() const { return m_model; }
    /// The selected rows as TSV, for Copy.
    QString selectionAsTsv() const;
    int visibleRunCount() const;

signals:
    void selectionChanged();
    void runActivated(std::uint32_t run);
    void groupFieldsChanged();

private:
    void applyFilter();
    void showColumnMenu(const QPoint& position);
    void saveColumns() const;
    void updateCount();

    std::shared_ptr<const TimingDataset> m_data;
    FilterBar* m_filterBar;
    QTableView* m_table;
    RunTableModel* m_model;
    QLabel* m_count;
    QComboBox* m_groupBy;
};

} // namespace te
