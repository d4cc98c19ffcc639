// The order of a field's values (commits) along the history: by their first run's
// time, else by first appearance; runs without the field left out and counted.
#include "data/datasetlookups.h"
#include "data/timingdataset.h"
#include "stats/fieldorder.h"
#include "testsupport.h"

#include <QTest>

using namespace te;

class TestFieldOrder : public QObject
{
    Q_OBJECT

private slots:
    void commitsFollowTheirFirstRun()
    {
        const LoadResult loaded = test::loadFixtures({ u"trend_two_days.jsonl"_qs });
        const TimingDataset& data = loaded.dataset;
        const OrderedFieldValues order
            = orderFieldValues(data, allRuns(data), data.fieldId(u"git_commit"_qs));
        QVERIFY(order.byTime);
        QCOMPARE(order.values, (QStringList { u"c857d44"_qs, u"a1b2c3d"_qs, u"9f8e7d6"_qs, u"4e5f6a7"_qs }));
        QCOMPARE(order.runs.front().size(), std::size_t(6));
        QCOMPARE(order.indexOf(u"9f8e7d6"_qs), 2);
        QCOMPARE(order.indexOf(u"nope"_qs), -1);
    }

    void aLaterLineCanComeFirst()
    {
        const LoadResult loaded = test::loadFixtures({ u"commits_out_of_order.jsonl"_qs });
        const TimingDataset& data = loaded.dataset;
        const OrderedFieldValues order
            = orderFieldValues(data, allRuns(data), data.fieldId(u"git_commit"_qs));
        // c2 is written first, but c1 ran a day earlier.
        QCOMPARE(order.values, (QStringList { u"c1"_qs, u"c2"_qs, u"c3"_qs }));
        QCOMPARE(order.runs[0], (std::vector<std::uint32_t> { 1, 3 }));
        QCOMPARE(order.runsWithoutValue, 1);
    }

    void anyFieldAndAnUnknownOne()
    {
        const LoadResult loaded = test::loadFixtures({ u"paired_10x2.jsonl"_qs });
        const TimingDataset& data = loaded.dataset;
        const OrderedFieldValues order = orderFieldValues(data, allRuns(data), TimingDataset::Model);
        QCOMPARE(order.values, (QStringList { u"openai_gpt4o"_qs, u"openai_gpt5"_qs }));
        QCOMPARE(orderFieldValues(data, allRuns(data), -1).values, QStringList());
    }
};

QTEST_GUILESS_MAIN(TestFieldOrder)
#include "tst_fieldorder.moc"
