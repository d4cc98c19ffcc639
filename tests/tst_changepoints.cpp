// The calibration of the step finder (core/regress/changepoints.h) on synthetic
// histories: lognormal runs (sigma 0.25) around 30 s, with and without a step.
// The rates measured here are the ones README.md quotes.
#include "regress/changepoints.h"
#include "stats/xoshiro.h"

#include <QTest>
#include <cmath>

using namespace te;

namespace {

constexpr double kBase = 30.0;
constexpr double kSigma = 0.25;

// `commits` commits of `runs` runs each, multiplied by `factor` from commit `stepAt` on.
std::vector<std::vector<double>> history(
    std::uint64_t seed, int commits, int runs, int stepAt = -1, double factor = 1.0)
{
    Xoshiro256 rng(seed, 7);
    std::vector<std::vector<double>> series(static_cast<std::size_t>(commits));
    for (int c = 0; c < commits; ++c) {
        const double scale = stepAt >= 0 && c >= stepAt ? factor : 1.0;
        for (int r = 0; r < runs; ++r)
            series[static_cast<std::size_t>(c)].push_back(
                kBase * scale * std::exp(kSigma * standardNormal(rng)));
    }
    return series;
}

ChangePointOptions fastOptions()
{
    ChangePointOptions options;
    options.bootstrapResamples = 500; // the tests count steps; the interval's precision matters little
    return options;
}

} // namespace

class TestChangePoints : public QObject
{
    Q_OBJECT

private slots:
    void noStepIsRarelyReported()
    {
        constexpr int kSeries = 100;
        int falseSteps = 0;
        for (int s = 0; s < kSeries; ++s) {
            const int commits = 10 + s % 21; // 10..30
            const int runs = 10 + (s * 7) % 41; // 10..50
            if (!findChangePoints(history(1000 + s, commits, runs), fastOptions()).empty())
                ++falseSteps;
        }
        qInfo("false steps: %d of %d series without one", falseSteps, kSeries);
        QVERIFY2(falseSteps <= kSeries * 5 / 100, qPrintable(QString::number(falseSteps)));
    }

    void aThirtyPercentStepIsFoundAtItsCommit()
    {
        constexpr int kSeries = 100;
        int found = 0;
        int extra = 0;
        for (int s = 0; s < kSeries; ++s) {
            const int commits = 10 + s % 11; // 10..20
            const int stepAt = 3 + s % (commits - 5); // leaves 3 commits on each side at least
            const auto points = findChangePoints(history(5000 + s, commits, 40, stepAt, 1.3), fastOptions());
            const bool atStep = std::any_of(
                points.begin(), points.end(), [&](const ChangePoint& p) { return p.at == stepAt; });
            found += atStep ? 1 : 0;
            extra += static_cast<int>(points.size()) - (atStep ? 1 : 0);
        }
        qInfo("30 %% step found at its commit in %d of %d series; %d other steps", found, kSeries, extra);
        QVERIFY2(found >= kSeries * 95 / 100, qPrintable(QString::number(found)));
    }

    void oneModelOfTwoSteps()
    {
        // 12 commits: model a +60 % from commit 7, model b only noise. The noise
        // around the step is itself tested (binary segmentation), so a spurious
        // extra split comes at about alpha per half: assert the rate, and the
        // figures of every exact answer.
        constexpr int kPairs = 100;
        int exact = 0;
        int covered = 0;
        for (int s = 0; s < kPairs; ++s) {
            const auto a = findChangePoints(history(100 + 2 * s, 12, 40, 7, 1.6), fastOptions());
            const auto b = findChangePoints(history(101 + 2 * s, 12, 40), fastOptions());
            if (a.size() != 1 || a.front().at != 7 || !b.empty())
                continue;
            ++exact;
            const ChangePoint& step = a.front();
            QVERIFY(step.p < 0.01);
            // 7 commits before, 5 after.
            QCOMPARE(step.nBefore, 280);
            QCOMPARE(step.nAfter, 200);
            QVERIFY(std::abs(step.medianBefore / kBase - 1) < 0.08);
            QVERIFY(step.ratio.low <= step.ratio.estimate && step.ratio.estimate <= step.ratio.high);
            covered += step.ratio.low <= 1.6 && 1.6 <= step.ratio.high ? 1 : 0;
        }
        qInfo("12 commits x 2 models: exactly right in %d of %d; the 95 %% CI held 1.6 in %d of those", exact,
            kPairs, covered);
        QVERIFY2(exact >= kPairs * 95 / 100, qPrintable(QString::number(exact)));
        QVERIFY2(covered >= exact * 88 / 100, qPrintable(QString::number(covered)));
    }

    void statisticIsTheStandardizedMannWhitney()
    {
        // scipy.stats.mannwhitneyu(range(1, 11), range(11, 21)).statistic is 0, so
        // |U - n1 n2 / 2| / sqrt(n1 n2 (N + 1) / 12) = 50 / sqrt(175).
        std::vector<std::vector<double>> series(2);
        for (int i = 1; i <= 10; ++i) {
            series[0].push_back(i);
            series[1].push_back(10 + i);
        }
        ChangePointOptions options;
        options.minCommits = 1;
        const auto points = findChangePoints(series, options);
        QCOMPARE(points.size(), std::size_t(1));
        QCOMPARE(points.front().at, 1);
        QVERIFY(std::abs(points.front().statistic - 50 / std::sqrt(175.0)) < 1e-12);
        QCOMPARE(points.front().p, 1.0 / 500); // no permutation reaches it
        QCOMPARE(points.front().medianBefore, 5.5);
        QCOMPARE(points.front().medianAfter, 15.5);
    }

    void emptyCommitsKeepTheirIndex()
    {
        auto series = history(44, 10, 30, 6, 1.5);
        series.insert(series.begin() + 2, std::vector<double> {});
        const auto points = findChangePoints(series, fastOptions());
        QCOMPARE(points.size(), std::size_t(1));
        QCOMPARE(points.front().at, 7);
    }

    void tooFewRunsOrCommitsGiveNothing()
    {
        QVERIFY(findChangePoints({}).empty());
        QVERIFY(findChangePoints(history(45, 3, 40, 2, 3.0)).empty()); // needs 2 commits a side
        QVERIFY(findChangePoints(history(46, 5, 3, 2, 3.0)).empty()); // needs 10 runs a side
    }

    void isDeterministic()
    {
        const auto series = history(47, 15, 20, 9, 1.2);
        const auto first = findChangePoints(series, fastOptions());
        const auto second = findChangePoints(series, fastOptions());
        QCOMPARE(first.size(), second.size());
        for (std::size_t i = 0; i < first.size(); ++i) {
            QCOMPARE(first[i].at, second[i].at);
            QCOMPARE(first[i].p, second[i].p);
            QCOMPARE(first[i].ratio.low, second[i].ratio.low);
        }
    }
};

QTEST_GUILESS_MAIN(TestChangePoints)
#include "tst_changepoints.moc"
