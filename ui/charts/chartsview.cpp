#include "ui/charts/chartsview.h"

#include "data/datasetlookups.h"
#include "data/timingdataset.h"
#include "models/groupstatsmodel.h"
#include "query/runfilter.h"
#include "ui/charts/abpanel.h"
#include "ui/charts/chartbuilder.h"
#include "ui/charts/chartexportdialog.h"
#include "ui/charts/chartstatus.h"
#include "ui/charts/groupflamespanel.h"
#include "ui/charts/src/chartinteraction.h"
#include "ui/charts/src/trenddetail.h"
#include "ui/charts/zoomablechartview.h"
#include "ui/widgets/columnfiller.h"
#include "ui/widgets/emptystate.h"
#include "ui/widgets/flowlayout.h"

#include <QApplication>
#include <QChartView>
#include <QCheckBox>
#include <QClipboard>
#include <QComboBox>
#include <QEvent>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QSettings>
#include <QSortFilterProxyModel>
#include <QSpinBox>
#include <QSplitter>
#include <QStackedWidget>
#include <QTabWidget>
#include <QTableView>
#include <QToolButton>
#include <QVBoxLayout>

namespace te {

namespace {

const QString kKindKey = QStringLiteral("charts/kind");
const QString kLogScaleKey = QStringLiteral("charts/logScale");
const QString kTrendXKey = QStringLiteral("charts/trendX");

// Empties `box` and fills it with `values` (each its own item data) after an item
// for none (`noneLabel`, no data) if given; selects `keep` again, or the first item.
void refill(QComboBox* box, const QString& noneLabel, const QStringList& values, const QString& keep)
{
    box->clear();
    if (!noneLabel.isEmpty())
        box->addItem(noneLabel);
    for (const QString& value : values)
        box->addItem(value, value);
    box->setCurrentIndex(std::max(0, box->findData(keep)));
}

// The trend's x axes: time, run order, then `fields`; selects `keep` again, or time.
void fillTrendX(QComboBox* box, const QStringList& fields, const QString& keep)
{
    refill(box, {}, fields, keep);
    box->insertItem(0, QObject::tr("Time"), QLatin1String(kTrendXTime));
    box->insertItem(1, QObject::tr("Run order"), QLatin1String(kTrendXOrder));
    box->setCurrentIndex(std::max(0, box->findData(keep)));
}

} // namespace

ChartsView::ChartsView(QWidget* parent)
    : QWidget(parent)
    , m_computation(this, [this](ChartData chart) { showChart(std::move(chart)); })
    , m_kind(new QComboBox(this))
    , m_groupBy(new QComboBox(this))
    , m_thenBy(new QComboBox(this))
    , m_metric(new QComboBox(this))
    , m_trendX(new QComboBox(this))
    , m_statistic(new QComboBox(this))
    , m_scale(new QComboBox(this))
    , m_percent(new QCheckBox(tr("Percent"), this))
    , m_bins(new QSpinBox(this))
    , m_target(new QLineEdit(this))
    , m_export(new QToolButton(this))
    , m_status(new QLabel(this))
    , m_chartView(new ZoomableChartView(this))
    , m_flames(new GroupFlamesPanel(this))
    , m_chartStack(new QStackedWidget(this))
    , m_table(new QTableView(this))
    , m_stats(new GroupStatsModel(this))
    , m_ab(new AbPanel(this))
    , m_empty(new EmptyState(m_chartView))
    , m_stepSearch(this, [this](std::optional<std::vector<TrendStep>> steps) { showSteps(std::move(steps)); })
{
    fillFixedChoices();
    fillTrendX(m_trendX, {}, QString());
    buildExportMenu();
    setUpStatsTable();
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(6, 6, 6, 2);
    layout->addWidget(buildControlRow());
    layout->addWidget(buildChartArea(), 1);
    layout->addWidget(m_status);
    m_status->setWordWrap(true); // a trend's steps make it long: all of it is read
    m_empty->setMessage(tr("Open a timing file with File &gt; Open (Ctrl+O) to chart its runs."));
    restoreChoices();
    connectControls();
    updateControls();
}

// The computation, if one runs, stops with the view (LatestJob waits for it).
ChartsView::~ChartsView() = default;

QChartView* ChartsView::chartView() const
{
    return m_chartView;
}

// The kind and scale last chosen: a user who compares with ECDFs on a log scale
// finds them again on the next start.
void ChartsView::restoreChoices()
{
    const QSettings settings;
    m_kind->setCurrentIndex(std::max(0, m_kind->findData(settings.value(kKindKey).toString())));
    m_scale->setCurrentIndex(settings.value(kLogScaleKey).toBool() ? 1 : 0);
    m_trendXChoice = settings.value(kTrendXKey, QLatin1String(kTrendXTime)).toString();
    m_trendX->setCurrentIndex(std::max(0, m_trendX->findData(m_trendXChoice)));
}

void ChartsView::connectControls()
{
    connect(m_kind, &QComboBox::currentIndexChanged, this,
        [this] { QSettings().setValue(kKindKey, m_kind->currentData()); });
    connect(m_scale, &QComboBox::currentIndexChanged, this,
        [this] { QSettings().setValue(kLogScaleKey, m_scale->currentData()); });
    connect(m_trendX, &QComboBox::currentIndexChanged, this, [this] {
        m_trendXChoice = m_trendX->currentData().toString();
        QSettings().setValue(kTrendXKey, m_trendXChoice);
    });
    for (QComboBox* box : { m_kind, m_groupBy, m_thenBy, m_metric, m_trendX, m_statistic, m_scale })
        connect(box, &QComboBox::currentIndexChanged, this, &ChartsView::recompute);
    // refillDatasetChoices fills the combo with signals blocked: only a change made
    // afterwards (the user's) is a choice the next file keeps.
    connect(m_groupBy, &QComboBox::currentIndexChanged, this, [this] { m_groupChosen = true; });
    connect(m_bins, &QSpinBox::valueChanged, this, &ChartsView::recompute);
    connect(m_percent, &QCheckBox::toggled, this, &ChartsView::recompute);
    connect(m_target, &QLineEdit::editingFinished, this, &ChartsView::recompute);
    connect(m_flames, &GroupFlamesPanel::slowestRunsRequested, this, &ChartsView::slowestRunsRequested);
}

void ChartsView::setRuns(std::shared_ptr<const TimingDataset> data, std::vector<std::uint32_t> runs)
{
    const bool newDataset = data != m_data;
    m_data = std::move(data);
    m_runs = std::move(runs);
    if (!m_data) {
        m_computation.cancel(); // a computation under way then delivers an empty chart
        m_flames->clear();
        showChart(ChartData()); // drops the chart and the A/B panel's hold on the previous data
        return;
    }
    if (newDataset)
        refillDatasetChoices();
    recompute();
}

// The fields and metrics of the new dataset, keeping the choices it also has.
void ChartsView::refillDatasetChoices()
{
    const QSignalBlocker a(m_groupBy), b(m_thenBy), c(m_metric), d(m_trendX);
    // Group by the user's choice while the data has it, else by what the data
    // suggests: a new file is never grouped by the last file's leftover choice.
    const QStringList chosen
        = m_groupChosen ? QStringList { m_groupBy->currentData().toString() } : QStringList();
    const bool keepsChoice
        = m_groupChosen && (chosen.front().isEmpty() || m_data->fieldId(chosen.front()) >= 0);
    const QString group = keepsChoice ? chosen.front() : usefulGroupFields(*m_data).value(0);
    m_groupChosen = keepsChoice;
    const QString then = m_thenBy->currentData().toString();
    const QString metric
        = m_metric->count() == 0 ? QStringLiteral("total") : m_metric->currentData().toString();
    refill(m_groupBy, tr("(all runs)"), m_data->fieldNames(), group);
    refill(m_thenBy, tr("—"), m_data->fieldNames(), then);
    refill(m_metric, {}, m_data->metricPaths(), metric);
    // A field's values along x; the timestamp field is what "Time" already draws.
    QStringList fields = m_data->fieldNames();
    fields.removeAll(m_data->fieldName(TimingDataset::Timestamp));
    fillTrendX(m_trendX, fields, m_trendXChoice);
}

ChartRequest ChartsView::request() const
{
    ChartRequest request;
    request.kind = kindFromName(m_kind->currentData().toString()).value_or(request.kind);
    const QString group = m_groupBy->currentData().toString();
    const QString then = m_thenBy->currentData().toString();
    request.groupBy.clear();
    if (!group.isEmpty())
        request.groupBy << group;
    if (!then.isEmpty() && then != group)
        request.groupBy << then;
    if (const QString metric = m_metric->currentData().toString(); !metric.isEmpty())
        request.metric = metric;
    if (const QString x = m_trendX->currentData().toString(); !x.isEmpty())
        request.trendX = x;
    request.statistic
        = chartStatisticFromName(m_statistic->currentData().toString()).value_or(request.statistic);
    request.logScale = m_scale->currentData().toBool();
    request.percent = m_percent->isChecked();
    request.bins = m_bins->value();
    if (const auto seconds = parseDurationSeconds(m_target->text()); seconds && *seconds > 0)
        request.targetSeconds = *seconds;
    return request;
}

bool ChartsView::showsFlames() const
{
    return m_kind->currentData().toString() == QLatin1String(kFlameKind);
}

void ChartsView::updateControls()
{
    const auto kind = kindFromName(m_kind->currentData().toString()).value_or(ChartRequest::Kind::Box);
    m_bins->setEnabled(kind == ChartRequest::Kind::Histogram && !showsFlames());
    m_scale->setEnabled(kind != ChartRequest::Kind::Stacked && !showsFlames());
    m_percent->setEnabled(kind == ChartRequest::Kind::Stacked && !showsFlames());
    m_trendX->setEnabled(kind == ChartRequest::Kind::Trend && !showsFlames());
}

void ChartsView::recompute()
{
    updateControls();
    if (!m_data)
        return;
    m_status->setText(tr("Computing…"));
    // The flame kind draws every group's tree; the statistics and the comparison
    // below still come from the chart data (of a box plot, the cheapest).
    m_chartStack->setCurrentWidget(showsFlames() ? static_cast<QWidget*>(m_flames) : m_chartView);
    if (showsFlames())
        m_flames->compute(m_data, m_runs, request().groupBy);
    else
        m_flames->clear(); // lets go of the data
    m_computation.start([data = m_data, runs = m_runs, request = request()](
                            const std::atomic<bool>&) { return computeChartData(*data, runs, request); });
}

void ChartsView::showChart(ChartData chart)
{
    m_chart = std::move(chart);
    m_stats->setChart(m_chart);
    m_ab->setChart(m_data, m_chart);
    m_table->resizeColumnsToContents();
    m_statsFiller->refit();
    QChart* old = m_chartView->chart();
    m_chartView->setChart(buildChart(m_chart));
    applyPalette(m_chartView->chart(), palette());
    delete old; // QChartView does not own a chart it is given before setChart replaced it
    m_chartView->setZoomEnabled(m_chart.request.kind == ChartRequest::Kind::Trend && !m_chart.groups.empty());
    auto* interaction = new ChartInteraction(m_chartView->chart(), m_data, m_chart);
    connect(interaction, &ChartInteraction::drillDown, this, &ChartsView::drillDown);
    connect(interaction, &ChartInteraction::runChosen, this, &ChartsView::runChosen);
    connect(interaction, &ChartInteraction::registrationChosen, this, &ChartsView::registrationChosen);
    if (m_chart.request.kind == ChartRequest::Kind::Trend)
        new TrendDetail(m_chartView->chart(), m_data, m_chart); // the chart owns it
    const bool nothingToDraw = m_chart.error.isEmpty() && m_chart.groups.empty();
    const QString status = chartStatus(m_chart, m_runs.size());
    m_chartStatus = status;
    m_status->setText(status);
    m_empty->setMessage(nothingToDraw ? status.toHtmlEscaped() : QString());
    findSteps();
    emit chartUpdated();
}

void ChartsView::changeEvent(QEvent* event)
{
    // A switch to a dark or light scheme: the chart follows the window's colours.
    if (event->type() == QEvent::PaletteChange && m_chartView->chart())
        applyPalette(m_chartView->chart(), palette());
    QWidget::changeEvent(event);
}

bool ChartsView::exportTo(const QString& path, QSize size, QString* error) const
{
    return showsFlames() ? m_flames->exportTo(path, size, error)
                         : exportChart(m_chart, path, size, {}, error, m_steps);
}

void ChartsView::exportImage()
{
    exportChartAsked(this,
        [this](const QString& path, QSize size, QString* error) { return exportTo(path, size, error); });
}

} // namespace te
