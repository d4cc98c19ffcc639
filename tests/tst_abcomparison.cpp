// A/B comparison of two groups, checked against scipy and numpy on a fixture.
#include "data/datasetlookups.h"
#include "stats/abcomparison.h"
#include "stats/baselinecomparison.h"
#include "stats/groupstats.h"
#include "testsupport.h"

#include <QTemporaryDir>

using namespace te;
using namespace te::test;

namespace {

/// paired_10x3.jsonl: ten registrations on three models, one run each.
struct Paired10x3
{
    LoadResult loaded = loadFixtures({ u"paired_10x3.jsonl"_qs });
    const TimingDataset& d = loaded.dataset;
    std::vector<std::uint32_t> gpt4o = te::test::runsOfModel(d, u"openai_gpt4o"_qs);
    std::vector<std::uint32_t> gpt5 = te::test::runsOfModel(d, u"openai_gpt5"_qs);
    std::vector<std::uint32_t> claude = te::test::runsOfModel(d, u"anthropic_claude"_qs);
};

std::vector<std::uint32_t> slice(const std::vector<std::uint32_t>& runs, std::size_t from, std::size_t to)
{
    return { runs.begin() + static_cast<std::ptrdiff_t>(from),
        runs.begin() + static_cast<std::ptrdiff_t>(to) };
}

} // namespace

class TestAbComparison : public QObject
{
    Q_OBJECT

private slots:
    void slowAgainstFast()
    {
        const LoadResult r = loadFixtures({ u"stats_groups.jsonl"_qs });
        const TimingDataset& d = r.dataset;
        const AbComparison c = compareGroups(d, te::test::runsOfModel(d, u"fast"_qs),
            te::test::runsOfModel(d, u"slow"_qs), TimingDataset::kRootMetric, u"fast"_qs, u"slow"_qs);
        QCOMPARE(c.nA, 13);
        QCOMPARE(c.nB, 12);
        // numpy 1.24: np.median(fast totals) = 17.04, np.median(slow totals) = 28.872999999999998
        QCOMPARE(c.medianA, 17.04);
        QCOMPARE(c.medianB, 28.872999999999998);
        QCOMPARE(c.ratioOfMedians.estimate, 28.872999999999998 / 17.04);
        QVERIFY(c.ratioOfMedians.low < c.ratioOfMedians.estimate
            && c.ratioOfMedians.estimate < c.ratioOfMedians.high);
        QVERIFY(c.ratioOfMedians.low > 1.0); // slow is slower, and the interval says so
        // scipy 1.10.1: mannwhitneyu(fast, slow, alternative='two-sided', method='asymptotic')
        //   -> statistic=1.0, pvalue=3.167857100134274e-05
        QCOMPARE(c.mannWhitney.u, 1.0);
        QCOMPARE(c.mannWhitney.p, 3.167857100134274e-05);
        // numpy: medians of phase1 totals, fast 10.871 and slow 17.625
        QCOMPARE(c.parts.size(), 2u);
        QCOMPARE(c.parts[0].path, u"phase1"_qs);
        QCOMPARE(c.parts[0].medianA, 10.871);
        QCOMPARE(c.parts[0].medianB, 17.625);
        QCOMPARE(c.parts[0].delta, 17.625 - 10.871);
        // numpy: the median over the 12 shared registrations of slow/fast = 1.6947011182928127
        QCOMPARE(c.pairedRegistrations, 12);
        QCOMPARE(c.paired.medianRatio.estimate, 1.6947011182928127);
    }

    void opensOnTheTwoLargestGroups()
    {
        QCOMPARE(largestTwoGroups({ 10, 200, 30, 150 }), std::make_pair(1, 3));
        QCOMPARE(largestTwoGroups({ 5, 5, 5 }), std::make_pair(0, 1)); // ties: the earlier groups
        QCOMPARE(largestTwoGroups({ 40, 7 }), std::make_pair(0, 1));
        QCOMPARE(largestTwoGroups({ 40 }), std::make_pair(-1, -1)); // nothing to compare
        QCOMPARE(largestTwoGroups({}), std::make_pair(-1, -1));
    }

    void slowEverywhere()
    {
        // Two groups; X is above P90 in both, Y only in one, Z only ran once.
        QTemporaryDir dir;
        const QString path = dir.filePath(u"slow.jsonl"_qs);
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        for (const char* model : { "m1", "m2" }) {
            for (int i = 0; i < 20; ++i)
                file.write(
                    QStringLiteral("{\"registration_id\":\"R%1\",\"model\":\"%2\",\"total_seconds\":%3}\n")
                        .arg(i)
                        .arg(QLatin1String(model))
                        .arg(10 + i % 5)
                        .toUtf8());
            file.write(QStringLiteral("{\"registration_id\":\"X\",\"model\":\"%1\",\"total_seconds\":90}\n")
                           .arg(QLatin1String(model))
                           .toUtf8());
        }
        file.write("{\"registration_id\":\"Y\",\"model\":\"m1\",\"total_seconds\":95}\n");
        file.write("{\"registration_id\":\"Y\",\"model\":\"m2\",\"total_seconds\":11}\n");
        file.write("{\"registration_id\":\"Z\",\"model\":\"m1\",\"total_seconds\":99}\n");
        file.close();
        LoadOptions options;
        options.files = { path };
        const LoadResult r = loadTimingFiles(options);
        const auto groups = groupRuns(r.dataset, allRuns(r.dataset), { TimingDataset::Model });
        std::vector<std::vector<std::uint32_t>> runs;
        runs.reserve(groups.size());
        for (const auto& g : groups)
            runs.push_back(g.runs);
        QCOMPARE(slowInEveryGroup(r.dataset, runs, TimingDataset::kRootMetric), QStringList { u"X"_qs });
    }

    void theChosenStatistic_data()
    {
        QTest::addColumn<Statistic>("statistic");
        QTest::addColumn<double>("a");
        QTest::addColumn<double>("b");
        // numpy 1.24 on the totals of openai_gpt4o (A) and anthropic_claude (B).
        QTest::addRow("median") << Statistic::Median << 15.743 << 9.8125;
        QTest::addRow("mean") << Statistic::Mean << 17.7491 << 11.09;
        QTest::addRow("P90") << Statistic::P90 << 20.28709999999999 << 12.932199999999995;
        QTest::addRow("P95") << Statistic::P95 << 30.943549999999973 << 19.620099999999983;
    }

    void theChosenStatistic()
    {
        QFETCH(Statistic, statistic);
        QFETCH(double, a);
        QFETCH(double, b);
        const Paired10x3 f;
        const AbComparison c = compareGroups(
            f.d, f.gpt4o, f.claude, TimingDataset::kRootMetric, u"gpt4o"_qs, u"claude"_qs, statistic);
        QCOMPARE(c.statistic, statistic);
        QCOMPARE(c.valueA, a);
        QCOMPARE(c.valueB, b);
        QCOMPARE(c.ratio.estimate, b / a);
        QVERIFY(c.ratio.low <= c.ratio.estimate && c.ratio.estimate <= c.ratio.high);
        QCOMPARE(c.ratio.resamples, 2000);
        // The medians are there whatever the statistic (the CLI reads them).
        QCOMPARE(c.medianA, 15.743);
        QCOMPARE(c.medianB, 9.8125);
        // The parts' values are of the statistic too; the last part's delta is B − A.
        QCOMPARE(c.parts.front().path, u"phase1"_qs);
        QCOMPARE(c.parts.front().delta, c.parts.front().valueB - c.parts.front().valueA);
    }

    void theMedianRatioIsTheExistingBootstrap()
    {
        const Paired10x3 f;
        const AbComparison c = compareGroups(
            f.d, f.gpt4o, f.gpt5, TimingDataset::kRootMetric, u"a"_qs, u"b"_qs, Statistic::Median);
        QCOMPARE(c.ratio.low, c.ratioOfMedians.low);
        QCOMPARE(c.ratio.high, c.ratioOfMedians.high);
        const std::vector<double> a = metricValues(f.d, f.gpt4o, TimingDataset::kRootMetric);
        const std::vector<double> b = metricValues(f.d, f.gpt5, TimingDataset::kRootMetric);
        const ConfidenceInterval general = bootstrapRatio(a, b, Statistic::Median);
        const ConfidenceInterval medians = bootstrapRatioOfMedians(a, b);
        QCOMPARE(general.low, medians.low);
        QCOMPARE(general.high, medians.high);
    }

    void slowEverywhereOnTheFixture()
    {
        // SPUS55559 is the slowest registration on all three models (numpy argmax 9 each).
        const Paired10x3 f;
        const SlowEverywhere slow
            = findSlowEverywhere(f.d, { f.gpt4o, f.gpt5, f.claude }, TimingDataset::kRootMetric);
        QCOMPARE(slow.why, SlowEverywhere::Empty::NotEmpty);
        QCOMPARE(slow.ids, QStringList { u"SPUS55559"_qs });
    }

    void slowEverywhereSaysWhyItIsEmpty()
    {
        const Paired10x3 f;
        const int total = TimingDataset::kRootMetric;
        // Registrations 0–4 on one model, 5–9 on another: none ran in both.
        QCOMPARE(findSlowEverywhere(f.d, { slice(f.gpt4o, 0, 5), slice(f.gpt5, 5, 10) }, total).why,
            SlowEverywhere::Empty::NoSharedRegistration);
        // Shared registrations, but five runs a group: too few to call one slow.
        const SlowEverywhere few
            = findSlowEverywhere(f.d, { slice(f.gpt4o, 5, 10), slice(f.gpt5, 5, 10) }, total);
        QCOMPARE(few.why, SlowEverywhere::Empty::TooFewRuns);
        QVERIFY(few.ids.isEmpty());
        // Nine runs a group, the slow registration among them: still too few.
        QCOMPARE(findSlowEverywhere(f.d, { slice(f.gpt4o, 1, 10), slice(f.gpt5, 1, 10) }, total).why,
            SlowEverywhere::Empty::TooFewRuns);
        // paired_10x2.jsonl: ten runs each, but the slowest registration differs
        // (SPUS76002 on openai_gpt4o at 29.4 s, SPUS55557 on openai_gpt5 at 150.2 s).
        const LoadResult r = loadFixtures({ u"paired_10x2.jsonl"_qs });
        const SlowEverywhere none = findSlowEverywhere(r.dataset,
            { te::test::runsOfModel(r.dataset, u"openai_gpt4o"_qs),
                te::test::runsOfModel(r.dataset, u"openai_gpt5"_qs) },
            total);
        QCOMPARE(none.why, SlowEverywhere::Empty::NoneSlowEverywhere);
        QVERIFY(none.ids.isEmpty());
    }

    void everyGroupAgainstABaseline()
    {
        const Paired10x3 f;
        const QStringList labels { u"openai_gpt4o"_qs, u"openai_gpt5"_qs, u"anthropic_claude"_qs };
        const std::vector<std::vector<std::uint32_t>> groups { f.gpt4o, f.gpt5, f.claude };
        const BaselineComparison c
            = compareWithBaseline(f.d, groups, labels, 0, TimingDataset::kRootMetric, Statistic::Median);
        QCOMPARE(c.baseline, u"openai_gpt4o"_qs);
        QCOMPARE(c.baselineN, 10);
        QCOMPARE(c.baselineValue, 15.743);
        QCOMPARE(c.rows.size(), 2u);
        // numpy medians: openai_gpt5 15.338, anthropic_claude 9.8125.
        QCOMPARE(c.rows[0].label, u"openai_gpt5"_qs);
        QCOMPARE(c.rows[0].n, 10);
        QCOMPARE(c.rows[0].contrast.valueB, 15.338000000000001);
        QCOMPARE(c.rows[0].contrast.ratio.estimate, 15.338000000000001 / 15.743);
        QVERIFY(c.rows[0].contrast.ratio.low < 1 && c.rows[0].contrast.ratio.high > 1);
        QCOMPARE(c.rows[0].verdict, Verdict::Unclear);
        QCOMPARE(c.rows[1].label, u"anthropic_claude"_qs);
        QCOMPARE(c.rows[1].contrast.ratio.estimate, 9.8125 / 15.743);
        QVERIFY(c.rows[1].contrast.ratio.high < 1);
        QCOMPARE(c.rows[1].verdict, Verdict::Faster);
        // scipy 1.10.1 mannwhitneyu(gpt4o, claude, 'two-sided', method='asymptotic').pvalue
        QCOMPARE(c.rows[1].contrast.mannWhitney.p, 0.0022022199424970783);
        QCOMPARE(c.rows[0].contrast.mannWhitney.p, 1.0); // scipy: gpt4o against gpt5

        const BaselineComparison fromClaude
            = compareWithBaseline(f.d, groups, labels, 2, TimingDataset::kRootMetric, Statistic::Median);
        QCOMPARE(fromClaude.rows.size(), 2u);
        QCOMPARE(fromClaude.rows[0].label, u"openai_gpt4o"_qs);
        QCOMPARE(fromClaude.rows[0].verdict, Verdict::Slower);
        QCOMPARE(fromClaude.rows[1].label, u"openai_gpt5"_qs);
        QCOMPARE(fromClaude.rows[1].verdict, Verdict::Slower);
        // A baseline out of range: nothing to compare.
        QVERIFY(compareWithBaseline(f.d, groups, labels, 3, TimingDataset::kRootMetric, Statistic::Median)
                    .rows.empty());
    }

    void theVerdictIsTheInterval()
    {
        QCOMPARE(verdictOf({ 0.8, 0.7, 0.95, 2000 }), Verdict::Faster);
        QCOMPARE(verdictOf({ 1.3, 1.05, 1.6, 2000 }), Verdict::Slower);
        QCOMPARE(verdictOf({ 1.0, 0.9, 1.1, 2000 }), Verdict::Unclear);
        QCOMPARE(verdictOf({ 0.9, 0.8, 1.0, 2000 }), Verdict::Unclear); // 1 is in the interval
        QCOMPARE(verdictOf({ 1.1, 1.0, 1.2, 2000 }), Verdict::Unclear);
        const double nan = std::nan("");
        QCOMPARE(verdictOf({ nan, nan, nan, 0 }), Verdict::Unclear);
    }
};

QTEST_GUILESS_MAIN(TestAbComparison)
#include "tst_abcomparison.moc"
