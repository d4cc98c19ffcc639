// ChartsView's widgets: the fixed choices, the export menu, the statistics table,
// the control row and the chart area.
#include "models/groupstatsmodel.h"
#include "ui/charts/abpanel.h"
#include "ui/charts/chartsview.h"
#include "ui/charts/groupflamespanel.h"
#include "ui/charts/zoomablechartview.h"
#include "ui/widgets/columnfiller.h"
#include "ui/widgets/flowlayout.h"

#include <QApplication>
#include <QCheckBox>
#include <QClipboard>
#include <QComboBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QSortFilterProxyModel>
#include <QSpinBox>
#include <QSplitter>
#include <QStackedWidget>
#include <QTabWidget>
#include <QTableView>
#include <QToolButton>

namespace te {

// The choices that do not depend on the dataset: each item's data is what request() reads.
void ChartsView::fillFixedChoices()
{
    using Kind = ChartRequest::Kind;
    m_kind->addItem(tr("Box plot"), kindName(Kind::Box));
    m_kind->addItem(tr("Bar with 95 % interval"), kindName(Kind::Bar));
    m_kind->addItem(tr("Phase composition"), kindName(Kind::Stacked));
    m_kind->addItem(tr("Histogram"), kindName(Kind::Histogram));
    m_kind->addItem(tr("Trend over time"), kindName(Kind::Trend));
    m_kind->addItem(tr("ECDF"), kindName(Kind::Ecdf));
    m_kind->addItem(tr("Paired runs"), kindName(Kind::Paired));
    m_kind->addItem(tr("Flame graph"), QLatin1String(kFlameKind));
    for (const Statistic statistic : chartStatistics())
        m_statistic->addItem(statisticLabel(statistic), statisticName(statistic));
    m_trendX->setToolTip(tr("Trend: time (long gaps drawn narrow), run order in the file, or a field's "
                            "values in order of their first run (without timestamps, of first appearance)"));
    m_scale->addItem(tr("Linear"), false);
    m_scale->addItem(tr("Log"), true);
    m_bins->setRange(0, 500);
    m_bins->setSpecialValueText(tr("auto"));
    m_bins->setToolTip(tr("Histogram bins; auto gives every group at least 5 bins across its own range"));
    m_statistic->setToolTip(tr("The statistic the bars show, and whose 95 % CI the statistics table gives"));
    m_percent->setObjectName(QStringLiteral("percent"));
    m_percent->setToolTip(tr("Phase composition: each group's parts as a share of their sum"));
    m_target->setPlaceholderText(tr("e.g. 30s"));
    m_target->setToolTip(
        tr("A target duration, drawn on the chart, with the share of runs under it per group"));
    m_target->setMaximumWidth(90);
}

void ChartsView::buildExportMenu()
{
    m_export->setText(tr("Export"));
    m_export->setPopupMode(QToolButton::InstantPopup);
    auto* exportMenu = new QMenu(m_export);
    exportMenu->addAction(tr("Save as PNG or SVG…"), this, &ChartsView::exportImage);
    exportMenu->addAction(tr("Copy image"), this,
        [this] { QApplication::clipboard()->setImage(m_chartStack->currentWidget()->grab().toImage()); });
    exportMenu->addAction(
        tr("Copy statistics as TSV"), this, [this] { QApplication::clipboard()->setText(m_stats->toTsv()); });
    m_export->setMenu(exportMenu);
}

void ChartsView::setUpStatsTable()
{
    auto* proxy = new QSortFilterProxyModel(this);
    proxy->setSourceModel(m_stats);
    proxy->setSortRole(GroupStatsModel::SortRole);
    m_table->setModel(proxy);
    m_table->setSortingEnabled(true);
    m_table->setTabKeyNavigation(false); // Tab leaves the table; the arrows move in it
    m_table->sortByColumn(GroupStatsModel::Group, Qt::AscendingOrder);
    m_table->verticalHeader()->hide();
    m_table->verticalHeader()->setDefaultSectionSize(m_table->fontMetrics().height() + 6);
    m_table->setAlternatingRowColors(true);
    m_table->setAccessibleName(tr("Statistics per group"));
    m_table->setObjectName(QStringLiteral("groupStats"));
    m_statsFiller = new ColumnFiller(m_table, m_table->horizontalHeader());
    m_statsFiller->setColumn(GroupStatsModel::Group);
}

// The controls as labelled pairs in a flow, so a narrow window wraps them into a
// second row instead of cutting them off or growing wider than the screen.
QWidget* ChartsView::buildControlRow()
{
    auto* row = new QWidget(this);
    auto* controls = new FlowLayout(row, 10);
    const auto labelled = [&](const QString& text, QWidget* w) {
        auto* pair = new QWidget(row);
        auto* layout = new QHBoxLayout(pair);
        layout->setContentsMargins(0, 0, 0, 0);
        layout->addWidget(new QLabel(text, pair));
        layout->addWidget(w);
        controls->addWidget(pair);
    };
    const auto choice = [&](const QString& text, QComboBox* box, const QString& accessibleName) {
        box->setSizeAdjustPolicy(QComboBox::AdjustToContents);
        box->setAccessibleName(accessibleName);
        labelled(text, box);
    };
    choice(tr("Chart:"), m_kind, tr("Chart kind"));
    choice(tr("Group by:"), m_groupBy, tr("Group by"));
    choice(tr("then:"), m_thenBy, tr("Then group by"));
    choice(tr("Metric:"), m_metric, tr("Metric"));
    choice(tr("X:"), m_trendX, tr("Trend x axis"));
    choice(tr("Statistic:"), m_statistic, tr("Statistic"));
    choice(tr("Scale:"), m_scale, tr("Scale"));
    controls->addWidget(m_percent);
    labelled(tr("Bins:"), m_bins);
    labelled(tr("Target:"), m_target);
    controls->addWidget(m_export);
    return row;
}

// The chart above, the statistics table and the A/B panel below it.
QSplitter* ChartsView::buildChartArea()
{
    auto* splitter = new QSplitter(Qt::Vertical, this);
    auto* below = new QTabWidget(this);
    m_below = below;
    below->addTab(m_table, tr("Statistics per group"));
    below->addTab(m_ab, tr("Compare groups"));
    // Tab leaves every table here, the A/B panel's too (it is built as a unit; the
    // keyboard rule is the window's).
    for (QTableView* table : m_ab->findChildren<QTableView*>())
        table->setTabKeyNavigation(false);
    below->setDocumentMode(true);
    m_chartStack->addWidget(m_chartView);
    m_chartStack->addWidget(m_flames);
    splitter->addWidget(m_chartStack);
    splitter->addWidget(below);
    splitter->setStretchFactor(0, 3);
    splitter->setStretchFactor(1, 1);
    splitter->setSizes({ 560, 200 }); // the chart is the point; the table is a summary
    splitter->setChildrenCollapsible(false);
    // Enough for an axis and a box; more would hold the whole window's minimum (and
    // the Problems dock's rows) above what a 1280×800 screen has.
    m_chartStack->setMinimumHeight(200);
    m_chartView->setRenderHint(QPainter::Antialiasing);
    m_chartView->setAccessibleName(tr("Chart"));
    m_chartView->setObjectName(QStringLiteral("chart"));
    return splitter;
}

} // namespace te
