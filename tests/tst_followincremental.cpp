// What the follow mode computes incrementally must equal what it would compute from
// scratch, bit for bit: QuantileWindow against the percentile of the whole sorted
// sample, GroupReference::extended against compute, sortAppendedRuns against
// sortRuns, and followData against loadData of the grown file. The data is random
// (seeded) with ties, missing values, groups that appear late, a node that appears
// late and a step that moves every percentile out of its window; the reference is
// tuned small, so that 10-run groups take the tracked path.
#include "data/datasetlookups.h"
#include "query/runcolumn.h"
#include "stats/groupreference.h"
#include "stats/quantilewindow.h"
#include "stats/summarystats.h"
#include "testsupport.h"
#include "workspace/loadeddata.h"

#include <QTemporaryDir>
#include <QTest>
#include <algorithm>
#include <cmath>
#include <random>

using namespace te;
using namespace te::test;

namespace {

bool sameBits(double a, double b)
{
    return a == b || (std::isnan(a) && std::isnan(b));
}

struct RandomRun
{
    int model; ///< -1: no model
    int constellation;
    double total;
    double phase1; ///< NaN: none
    double late; ///< phase2, a node only later runs have; NaN: none
};

/// `count` runs; from `stepFrom` on every value is 3x (a regression), and from
/// `lateFrom` on runs have phase2 and models 4..5 appear.
std::vector<RandomRun> randomRuns(std::mt19937& random, int count, int stepFrom, int lateFrom)
{
    std::vector<RandomRun> runs;
    std::uniform_int_distribution<int> tick(1, 40); // few distinct values: ties
    std::uniform_int_distribution<int> percent(0, 99);
    for (int i = 0; i < count; ++i) {
        const double scale = i >= stepFrom ? 3.0 : 1.0;
        RandomRun run;
        run.model = percent(random) < 5 ? -1 : percent(random) % (i >= lateFrom ? 6 : 4);
        run.constellation = percent(random) % 2;
        run.total = scale * tick(random) * 0.25;
        run.phase1 = percent(random) < 20 ? std::nan("") : scale * tick(random) * 0.125;
        run.late = i >= lateFrom && percent(random) < 70 ? scale * tick(random) * 0.5 : std::nan("");
        runs.push_back(run);
    }
    return runs;
}

/// A dataset of the first `count` runs, built as a loader builds one.
TimingDataset datasetOf(const std::vector<RandomRun>& runs, std::size_t count)
{
    static const char* const models[] = { "m0", "m1", "M1", "m3", "m4", "m5" };
    TimingDataset data;
    const int phase1 = data.childMetric(TimingDataset::kRootMetric, "phase1");
    for (std::size_t i = 0; i < count; ++i) {
        const RandomRun& spec = runs[i];
        const std::uint32_t run = data.addRun();
        if (spec.model >= 0)
            data.setField(run, TimingDataset::Model, models[spec.model]);
        data.setField(run, TimingDataset::Constellation, spec.constellation ? "c1" : "c0");
        data.setValue(run, TimingDataset::kRootMetric, spec.total, false);
        if (!std::isnan(spec.phase1))
            data.setValue(run, phase1, spec.phase1, false);
        if (!std::isnan(spec.late))
            data.setValue(run, data.childMetric(TimingDataset::kRootMetric, "phase2"), spec.late, false);
        data.setLine(run, static_cast<qint64>(i) + 1);
    }
    data.finish();
    return data;
}

void compareReferences(const GroupReference& grown, const GroupReference& fresh, const TimingDataset& data)
{
    QCOMPARE(grown.runCount(), fresh.runCount());
    for (std::uint32_t run = 0; run < data.runCount(); ++run) {
        const int a = grown.groupOf(run);
        const int b = fresh.groupOf(run);
        QCOMPARE(grown.label(a), fresh.label(b));
        QCOMPARE(grown.isSlowRun(data, run), fresh.isSlowRun(data, run));
        for (int metric = 0; metric < data.metricCount(); ++metric) {
            QCOMPARE(grown.count(a, metric), fresh.count(b, metric));
            if (!sameBits(grown.median(a, metric), fresh.median(b, metric))
                || !sameBits(grown.p95(a, metric), fresh.p95(b, metric)))
                QFAIL(qPrintable(QStringLiteral("run %1, %2: median %3 / %4, P95 %5 / %6")
                                     .arg(run)
                                     .arg(data.metric(metric).path)
                                     .arg(grown.median(a, metric))
                                     .arg(fresh.median(b, metric))
                                     .arg(grown.p95(a, metric))
                                     .arg(fresh.p95(b, metric))));
        }
    }
}

} // namespace

class TestFollowIncremental : public QObject
{
    Q_OBJECT

private slots:
    void windowPercentilesEqualTheSortedSample_data()
    {
        QTest::addColumn<double>("q");
        QTest::addColumn<int>("margin");
        QTest::newRow("median, margin 0") << 0.5 << 0;
        QTest::newRow("median, margin 3") << 0.5 << 3;
        QTest::newRow("P95, margin 3") << 0.95 << 3;
        QTest::newRow("P95, margin 50") << 0.95 << 50;
        QTest::newRow("minimum") << 0.0 << 2;
        QTest::newRow("maximum") << 1.0 << 2;
    }

    void windowPercentilesEqualTheSortedSample()
    {
        QFETCH(double, q);
        QFETCH(int, margin);
        std::mt19937 random(7);
        std::uniform_int_distribution<int> value(0, 30);
        std::vector<double> sample;
        sample.reserve(40);
        for (int i = 0; i < 40; ++i)
            sample.push_back(value(random) * 0.1);
        std::vector<double> scratch = sample;
        QuantileWindow window = QuantileWindow::of(scratch, q, static_cast<std::size_t>(margin));
        int rebuilds = 0;
        for (int added = 0; added < 600; ++added) {
            // A drift upwards, so that the ranks leave any window sooner or later.
            const double v = value(random) * 0.1 + added * 0.01;
            sample.push_back(v);
            window.add(v);
            std::vector<double> sorted = sample;
            std::sort(sorted.begin(), sorted.end());
            const double expected = percentileOfSorted(sorted, q);
            std::optional<double> got = window.percentile();
            if (!got) {
                ++rebuilds;
                scratch = sample;
                window = QuantileWindow::of(scratch, q, static_cast<std::size_t>(margin));
                got = window.percentile();
                QVERIFY(got.has_value());
            }
            QCOMPARE(window.count(), static_cast<std::int64_t>(sample.size()));
            QVERIFY2(
                sameBits(*got, expected), qPrintable(QStringLiteral("%1 != %2").arg(*got).arg(expected)));
            window.trim();
            QVERIFY(
                window.heapBytes() <= (2 * static_cast<std::size_t>(margin) + 64) * sizeof(double) + 4096);
        }
        // A window that is not the whole sample runs out under a drift, and is built again.
        if (margin < 50 && q > 0 && q < 1)
            QVERIFY(rebuilds > 0);
    }

    void anEmptyWindowTakesEveryValue()
    {
        std::vector<double> none;
        QuantileWindow window = QuantileWindow::of(none, 0.5, 2);
        QVERIFY(!window.percentile());
        for (const double v : { 3.0, 1.0, 2.0 })
            window.add(v);
        QCOMPARE(*window.percentile(), 2.0);
    }

    void anExtendedReferenceEqualsAComputedOne_data()
    {
        QTest::addColumn<QList<int>>("fields");
        QTest::addColumn<int>("trackedGroupRuns");
        QTest::newRow("by model, tracked") << QList<int> { TimingDataset::Model } << 10;
        QTest::newRow("by model, never tracked") << QList<int> { TimingDataset::Model } << 1000000;
        QTest::newRow("by model and constellation")
            << QList<int> { TimingDataset::Model, TimingDataset::Constellation } << 10;
        QTest::newRow("all runs") << QList<int>() << 10;
    }

    void anExtendedReferenceEqualsAComputedOne()
    {
        QFETCH(QList<int>, fields);
        QFETCH(int, trackedGroupRuns);
        const std::vector<int> groupFields(fields.begin(), fields.end());
        GroupReference::Tuning tuning;
        tuning.trackedGroupRuns = static_cast<std::size_t>(trackedGroupRuns);
        tuning.margin = 3;
        std::mt19937 random(11);
        const std::vector<RandomRun> runs = randomRuns(random, 700, 450, 300);
        std::size_t count = 30;
        TimingDataset data = datasetOf(runs, count);
        GroupReference reference = GroupReference::compute(data, groupFields, tuning);
        std::uniform_int_distribution<int> batch(1, 25);
        while (count < runs.size()) {
            const auto firstNew = static_cast<std::uint32_t>(count);
            count = std::min(runs.size(), count + static_cast<std::size_t>(batch(random)));
            data = datasetOf(runs, count);
            reference = GroupReference::extended(reference, data, firstNew);
            compareReferences(reference, GroupReference::compute(data, groupFields, tuning), data);
            if (QTest::currentTestFailed())
                QFAIL(qPrintable(QStringLiteral("after the runs up to %1").arg(count)));
        }
        QCOMPARE(data.metricCount(), 3); // phase2 appeared on the way
    }

    void appendedRunsSortIntoPlace_data()
    {
        QTest::addColumn<QString>("column");
        QTest::addColumn<bool>("descending");
        for (const bool descending : { true, false }) {
            const char* order = descending ? ", descending" : ", ascending";
            QTest::addRow("total%s", order) << u"metric:total"_qs << descending;
            QTest::addRow("phase2 (mostly missing)%s", order) << u"metric:phase2"_qs << descending;
            QTest::addRow("model (text, with case)%s", order) << u"field:model"_qs << descending;
            QTest::addRow("line%s", order) << u"line"_qs << descending;
        }
    }

    void appendedRunsSortIntoPlace()
    {
        QFETCH(QString, column);
        QFETCH(bool, descending);
        const RunColumn sortColumn = RunColumn::fromId(column);
        std::mt19937 random(5);
        const std::vector<RandomRun> runs = randomRuns(random, 400, 300, 200);
        TimingDataset before = datasetOf(runs, 150);
        std::vector<std::uint32_t> sorted = allRuns(before);
        sortRuns(before, nullptr, sortColumn, descending, sorted);
        for (const std::size_t count : { 151, 190, 260, 400 }) {
            const TimingDataset after = datasetOf(runs, count);
            std::vector<std::uint32_t> expected = allRuns(after);
            sortRuns(after, nullptr, sortColumn, descending, expected);
            sorted = sortAppendedRuns(after, nullptr, sortColumn, descending, sorted, before.runCount());
            QCOMPARE(sorted, expected);
            before = datasetOf(runs, count);
        }
        QVERIFY(orderDependsOnReference(RunColumn { RunColumn::Kind::RatioToMedian, {} }));
        QVERIFY(!orderDependsOnReference(sortColumn));
    }

    void followDataEqualsALoadOfTheGrownFile()
    {
        QTemporaryDir folder;
        const QString path = folder.filePath(u"followed.jsonl"_qs);
        std::mt19937 random(3);
        const std::vector<RandomRun> runs = randomRuns(random, 600, 400, 250);
        const auto lineOf = [&](std::size_t i) -> QByteArray {
            const RandomRun& r = runs[i];
            const auto number = [](double seconds) { return QString::number(seconds, 'g', 17); };
            QString phases;
            if (!std::isnan(r.phase1))
                phases += QStringLiteral(R"(,"phase1":{"total_seconds":%1})").arg(number(r.phase1));
            if (!std::isnan(r.late))
                phases += QStringLiteral(R"(,"phase2":{"total_seconds":%1})").arg(number(r.late));
            // Each raw literal's braces balance: moc miscounts the braces of one that does not.
            const QString line = QStringLiteral(
                R"({"registration_id":"r%1","model":"m%2","timings":{"total_seconds":%3%4}})")
                                     .arg(QString::number(i % 37), QString::number(r.model < 0 ? 9 : r.model),
                                         number(r.total), phases);
            return line.toUtf8() + '\n';
        };
        QByteArray bytes;
        std::size_t written = 0;
        QVERIFY(lineOf(0).contains("\"r0\"") && lineOf(37).contains("\"r0\""));
        for (; written < 100; ++written)
            bytes += lineOf(written);
        QVERIFY(writeFile(path, bytes));
        LoadOptions options;
        options.files = QStringList { path };
        ViewState view;
        auto current = loadData(options, view, false, {});
        QVERIFY(current);
        while (written < runs.size()) {
            for (const std::size_t end = std::min(runs.size(), written + 50); written < end; ++written)
                bytes += lineOf(written);
            QVERIFY(writeFile(path, bytes));
            current = followData(current, { 0 }, view, {});
            QVERIFY(current && current->isFollowUpdate);
            const auto fresh = loadData(options, view, false, {});
            QCOMPARE(current->dataset->runCount(), static_cast<std::uint32_t>(written));
            QCOMPARE(current->groupFields, fresh->groupFields);
            QCOMPARE(current->sortedRuns, fresh->sortedRuns);
            compareReferences(*current->reference, *fresh->reference, *fresh->dataset);
            if (QTest::currentTestFailed())
                return;
            // 37 registrations without timestamps: most runs repeat an earlier one, in
            // the same batch or before it, and name the first.
            QStringList grownProblems;
            QStringList freshProblems;
            for (const Problem& p : current->problems)
                grownProblems << p.toString() + u" run "_qs + QString::number(p.run);
            for (const Problem& p : fresh->problems)
                freshProblems << p.toString() + u" run "_qs + QString::number(p.run);
            // A load lists a part's own problems, then the duplicates; an update adds its
            // part's after the earlier ones. Which problems there are must agree.
            grownProblems.sort();
            freshProblems.sort();
            QCOMPARE(grownProblems, freshProblems);
            QCOMPARE(current->files.front().warnings, fresh->files.front().warnings);
            for (std::uint32_t run = 0; run < fresh->dataset->runCount(); ++run)
                QCOMPARE(current->dataset->hasWarning(run), fresh->dataset->hasWarning(run));
        }
    }
};

QTEST_GUILESS_MAIN(TestFollowIncremental)
#include "tst_followincremental.moc"
