#include "ui/charts/chartsview.h"

#include "ui/charts/abpanel.h"
#include "ui/charts/chartbuilder.h"
#include "ui/widgets/emptystate.h"
#include "models/groupstatsmodel.h"
#include "query/runfilter.h"
#include "data/timingdataset.h"

#include <QApplication>
#include <QBarSeries>
#include <QBarSet>
#include <QBoxPlotSeries>
#include <QBoxSet>
#include <QChartView>
#include <QClipboard>
#include <QComboBox>
#include <QEvent>
#include <QFileDialog>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QInputDialog>
#include <QLabel>
#include <QLineEdit>
#include <QLineSeries>
#include <QMenu>
#include <QMessageBox>
#include <QRegularExpression>
#include <QScatterSeries>
#include <QSettings>
#include <QSortFilterProxyModel>
#include <QSpinBox>
#include <QSplitter>
#include <QTabWidget>
#include <QTableView>
#include <QToolButton>
#include <QVBoxLayout>
#include <QtConcurrent/QtConcurrentRun>

namespace te {

ChartsView::ChartsView(QWidget* parent)
    : QWidget(parent)
    , m_kind(new QComboBox(this))
    , m_groupBy(new QComboBox(this))
    , m_thenBy(new QComboBox(this))
    , m_metric(new QComboBox(this))
    , m_statistic(new QComboBox(this))
    , m_scale(new QComboBox(this))
    , m_bins(new QSpinBox(this))
    , m_target(new QLineEdit(this))
    , m_export(new QToolButton(this))
    , m_status(new QLabel(this))
    , m_chartView(new QChartView(this))
    , m_table(new QTableView(this))
    , m_stats(new GroupStatsModel(this))
    , m_ab(new AbPanel(this))
    , m_empty(new EmptyState(m_chartView))
{
    m_kind->addItem(tr("Box plot"), QStringLiteral("box"));
    m_kind->addItem(tr("Bar with 95 % interval"), QStringLiteral("bar"));
    m_kind->addItem(tr("Phase composition"), QStringLiteral("stacked"));
    m_kind->addItem(tr("Histogram"), QStringLiteral("histogram"));
    m_kind->addItem(tr("Trend over time"), QStringLiteral("trend"));
    for (const Statistic statistic : chartStatistics())
        m_statistic->addItem(statisticLabel(statistic), statisticName(statistic));
    m_scale->addItem(tr("Linear"));
    m_scale->addItem(tr("Log"));
    m_bins->setRange(0, 500);
    m_bins->setSpecialValueText(tr("auto"));
    m_bins->setToolTip(tr("Histogram bins; auto uses the Freedman–Diaconis rule"));
    m_target->setPlaceholderText(tr("e.g. 30s"));
    m_target->setToolTip(
        tr("A target duration, drawn on the chart, with the share of runs under it per group"));
    m_target->setMaximumWidth(90);
    m_export->setText(tr("Export"));
    m_export->setPopupMode(QToolButton::InstantPopup);
    auto* exportMenu = new QMenu(m_export);
    exportMenu->addAction(tr("Save as PNG or SVG…"), this, &ChartsView::exportImage);
    exportMenu->addAction(tr("Copy image"), this,
        [this] { QApplication::clipboard()->setImage(m_chartView->grab().toImage()); });
    exportMenu->addAction(
        tr("Copy statistics as TSV"), this, [this] { QApplication::clipboard()->setText(m_stats->toTsv()); });
    m_export->setMenu(exportMenu);
    for (QWidget* w :
        std::initializer_list<QWidget*> { m_kind, m_groupBy, m_thenBy, m_metric, m_statistic, m_scale })
        w->setSizePolicy(QSizePolicy::Preferred, QSizePolicy::Fixed);
    m_kind->setAccessibleName(tr("Chart kind"));
    m_groupBy->setAccessibleName(tr("Group by"));
    m_thenBy->setAccessibleName(tr("Then group by"));
    m_metric->setAccessibleName(tr("Metric"));
    m_statistic->setAccessibleName(tr("Statistic"));
    m_scale->setAccessibleName(tr("Scale"));
    m_chartView->setRenderHint(QPainter::Antialiasing);
    m_chartView->setAccessibleName(tr("Chart"));
    m_chartView->setObjectName(QStringLiteral("chart"));

    auto* proxy = new QSortFilterProxyModel(this);
    proxy->setSourceModel(m_stats);
    proxy->setSortRole(GroupStatsModel::SortRole);
    m_table->setModel(proxy);
    m_table->setSortingEnabled(true);
    m_table->sortByColumn(GroupStatsModel::Group, Qt::AscendingOrder);
    m_table->verticalHeader()->hide();
    m_table->verticalHeader()->setDefaultSectionSize(m_table->fontMetrics().height() + 6);
    m_table->setAlternatingRowColors(true);
    m_table->setAccessibleName(tr("Statistics per group"));
    m_table->setObjectName(QStringLiteral("groupStats"));

    auto* controls = new QHBoxLayout;
    const auto labelled = [&](const QString& text, QWidget* w) {
        controls->addWidget(new QLabel(text, this));
        controls->addWidget(w);
    };
    labelled(tr("Chart:"), m_kind);
    labelled(tr("Group by:"), m_groupBy);
    labelled(tr("then:"), m_thenBy);
    labelled(tr("Metric:"), m_metric);
    labelled(tr("Statistic:"), m_statistic);
    labelled(tr("Scale:"), m_scale);
    labelled(tr("Bins:"), m_bins);
    labelled(tr("Target:"), m_target);
    controls->addStretch(1);
    controls->addWidget(m_export);

    auto* splitter = new QSplitter(Qt::Vertical, this);
    auto* below = new QTabWidget(this);
    below->addTab(m_table, tr("Statistics per group"));
    below->addTab(m_ab, tr("Compare two groups"));
    below->setDocumentMode(true);
    splitter->addWidget(m_chartView);
    splitter->addWidget(below);
    splitter->setStretchFactor(0, 3);
    splitter->setStretchFactor(1, 1);
    splitter->setSizes({ 560, 200 }); // the chart is the point; the table is a summary
    splitter->setChildrenCollapsible(false);
    m_chartView->setMinimumHeight(260);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(6, 6, 6, 2);
    layout->addLayout(controls);
    layout->addWidget(splitter, 1);
    layout->addWidget(m_status);
    m_empty->setMessage(tr("Open a timing file with File &gt; Open (Ctrl+O) to chart its runs."));

    for (QComboBox* box : { m_kind, m_groupBy, m_thenBy, m_metric, m_statistic, m_scale })
        connect(box, &QComboBox::currentIndexChanged, this, &ChartsView::recompute);
    connect(m_bins, &QSpinBox::valueChanged, this, &ChartsView::recompute);
    connect(m_target, &QLineEdit::editingFinished, this, &ChartsView::recompute);
    connect(&m_watcher, &QFutureWatcherBase::finished, this, [this] {
        showChart(m_data ? m_watcher.result() : ChartData()); // no data: cleared while it computed
        if (std::exchange(m_pending, false))
            recompute(); // the user changed something while it was computing
    });
    updateControls();
}

ChartsView::~ChartsView()
{
    m_watcher.waitForFinished();
}

void ChartsView::setRuns(std::shared_ptr<const TimingDataset> data, std::vector<std::uint32_t> runs)
{
    const bool newDataset = data != m_data;
    m_data = std::move(data);
    m_runs = std::move(runs);
    if (!m_data) {
        showChart(ChartData()); // drops the chart and the A/B panel's hold on the previous data
        return;
    }
    if (newDataset) {
        const QSignalBlocker a(m_groupBy), b(m_thenBy), c(m_metric);
        const QString group
            = m_groupBy->currentText().isEmpty() ? QStringLiteral("model") : m_groupBy->currentText();
        const QString then = m_thenBy->currentText();
        const QString metric
            = m_metric->currentText().isEmpty() ? QStringLiteral("total") : m_metric->currentText();
        m_groupBy->clear();
        m_groupBy->addItem(tr("(all runs)"));
        m_groupBy->addItems(m_data->fieldNames());
        m_groupBy->setCurrentIndex(std::max(0, m_groupBy->findText(group)));
        m_thenBy->clear();
        m_thenBy->addItem(tr("—"));
        m_thenBy->addItems(m_data->fieldNames());
        m_thenBy->setCurrentIndex(std::max(0, m_thenBy->findText(then)));
        m_metric->clear();
        m_metric->addItems(m_data->metricPaths());
        m_metric->setCurrentIndex(std::max(0, m_metric->findText(metric)));
    }
    recompute();
}

ChartRequest ChartsView::request() const
{
    ChartRequest request;
    request.kind = kindFromName(m_kind->currentData().toString()).value_or(ChartRequest::Kind::Box);
    request.groupBy.clear();
    if (m_groupBy->currentIndex() > 0)
        request.groupBy << m_groupBy->currentText();
    if (m_thenBy->currentIndex() > 0 && m_thenBy->currentText() != m_groupBy->currentText())
        request.groupBy << m_thenBy->currentText();
    request.metric = m_metric->currentText().isEmpty() ? QStringLiteral("total") : m_metric->currentText();
    request.statistic
        = chartStatisticFromName(m_statistic->currentData().toString()).value_or(Statistic::Median);
    request.logScale = m_scale->currentIndex() == 1;
    request.bins = m_bins->value();
    if (const auto seconds = parseDurationSeconds(m_target->text()); seconds && *seconds > 0)
        request.targetSeconds = *seconds;
    return request;
}

void ChartsView::updateControls()
{
    const auto kind = kindFromName(m_kind->currentData().toString()).value_or(ChartRequest::Kind::Box);
    m_statistic->setEnabled(kind == ChartRequest::Kind::Bar);
    m_bins->setEnabled(kind == ChartRequest::Kind::Histogram);
    m_scale->setEnabled(kind != ChartRequest::Kind::Stacked);
}

void ChartsView::recompute()
{
    updateControls();
    if (!m_data)
        return;
    if (m_watcher.isRunning()) {
        m_pending = true;
        return;
    }
    m_status->setText(tr("Computing…"));
    m_watcher.setFuture(QtConcurrent::run([data = m_data, runs = m_runs, request = request()] {
        return computeChartData(*data, runs, request);
    }));
}

void ChartsView::showChart(ChartData chart)
{
    m_chart = std::move(chart);
    m_stats->setChart(m_chart);
    m_ab->setChart(m_data, m_chart);
    m_table->resizeColumnsToContents();
    QChart* old = m_chartView->chart();
    m_chartView->setChart(buildChart(m_chart));
    applyPalette(m_chartView->chart(), palette());
    delete old; // QChartView does not own a chart it is given before setChart replaced it
    connectClicks();
    m_empty->setMessage({});
    if (!m_chart.error.isEmpty()) {
        m_status->setText(m_chart.error);
    } else if (m_chart.groups.empty()) {
        const QString advice = m_runs.empty()
            ? tr("No runs to chart: the Runs tab shows none. Clear its filters, or open a file with "
                 "File > Open (Ctrl+O).")
            : tr("None of the %L1 runs in the Runs tab has a value for %2. Pick another metric above, or "
                 "change the filter in the Runs tab.")
                  .arg(m_runs.size())
                  .arg(m_chart.request.metric);
        m_status->setText(advice);
        m_empty->setMessage(advice.toHtmlEscaped());
    } else {
        std::size_t runs = 0;
        for (const ChartGroup& g : m_chart.groups)
            runs += g.runs.size();
        m_status->setText(tr("%L1 runs in %2 groups. Click a box, bar, bin or point to see those runs.")
                              .arg(runs)
                              .arg(m_chart.groups.size()));
    }
    emit chartUpdated();
}

void ChartsView::changeEvent(QEvent* event)
{
    // A switch to a dark or light scheme: the chart follows the window's colours.
    if (event->type() == QEvent::PaletteChange && m_chartView->chart())
        applyPalette(m_chartView->chart(), palette());
    QWidget::changeEvent(event);
}

void ChartsView::connectClicks()
{
    QChart* chart = m_chartView->chart();
    for (QAbstractSeries* series : chart->series()) {
        if (auto* boxes = qobject_cast<QBoxPlotSeries*>(series)) {
            connect(boxes, &QBoxPlotSeries::clicked, this, [this](QBoxSet* set) {
                const int group = set->property("group").toInt();
                const ChartGroup& g = m_chart.groups[static_cast<std::size_t>(group)];
                emit drillDown(
                    g.runs, tr("%1: %2 (n=%3)").arg(m_chart.request.metric, g.label).arg(g.runs.size()));
            });
        } else if (auto* bars = qobject_cast<QAbstractBarSeries*>(series)) {
            connect(bars, &QAbstractBarSeries::clicked, this, [this](int index, QBarSet*) {
                if (index < 0 || index >= static_cast<int>(m_chart.groups.size()))
                    return;
                const ChartGroup& g = m_chart.groups[static_cast<std::size_t>(index)];
                emit drillDown(g.runs, tr("%1 (n=%2)").arg(g.label).arg(g.runs.size()));
            });
        } else if (auto* xy = qobject_cast<QXYSeries*>(series); xy && xy->property("group").isValid()) {
            connect(xy, &QXYSeries::clicked, this, [this, xy](const QPointF& point) {
                const int group = xy->property("group").toInt();
                if (m_chart.request.kind == ChartRequest::Kind::Histogram) {
                    const auto& edges = m_chart.histogram.edges;
                    const auto it = std::upper_bound(edges.begin(), edges.end(), point.x());
                    const int bin = static_cast<int>(it - edges.begin()) - 1;
                    const auto runs = runsInBin(*m_data, m_chart, group, bin);
                    if (bin >= 0 && bin + 1 < static_cast<int>(edges.size()))
                        emit drillDown(runs,
                            tr("%1, %2 between %3 and %4 s (n=%5)")
                                .arg(m_chart.groups[static_cast<std::size_t>(group)].label,
                                    m_chart.request.metric)
                                .arg(edges[static_cast<std::size_t>(bin)], 0, 'g', 4)
                                .arg(edges[static_cast<std::size_t>(bin) + 1], 0, 'g', 4)
                                .arg(runs.size()));
                } else if (m_chart.request.kind == ChartRequest::Kind::Trend) {
                    // The runs of the group close in time to the clicked point.
                    const ChartGroup& g = m_chart.groups[static_cast<std::size_t>(group)];
                    const double span
                        = g.trend.size() > 1 ? double(g.trend.back().ms - g.trend.front().ms) / 400.0 : 1.0;
                    std::vector<std::uint32_t> runs;
                    for (const std::uint32_t run : g.runs) {
                        const qint64 ms = m_data->timestampMs(run);
                        if (ms != TimingDataset::kNoTimestamp && std::abs(double(ms) - point.x()) <= span)
                            runs.push_back(run);
                    }
                    emit drillDown(runs,
                        tr("%1 around %2 (n=%3)")
                            .arg(g.label,
                                QDateTime::fromMSecsSinceEpoch(qint64(point.x()), Qt::UTC)
                                    .toString(QStringLiteral("yyyy-MM-dd HH:mm")))
                            .arg(runs.size()));
                } else {
                    const ChartGroup& g = m_chart.groups[static_cast<std::size_t>(group)];
                    emit drillDown(g.runs, tr("%1 (n=%2)").arg(g.label).arg(g.runs.size()));
                }
            });
        }
    }
}

bool ChartsView::exportTo(const QString& path, QSize size, QString* error) const
{
    return exportChart(m_chart, path, size, error);
}

void ChartsView::exportImage()
{
    QSettings settings;
    const QString path = QFileDialog::getSaveFileName(this, tr("Export Chart"),
        settings.value(QStringLiteral("charts/lastExport"), QStringLiteral("chart.png")).toString(),
        tr("PNG image (*.png);;SVG drawing (*.svg)"));
    if (path.isEmpty())
        return;
    bool ok = false;
    const QString sizeText
        = QInputDialog::getText(this, tr("Export Size"), tr("Width × height in pixels:"), QLineEdit::Normal,
            settings.value(QStringLiteral("charts/exportSize"), QStringLiteral("1600x900")).toString(), &ok);
    if (!ok)
        return;
    const QStringList parts
        = sizeText.split(QRegularExpression(QStringLiteral("[x×*, ]+")), Qt::SkipEmptyParts);
    const QSize size(parts.value(0).toInt(), parts.value(1).toInt());
    if (size.width() < 100 || size.height() < 100 || size.width() > 10000 || size.height() > 10000) {
        QMessageBox::warning(
            this, tr("Export Chart"), tr("Give a size such as 1600x900 (100 to 10000 pixels each way)."));
        return;
    }
    settings.setValue(QStringLiteral("charts/lastExport"), path);
    settings.setValue(QStringLiteral("charts/exportSize"), sizeText);
    QString error;
    if (!exportTo(path, size, &error))
        QMessageBox::warning(this, tr("Export Chart"), error);
}

} // namespace te
