#include "ui/runs/runsview.h"

#include "data/timingdataset.h"
#include "models/runtablemodel.h"
#include "stats/groupreference.h"
#include "ui/runs/filterbar.h"
#include "ui/runs/runrowdelegate.h"
#include "ui/widgets/columnfiller.h"
#include "ui/widgets/emptystate.h"
#include "workspace/loadeddata.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLabel>
#include <QMenu>
#include <QScrollBar>
#include <QSettings>
#include <QTableView>
#include <QToolButton>
#include <QVBoxLayout>
#include <algorithm>

namespace te {

namespace {
const QString kColumnsKey = QStringLiteral("runs/columns");
const QString kHiddenKey = QStringLiteral("runs/hiddenColumns");
constexpr int kColumnPadding = 12; // beyond the contents, so numbers do not touch
constexpr int kMaxColumnWidth = 260; // a long value is elided, not a screen wide
} // namespace

RunsView::RunsView(QWidget* parent)
    : QWidget(parent)
    , m_filterBar(new FilterBar(this))
    , m_table(new QTableView(this))
    , m_model(new RunTableModel(this))
    , m_count(new QLabel(this))
    , m_groupBy(new QComboBox(this))
    , m_drillChip(new QToolButton(this))
    , m_empty(new EmptyState(m_table))
    , m_filler(new ColumnFiller(m_table, m_table->horizontalHeader()))
{
    m_drillChip->setObjectName(QStringLiteral("drillDownChip"));
    m_drillChip->setToolTip(tr("Showing only the runs picked on a chart; click to show all again"));
    m_drillChip->setStyleSheet(QStringLiteral(
        "QToolButton { border: 1px solid palette(highlight); border-radius: 9px; padding: 1px 8px; }"));
    m_drillChip->hide();
    connect(m_drillChip, &QToolButton::clicked, this, &RunsView::clearDrillDown);
    m_table->setModel(m_model);
    m_table->setItemDelegate(new RunRowDelegate(m_table));
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_table->setTabKeyNavigation(false); // Tab leaves the table; the arrows move in it
    m_table->setSortingEnabled(true);
    m_table->setAlternatingRowColors(true);
    m_table->setWordWrap(false);
    m_table->verticalHeader()->hide();
    m_table->verticalHeader()->setDefaultSectionSize(m_table->fontMetrics().height() + 6);
    // Fixed rows: the header then keeps no per-row state for a million runs.
    m_table->verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    m_table->horizontalHeader()->setSectionsMovable(true);
    m_table->horizontalHeader()->setHighlightSections(false);
    m_table->horizontalHeader()->setContextMenuPolicy(Qt::CustomContextMenu);
    m_table->setAccessibleName(tr("Runs"));
    m_table->setObjectName(QStringLiteral("runsTable"));
    m_count->setObjectName(QStringLiteral("runCount"));
    m_groupBy->setAccessibleName(tr("Compare each run within"));
    m_groupBy->setToolTip(tr("Runs are marked against the median and P95 of their group"));

    auto* footer = new QHBoxLayout;
    footer->addWidget(m_count);
    footer->addWidget(m_drillChip);
    footer->addStretch(1);
    footer->addWidget(new QLabel(tr("Compare within:"), this));
    footer->addWidget(m_groupBy);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(6, 6, 6, 2);
    layout->addWidget(m_filterBar);
    layout->addWidget(m_table, 1);
    layout->addLayout(footer);

    connect(m_filterBar, &FilterBar::changed, this, &RunsView::applyFilter);
    connect(m_table->selectionModel(), &QItemSelectionModel::selectionChanged, this,
        [this](const QItemSelection& selected) {
            trackSelectionOrder(selected);
            emit selectionChanged();
        });
    // A reset clears the selection without a signal; so does the order.
    connect(m_model, &QAbstractItemModel::modelReset, this, [this] { m_selectionOrder.clear(); });
    connect(m_table, &QTableView::activated, this,
        [this](const QModelIndex& index) { emit runActivated(m_model->runAt(index.row())); });
    connect(
        m_table->horizontalHeader(), &QWidget::customContextMenuRequested, this, &RunsView::showColumnMenu);
    // Any change of the combo (the user's, or a test's) is a choice that later loads
    // keep while it exists; setData fills it with signals blocked, so a load's own
    // default is not one.
    connect(m_groupBy, &QComboBox::currentIndexChanged, this, [this](int index) {
        m_groupChosen = true;
        m_chosenGroup = index <= 0 ? QString() : m_groupBy->itemText(index);
        emit groupFieldsChanged();
    });
    connect(m_empty, &QLabel::linkActivated, this, [this](const QString& link) {
        if (link == QStringLiteral("clear")) {
            m_filterBar->clear();
            clearDrillDown();
        } else {
            emit emptyStateLinkActivated(link);
        }
    });
    updateCount();
}

RunsView::~RunsView() = default;

void RunsView::setData(const LoadedData& loaded, bool keepSelection)
{
    const std::vector<std::uint32_t> selected = keepSelection ? selectedRuns() : std::vector<std::uint32_t>();
    const int scroll = m_table->verticalScrollBar()->value();
    m_data = loaded.dataset;
    m_filterBar->setDataset(m_data.get());
    {
        // The combo shows what the runs were compared within: the user's choice
        // while it exists, else the field the data suggests (see LoadedData).
        const QSignalBlocker blocker(m_groupBy);
        m_groupBy->clear();
        m_groupBy->addItem(tr("(all runs)"));
        m_groupBy->addItems(m_data->fieldNames());
        const QString shown = loaded.groupFields.value(0);
        m_groupBy->setCurrentIndex(shown.isEmpty() ? 0 : std::max(0, m_groupBy->findText(shown)));
        m_groupChosen = m_groupChosen && loaded.groupFields.value(0) == m_chosenGroup;
    }
    m_model->setDataset(m_data, loaded.reference);

    std::vector<RunColumn> columns = defaultRunColumns(*m_data);
    const QSettings settings;
    const QStringList saved = settings.value(kColumnsKey).toStringList();
    if (!saved.isEmpty()) {
        const QStringList hidden = settings.value(kHiddenKey).toStringList();
        std::vector<RunColumn> defaults = std::move(columns);
        columns.clear();
        for (const QString& id : saved)
            columns.push_back(RunColumn::fromId(id));
        // A phase this file has and the saved choice never saw is shown too.
        for (const RunColumn& column : defaults) {
            if (column.kind == RunColumn::Kind::Metric && !saved.contains(column.id())
                && !hidden.contains(column.id()))
                columns.push_back(column);
        }
    }
    m_model->setColumns(columns);

    // The runs arrive sorted (on the loader's thread); here they are only filtered.
    const auto sortedBy = std::find(columns.begin(), columns.end(), loaded.sortedBy);
    const int sortColumn = sortedBy == columns.end() ? -1 : static_cast<int>(sortedBy - columns.begin());
    const Qt::SortOrder order = loaded.sortedDescending ? Qt::DescendingOrder : Qt::AscendingOrder;
    if (!keepSelection) {
        m_drillDown.reset(); // run indices of another dataset
        m_drillChip->hide();
    }
    QString error;
    RunQuery query = m_filterBar->query(&error);
    query.restrictTo = m_drillDown;
    m_model->setQuery(std::move(query));
    m_model->setSortedRuns(loaded.sortedRuns, sortColumn, order);
    {
        // Only the indicator: the view would otherwise sort the model again.
        const QSignalBlocker blocker(m_table->horizontalHeader());
        m_table->horizontalHeader()->setSortIndicator(sortColumn, order);
    }
    if (!keepSelection) {
        m_table->resizeColumnsToContents();
        for (int c = 0; c < m_model->columnCount(); ++c)
            m_table->setColumnWidth(c, std::min(m_table->columnWidth(c) + kColumnPadding, kMaxColumnWidth));
        // The registration (else the first column) takes a wide window's spare room.
        const auto name = std::find(columns.begin(), columns.end(),
            RunColumn { RunColumn::Kind::Field, QStringLiteral("registration_id") });
        m_filler->setColumn(name == columns.end() ? 0 : static_cast<int>(name - columns.begin()),
            kColumnPadding, kMaxColumnWidth);
    }
    updateCount();
    emit filterChanged();
    if (keepSelection) {
        selectRuns(selected);
        m_table->verticalScrollBar()->setValue(scroll);
    } else if (m_model->rowCount() > 0) {
        m_table->selectRow(0);
    }
}

void RunsView::applyFilter()
{
    if (!m_data)
        return;
    const std::vector<std::uint32_t> selected = selectedRuns();
    QString error;
    RunQuery query = m_filterBar->query(&error);
    query.restrictTo = m_drillDown;
    m_model->setQuery(std::move(query));
    selectRuns(selected);
    updateCount();
    emit filterChanged();
}

void RunsView::setDrillDown(
    std::vector<std::uint32_t> runs, const QString& description, const QString& sortMetric)
{
    std::sort(runs.begin(), runs.end());
    m_drillDown = std::move(runs);
    m_drillChip->setText(tr("%1  ✕").arg(description));
    m_drillChip->show();
    applyFilter();
    // Slowest first: the runs behind a tail are what the user came for.
    const RunColumn sortColumn { RunColumn::Kind::Metric, sortMetric };
    if (std::find(m_model->columns().begin(), m_model->columns().end(), sortColumn)
        == m_model->columns().end()) {
        auto columns = m_model->columns();
        columns.push_back(sortColumn);
        m_model->setColumns(std::move(columns));
    }
    const auto& columns = m_model->columns();
    const auto column = std::find(columns.begin(), columns.end(), sortColumn);
    m_table->sortByColumn(static_cast<int>(column - columns.begin()), Qt::DescendingOrder);
    if (m_model->rowCount() > 0)
        m_table->selectRow(0);
}

void RunsView::clearDrillDown()
{
    m_drillDown.reset();
    m_drillChip->hide();
    applyFilter();
}

std::vector<std::uint32_t> RunsView::filteredRuns() const
{
    std::vector<std::uint32_t> runs;
    runs.reserve(static_cast<std::size_t>(m_model->rowCount()));
    for (int row = 0; row < m_model->rowCount(); ++row)
        runs.push_back(m_model->runAt(row));
    std::sort(runs.begin(), runs.end());
    return runs;
}

void RunsView::updateCount()
{
    const int total = m_data ? static_cast<int>(m_data->runCount()) : 0;
    m_count->setText(tr("Showing %L1 of %L2 runs").arg(m_model->rowCount()).arg(total));
    if (m_model->rowCount() > 0)
        m_empty->setMessage({});
    else if (!m_data)
        m_empty->setMessage(
            tr("<p>No file is open.</p><p><a href=\"open\">Open a timing file</a> (Ctrl+O) or "
               "drop one here: JSON Lines or CSV, one run per line. "
               "<a href=\"formats\">See the formats</a>.</p>"));
    else if (total == 0)
        m_empty->setMessage(tr("<p>No runs were read from this file.</p><p>The "
                               "<a href=\"problems\">Problems panel</a> gives the reason for every line "
                               "that was rejected; <a href=\"formats\">Input Formats</a> shows the shapes "
                               "that are read.</p>"));
    else
        m_empty->setMessage(tr("<p>No run matches the filters.</p><p><a href=\"clear\">Clear the filters</a> "
                               "to see all %L1 runs again.</p>")
                                .arg(total));
}

int RunsView::visibleRunCount() const
{
    return m_model->rowCount();
}

ViewState RunsView::viewState() const
{
    ViewState state;
    state.groupChosen = m_groupChosen;
    if (m_groupChosen && !m_chosenGroup.isEmpty())
        state.groupFields = QStringList { m_chosenGroup };
    const int column = m_model->sortColumn();
    if (column >= 0 && column < static_cast<int>(m_model->columns().size())) {
        state.sortColumn = m_model->columns()[static_cast<std::size_t>(column)];
        state.descending = m_model->sortOrder() == Qt::DescendingOrder;
    }
    return state;
}

void RunsView::showColumnMenu(const QPoint& position)
{
    if (!m_data)
        return;
    QMenu menu(this);
    menu.addSection(tr("Columns"));
    const auto shown = m_model->columns();
    for (const RunColumn& column : availableRunColumns(*m_data)) {
        QString label = column.key;
        if (column.kind == RunColumn::Kind::RatioToMedian)
            label = tr("× median (total over its group's median)");
        else if (column.kind == RunColumn::Kind::Line)
            label = tr("line in its file");
        else if (column.kind == RunColumn::Kind::Metric)
            label = tr("%1 (seconds)").arg(column.key);
        QAction* action = menu.addAction(label);
        action->setCheckable(true);
        action->setChecked(std::find(shown.begin(), shown.end(), column) != shown.end());
        connect(action, &QAction::toggled, this, [this, column](bool on) {
            auto columns = m_model->columns();
            if (on)
                columns.push_back(column);
            else
                std::erase(columns, column);
            QStringList hidden = QSettings().value(kHiddenKey).toStringList();
            hidden.removeAll(column.id());
            if (!on)
                hidden << column.id();
            QSettings().setValue(kHiddenKey, hidden);
            m_model->setColumns(columns);
            saveColumns();
        });
    }
    menu.addSeparator();
    menu.addAction(tr("Reset to default columns"), this, [this] {
        QSettings().remove(kColumnsKey);
        QSettings().remove(kHiddenKey);
        m_model->setColumns(defaultRunColumns(*m_data));
    });
    menu.exec(m_table->horizontalHeader()->mapToGlobal(position));
}

void RunsView::saveColumns() const
{
    QStringList ids;
    for (const RunColumn& column : m_model->columns())
        ids << column.id();
    QSettings().setValue(kColumnsKey, ids);
}

} // namespace te
