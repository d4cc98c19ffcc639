// Box plots, histograms and trends must draw what numpy, matplotlib and pandas
// would compute from the same values.
#include "stats/distribution.h"
#include "stats/summarystats.h"

#include <QTest>
#include <algorithm>
#include <cmath>
#include <numeric>

using namespace te;

using Values = std::vector<double>;
using Counts = std::vector<std::int64_t>;

namespace {

// The same generated series as the Python that produced the expected values.
Values seriesA()
{
    Values v;
    for (int i = 0; i < 200; ++i)
        v.push_back((i * 37 % 101) / 7.0 + (i % 5 == 0 ? 40 : 0));
    return v;
}

Values seriesB()
{
    Values v;
    for (int i = 0; i < 150; ++i)
        v.push_back((i * 53 % 89) / 3.0);
    return v;
}

void compareValues(const Values& actual, const Values& expected)
{
    QCOMPARE(actual.size(), expected.size());
    for (std::size_t i = 0; i < expected.size(); ++i)
        QCOMPARE(actual[i], expected[i]);
}

} // namespace

class TestDistribution : public QObject
{
    Q_OBJECT
private slots:
    void boxStatsMatchMatplotlib_data()
    {
        QTest::addColumn<Values>("values");
        QTest::addColumn<double>("q1");
        QTest::addColumn<double>("median");
        QTest::addColumn<double>("q3");
        QTest::addColumn<double>("lowerWhisker");
        QTest::addColumn<double>("upperWhisker");
        QTest::addColumn<Values>("outliers");
        // matplotlib 3.6.3: matplotlib.cbook.boxplot_stats(np.array(values))[0] ->
        // q1, med, q3, whislo, whishi, sorted(fliers)
        QTest::addRow("outliers on both sides") << Values { 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 30, -20 } << 2.75
                                                << 5.5 << 8.25 << 1.0 << 10.0 << Values { -20, 30 };
        QTest::addRow("no outliers") << Values { 3.5, 1.25, 2.0 } << 1.625 << 2.0 << 2.75 << 1.25 << 3.5
                                     << Values {};
        // IQR 0: the whiskers collapse onto the quartiles and everything else is an outlier.
        QTest::addRow("zero IQR") << Values { 5, 5, 5, 5, 1, 9 } << 5.0 << 5.0 << 5.0 << 5.0 << 5.0
                                  << Values { 1, 9 };
        QTest::addRow("one slow run")
            << Values { 0.8, 1.1, 1.3, 1.2, 0.9, 1.0, 4.7, 1.15, 1.05, 0.95 } << 0.9624999999999999
            << 1.0750000000000002 << 1.1875 << 0.8 << 1.3 << Values { 4.7 };
        QTest::addRow("single value") << Values { 2.0 } << 2.0 << 2.0 << 2.0 << 2.0 << 2.0 << Values {};
        // NaN is left out: the same figures as "no outliers".
        QTest::addRow("NaN ignored") << Values { 3.5, std::nan(""), 1.25, 2.0 } << 1.625 << 2.0 << 2.75
                                     << 1.25 << 3.5 << Values {};
    }

    void boxStatsMatchMatplotlib()
    {
        QFETCH(Values, values);
        const BoxStats box = boxStats(values);
        const auto finite
            = std::count_if(values.begin(), values.end(), [](double v) { return !std::isnan(v); });
        QCOMPARE(box.n, finite);
        QFETCH(double, q1);
        QFETCH(double, median);
        QFETCH(double, q3);
        QFETCH(double, lowerWhisker);
        QFETCH(double, upperWhisker);
        QFETCH(Values, outliers);
        QCOMPARE(box.q1, q1);
        QCOMPARE(box.median, median);
        QCOMPARE(box.q3, q3);
        QCOMPARE(box.lowerWhisker, lowerWhisker);
        QCOMPARE(box.upperWhisker, upperWhisker);
        compareValues(box.outliers, outliers);
        Values sorted = values;
        std::erase_if(sorted, [](double v) { return std::isnan(v); });
        QCOMPARE(box.min, *std::min_element(sorted.begin(), sorted.end()));
        QCOMPARE(box.max, *std::max_element(sorted.begin(), sorted.end()));
    }

    void boxStatsOfNothing()
    {
        const BoxStats box = boxStats({ std::nan("") });
        QCOMPARE(box.n, 0);
        QVERIFY(std::isnan(box.median) && std::isnan(box.q1) && std::isnan(box.upperWhisker));
        QVERIFY(box.outliers.empty());
    }

    void freedmanDiaconisMatchesNumpy_data()
    {
        QTest::addColumn<Values>("values");
        QTest::addColumn<int>("bins");
        // numpy 1.24.2: len(np.histogram_bin_edges(values, bins='fd')) - 1
        QTest::addRow("skewed") << Values { 1.2, 2.3, 2.9, 3.1, 4.8, 5.0, 5.5, 7.7, 9.1, 12.4, 15.0, 2.2 }
                                << 3;
        // numpy's 'fd' has no Sturges fallback: a zero IQR gives one bin.
        QTest::addRow("zero IQR") << Values { 1, 1, 1, 1, 5 } << 1;
        QTest::addRow("single value") << Values { 3.0 } << 1;
        QTest::addRow("empty") << Values {} << 1;
        // numpy: 46571 bins for range(100) + [1e6]; capped at maxBins here.
        Values longTail(100);
        std::iota(longTail.begin(), longTail.end(), 0.0);
        longTail.push_back(1e6);
        QTest::addRow("long tail capped") << longTail << 200;
        Values pooled = seriesA();
        const Values b = seriesB();
        pooled.insert(pooled.end(), b.begin(), b.end());
        QTest::addRow("two series pooled") << pooled << 13;
    }

    void freedmanDiaconisMatchesNumpy()
    {
        QFETCH(Values, values);
        QFETCH(int, bins);
        std::sort(values.begin(), values.end());
        QCOMPARE(freedmanDiaconisBinCount(values), bins);
    }

    void histogramMatchesNumpy_data()
    {
        QTest::addColumn<int>("binCount");
        QTest::addColumn<Values>("edges");
        QTest::addColumn<Counts>("countsA");
        QTest::addColumn<Counts>("countsB");
        // numpy 1.24.2, a and b from seriesA()/seriesB(), r = (min, max) of a + b:
        //   e = np.histogram_bin_edges(a + b, bins='fd'); np.histogram(a, bins=e), np.histogram(b, bins=e)
        QTest::addRow("Freedman-Diaconis")
            << 0
            << Values { 0.0, 4.175824175824176, 8.351648351648352, 12.52747252747253, 16.703296703296704,
                   20.87912087912088, 25.05494505494506, 29.230769230769234, 33.40659340659341,
                   37.582417582417584, 41.75824175824176, 45.934065934065934, 50.10989010989012,
                   54.285714285714285 }
            << Counts { 50, 47, 43, 20, 0, 0, 0, 0, 0, 3, 10, 14, 13 }
            << Counts { 21, 22, 21, 21, 20, 23, 20, 2, 0, 0, 0, 0, 0 };
        //   np.histogram(a, bins=7, range=r), np.histogram(b, bins=7, range=r)
        QTest::addRow("7 bins") << 7
                                << Values { 0.0, 7.755102040816326, 15.510204081632653, 23.26530612244898,
                                       31.020408163265305, 38.775510204081634, 46.53061224489796,
                                       54.285714285714285 }
                                << Counts { 89, 71, 0, 0, 0, 15, 25 } << Counts { 40, 37, 41, 32, 0, 0, 0 };
    }

    void histogramMatchesNumpy()
    {
        QFETCH(int, binCount);
        QFETCH(Values, edges);
        QFETCH(Counts, countsA);
        QFETCH(Counts, countsB);
        const Histogram h = histogram({ seriesA(), seriesB() }, binCount, false);
        compareValues(h.edges, edges);
        QCOMPARE(h.counts.size(), 2u);
        QCOMPARE(h.counts[0], countsA);
        QCOMPARE(h.counts[1], countsB);
        QCOMPARE(h.droppedNonPositive, 0);
    }

    void histogramEdgeCases()
    {
        // numpy: np.histogram([3.0, 3.0], bins=2) -> edges [2.5, 3.0, 3.5], counts [0, 2]
        // (the last bin holds its right edge, a value on an inner edge goes right).
        Histogram h = histogram({ { 3.0, 3.0 } }, 2, false);
        compareValues(h.edges, { 2.5, 3.0, 3.5 });
        QCOMPARE(h.counts[0], (Counts { 0, 2 }));
        // np.histogram([], bins=3) -> edges [0, 1/3, 2/3, 1], counts [0, 0, 0]
        h = histogram({ {} }, 3, false);
        compareValues(h.edges, { 0.0, 1.0 / 3, 2.0 / 3, 1.0 });
        QCOMPARE(h.counts[0], (Counts { 0, 0, 0 }));
        // NaN and infinities are not counted and do not stretch the range.
        h = histogram({ { 1.0, std::nan(""), 2.0, INFINITY } }, 2, false);
        compareValues(h.edges, { 1.0, 1.5, 2.0 });
        QCOMPARE(h.counts[0], (Counts { 1, 1 }));
    }

    void logHistogram_data()
    {
        QTest::addColumn<int>("binCount");
        // pos = [1, 10, 100, 1000, 5, 50, 7, 300] (0 and -3 dropped); numpy 1.24.2:
        //   np.histogram(pos, bins=np.logspace(0, 3, 4)) -> counts [3, 2, 3], edges [1, 10, 100, 1000]
        //   len(np.histogram_bin_edges(np.log10(pos), bins='fd')) - 1 = 3, the same bins
        QTest::addRow("3 bins") << 3;
        QTest::addRow("Freedman-Diaconis on log10") << 0;
    }

    void logHistogram()
    {
        QFETCH(int, binCount);
        const Histogram h = histogram({ { 1, 10, 100, 1000, 5, 50, 0, -3, 7, 300 } }, binCount, true);
        compareValues(h.edges, { 1, 10, 100, 1000 });
        QCOMPARE(h.counts[0], (Counts { 3, 2, 3 }));
        QCOMPARE(h.droppedNonPositive, 2);
    }

    void logHistogramKeepsExtremes()
    {
        // Values that are not powers of ten: the outer edges are the data's own
        // extremes, so both end up counted.
        const Values values { 0.37, 1.9, 2.2, 13.5, 41.0, 977.3 };
        const Histogram h = histogram({ values }, 5, true);
        QCOMPARE(h.edges.front(), 0.37);
        QCOMPARE(h.edges.back(), 977.3);
        QVERIFY(std::is_sorted(h.edges.begin(), h.edges.end()));
        // numpy 1.24.2: e = np.logspace(np.log10(0.37), np.log10(977.3), 6) ends at
        // 977.2999999999997, so np.histogram(values, bins=e) misses the largest value
        // ([1, 2, 2, 0, 0]); with e[0], e[-1] = 0.37, 977.3 it gives [1, 2, 2, 0, 1].
        QCOMPARE(h.counts[0], (Counts { 1, 2, 2, 0, 1 }));
        QCOMPARE(h.edges[1], 1.7888213061931548); // e[1]
    }

    void rollingMedianMatchesPandas_data()
    {
        QTest::addColumn<int>("window");
        QTest::addColumn<Values>("expected");
        // pandas 1.5.3: pd.Series([5.0, 1.0, 4.0, 2.5, 9.0, 3.0, 3.5, 0.5])
        //                   .rolling(window, min_periods=1).median().tolist()
        QTest::addRow("window 1") << 1 << Values { 5.0, 1.0, 4.0, 2.5, 9.0, 3.0, 3.5, 0.5 };
        QTest::addRow("window 3") << 3 << Values { 5.0, 3.0, 4.0, 2.5, 4.0, 3.0, 3.5, 3.0 };
        QTest::addRow("window 4") << 4 << Values { 5.0, 3.0, 4.0, 3.25, 3.25, 3.5, 3.25, 3.25 };
        QTest::addRow("window longer than series")
            << 10 << Values { 5.0, 3.0, 4.0, 3.25, 4.0, 3.5, 3.5, 3.25 };
    }

    void rollingMedianMatchesPandas()
    {
        QFETCH(int, window);
        QFETCH(Values, expected);
        // Given out of time order (the series above is by time): sorted first.
        const std::vector<TrendPoint> points { { 4000, 2.5 }, { 1000, 5.0 }, { 8000, 0.5 }, { 3000, 4.0 },
            { 2000, 1.0 }, { 6000, 3.0 }, { 5000, 9.0 }, { 7000, 3.5 } };
        const std::vector<TrendPoint> trend = rollingMedian(points, window);
        QCOMPARE(trend.size(), expected.size());
        for (std::size_t i = 0; i < expected.size(); ++i) {
            QCOMPARE(trend[i].ms, static_cast<qint64>(1000 * (i + 1)));
            QCOMPARE(trend[i].value, expected[i]);
        }
    }

    void rollingMedianAgreesWithSorting()
    {
        // A long series with many ties against the definition: sort each window.
        std::vector<TrendPoint> points;
        std::uint32_t state = 12345;
        for (int i = 0; i < 5000; ++i) {
            state = state * 1664525u + 1013904223u;
            points.push_back({ i, static_cast<double>(state >> 24) / 8.0 });
        }
        points.push_back({ 5000, std::nan("") }); // dropped
        for (const int window : { 2, 7, 50 }) {
            const std::vector<TrendPoint> trend = rollingMedian(points, window);
            QCOMPARE(trend.size(), 5000u);
            for (std::size_t i = 0; i < trend.size(); ++i) {
                const std::size_t from = i + 1 >= std::size_t(window) ? i + 1 - window : 0;
                Values inWindow;
                for (std::size_t j = from; j <= i; ++j)
                    inWindow.push_back(points[j].value);
                std::sort(inWindow.begin(), inWindow.end());
                QCOMPARE(trend[i].value, percentileOfSorted(inWindow, 0.5));
            }
        }
    }

    void decimationKeepsExtremes()
    {
        std::vector<TrendPoint> points;
        points.reserve(100000);
        for (int i = 0; i < 100000; ++i)
            points.push_back({ 1000LL * i, 10 + std::sin(i / 500.0) });
        points[53210].value = 1000; // a spike
        points[77777].value = -500; // a dip
        points[100].value = std::nan("");
        const std::vector<TrendPoint> shown = decimateForDisplay(points, 100);
        QVERIFY(shown.size() <= 200);
        QVERIFY(shown.size() >= 100);
        QVERIFY(std::is_sorted(shown.begin(), shown.end(), [](auto& a, auto& b) { return a.ms < b.ms; }));
        const auto has = [&](qint64 ms, double value) {
            return std::any_of(
                shown.begin(), shown.end(), [&](auto& p) { return p.ms == ms && p.value == value; });
        };
        QVERIFY(has(53210000, 1000));
        QVERIFY(has(77777000, -500));
        QVERIFY(std::none_of(shown.begin(), shown.end(), [](auto& p) { return std::isnan(p.value); }));
    }

    void decimationKeepsSmallSeries()
    {
        const std::vector<TrendPoint> points { { 1, 3.0 }, { 2, std::nan("") }, { 3, 1.0 }, { 4, 2.0 } };
        const std::vector<TrendPoint> shown = decimateForDisplay(points, 2);
        QCOMPARE(shown.size(), 3u);
        QCOMPARE(shown[1].ms, 3);
        QVERIFY(decimateForDisplay({}, 10).empty());
    }
};

QTEST_GUILESS_MAIN(TestDistribution)
#include "tst_distribution.moc"
