// Descriptive statistics must agree with numpy/pandas: linear-interpolation
// percentiles and the sample standard deviation.
#include "data/datasetlookups.h"
#include "export/exportcolumns.h"
#include "stats/groupstats.h"
#include "stats/statistic.h"
#include "stats/summarystats.h"
#include "testsupport.h"

using namespace te;
using namespace te::test;

class TestSummaryStats : public QObject
{
    Q_OBJECT
private slots:
    void matchesNumpy()
    {
        // numpy 1.24: a = [3,1,4,1,5,9,2,6,5,3,5]; a.mean() = 4.0, np.median(a) = 4.0,
        // np.percentile(a, [90, 95, 99]) = [6.0, 7.5, 8.700000000000001], a.std(ddof=1) = 2.3664319132398464
        std::vector<double> a { 3, 1, 4, 1, 5, 9, 2, 6, 5, 3, 5 };
        const SummaryStats s = summarize(a);
        QCOMPARE(s.n, 11);
        QCOMPARE(s.mean, 4.0);
        QCOMPARE(s.median, 4.0);
        QCOMPARE(s.p90, 6.0);
        QCOMPARE(s.p95, 7.5);
        QCOMPARE(s.p99, 8.700000000000001);
        QCOMPARE(s.min, 1.0);
        QCOMPARE(s.max, 9.0);
        QCOMPARE(s.stddev, 2.3664319132398464);
        QVERIFY(isUnreliable(s, Statistic::P95) && isUnreliable(s, Statistic::P99)
            && !isUnreliable(s, Statistic::P90));
    }

    void interpolatesBetweenRanks()
    {
        // numpy: np.percentile([0.1, 0.2, 0.7], [50, 90, 95, 99]) = [0.2, 0.6, 0.6499999999999999, 0.69]
        const std::vector<double> b { 0.1, 0.2, 0.7 };
        QCOMPARE(percentileOfSorted(b, 0.5), 0.2);
        QCOMPARE(percentileOfSorted(b, 0.9), 0.6);
        QCOMPARE(percentileOfSorted(b, 0.95), 0.6499999999999999);
        QCOMPARE(percentileOfSorted(b, 0.99), 0.69);
    }

    void edgeCases()
    {
        std::vector<double> one { 2.5 };
        const SummaryStats s = summarize(one);
        QCOMPARE(s.median, 2.5);
        QCOMPARE(s.p99, 2.5);
        QVERIFY(std::isnan(s.stddev)); // pandas: std of one value is NaN
        std::vector<double> none;
        QVERIFY(std::isnan(summarize(none).median));
    }

    void groupsMatchPandas()
    {
        // pandas 1.5.3 on tests/data/stats_groups.jsonl, json_normalize + groupby("run_metadata.model"):
        //   fast: n=13 mean=17.06438461538461 median=17.04 q.9=19.922 q.95=21.181999999999995
        //         q.99=22.691599999999998 min=10.68 max=23.069 std=3.056854143790681
        //   slow: n=12 mean=28.011166666666668 median=28.872999999999998 q.95=31.210549999999998
        //   std=3.096220007256159
        const LoadResult r = loadFixtures({ QStringLiteral("stats_groups.jsonl") });
        const auto groups = groupRuns(r.dataset, allRuns(r.dataset), { TimingDataset::Model });
        QCOMPARE(groups.size(), 2u);
        const auto rows = computeGroupStats(r.dataset, groups, { TimingDataset::kRootMetric });
        QCOMPARE(rows[0].label, u"fast"_qs);
        const SummaryStats& fast = rows[0].stats;
        QCOMPARE(fast.n, 13);
        QCOMPARE(fast.mean, 17.06438461538461);
        QCOMPARE(fast.median, 17.04);
        QCOMPARE(fast.p90, 19.922);
        QCOMPARE(fast.p95, 21.181999999999995);
        QCOMPARE(fast.p99, 22.691599999999998);
        QCOMPARE(fast.min, 10.68);
        QCOMPARE(fast.max, 23.069);
        QCOMPARE(fast.stddev, 3.056854143790681);
        const SummaryStats& slow = rows[1].stats;
        QCOMPARE(slow.n, 12);
        QCOMPARE(slow.mean, 28.011166666666668);
        QCOMPARE(slow.median, 28.872999999999998);
        QCOMPARE(slow.p95, 31.210549999999998);
        QCOMPARE(slow.stddev, 3.096220007256159);
    }

    void twoFieldGroupsAndMissingValues()
    {
        const LoadResult r
            = loadFixtures({ QStringLiteral("stats_groups.jsonl"), QStringLiteral("flat.jsonl") });
        const auto groups = groupRuns(
            r.dataset, allRuns(r.dataset), { TimingDataset::Model, TimingDataset::Constellation });
        QStringList labels;
        std::size_t total = 0;
        for (const auto& g : groups) {
            labels << g.label();
            total += g.runs.size();
        }
        QCOMPARE(total, std::size_t(27));
        QVERIFY(labels.contains(u"fast × c0"_qs));
        QVERIFY(labels.contains(u"m1 × (none)"_qs));
    }

    void tableNamesAreWhatTheCliPrints()
    {
        // The column names of `stats` and the statistics `summary --stats` accepts.
        const QStringList names { u"n"_qs, u"mean"_qs, u"median"_qs, u"p90"_qs, u"p95"_qs, u"p99"_qs,
            u"min"_qs, u"max"_qs, u"stddev"_qs };
        QCOMPARE(static_cast<qsizetype>(allStatistics().size()), names.size());
        for (const StatisticInfo& statistic : allStatistics()) {
            QCOMPARE(statisticName(statistic.id), names[static_cast<int>(statistic.id)]);
            QVERIFY(statisticNamed(names[static_cast<int>(statistic.id)]) == statistic.id);
        }
        QCOMPARE(csvStatisticNames(), names);
        // The window's labels: the percentiles in capitals.
        QStringList labels;
        for (const StatisticInfo& statistic : allStatistics())
            labels << statisticLabel(statistic.id);
        QCOMPARE(labels.join(u' '), u"n mean median P90 P95 P99 min max stddev"_qs);
        QVERIFY(!statisticNamed(u"P95"));
    }

    void everyAccessorReadsItsOwnField()
    {
        SummaryStats s;
        s.n = 1;
        s.mean = 2;
        s.median = 3;
        s.p90 = 4;
        s.p95 = 5;
        s.p99 = 6;
        s.min = 7;
        s.max = 8;
        s.stddev = 9;
        QCOMPARE(statisticValue(s, Statistic::N), 1.0);
        QCOMPARE(statisticValue(s, Statistic::Mean), s.mean);
        QCOMPARE(statisticValue(s, Statistic::Median), s.median);
        QCOMPARE(statisticValue(s, Statistic::P90), s.p90);
        QCOMPARE(statisticValue(s, Statistic::P95), s.p95);
        QCOMPARE(statisticValue(s, Statistic::P99), s.p99);
        QCOMPARE(statisticValue(s, Statistic::Min), s.min);
        QCOMPARE(statisticValue(s, Statistic::Max), s.max);
        QCOMPARE(statisticValue(s, Statistic::StdDev), s.stddev);
        for (const StatisticInfo& statistic : allStatistics())
            QCOMPARE(statistic.isCount, statistic.id == Statistic::N);
    }

    void percentilesAndTheirReliability()
    {
        QCOMPARE(statisticInfo(Statistic::Median).quantile, 0.5);
        QCOMPARE(statisticInfo(Statistic::P90).quantile, 0.9);
        QCOMPARE(statisticInfo(Statistic::P95).quantile, 0.95);
        QCOMPARE(statisticInfo(Statistic::P99).quantile, 0.99);
        QVERIFY(std::isnan(statisticInfo(Statistic::Mean).quantile));
        SummaryStats s;
        for (const auto& [statistic, enough] : { std::pair { Statistic::P90, 10 },
                 std::pair { Statistic::P95, 20 }, std::pair { Statistic::P99, 100 } }) {
            s.n = enough - 1;
            QVERIFY(isUnreliable(s, statistic));
            s.n = enough;
            QVERIFY(!isUnreliable(s, statistic));
        }
        s.n = 1;
        for (const Statistic always : { Statistic::N, Statistic::Mean, Statistic::Median, Statistic::Max })
            QVERIFY(!isUnreliable(s, always));
    }

    void chartsOfferTheMeanAndThePercentiles()
    {
        // The bar chart's choice, in the window's order, and what `chart --stat` accepts.
        QStringList charted;
        for (const Statistic statistic : chartStatistics())
            charted << statisticName(statistic);
        QCOMPARE(charted.join(u' '), u"median mean p90 p95 p99"_qs);
        QVERIFY(chartStatisticFromName(u"P95") == Statistic::P95);
        QVERIFY(chartStatisticFromName(u"mean") == Statistic::Mean);
        QVERIFY(!chartStatisticFromName(u"n"));
        QVERIFY(!chartStatisticFromName(u"max"));
    }

    void unknownNamesListWhatExists()
    {
        const LoadResult r = loadFixtures({ QStringLiteral("stats_groups.jsonl") });
        QString error;
        QVERIFY(!resolveFields(r.dataset, { u"modle"_qs }, &error));
        QVERIFY(error.contains(u"\"modle\"") && error.contains(u"model, constellation"));
        QVERIFY(!resolveMetrics(r.dataset, { u"phase9"_qs }, &error));
        QVERIFY(error.contains(u"total, phase1, phase2"));
        QCOMPARE(resolveMetrics(r.dataset, { u"total/phase2"_qs }, &error)->front(),
            r.dataset.metricId(u"phase2"));
    }
};

QTEST_GUILESS_MAIN(TestSummaryStats)
#include "tst_summarystats.moc"
