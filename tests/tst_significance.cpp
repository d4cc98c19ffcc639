// A/B comparisons must give scipy's answers: the Mann–Whitney test exactly, the
// bootstrap intervals up to Monte Carlo noise, always the same for a seed.
#include "stats/significance.h"

#include <QElapsedTimer>
#include <QTest>
#include <algorithm>
#include <cmath>

using namespace te;

using Values = std::vector<double>;

Q_DECLARE_METATYPE(te::Statistic)

namespace {

// A test-local generator (splitmix64), so the samples are the same everywhere.
class TestRandom
{
public:
    explicit TestRandom(std::uint64_t seed)
        : m_state(seed)
    { }
    double uniform()
    {
        std::uint64_t z = (m_state += 0x9E3779B97F4A7C15ULL);
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
        return static_cast<double>((z ^ (z >> 31)) >> 11) * 0x1.0p-53;
    }

private:
    std::uint64_t m_state;
};

Values uniformSample(std::size_t n, std::uint64_t seed)
{
    TestRandom random(seed);
    Values v(n);
    for (double& x : v)
        x = random.uniform();
    return v;
}

Values squares()
{
    Values v;
    for (int i = 1; i <= 200; ++i)
        v.push_back(static_cast<double>(i) * i);
    return v;
}

} // namespace

class TestSignificance : public QObject
{
    Q_OBJECT
private slots:
    void statisticMatchesNumpy_data()
    {
        QTest::addColumn<Statistic>("statistic");
        QTest::addColumn<double>("expected");
        // numpy 1.24.2: a = [3,1,4,1,5,9,2,6,5,3,5]; np.median(a) = 4.0, np.mean(a) = 4.0,
        // np.percentile(a, [90, 95, 99]) = [6.0, 7.5, 8.700000000000001]
        QTest::addRow("median") << Statistic::Median << 4.0;
        QTest::addRow("mean") << Statistic::Mean << 4.0;
        QTest::addRow("p90") << Statistic::P90 << 6.0;
        QTest::addRow("p95") << Statistic::P95 << 7.5;
        QTest::addRow("p99") << Statistic::P99 << 8.700000000000001;
    }

    void statisticMatchesNumpy()
    {
        QFETCH(Statistic, statistic);
        QFETCH(double, expected);
        QCOMPARE(statisticOf(statistic, { 3, 1, 4, 1, std::nan(""), 5, 9, 2, 6, 5, 3, 5 }), expected);
        QVERIFY(std::isnan(statisticOf(statistic, {})));
    }

    void mannWhitneyMatchesScipy_data()
    {
        QTest::addColumn<Values>("a");
        QTest::addColumn<Values>("b");
        QTest::addColumn<double>("u");
        QTest::addColumn<double>("p");
        // scipy 1.10.1: r = scipy.stats.mannwhitneyu(a, b, alternative='two-sided',
        //   method='asymptotic', use_continuity=True) -> r.statistic, r.pvalue
        QTest::addRow("no ties") << Values { 1.1, 2.2, 3.3, 4.4, 5.5 }
                                 << Values { 2.5, 6.1, 7.2, 8.3, 9.4, 10.5 } << 3.0 << 0.03576376659097789;
        QTest::addRow("ties") << Values { 1, 2, 2, 3, 3, 3, 4 } << Values { 3, 3, 4, 4, 5, 5, 6 } << 6.0
                              << 0.01785429278938296;
        Values a;
        for (int i = 0; i < 60; ++i)
            a.push_back((i * 37 % 101) / 7.0);
        Values b;
        for (int i = 0; i < 45; ++i)
            b.push_back((i * 53 % 89) / 6.0 + 1.0);
        // a = [(i*37 % 101)/7.0 for i in range(60)], b = [(i*53 % 89)/6.0 + 1.0 for i in range(45)]
        QTest::addRow("unequal sizes") << a << b << 1169.0 << 0.24248713351491868;
        QTest::addRow("swapped: U of the first sample") << b << a << 1531.0 << 0.24248713351491868;
        // Everything tied: zero variance, p clipped to 1.
        QTest::addRow("all tied") << Values { 2, 2, 2 } << Values { 2, 2 } << 3.0 << 1.0;
        QTest::addRow("one against three")
            << Values { 10 } << Values { 1, 2, 3 } << 3.0 << 0.37109336952269756;
        // ... nan_policy='omit'
        QTest::addRow("NaN omitted") << Values { 1, std::nan(""), 3, 2 } << Values { 4, 5, std::nan(""), 6 }
                                     << 0.0 << 0.08085559837005224;
    }

    void mannWhitneyMatchesScipy()
    {
        QFETCH(Values, a);
        QFETCH(Values, b);
        QFETCH(double, u);
        QFETCH(double, p);
        const MannWhitney result = mannWhitneyU(a, b);
        QCOMPARE(result.u, u);
        QCOMPARE(result.p, p);
    }

    void mannWhitneyOfEmptySample()
    {
        const MannWhitney result = mannWhitneyU({}, { 1, 2 });
        QVERIFY(std::isnan(result.u) && std::isnan(result.p));
    }

    void bootstrapIsDeterministic()
    {
        const Values values = uniformSample(5000, 1);
        const ConfidenceInterval first = bootstrapCI(values, Statistic::P95, 500, 0.95, 42);
        const ConfidenceInterval again = bootstrapCI(values, Statistic::P95, 500, 0.95, 42);
        QCOMPARE(first.low, again.low);
        QCOMPARE(first.high, again.high);
        QCOMPARE(first.resamples, 500);
        // The order of the values does not matter, only the seed.
        Values reversed(values.rbegin(), values.rend());
        const ConfidenceInterval fromReversed = bootstrapCI(reversed, Statistic::P95, 500, 0.95, 42);
        QCOMPARE(fromReversed.low, first.low);
        QCOMPARE(fromReversed.high, first.high);
        const ConfidenceInterval otherSeed = bootstrapCI(values, Statistic::P95, 500, 0.95, 43);
        QVERIFY(otherSeed.low != first.low || otherSeed.high != first.high);
    }

    void bootstrapOfTwoValues()
    {
        // Each resample of {1, 3} has median 1, 2 or 3 (1/4, 1/2, 1/4): the 95 %
        // interval spans both values.
        const ConfidenceInterval ci = bootstrapCI({ 1, 3 }, Statistic::Median);
        QCOMPARE(ci.estimate, 2.0);
        QCOMPARE(ci.low, 1.0);
        QCOMPARE(ci.high, 3.0);
        const ConfidenceInterval none = bootstrapCI({ std::nan("") }, Statistic::Median);
        QVERIFY(std::isnan(none.estimate) && std::isnan(none.low));
        QCOMPARE(none.resamples, 0);
    }

    void bootstrapNarrowsWithMoreRuns_data()
    {
        QTest::addColumn<Statistic>("statistic");
        QTest::addRow("median") << Statistic::Median;
        QTest::addRow("mean") << Statistic::Mean;
        QTest::addRow("p90") << Statistic::P90;
        QTest::addRow("p99") << Statistic::P99;
    }

    void bootstrapNarrowsWithMoreRuns()
    {
        QFETCH(Statistic, statistic);
        const ConfidenceInterval few = bootstrapCI(uniformSample(200, 2), statistic);
        const ConfidenceInterval many = bootstrapCI(uniformSample(20000, 3), statistic);
        for (const ConfidenceInterval& ci : { few, many }) {
            QVERIFY(ci.low <= ci.estimate && ci.estimate <= ci.high);
            QVERIFY(ci.low < ci.high);
            QCOMPARE(ci.resamples, 2000);
        }
        // Width goes as 1 / sqrt(n): 10 times narrower here; at least 4 times.
        QVERIFY2((many.high - many.low) * 4 < few.high - few.low,
            qPrintable(QStringLiteral("%1 vs %2").arg(many.high - many.low).arg(few.high - few.low)));
    }

    void bootstrapCoversTrueMedian()
    {
        // 100 samples of 400 uniform values: the 95 % interval should hold the true
        // median 0.5 about 95 times (the percentile bootstrap is slightly liberal).
        int covered = 0;
        for (std::uint64_t sample = 0; sample < 100; ++sample) {
            const ConfidenceInterval ci
                = bootstrapCI(uniformSample(400, 100 + sample), Statistic::Median, 1000);
            covered += ci.low <= 0.5 && 0.5 <= ci.high ? 1 : 0;
        }
        QVERIFY2(covered >= 88, qPrintable(QString::number(covered)));
    }

    void bootstrapAgreesWithScipy_data()
    {
        QTest::addColumn<Statistic>("statistic");
        QTest::addColumn<double>("estimate");
        QTest::addColumn<double>("low");
        QTest::addColumn<double>("high");
        // scipy 1.10.1, x = [i*i for i in range(1, 201)]:
        //   scipy.stats.bootstrap((x,), f, method='percentile', n_resamples=100000, random_state=1)
        //   f = np.median: 10100.5, CI (7569.0, 13000.0)
        //   f = np.mean: 13433.5, CI (11793.054875, 15116.681125)
        //   f = np.percentile(.., 90): 32436.1, CI (29072.49999999999, 35006.5)
        // Other random_state values move the bounds by up to 1.1 %.
        QTest::addRow("median") << Statistic::Median << 10100.5 << 7569.0 << 13000.0;
        QTest::addRow("mean") << Statistic::Mean << 13433.5 << 11793.054875 << 15116.681125;
        QTest::addRow("p90") << Statistic::P90 << 32436.1 << 29072.49999999999 << 35006.5;
    }

    void bootstrapAgreesWithScipy()
    {
        QFETCH(Statistic, statistic);
        QFETCH(double, estimate);
        QFETCH(double, low);
        QFETCH(double, high);
        const ConfidenceInterval ci = bootstrapCI(squares(), statistic, 20000);
        QCOMPARE(ci.estimate, estimate);
        // Monte Carlo noise only: within 3 % of scipy's bounds.
        QVERIFY2(std::abs(ci.low - low) < 0.03 * low, qPrintable(QString::number(ci.low)));
        QVERIFY2(std::abs(ci.high - high) < 0.03 * high, qPrintable(QString::number(ci.high)));
    }

    void ratioOfMedians()
    {
        // numpy: np.median([15, 33, 60]) / np.median([10, 20, 30]) = 1.65
        const ConfidenceInterval ci = bootstrapRatioOfMedians({ 10, 20, 30 }, { 15, 33, 60 });
        QCOMPARE(ci.estimate, 33.0 / 20.0);
        QVERIFY(ci.low <= ci.estimate && ci.estimate <= ci.high);
        QCOMPARE(ci.resamples, 2000);

        // b is a scaled twice as slow: the interval holds 2 and narrows with n.
        const Values a = uniformSample(3000, 7);
        Values b = uniformSample(3000, 8);
        for (double& v : b)
            v *= 2;
        const ConfidenceInterval twice = bootstrapRatioOfMedians(a, b);
        QVERIFY(twice.low < 2 && 2 < twice.high);
        QVERIFY(twice.high - twice.low < 0.3);
        const ConfidenceInterval again = bootstrapRatioOfMedians(a, b);
        QCOMPARE(again.low, twice.low);
        QCOMPARE(again.high, twice.high);

        QVERIFY(std::isnan(bootstrapRatioOfMedians({}, { 1 }).estimate));
    }

    void pairedRatiosByPosition()
    {
        // b[5] has no partner and is ignored; a[2] = 0 gives an infinite ratio, left
        // out of the median. numpy: np.median([1.5, 0.5, 1.1, 2.0]) = 1.3
        const PairedRatios paired = pairedRatios({ 10, 20, 0, 40, 25 }, { 15, 10, 5, 44, 50, 99 });
        QCOMPARE(paired.ratios.size(), 5u);
        QCOMPARE(paired.ratios[0], 1.5);
        QCOMPARE(paired.ratios[1], 0.5);
        QVERIFY(std::isinf(paired.ratios[2]));
        QCOMPARE(paired.ratios[3], 1.1);
        QCOMPARE(paired.ratios[4], 2.0);
        QCOMPARE(paired.medianRatio.estimate, 1.3);
        QVERIFY(paired.medianRatio.low <= 1.3 && 1.3 <= paired.medianRatio.high);
        QVERIFY(paired.medianRatio.low >= 0.5 && paired.medianRatio.high <= 2.0);
    }

    // Reports the time of the case the charts need most; never fails on time.
    void benchmarkMedianOf170000()
    {
        TestRandom random(9);
        Values values(170000);
        for (double& v : values)
            v = std::exp(3 + 0.5 * (random.uniform() + random.uniform() + random.uniform() - 1.5));
        QElapsedTimer timer;
        timer.start();
        const ConfidenceInterval ci = bootstrapCI(values, Statistic::Median, 2000);
        qInfo("median bootstrap, 170,000 values x 2,000 resamples: %lld ms",
            static_cast<long long>(timer.elapsed()));
        QVERIFY(ci.low <= ci.estimate && ci.estimate <= ci.high);
        QCOMPARE(ci.resamples, 2000);
    }
};

QTEST_GUILESS_MAIN(TestSignificance)
#include "tst_significance.moc"
