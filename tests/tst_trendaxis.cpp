// The trend's x axis: long gaps between runs compressed (and only long ones),
// ticks at round times in each stretch, run order, a field's values in order of
// first appearance, and the runs it cannot place counted, not drawn.
#include "data/datasetlookups.h"
#include "data/timingdataset.h"
#include "stats/chartdata.h"
#include "stats/trendaxis.h"
#include "testsupport.h"
#include "util/timestampparser.h"

#include <QTemporaryDir>
#include <QTest>

using namespace te;

namespace {

constexpr qint64 kMinute = 60'000;
constexpr qint64 kHour = 60 * kMinute;
constexpr qint64 kDay = 24 * kHour;

qint64 at(const char* iso)
{
    return parseTimestamp(iso).value();
}

QStringList labels(const std::vector<AxisTick>& ticks)
{
    QStringList out;
    for (const AxisTick& tick : ticks)
        out << tick.label;
    return out;
}

// Every tick lies in the axis's range, ascending, and no two share a place.
void checkTicks(const TrendAxis& axis)
{
    QVERIFY(!axis.ticks.empty());
    for (std::size_t i = 0; i < axis.ticks.size(); ++i) {
        QVERIFY(axis.ticks[i].value >= axis.min && axis.ticks[i].value <= axis.max);
        QVERIFY(!axis.ticks[i].label.isEmpty());
        if (i > 0)
            QVERIFY(axis.ticks[i].value > axis.ticks[i - 1].value);
    }
}

} // namespace

Q_DECLARE_METATYPE(std::vector<qint64>)

class TestTrendAxis : public QObject
{
    Q_OBJECT

private slots:
    void twoDaysFixtureHasOneGapCompressed()
    {
        const LoadResult loaded = test::loadFixtures({ QStringLiteral("trend_two_days.jsonl") });
        const TimingDataset& data = loaded.dataset;
        const auto axis = trendAxis(data, allRuns(data), QStringLiteral("time"));
        QVERIFY(axis);
        QCOMPARE(axis->mode, TrendAxis::Mode::Time);
        QCOMPARE(axis->gaps.size(), 1u);
        QCOMPARE(axis->gaps[0].fromMs, at("2025-03-04T10:27:00Z"));
        QCOMPARE(axis->gaps[0].toMs, at("2025-03-05T10:00:00Z"));
        // The day between is drawn narrower than either 27-minute cluster.
        const double gapWidth = axis->gaps[0].xTo - axis->gaps[0].xFrom;
        QVERIFY(gapWidth > 0 && gapWidth < 27 * kMinute);
        QVERIFY(axis->max - axis->min < 54.0 * kMinute + 2 * gapWidth);
        QCOMPARE(axis->missing, 0u);
        checkTicks(*axis);
        // Round times, and the date again after the gap.
        const QStringList shown = labels(axis->ticks);
        QVERIFY2(shown.front().startsWith(QStringLiteral("Mar 4 ")), qPrintable(shown.join(u'|')));
        QVERIFY2(shown.filter(QStringLiteral("Mar 5 ")).size() == 1, qPrintable(shown.join(u'|')));
        for (const AxisTick& tick : axis->ticks) {
            const auto ms = axis->msAt(tick.value);
            QVERIFY(ms);
            QCOMPARE(*ms % (5 * kMinute), 0);
        }
        // Both sides of the gap map back to their own times.
        QCOMPARE(axis->xOfTime(at("2025-03-05T10:00:00Z")), axis->gaps[0].xTo);
        QCOMPARE(axis->msAt(axis->gaps[0].xFrom), at("2025-03-04T10:27:00Z"));
        QVERIFY(!axis->msAt((axis->gaps[0].xFrom + axis->gaps[0].xTo) / 2));
    }

    void noGapWhereRunsAreEvenOrFew_data()
    {
        QTest::addColumn<std::vector<qint64>>("times");
        const qint64 t0 = at("2025-03-04T10:00:00Z");
        QTest::addRow("one run") << std::vector<qint64> { t0 };
        QTest::addRow("two runs a day apart") << std::vector<qint64> { t0, t0 + kDay };
        QTest::addRow("equal timestamps") << std::vector<qint64>(5, t0);
        std::vector<qint64> even(100);
        for (std::size_t i = 0; i < even.size(); ++i)
            even[i] = t0 + static_cast<qint64>(i) * 3 * kMinute;
        QTest::addRow("evenly spaced") << even;
        // Exponential spacings (a steady stream of runs): the longest of 2,000 is
        // about 11 medians, which is no gap.
        std::vector<qint64> poisson { t0 };
        quint32 seed = 12345;
        for (int i = 0; i < 2000; ++i) {
            seed = seed * 1664525u + 1013904223u;
            const double u = (seed >> 8) / double(1 << 24);
            poisson.push_back(poisson.back() + static_cast<qint64>(-std::log(1 - u) * kMinute));
        }
        QTest::addRow("random arrivals") << poisson;
    }
    void noGapWhereRunsAreEvenOrFew()
    {
        QFETCH(std::vector<qint64>, times);
        const TrendAxis axis = timeTrendAxis(times);
        QVERIFY(axis.gaps.empty());
        QCOMPARE(axis.segments.size(), 1u);
        // A single moment still spans a readable minute with a labelled tick.
        QVERIFY(axis.max - axis.min >= kMinute);
        checkTicks(axis);
        for (const qint64 t : times)
            QCOMPARE(axis.xOfTime(t), static_cast<double>(t - times.front()));
    }

    void manyGapsEachCompressed()
    {
        // 30 nightly batches of 10 runs a minute apart: 29 gaps of about a day.
        std::vector<qint64> times;
        const qint64 t0 = at("2025-03-01T02:00:00Z");
        for (int day = 0; day < 30; ++day) {
            for (int i = 0; i < 10; ++i)
                times.push_back(t0 + day * kDay + i * kMinute);
        }
        const TrendAxis axis = timeTrendAxis(times);
        QCOMPARE(axis.gaps.size(), 29u);
        QCOMPARE(axis.segments.size(), 30u);
        // Together the gaps take at most a quarter of the time shown.
        double gaps = 0;
        for (const TrendGap& gap : axis.gaps) {
            gaps += gap.xTo - gap.xFrom;
            QVERIFY(gap.toMs - gap.fromMs > 20 * kHour);
        }
        QVERIFY(gaps <= 0.25 * 30 * 9 * kMinute + 1);
        checkTicks(axis);
        // A time of day without its date is on the day of the tick before it (the
        // date of a first tick in a batch is kept when the one before is dropped).
        for (std::size_t i = 1; i < axis.ticks.size(); ++i) {
            if (!axis.ticks[i].label.contains(u' '))
                QCOMPARE(*axis.msAt(axis.ticks[i].value) / kDay, *axis.msAt(axis.ticks[i - 1].value) / kDay);
        }
        // Ascending x in time order, the same runs' spacing kept inside a batch.
        for (std::size_t i = 1; i < times.size(); ++i)
            QVERIFY(axis.xOfTime(times[i]) > axis.xOfTime(times[i - 1]));
        QCOMPARE(axis.xOfTime(t0 + kMinute) - axis.xOfTime(t0), double(kMinute));
    }

    void zoomedTicksAreRoundTimesInView()
    {
        std::vector<qint64> times;
        const qint64 t0 = at("2025-03-04T10:00:00Z");
        for (int i = 0; i <= 120; ++i)
            times.push_back(t0 + i * kMinute);
        const TrendAxis axis = timeTrendAxis(times);
        const std::vector<AxisTick> zoomed = trendTicks(axis, 10 * kMinute, 20 * kMinute);
        QCOMPARE(labels(zoomed),
            (QStringList {
                u"Mar 4 10:10"_qs, u"10:12"_qs, u"10:14"_qs, u"10:16"_qs, u"10:18"_qs, u"10:20"_qs }));
    }

    void orderAxisCountsRunsFromOne()
    {
        const LoadResult loaded = test::loadFixtures({ QStringLiteral("trend_two_days.jsonl") });
        const auto axis = trendAxis(loaded.dataset, allRuns(loaded.dataset), QStringLiteral("order"));
        QVERIFY(axis);
        QCOMPARE(axis->mode, TrendAxis::Mode::Order);
        QCOMPARE(*axis->xOf(loaded.dataset, 0), 1.0);
        QCOMPARE(*axis->xOf(loaded.dataset, 19), 20.0);
        QCOMPARE(axis->min, 0.5);
        QCOMPARE(axis->max, 20.5);
        QCOMPARE(labels(axis->ticks), (QStringList { u"5"_qs, u"10"_qs, u"15"_qs, u"20"_qs }));
        QStringList millions; // in the locale's digits, as the axis labels them
        for (int k = 1; k <= 5; ++k)
            millions << QStringLiteral("%L1").arg(k * 200'000);
        QCOMPARE(labels(trendTicks(*axis, 0, 1'000'000, 6)), millions);
    }

    // Appended out of time order (a rerun of an old commit merged in later), the
    // commits still go by their first run's time, as `changes` orders them.
    void fieldAxisInOrderOfFirstRun()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(u"history.jsonl"_qs);
        QVERIFY(test::writeFile(path,
            R"({"registration_id": "r1", "model": "m", "total": 1, "timestamp": "2026-01-03T00:00:00Z", "git_commit": "c3"}
{"registration_id": "r1", "model": "m", "total": 1, "timestamp": "2026-01-01T00:00:00Z", "git_commit": "c1"}
{"registration_id": "r1", "model": "m", "total": 1, "timestamp": "2026-01-02T00:00:00Z", "git_commit": "c2"}
{"registration_id": "r1", "model": "m", "total": 1, "timestamp": "2025-12-31T00:00:00Z", "git_commit": "c3"}
)"));
        LoadOptions options;
        options.files << path;
        const LoadResult loaded = loadTimingFiles(options);
        const auto axis = trendAxis(loaded.dataset, allRuns(loaded.dataset), QStringLiteral("git_commit"));
        QVERIFY(axis);
        QVERIFY(axis->fieldByTime);
        QCOMPARE(axis->categories, (QStringList { u"c3"_qs, u"c1"_qs, u"c2"_qs })); // c3 ran first
        QCOMPARE(*axis->xOf(loaded.dataset, 0), 0.0);
        QCOMPARE(*axis->xOf(loaded.dataset, 2), 2.0);
    }

    void fieldAxisInOrderOfFirstAppearance()
    {
        const LoadResult loaded = test::loadFixtures({ QStringLiteral("trend_two_days.jsonl") });
        const auto axis = trendAxis(loaded.dataset, allRuns(loaded.dataset), QStringLiteral("git_commit"));
        QVERIFY(axis);
        QCOMPARE(axis->mode, TrendAxis::Mode::Field);
        QCOMPARE(
            axis->categories, (QStringList { u"c857d44"_qs, u"a1b2c3d"_qs, u"9f8e7d6"_qs, u"4e5f6a7"_qs }));
        QCOMPARE(labels(axis->ticks), axis->categories);
        QCOMPARE(*axis->xOf(loaded.dataset, 0), 0.0);
        QCOMPARE(*axis->xOf(loaded.dataset, 19), 3.0);
        QVERIFY(!trendAxis(loaded.dataset, allRuns(loaded.dataset), QStringLiteral("no_such_field")));
    }

    void manyCategoriesAreThinned()
    {
        TrendAxis axis;
        axis.mode = TrendAxis::Mode::Field;
        for (int i = 0; i < 100; ++i)
            axis.categories << QStringLiteral("c%1").arg(i);
        const std::vector<AxisTick> ticks = trendTicks(axis, -0.5, 99.5, 8);
        QVERIFY(ticks.size() <= 12 && ticks.size() >= 6);
        QCOMPARE(ticks.front().label, u"c0"_qs);
        QCOMPARE(trendTicks(axis, 9.5, 14.5, 8).size(), 5u); // zoomed in: every one
    }

    void runsWithoutTimestampOrFieldAreCounted()
    {
        QByteArray text = test::readAll(QFINDTESTDATA("data/trend_two_days.jsonl"));
        QList<QByteArray> lines = text.split('\n');
        for (int i : { 1, 4, 7 })
            lines[i].replace(R"(, "timestamp": ")", R"(, "when": ")");
        for (int i : { 2, 4 })
            lines[i].replace("\"git_commit\"", "\"commit_unused\"");
        QTemporaryDir dir;
        const QString path = dir.filePath(u"missing.jsonl"_qs);
        QVERIFY(test::writeFile(path, lines.join('\n')));
        LoadOptions options;
        options.files << path;
        const LoadResult loaded = loadTimingFiles(options);
        QCOMPARE(loaded.dataset.runCount(), 20u);

        ChartRequest request;
        request.kind = ChartRequest::Kind::Trend;
        const ChartData byTime = computeChartData(loaded.dataset, allRuns(loaded.dataset), request);
        QCOMPARE(byTime.trendAxis.missing, 3u);
        std::size_t drawn = 0;
        for (const ChartGroup& g : byTime.groups)
            drawn += g.trend.size();
        QCOMPARE(drawn, 17u);
        request.trendX = u"git_commit"_qs;
        const ChartData byCommit = computeChartData(loaded.dataset, allRuns(loaded.dataset), request);
        QCOMPARE(byCommit.trendAxis.missing, 2u);
        request.trendX = u"order"_qs;
        QCOMPARE(computeChartData(loaded.dataset, allRuns(loaded.dataset), request).trendAxis.missing, 0u);
        request.trendX = u"nope"_qs;
        QVERIFY(computeChartData(loaded.dataset, allRuns(loaded.dataset), request).error.contains(u"nope"));
    }

    void clickFindsTheRunAtItsX()
    {
        const LoadResult loaded = test::loadFixtures({ QStringLiteral("trend_two_days.jsonl") });
        ChartRequest request;
        request.kind = ChartRequest::Kind::Trend;
        const ChartData chart = computeChartData(loaded.dataset, allRuns(loaded.dataset), request);
        QCOMPARE(chart.groups.size(), 2u);
        const TrendPoint& p = chart.groups[1].trend.back();
        const auto runs = runsNearTrendX(loaded.dataset, chart, 1, p.x + 1000, 30'000.0);
        QCOMPARE(runs, std::vector<std::uint32_t> { p.run });
        QCOMPARE(trendPointsIn(loaded.dataset, chart, 1, chart.trendAxis.min, p.x).size(),
            chart.groups[1].trend.size());
    }
};

QTEST_GUILESS_MAIN(TestTrendAxis)
#include "tst_trendaxis.moc"
