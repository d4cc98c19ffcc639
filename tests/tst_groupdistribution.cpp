// Distributions of several groups side by side: histogram bins fair to each
// group, and empirical CDF steps, on the shape real reports have (10 runs a model).
#include "stats/distribution.h"

#include <QTest>
#include <cmath>
#include <set>

using namespace te;

namespace {

// The fast and slow models of a paired report of 10 registrations.
const std::vector<double> kFast { 21.1, 14.9, 27.3, 18.0, 24.0, 16.2, 29.4, 19.5, 22.4, 25.7 };
const std::vector<double> kSlow { 150.2, 61.5, 88.0, 52.0, 120.4, 70.2, 95.5, 78.9, 135.0, 108.0 };

// How many bins of `histogram` row `series` hold at least one value.
int occupiedBins(const Histogram& histogram, std::size_t series)
{
    int occupied = 0;
    for (const std::int64_t count : histogram.counts[series])
        occupied += count > 0;
    return occupied;
}

} // namespace

class TestGroupDistribution : public QObject
{
    Q_OBJECT

private slots:
    void fairBinsSpreadTheFastGroup_data()
    {
        QTest::addColumn<bool>("logScale");
        QTest::addRow("linear") << false;
        QTest::addRow("log") << true;
    }
    void fairBinsSpreadTheFastGroup()
    {
        QFETCH(bool, logScale);
        const std::vector<std::vector<double>> series { kFast, kSlow };
        const int bins = fairBinCount(series, logScale);
        const Histogram h = histogram(series, bins, logScale);
        // Pooled Freedman–Diaconis gives 4 bins over 15–150 s: the fast group is one bar.
        QVERIFY(freedmanDiaconisBinCount({ 14.9, 150.2 }) < bins);
        QVERIFY2(occupiedBins(h, 0) >= 3, qPrintable(QString::number(occupiedBins(h, 0))));
        QVERIFY(occupiedBins(h, 1) >= 3);
        // Every value is counted once.
        for (std::size_t s = 0; s < series.size(); ++s) {
            std::int64_t total = 0;
            for (const std::int64_t c : h.counts[s])
                total += c;
            QCOMPARE(total, static_cast<std::int64_t>(series[s].size()));
        }
    }

    void aGroupWithFiveValuesNeverCollapsesInItsOwnBins()
    {
        // Five distinct values in a narrow band next to a wide group: bins shared
        // by both cannot spread the narrow one within the bin cap, so each group
        // is binned on its own (the histogram's small multiples).
        const std::vector<double> narrow { 10.0, 10.1, 10.2, 10.3, 10.4 };
        const std::vector<double> wide { 10.0, 500.0, 1000.0, 2000.0 };
        const int shared = fairBinCount({ narrow, wide }, false);
        QCOMPARE(shared, 200);
        QCOMPARE(occupiedBins(histogram({ narrow, wide }, shared, false), 0), 1);
        for (const bool logScale : { false, true }) {
            const Histogram own = histogram({ narrow }, fairBinCount({ narrow }, logScale), logScale);
            QCOMPARE(occupiedBins(own, 0), 5);
            QVERIFY(occupiedBins(histogram({ wide }, fairBinCount({ wide }, logScale), logScale), 0) >= 3);
        }
    }

    void fairBinsOfDegenerateInput()
    {
        QCOMPARE(fairBinCount({}, false), 1);
        QCOMPARE(fairBinCount({ { 5.0, 5.0, 5.0 } }, false), 1);
        QCOMPARE(fairBinCount({ { -1.0, 0.0 } }, true), 1); // nothing positive on a log scale
        QVERIFY(fairBinCount({ { 1.0, std::nan(""), 2.0, 3.0 } }, false) >= 5);
    }

    void ecdfOfTenRuns()
    {
        const std::vector<EcdfStep> steps = ecdfSteps(kFast);
        QCOMPARE(steps.size(), std::size_t { 10 });
        QCOMPARE(steps.front().value, 14.9);
        QCOMPARE(steps.front().fraction, 0.1);
        QCOMPARE(steps[4].value, 21.1);
        QCOMPARE(steps[4].fraction, 0.5);
        QCOMPARE(steps.back().value, 29.4);
        QCOMPARE(steps.back().fraction, 1.0);
    }

    void ecdfStepsAtTheLastOfEqualValues()
    {
        const std::vector<EcdfStep> steps = ecdfSteps({ 2.0, 1.0, 2.0, std::nan(""), 3.0 });
        QCOMPARE(steps.size(), std::size_t { 3 });
        QCOMPARE(steps[0].fraction, 0.25);
        QCOMPARE(steps[1].value, 2.0);
        QCOMPARE(steps[1].fraction, 0.75);
        QCOMPARE(steps[2].fraction, 1.0);
        QVERIFY(ecdfSteps({}).empty());
    }

    void ecdfOfManyValuesIsThinnedButKeepsItsEnds()
    {
        std::vector<double> values;
        values.reserve(100000);
        for (int i = 0; i < 100000; ++i)
            values.push_back(std::exp(i * 1e-4));
        const std::vector<EcdfStep> steps = ecdfSteps(values, 500);
        QCOMPARE(steps.size(), std::size_t { 500 });
        QCOMPARE(steps.front().fraction, 1e-5);
        QCOMPARE(steps.back().fraction, 1.0);
        QCOMPARE(steps.back().value, values.back());
        for (std::size_t i = 1; i < steps.size(); ++i)
            QVERIFY(steps[i].value > steps[i - 1].value && steps[i].fraction > steps[i - 1].fraction);
    }
};

QTEST_GUILESS_MAIN(TestGroupDistribution)
#include "tst_groupdistribution.moc"
