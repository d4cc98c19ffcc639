// The CI gate's rule (core/regress/gate.h): a regression is a ratio whose whole
// 95 % interval is past the threshold and whose Mann–Whitney p is below alpha; an
// A/A split of one group almost never fires; a real step always does.
#include "regress/gate.h"

#include <QTest>
#include <algorithm>
#include <cmath>
#include <random>

using namespace te;

namespace {

std::vector<double> lognormal(std::size_t n, double median, double sigma, std::uint64_t seed)
{
    std::mt19937_64 generator(seed);
    std::normal_distribution<double> normal(0.0, sigma);
    std::vector<double> values(n);
    for (double& v : values)
        v = median * std::exp(normal(generator));
    return values;
}

ConfidenceInterval interval(double estimate, double low, double high)
{
    return { estimate, low, high, 2000 };
}

} // namespace

class TestGate : public QObject
{
    Q_OBJECT

private slots:
    void parsesRules_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<bool>("valid");
        QTest::addColumn<int>("statistic");
        QTest::addColumn<double>("threshold");
        QTest::addRow("median") << u"median:+5%"_qs << true << int(Statistic::Median) << 0.05;
        QTest::addRow("p95 fraction") << u"p95:+2.5%"_qs << true << int(Statistic::P95) << 0.025;
        QTest::addRow("no plus") << u"mean:10%"_qs << true << int(Statistic::Mean) << 0.10;
        QTest::addRow("p90") << u"p90:+0%"_qs << true << int(Statistic::P90) << 0.0;
        QTest::addRow("max is no gate statistic") << u"max:+5%"_qs << false << 0 << 0.0;
        QTest::addRow("negative") << u"median:-5%"_qs << false << 0 << 0.0;
        QTest::addRow("no percent") << u"median:+5"_qs << false << 0 << 0.0;
        QTest::addRow("no statistic") << u"+5%"_qs << false << 0 << 0.0;
    }

    void parsesRules()
    {
        QFETCH(QString, text);
        QFETCH(bool, valid);
        QString error;
        const auto rule = parseGateRule(text, &error);
        QCOMPARE(rule.has_value(), valid);
        if (!valid) {
            QVERIFY2(error.contains(text), qPrintable(error));
            return;
        }
        QFETCH(int, statistic);
        QFETCH(double, threshold);
        QCOMPARE(int(rule->statistic), statistic);
        QCOMPARE(rule->threshold, threshold);
        QCOMPARE(parseGateRule(gateRuleText(*rule), nullptr)->threshold, threshold);
    }

    void thresholdEdges_data()
    {
        QTest::addColumn<double>("estimate");
        QTest::addColumn<double>("low");
        QTest::addColumn<double>("high");
        QTest::addColumn<double>("p");
        QTest::addColumn<int>("verdict");
        const int unchanged = int(GateVerdict::Unchanged);
        QTest::addRow("1.04 with a tight CI is under 5 percent")
            << 1.04 << 1.035 << 1.045 << 1e-9 << unchanged;
        QTest::addRow("lower bound above 1.05, p < alpha")
            << 1.10 << 1.06 << 1.14 << 0.001 << int(GateVerdict::Regression);
        QTest::addRow("lower bound above 1.05, p >= alpha") << 1.10 << 1.06 << 1.14 << 0.05 << unchanged;
        QTest::addRow("estimate above, lower bound not") << 1.10 << 1.04 << 1.16 << 0.001 << unchanged;
        QTest::addRow("lower bound exactly 1.05") << 1.10 << 1.05 << 1.15 << 0.001 << unchanged;
        QTest::addRow("upper bound below 1/1.05")
            << 0.90 << 0.87 << 0.95 << 0.001 << int(GateVerdict::Improvement);
        QTest::addRow("upper bound between 1/1.05 and 0.95") << 0.90 << 0.87 << 0.953 << 0.001 << unchanged;
        QTest::addRow("NaN interval")
            << std::nan("") << std::nan("") << std::nan("") << std::nan("") << unchanged;
    }

    void thresholdEdges()
    {
        QFETCH(double, estimate);
        QFETCH(double, low);
        QFETCH(double, high);
        QFETCH(double, p);
        QFETCH(int, verdict);
        QCOMPARE(int(judgeRatio(interval(estimate, low, high), p, 0.05, 0.05)), verdict);
    }

    // 80 runs of one group split at random into halves: any verdict but unchanged
    // is a false alarm, and CI must not be red for noise.
    void aaSplitsRarelyFire()
    {
        const std::vector<double> runs = lognormal(80, 20.0, 0.25, 7);
        const GateOptions options;
        int fired = 0;
        constexpr int kSplits = 200;
        for (int split = 0; split < kSplits; ++split) {
            std::vector<double> shuffled = runs;
            std::mt19937_64 generator(1000 + static_cast<std::uint64_t>(split));
            std::shuffle(shuffled.begin(), shuffled.end(), generator);
            const std::vector<double> a(shuffled.begin(), shuffled.begin() + 40);
            const std::vector<double> b(shuffled.begin() + 40, shuffled.end());
            const GateCheck check = checkValues(a, b, options.rules.front(), options);
            QVERIFY(check.verdict != GateVerdict::NotEnoughRuns);
            fired += check.verdict != GateVerdict::Unchanged ? 1 : 0;
        }
        qInfo("A/A: the gate (median:+5%%, alpha 0.05) fired on %d of %d random halvings of 80 lognormal "
              "(sigma 0.25) runs",
            fired, kSplits);
        QVERIFY2(fired <= kSplits / 20, qPrintable(QString::number(fired)));
    }

    void aRealStepIsFlaggedBothWays()
    {
        const std::vector<double> before = lognormal(40, 20.0, 0.25, 11);
        std::vector<double> after = lognormal(40, 20.0, 0.25, 12);
        for (double& v : after)
            v *= 1.6;
        const GateOptions options;
        const GateCheck slower = checkValues(before, after, options.rules.front(), options);
        QCOMPARE(slower.verdict, GateVerdict::Regression);
        QVERIFY(slower.ratio.low > 1.05);
        QCOMPARE(slower.baselineRuns, 40);
        QCOMPARE(
            checkValues(after, before, options.rules.front(), options).verdict, GateVerdict::Improvement);
    }

    // The figures are numpy's and scipy's: np.median(b)/np.median(a) and
    // scipy.stats.mannwhitneyu(a, b, method='asymptotic').pvalue.
    void figuresAgreeWithScipy()
    {
        const std::vector<double> a { 10.0, 11.2, 9.8, 10.5, 10.1, 12.0, 9.5, 10.9 };
        const std::vector<double> b { 15.1, 16.8, 14.9, 16.0, 15.5, 17.2, 15.8, 16.3 };
        GateOptions options;
        GateCheck check = checkValues(a, b, GateRule {}, options);
        QCOMPARE(check.ratio.estimate, 1.5436893203883495);
        QVERIFY(std::abs(check.p - 0.0009391056991171899) < 1e-12);
        QCOMPARE(check.verdict, GateVerdict::Regression);
        check = checkValues(a, b, GateRule { Statistic::P90, 0.05 }, options);
        QVERIFY(std::abs(check.ratio.estimate - 1.4790209790209792) < 1e-12);
    }

    void tooFewRunsOnEitherSide()
    {
        const std::vector<double> few = lognormal(4, 20.0, 0.25, 3);
        const std::vector<double> many = lognormal(40, 40.0, 0.25, 4);
        const GateOptions options;
        QCOMPARE(checkValues(few, many, options.rules.front(), options).verdict, GateVerdict::NotEnoughRuns);
        QCOMPARE(checkValues(many, few, options.rules.front(), options).verdict, GateVerdict::NotEnoughRuns);
        GateOptions four;
        four.minRuns = 4;
        QCOMPARE(checkValues(few, many, four.rules.front(), four).verdict, GateVerdict::Regression);
    }
};

QTEST_GUILESS_MAIN(TestGate)
#include "tst_gate.moc"
