// The paired chart's data: the same registrations on two or more models, one
// value per model, sorted by the slowest-to-fastest ratio.
#include "data/datasetlookups.h"
#include "stats/groupstats.h"
#include "stats/paireddata.h"
#include "testsupport.h"

#include <QTest>
#include <cmath>

using namespace te;

namespace {

struct Grouped
{
    QStringList labels;
    std::vector<std::vector<std::uint32_t>> runs;
};

Grouped byModel(const TimingDataset& data)
{
    Grouped grouped;
    const auto fields = resolveFields(data, { QStringLiteral("model") }, nullptr);
    for (const RunGroup& group : groupRuns(data, allRuns(data), *fields)) {
        grouped.labels << group.label();
        grouped.runs.push_back(group.runs);
    }
    return grouped;
}

} // namespace

class TestPairedData : public QObject
{
    Q_OBJECT

private slots:
    void tenRegistrationsOnTwoModels()
    {
        const LoadResult loaded = test::loadFixtures({ QStringLiteral("paired_10x2.jsonl") });
        const Grouped grouped = byModel(loaded.dataset);
        const PairedData paired = pairRegistrations(loaded.dataset, grouped.labels, grouped.runs, 0);
        QCOMPARE(paired.groups, (QStringList { u"openai_gpt4o"_qs, u"openai_gpt5"_qs }));
        QCOMPARE(paired.registrations.size(), std::size_t { 10 });
        QCOMPARE(paired.unpairedCount, 0);
        // SPUS55557: 21.1 s on gpt4o, 150.2 s on gpt5, the largest ratio.
        const PairedRegistration& first = paired.registrations.front();
        QCOMPARE(first.registrationId, u"SPUS55557"_qs);
        QCOMPARE(first.values, (std::vector<double> { 21.1, 150.2 }));
        QCOMPARE(first.ratio, 150.2 / 21.1);
        QCOMPARE(first.fastestGroup, 0);
        QCOMPARE(first.slowestGroup, 1);
        QCOMPARE(loaded.dataset.fieldValue(first.runs[1], TimingDataset::RegistrationId), u"SPUS55557"_qs);
        QCOMPARE(loaded.dataset.fieldValue(first.runs[1], TimingDataset::Model), u"openai_gpt5"_qs);
        for (std::size_t i = 1; i < paired.registrations.size(); ++i)
            QVERIFY(paired.registrations[i - 1].ratio >= paired.registrations[i].ratio);
        // SPUS71803: 18.0 s against 52.0 s, the smallest.
        QCOMPARE(paired.registrations.back().registrationId, u"SPUS71803"_qs);
        QCOMPARE(paired.registrations.back().ratio, 52.0 / 18.0);
    }

    void repeatedRunsCountWithTheirMedian()
    {
        const QByteArray lines = R"({"registration_id":"R1","model":"a","total_seconds":10}
{"registration_id":"R1","model":"a","total_seconds":30}
{"registration_id":"R1","model":"a","total_seconds":12}
{"registration_id":"R1","model":"b","total_seconds":6}
{"registration_id":"R2","model":"a","total_seconds":5}
{"model":"b","total_seconds":7}
)";
        const LoadResult loaded = loadTimingBytes(lines, QStringLiteral("repeats.jsonl"), {});
        QCOMPARE(loaded.rejectedLines(), 0);
        const Grouped grouped = byModel(loaded.dataset);
        const PairedData paired = pairRegistrations(loaded.dataset, grouped.labels, grouped.runs, 0);
        QCOMPARE(paired.registrations.size(), std::size_t { 1 });
        const PairedRegistration& r1 = paired.registrations.front();
        QCOMPARE(r1.values, (std::vector<double> { 12.0, 6.0 }));
        QCOMPARE(r1.ratio, 2.0);
        QCOMPARE(r1.fastestGroup, 1);
        QCOMPARE(loaded.dataset.value(r1.runs[0], 0), 12.0); // the run nearest the median
        QCOMPARE(paired.unpairedCount, 1); // R2 ran on one model; the run without an id is left out
    }

    void threeGroupsWithAGap()
    {
        const QByteArray lines = R"({"registration_id":"R1","model":"a","total_seconds":10}
{"registration_id":"R1","model":"c","total_seconds":40}
{"registration_id":"R2","model":"b","total_seconds":1}
)";
        const LoadResult loaded = loadTimingBytes(lines, QStringLiteral("gap.jsonl"), {});
        const Grouped grouped = byModel(loaded.dataset);
        const PairedData paired = pairRegistrations(loaded.dataset, grouped.labels, grouped.runs, 0);
        QCOMPARE(paired.registrations.size(), std::size_t { 1 });
        QVERIFY(std::isnan(paired.registrations.front().values[1]));
        QCOMPARE(paired.registrations.front().runs[1], std::numeric_limits<std::uint32_t>::max());
        QCOMPARE(paired.registrations.front().ratio, 4.0);
        QCOMPARE(pairRegistrations(loaded.dataset, grouped.labels, grouped.runs, 99).registrations.size(),
            std::size_t { 0 });
    }
};

QTEST_GUILESS_MAIN(TestPairedData)
#include "tst_paireddata.moc"
