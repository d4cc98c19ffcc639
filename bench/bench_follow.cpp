// Reports what one update of the follow mode costs: the window's load of FILE (a
// copy of it, in a temporary folder: FILE is never written), then APPENDS times
// BATCH lines appended to the copy (the file's first lines again, so the groups
// and the shapes are the file's own), each followed by followData() as the
// window's follow mode calls it. Prints, per update, the wall time and the CPU time
// of the whole process (every thread), and at the end the median of each and a
// check that the last update holds what a fresh load of the grown file holds:
// the same runs and the same median and P95 for every group and node.
//
// It prints figures; it does not pass or fail, except that a wrong result exits 1.
// Usage: bench_follow FILE [--appends N] [--batch LINES]
#include "data/datasetlookups.h"
#include "follow/followupdate.h"
#include "query/runcolumn.h"
#include "stats/groupreference.h"
#include "util/memoryrelease.h"
#include "workspace/loadeddata.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QTemporaryDir>
#include <algorithm>
#include <cmath>
#include <cstdio>
#include <sys/resource.h>
#include <vector>

namespace {

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
    return values.empty() ? 0 : values[values.size() / 2];
}

int argumentAfter(const QStringList& args, const QString& flag, int fallback)
{
    const qsizetype at = args.indexOf(flag);
    return at > 0 && at + 1 < args.size() ? std::max(1, args[at + 1].toInt()) : fallback;
}

// The file's first `count` lines, cycled when it has fewer.
QByteArray firstLines(const QString& path, int count)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    QByteArray lines;
    for (int i = 0; i < count; ++i) {
        QByteArray line = file.readLine();
        if (line.isEmpty()) {
            file.seek(0);
            line = file.readLine();
        }
        if (!line.endsWith('\n'))
            line += '\n';
        lines += line;
    }
    return lines;
}

bool sameValue(double a, double b)
{
    return a == b || (std::isnan(a) && std::isnan(b));
}

// True when `a` (grown by updates) and `b` (loaded fresh) show the same runs and references.
bool sameFigures(const te::LoadedData& a, const te::LoadedData& b)
{
    if (a.dataset->runCount() != b.dataset->runCount() || a.sortedRuns != b.sortedRuns
        || a.dataset->metricCount() != b.dataset->metricCount())
        return false;
    for (std::uint32_t run = 0; run < a.dataset->runCount(); ++run) {
        const int group = a.reference->groupOf(run);
        if (a.reference->label(group) != b.reference->label(b.reference->groupOf(run))
            || a.reference->isSlowRun(*a.dataset, run) != b.reference->isSlowRun(*b.dataset, run))
            return false;
    }
    // Every group once, through its first run.
    std::vector<bool> seen;
    for (std::uint32_t run = 0; run < a.dataset->runCount(); ++run) {
        const int ga = a.reference->groupOf(run);
        const int gb = b.reference->groupOf(run);
        if (ga < 0 || (static_cast<std::size_t>(ga) < seen.size() && seen[static_cast<std::size_t>(ga)]))
            continue;
        seen.resize(std::max(seen.size(), static_cast<std::size_t>(ga) + 1));
        seen[static_cast<std::size_t>(ga)] = true;
        for (int metric = 0; metric < a.dataset->metricCount(); ++metric) {
            if (!sameValue(a.reference->median(ga, metric), b.reference->median(gb, metric))
                || !sameValue(a.reference->p95(ga, metric), b.reference->p95(gb, metric))
                || a.reference->count(ga, metric) != b.reference->count(gb, metric))
                return false;
        }
    }
    return true;
}

} // namespace

int main(int argc, char* argv[])
{
    te::returnFreedMemoryPromptly(); // as app/main.cpp does: freed memory goes back at once
    QCoreApplication app(argc, argv);
    const QStringList args = QCoreApplication::arguments();
    if (args.size() < 2) {
        std::fprintf(stderr, "usage: bench_follow FILE [--appends N] [--batch LINES]\n");
        return 2;
    }
    const int appends = argumentAfter(args, QStringLiteral("--appends"), 10);
    const int batch = argumentAfter(args, QStringLiteral("--batch"), 100);
    QTemporaryDir folder;
    const QString copy = folder.filePath(QStringLiteral("followed.jsonl"));
    if (!folder.isValid() || !QFile::copy(args[1], copy)) {
        std::fprintf(stderr, "cannot copy %s to a temporary folder\n", qPrintable(args[1]));
        return 2;
    }
    const QByteArray appended = firstLines(copy, batch);

    te::LoadOptions options;
    options.files = QStringList { copy };
    const te::ViewState view;
    QElapsedTimer timer;
    timer.start();
    auto current = te::loadData(options, view, false, {});
    std::printf("loaded %u runs in %.2f s\n", current->dataset->runCount(), timer.nsecsElapsed() / 1e9);

    std::vector<double> walls;
    std::vector<double> cpus;
    for (int i = 1; i <= appends; ++i) {
        QFile file(copy);
        if (!file.open(QIODevice::Append) || file.write(appended) != appended.size())
            return 2;
        file.close();
        const double cpuBefore = cpuSeconds();
        timer.restart();
        current = te::followData(current, { 0 }, view, {});
        const double wall = timer.nsecsElapsed() / 1e6;
        const double cpu = (cpuSeconds() - cpuBefore) * 1e3;
        walls.push_back(wall);
        cpus.push_back(cpu);
        std::printf("update %2d: %u runs, %7.1f ms wall, %7.1f ms CPU%s\n", i, current->dataset->runCount(),
            wall, cpu, current->isFollowUpdate ? "" : " (not an update)");
        std::fflush(stdout);
    }
    std::printf("median update: %.1f ms wall, %.1f ms CPU (target: shown within 1 s, <= 100 ms CPU)\n",
        median(walls), median(cpus));

    // Where an update's time goes: its parts, timed one by one on one more append
    // (each part three times over; the median is printed).
    {
        QFile file(copy);
        if (!file.open(QIODevice::Append) || file.write(appended) != appended.size())
            return 2;
    }
    const auto medianMs = [&](const auto& part) {
        std::vector<double> ms;
        for (int i = 0; i < 3; ++i) {
            timer.restart();
            part();
            ms.push_back(timer.nsecsElapsed() / 1e6);
        }
        return median(ms);
    };
    const double cloneMs = medianMs([&] { (void)current->dataset->clone(); });
    te::LoadResult grown;
    std::uint32_t firstChanged = 0;
    const double appendMs = medianMs([&] {
        bool reloaded = false;
        grown = te::followUpdate(
            *current->dataset, current->problems, current->files, { 0 }, options, &reloaded, &firstChanged);
    });
    const double referenceMs = medianMs(
        [&] { (void)te::GroupReference::extended(*current->reference, grown.dataset, firstChanged); });
    const double sortMs = medianMs([&] {
        (void)te::sortAppendedRuns(grown.dataset, current->reference.get(), view.sortColumn, view.descending,
            current->sortedRuns, firstChanged);
    });
    std::printf("parts of an update: copy of the dataset %.1f ms, the whole read of the appended lines "
                "(with that copy and the duplicate check) %.1f ms, group reference %.1f ms, sort %.1f ms\n",
        cloneMs, appendMs, referenceMs, sortMs);

    current = te::followData(current, { 0 }, view, {}); // the append the parts were timed on
    const auto fresh = te::loadData(options, view, false, {});
    if (!sameFigures(*current, *fresh)) {
        std::printf("WRONG: the followed data differs from a fresh load of the grown file\n");
        return 1;
    }
    std::printf("the followed data equals a fresh load of the grown file\n");
    return 0;
}
