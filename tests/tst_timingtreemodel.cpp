#include "groupstats.h"
#include "testsupport.h"
#include "timingtreemodel.h"

#include <QAbstractItemModelTester>
#include <QSortFilterProxyModel>

using namespace te;
using namespace te::test;

class TestTimingTreeModel : public QObject
{
    Q_OBJECT

    static std::shared_ptr<const TimingDataset> load(const QString& file)
    {
        return std::make_shared<const TimingDataset>(loadFixtures({ file }).dataset);
    }

private slots:
    void passesModelTester()
    {
        TimingTreeModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        auto data = load(u"seed_proposed.jsonl"_qs);
        model.setDataset(data, allRuns(*data));
        QSortFilterProxyModel proxy;
        proxy.setSortRole(TimingTreeModel::SortRole);
        QAbstractItemModelTester proxyTester(&proxy, QAbstractItemModelTester::FailureReportingMode::QtTest);
        proxy.setSourceModel(&model);
        proxy.sort(TimingTreeModel::SecondsColumn, Qt::DescendingOrder);
        // The slowest run comes first once sorted on the raw seconds.
        QCOMPARE(proxy.index(0, 0).data().toString(), u"SPUS55557"_qs);
        model.setDataset(load(u"parts_exceed_total.jsonl"_qs), { 0, 1, 2 });
        QCOMPARE(proxy.rowCount(), 3);
    }

    void runsPhasesAndItems()
    {
        TimingTreeModel model;
        auto data = load(u"seed_proposed.jsonl"_qs);
        model.setDataset(data, allRuns(*data));
        QCOMPARE(model.rowCount(), 3);
        const QModelIndex run = model.index(0, 0);
        QCOMPARE(run.data().toString(), u"SPUS55557"_qs);
        QCOMPARE(model.index(0, TimingTreeModel::SecondsColumn).data().toString(), u"50.4 s"_qs);
        QCOMPARE(model.rowCount(run), 2); // phase1, phase2
        const QModelIndex phase1 = model.index(0, 0, run);
        QCOMPARE(phase1.data().toString(), u"phase1"_qs);
        QCOMPARE(phase1.data(TimingTreeModel::PathRole).toString(), u"phase1"_qs);
        QCOMPARE(model.rowCount(phase1), 4); // setup, agent_conversation, file_write, capacity_update
        const QModelIndex conversation = model.index(1, 0, phase1);
        QCOMPARE(conversation.data().toString(), u"agent_conversation"_qs);
        QCOMPARE(conversation.siblingAtColumn(TimingTreeModel::SecondsColumn)
                     .data(TimingTreeModel::SortRole)
                     .toDouble(),
            33.2);
        QCOMPARE(conversation.siblingAtColumn(TimingTreeModel::ShareOfParentColumn).data().toString(),
            u"96.2 %"_qs);
        QCOMPARE(
            conversation.siblingAtColumn(TimingTreeModel::ShareOfRunColumn).data().toString(), u"65.9 %"_qs);
        QCOMPARE(
            phase1.siblingAtColumn(TimingTreeModel::AgentsColumn).data().toString(), u"matcher1, critic"_qs);
        QCOMPARE(model.parent(conversation), phase1);
        QCOMPARE(model.parent(phase1), run);
    }

    void derivedAndUnaccountedNodes()
    {
        TimingTreeModel model;
        auto data = load(u"seed_proposed.jsonl"_qs);
        model.setDataset(data, allRuns(*data));
        const QModelIndex derivedRun = model.index(2, TimingTreeModel::SecondsColumn);
        QVERIFY(derivedRun.data(TimingTreeModel::DerivedRole).toBool());
        QVERIFY(derivedRun.data().toString().endsWith(u"Σ"_qs));
        const QModelIndex second = model.index(1, 0);
        const QModelIndex phase1 = model.index(0, 0, second);
        QStringList children;
        for (int row = 0; row < model.rowCount(phase1); ++row)
            children << model.index(row, 0, phase1).data().toString();
        QCOMPARE(children, (QStringList { u"agent_conversation"_qs, u"file_write"_qs, u"(unaccounted)"_qs }));
    }
};

QTEST_GUILESS_MAIN(TestTimingTreeModel)
#include "tst_timingtreemodel.moc"
