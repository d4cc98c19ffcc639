// A/B comparison of two groups, checked against scipy and numpy on a fixture.
#include "data/datasetlookups.h"
#include "stats/abcomparison.h"
#include "stats/groupstats.h"
#include "testsupport.h"

#include <QTemporaryDir>

using namespace te;
using namespace te::test;

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
};

QTEST_GUILESS_MAIN(TestAbComparison)
#include "tst_abcomparison.moc"
