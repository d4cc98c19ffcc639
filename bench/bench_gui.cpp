// Reports the explorer's interactive figures on a large file: sort and filter
// times of the runs table, the longest event-loop stall while the window loads the
// file in the background (a 10 ms QTimer probe), and how fast Cancel takes effect.
// It prints figures; it does not pass or fail. Usage: bench_gui FILE
#include "data/datasetlookups.h"
#include "models/runtablemodel.h"
#include "query/runcolumn.h"
#include "query/runquery.h"
#include "stats/chartdata.h"
#include "stats/flamegroups.h"
#include "stats/groupreference.h"
#include "ui/charts/chartbuilder.h"
#include "ui/flame/flamegraphwidget.h"
#include "ui/shell/loadcontroller.h"
#include "ui/shell/mainwindow.h"

#include <QApplication>
#include <QChart>
#include <QElapsedTimer>
#include <QImage>
#include <QSignalSpy>
#include <QTimer>
#include <algorithm>
#include <cstdio>

namespace {

template <typename F> double secondsOf(F&& work)
{
    QElapsedTimer timer;
    timer.start();
    work();
    return static_cast<double>(timer.nsecsElapsed()) / 1e9;
}

/// A tree whose flame graph at 1600 px shows `leaves` boxes of about 3 px under
/// 10 phases: a frame with ~500 visible nodes.
te::FlameNode wideTree(int leaves)
{
    te::FlameNode root;
    root.metric = 0;
    root.name = root.path = QStringLiteral("total");
    for (int p = 0; p < 10; ++p) {
        te::FlameNode phase;
        phase.metric = 1;
        phase.name = phase.path = QStringLiteral("phase%1").arg(p);
        for (int l = 0; l < leaves / 10; ++l) {
            te::FlameNode leaf;
            leaf.metric = 2;
            leaf.name = QStringLiteral("agent_step_%1").arg(l);
            leaf.path = phase.path + u'/' + leaf.name;
            leaf.seconds = 1.0;
            phase.seconds += leaf.seconds;
            phase.children.push_back(leaf);
        }
        root.seconds += phase.seconds;
        root.children.push_back(std::move(phase));
    }
    return root;
}

// The flame graphs: a group's tree of every node over 1M runs, and one frame's paint.
void benchFlames(const te::TimingDataset& data, const std::vector<std::uint32_t>& runs)
{
    for (const auto summary : { te::FlameSummary::Mean, te::FlameSummary::Median }) {
        te::GroupFlames flames;
        const double compute = secondsOf(
            [&] { flames = te::computeGroupFlames(data, runs, { QStringLiteral("model") }, summary); });
        std::printf("flame %-6s       %6.3f s (the tree of every group, %zu groups; off the GUI thread)\n",
            summary == te::FlameSummary::Mean ? "mean" : "median", compute, flames.groups.size());
    }
    te::FlameGraphWidget widget;
    widget.setData(te::FlameGraphData::fromTree(wideTree(490)));
    widget.resize(1600, widget.sizeHint().height());
    QImage frame(widget.size(), QImage::Format_ARGB32_Premultiplied);
    constexpr int kFrames = 50;
    widget.render(&frame); // polish and lay out once, outside the timing
    const double paint = secondsOf([&] {
        for (int i = 0; i < kFrames; ++i)
            widget.render(&frame);
    });
    std::printf("flame paint        %6.1f ms a frame (%zu boxes visible, 1600 px wide)\n",
        paint * 1000 / kFrames, widget.boxes().size());
}

struct StallProbe
{
    QTimer timer;
    QElapsedTimer clock;
    qint64 last = 0;
    qint64 worst = 0;
    std::vector<qint64> gaps;

    void start()
    {
        clock.start();
        last = 0;
        worst = 0;
        gaps.clear();
        QObject::connect(&timer, &QTimer::timeout, [this] {
            const qint64 now = clock.elapsed();
            gaps.push_back(now - last);
            worst = std::max(worst, now - last);
            last = now;
        });
        timer.start(10);
    }
    qint64 percentile99()
    {
        std::sort(gaps.begin(), gaps.end());
        return gaps.empty() ? 0 : gaps[gaps.size() * 99 / 100];
    }
};

} // namespace

int main(int argc, char* argv[])
{
    QApplication app(argc, argv);
    if (argc < 2) {
        std::fprintf(stderr, "usage: bench_gui FILE\n");
        return 2;
    }
    const QString path = QString::fromLocal8Bit(argv[1]);
    QCoreApplication::setOrganizationName(QStringLiteral("TimingExplorerBench"));

    // -- the window loading the file in the background
    te::MainWindow window;
    window.show();
    StallProbe probe;
    QSignalSpy loaded(window.loader(), &te::LoadController::loaded);
    probe.start();
    const double loadSeconds = secondsOf([&] {
        window.openFiles({ path });
        loaded.wait(600000);
    });
    probe.timer.stop();
    std::printf("window load        %6.2f s; event loop: longest stall %lld ms, 99th percentile gap %lld ms "
                "(probe every 10 ms)\n",
        loadSeconds, static_cast<long long>(probe.worst), static_cast<long long>(probe.percentile99()));

    // -- cancel latency: start a reload, cancel after 300 ms
    QSignalSpy cancelled(window.loader(), &te::LoadController::cancelled);
    window.reload();
    QElapsedTimer untilCancel;
    QTimer::singleShot(300, [&] {
        untilCancel.start();
        window.loader()->cancel();
    });
    cancelled.wait(60000);
    std::printf("cancel             %6.0f ms from Cancel to the previous data shown again\n",
        static_cast<double>(untilCancel.nsecsElapsed()) / 1e6);

    // -- sort and filter on the loaded runs
    const auto data = window.currentData()->dataset;
    const auto reference = window.currentData()->reference;
    te::RunTableModel model;
    model.setDataset(data, reference);
    model.setColumns(te::defaultRunColumns(*data));
    model.setRuns(te::allRuns(*data));
    std::printf("runs               %u\n", data->runCount());
    const auto columnOf = [&](const QString& id) {
        const auto& columns = model.columns();
        for (std::size_t i = 0; i < columns.size(); ++i) {
            if (columns[i].id() == id)
                return static_cast<int>(i);
        }
        return 0;
    };
    for (const QString& id : { QStringLiteral("metric:total"), QStringLiteral("metric:phase1"),
             QStringLiteral("field:model"), QStringLiteral("field:registration_id"),
             QStringLiteral("field:timestamp"), QStringLiteral("ratio") }) {
        const double s = secondsOf([&] { model.sort(columnOf(id), Qt::DescendingOrder); });
        std::printf("sort %-22s %6.3f s\n", qPrintable(id), s);
    }
    const auto filterTime = [&](const char* name, const te::RunQuery& query) {
        std::size_t matched = 0;
        const double s = secondsOf([&] { matched = query.apply(*data).size(); });
        std::printf("filter %-20s %6.3f s (%zu runs)\n", name, s, matched);
    };
    te::RunQuery text;
    text.text = QStringLiteral("SPUS123");
    filterTime("text", text);
    te::RunQuery models;
    models.allowedValues[te::TimingDataset::Model]
        = { QStringLiteral("openai_gpt4o"), QStringLiteral("deepseek_v3") };
    filterTime("two models", models);
    te::RunQuery range;
    range.minSeconds = 60;
    filterTime("total >= 60 s", range);
    te::RunQuery expression;
    expression.expressions.push_back(
        *te::RunFilter::parse(QStringLiteral("phase1/agent_conversation>30"), *data, nullptr));
    filterTime("expression", expression);
    const double reset = secondsOf([&] { model.setRuns(range.apply(*data)); });
    std::printf("filter, then sort into the table %6.3f s\n", reset);
    // -- charts: what switching metric or chart kind costs (data in core + building the QChart)
    const std::vector<std::uint32_t> everyRun = te::allRuns(*data);
    for (const auto kind : { te::ChartRequest::Kind::Box, te::ChartRequest::Kind::Histogram,
             te::ChartRequest::Kind::Stacked, te::ChartRequest::Kind::Trend, te::ChartRequest::Kind::Bar,
             te::ChartRequest::Kind::Ecdf, te::ChartRequest::Kind::Paired }) {
        te::ChartRequest request;
        request.kind = kind;
        te::ChartData chart;
        const double compute = secondsOf([&] { chart = te::computeChartData(*data, everyRun, request); });
        const double draw = secondsOf([&] { delete te::buildChart(chart); });
        std::printf("chart %-10s %6.3f s data + %6.3f s QChart (%zu groups)%s\n",
            qPrintable(te::kindName(kind)), compute, draw, chart.groups.size(),
            kind == te::ChartRequest::Kind::Bar
                ? " — includes 2,000 bootstrap resamples per group, off the GUI thread"
                : "");
    }
    const double axisOnly = secondsOf([&] { (void)te::trendAxis(*data, everyRun, QStringLiteral("time")); });
    std::printf(
        "trend time axis    %6.3f s of the trend's data (gaps found among all runs' times)\n", axisOnly);
    // The trend's other x axes: the run order, and a field's values (git_commit).
    for (const char* x : { te::kTrendXOrder, "git_commit" }) {
        te::ChartRequest request;
        request.kind = te::ChartRequest::Kind::Trend;
        request.trendX = QString::fromLatin1(x);
        te::ChartData chart;
        const double compute = secondsOf([&] { chart = te::computeChartData(*data, everyRun, request); });
        const double draw = secondsOf([&] { delete te::buildChart(chart); });
        std::printf("chart trend --x %-10s %6.3f s data + %6.3f s QChart%s\n", x, compute, draw,
            chart.error.isEmpty() ? "" : " (no such field)");
    }
    benchFlames(*data, everyRun);
    const double regroup
        = secondsOf([&] { te::GroupReference::compute(*data, { te::TimingDataset::Model }); });
    std::printf(
        "group reference    %6.3f s (median and P95 of every node per model; off the GUI thread)\n", regroup);
    return 0;
}
