// Reports how fast the core loads a timing file and computes per-model statistics:
// MB/s, records/s and peak RSS, for the two ways the program reads files:
//   stats  - what `timing-explorer stats FILE --group-by model --metric total
//            --metric phase1` does: a projected load, then group statistics;
//   full   - what the window and `validate` do: every node and field kept.
// It prints figures; it does not pass or fail. Usage: bench_load FILE [--runs N]
#include "data/datasetlookups.h"
#include "load/timingloader.h"
#include "stats/groupstats.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFileInfo>
#include <algorithm>
#include <cstdio>
#include <sys/resource.h>
#include <vector>

namespace {

double peakRssMiB()
{
    rusage usage {};
    getrusage(RUSAGE_SELF, &usage);
    return static_cast<double>(usage.ru_maxrss) / 1024.0;
}

// User + system time of all the process's threads: on a shared machine it varies
// much less than wall time, which waits whenever another process has the cores.
double cpuSeconds()
{
    rusage usage {};
    getrusage(RUSAGE_SELF, &usage);
    const auto seconds = [](const timeval& t) { return static_cast<double>(t.tv_sec) + t.tv_usec / 1e6; };
    return seconds(usage.ru_utime) + seconds(usage.ru_stime);
}

double median(std::vector<double> values)
{
    std::sort(values.begin(), values.end());
    return values[values.size() / 2];
}

struct Measured
{
    double seconds;
    std::uint32_t runs;
};

Measured statsOnce(const QString& path)
{
    QElapsedTimer timer;
    timer.start();
    te::LoadOptions options;
    options.files = { path };
    options.projection.keepMetric(QStringLiteral("total"));
    options.projection.keepMetric(QStringLiteral("phase1"));
    options.projection.keepField(QStringLiteral("model"));
    options.projection.keepField(QStringLiteral("source"));
    const te::LoadResult result = te::loadTimingFiles(options);
    const auto& data = result.dataset;
    const auto groups = te::groupRuns(data, te::allRuns(data), { te::TimingDataset::Model });
    const auto rows
        = te::computeGroupStats(data, groups, { te::TimingDataset::kRootMetric, data.metricId(u"phase1") });
    if (rows.empty())
        std::fprintf(stderr, "no statistics computed\n");
    return { static_cast<double>(timer.nsecsElapsed()) / 1e9, data.runCount() };
}

Measured fullOnce(const QString& path)
{
    QElapsedTimer timer;
    timer.start();
    te::LoadOptions options;
    options.files = { path };
    const te::LoadResult result = te::loadTimingFiles(options);
    return { static_cast<double>(timer.nsecsElapsed()) / 1e9, result.dataset.runCount() };
}

void report(const char* name, const std::vector<double>& seconds, const std::vector<double>& cpu,
    std::uint32_t runs, double megabytes)
{
    const double s = median(seconds);
    std::printf(
        "%-6s  median %6.3f s (min %6.3f, CPU %6.3f s)  %5.0f MB/s  %8.0f records/s  peak RSS %5.0f MiB  "
        "(%zu runs)\n",
        name, s, *std::min_element(seconds.begin(), seconds.end()), median(cpu), megabytes / s, runs / s,
        peakRssMiB(), seconds.size());
}

} // namespace

int main(int argc, char* argv[])
{
    QCoreApplication app(argc, argv);
    const QStringList args = QCoreApplication::arguments();
    if (args.size() < 2) {
        std::fprintf(stderr, "usage: bench_load FILE [--runs N]\n");
        return 2;
    }
    const QString& path = args[1];
    const int runs
        = args.size() > 3 && args[2] == QStringLiteral("--runs") ? std::max(1, args[3].toInt()) : 5;
    const double megabytes = static_cast<double>(QFileInfo(path).size()) / 1e6;
    std::printf("file %s: %.1f MB\n", qPrintable(path), megabytes);

    // Stats first: peak RSS only grows, so the lighter mode is measured before the full one.
    for (const bool full : { false, true }) {
        std::vector<double> seconds;
        std::vector<double> cpu;
        std::uint32_t loaded = 0;
        for (int i = 0; i < runs; ++i) {
            const double cpuBefore = cpuSeconds();
            const Measured m = full ? fullOnce(path) : statsOnce(path);
            cpu.push_back(cpuSeconds() - cpuBefore);
            seconds.push_back(m.seconds);
            loaded = m.runs;
        }
        report(full ? "full" : "stats", seconds, cpu, loaded, megabytes);
    }
    return 0;
}
