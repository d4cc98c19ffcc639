// AbPartsModel: the "where did B's extra time go" table. Formatted text for people,
// numbers for sorting, headers naming the groups; a QAbstractItemModelTester stays
// attached across every reset.
#include "data/timingdataset.h"
#include "models/abpartsmodel.h"
#include "models/totallastproxymodel.h"
#include "testsupport.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <cmath>

using namespace te;
using namespace te::test;

namespace {

AbComparison::PartDelta part(const QString& path, int depth, double a, double b)
{
    AbComparison::PartDelta p;
    p.path = path;
    p.depth = depth;
    p.medianA = a;
    p.medianB = b;
    p.valueA = a;
    p.valueB = b;
    p.delta = b - a;
    return p;
}

/// fast against slow, by hand: phase1 and two of its items, phase2, a node only B has.
AbComparison handMade()
{
    AbComparison c;
    c.labelA = u"fast"_qs;
    c.labelB = u"slow"_qs;
    c.metric = u"total"_qs;
    c.parts = {
        part(u"phase1"_qs, 1, 10.0, 15.0),
        part(u"phase1/agent_conversation"_qs, 2, 8.0, 14.0),
        part(u"phase1/agent_conversation/étape"_qs, 3, 0.25, 0.2),
        part(u"phase2"_qs, 1, 4.0, 4.0),
        part(u"phase3"_qs, 1, std::nan(""), 2.0),
        part(u"phase4"_qs, 1, 0.0, 1.5),
    };
    return c;
}

} // namespace

class TestAbPartsModel : public QObject
{
    Q_OBJECT

    static QString text(const AbPartsModel& model, int row, int column)
    {
        return model.index(row, column).data().toString();
    }

    static QVariant sortValue(const AbPartsModel& model, int row, int column)
    {
        return model.index(row, column).data(AbPartsModel::SortRole);
    }

private slots:
    void anEmptyModel()
    {
        AbPartsModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);
        QCOMPARE(model.rowCount(), 0);
        QCOMPARE(model.columnCount(), int(AbPartsModel::ColumnCount));
        QCOMPARE(model.headerData(AbPartsModel::Node, Qt::Horizontal).toString(), u"node"_qs);
    }

    void headersNameTheGroups()
    {
        AbPartsModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);
        model.setComparison(handMade());
        QStringList headers;
        for (int c = 0; c < model.columnCount(); ++c)
            headers << model.headerData(c, Qt::Horizontal).toString();
        QCOMPARE(headers,
            (QStringList { u"node"_qs, u"median A (fast)"_qs, u"median B (slow)"_qs, u"B − A"_qs,
                u"ratio of median"_qs }));
        QVERIFY(!model.headerData(0, Qt::Vertical).isValid());
        QVERIFY(!model.headerData(AbPartsModel::Node, Qt::Horizontal, Qt::ToolTipRole).isValid());
    }

    void cellsAreFormattedForPeople()
    {
        AbPartsModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);
        model.setComparison(handMade());
        QCOMPARE(model.rowCount(), 6);
        // Depth shows as indentation, the name as its last segment.
        QCOMPARE(text(model, 0, AbPartsModel::Node), u"phase1"_qs);
        QCOMPARE(text(model, 1, AbPartsModel::Node), u"  agent_conversation"_qs);
        QCOMPARE(text(model, 2, AbPartsModel::Node), u"    étape"_qs);
        QCOMPARE(text(model, 0, AbPartsModel::ValueA), u"10.0 s"_qs);
        QCOMPARE(text(model, 0, AbPartsModel::ValueB), u"15.0 s"_qs);
        QCOMPARE(text(model, 0, AbPartsModel::Delta), u"+5.00 s"_qs); // slower is signed
        QCOMPARE(text(model, 0, AbPartsModel::Ratio), u"1.50×"_qs);
        QCOMPARE(text(model, 1, AbPartsModel::Ratio), u"1.75×"_qs);
        // Faster: a minus sign, no plus.
        QCOMPARE(text(model, 2, AbPartsModel::ValueA), u"250 ms"_qs);
        QCOMPARE(text(model, 2, AbPartsModel::Delta), u"−50 ms"_qs);
        QCOMPARE(text(model, 2, AbPartsModel::Ratio), u"0.80×"_qs);
        // No change: no sign.
        QCOMPARE(text(model, 3, AbPartsModel::Delta), u"0.0 ms"_qs);
        QCOMPARE(text(model, 3, AbPartsModel::Ratio), u"1.00×"_qs);
        // A node A does not have: no median, no difference, no ratio.
        QCOMPARE(text(model, 4, AbPartsModel::ValueA), QString());
        QCOMPARE(text(model, 4, AbPartsModel::ValueB), u"2.00 s"_qs);
        QCOMPARE(text(model, 4, AbPartsModel::Delta), QString());
        QCOMPARE(text(model, 4, AbPartsModel::Ratio), QString());
        // A zero median in A: no ratio rather than infinity.
        QCOMPARE(text(model, 5, AbPartsModel::Ratio), QString());
        QCOMPARE(text(model, 5, AbPartsModel::Delta), u"+1.50 s"_qs);
    }

    void sortRoleIsTheNumber()
    {
        AbPartsModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);
        model.setComparison(handMade());
        QCOMPARE(sortValue(model, 1, AbPartsModel::Node).toString(), u"phase1/agent_conversation"_qs);
        QCOMPARE(sortValue(model, 1, AbPartsModel::ValueA).toDouble(), 8.0);
        QCOMPARE(sortValue(model, 1, AbPartsModel::ValueB).toDouble(), 14.0);
        QCOMPARE(sortValue(model, 1, AbPartsModel::Delta).toDouble(), 6.0);
        QCOMPARE(sortValue(model, 1, AbPartsModel::Ratio).toDouble(), 14.0 / 8.0);
        QCOMPARE(sortValue(model, 2, AbPartsModel::Delta).toDouble(), 0.2 - 0.25);
        QVERIFY(std::isnan(sortValue(model, 4, AbPartsModel::Ratio).toDouble()));
        QVERIFY(std::isnan(sortValue(model, 5, AbPartsModel::Ratio).toDouble()));
    }

    void tooltipAndAlignment()
    {
        AbPartsModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);
        model.setComparison(handMade());
        // The full path, since the cell shows only the last segment.
        QCOMPARE(model.index(2, AbPartsModel::Node).data(Qt::ToolTipRole).toString(),
            u"phase1/agent_conversation/étape"_qs);
        QCOMPARE(model.index(2, AbPartsModel::Delta).data(Qt::ToolTipRole).toString(),
            u"phase1/agent_conversation/étape"_qs);
        // Numbers align right, names left.
        for (int c = AbPartsModel::ValueA; c < AbPartsModel::ColumnCount; ++c) {
            const auto alignment = model.index(0, c).data(Qt::TextAlignmentRole).value<Qt::Alignment>();
            QVERIFY2(alignment & Qt::AlignRight, qPrintable(QString::number(c)));
        }
        QVERIFY(!(model.index(0, AbPartsModel::Node).data(Qt::TextAlignmentRole).value<Qt::Alignment>()
            & Qt::AlignRight));
        QVERIFY(!model.data(QModelIndex()).isValid());
    }

    void everyResetIsAWholeNewTable()
    {
        AbPartsModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);
        QSignalSpy resets(&model, &QAbstractItemModel::modelReset);
        model.setComparison(handMade());
        QCOMPARE(model.rowCount(), 6);

        AbComparison fewer;
        fewer.labelA = u"m1"_qs;
        fewer.labelB = u"m2"_qs;
        fewer.parts = { part(u"phase2"_qs, 1, 1.0, 3.0) };
        model.setComparison(fewer);
        QCOMPARE(model.rowCount(), 1);
        QCOMPARE(text(model, 0, AbPartsModel::Node), u"phase2"_qs);
        QCOMPARE(text(model, 0, AbPartsModel::Ratio), u"3.00×"_qs);
        QCOMPARE(model.headerData(AbPartsModel::ValueA, Qt::Horizontal).toString(), u"median A (m1)"_qs);

        model.setComparison(AbComparison {});
        QCOMPARE(model.rowCount(), 0);
        QCOMPARE(model.headerData(AbPartsModel::ValueB, Qt::Horizontal).toString(), u"median B ()"_qs);

        model.setComparison(handMade());
        QCOMPARE(model.rowCount(), 6);
        QCOMPARE(resets.count(), 4);
    }

    void aComparisonOfTheFixture()
    {
        // stats_groups.jsonl: numpy gives the medians of phase1, fast 10.871 and slow 17.625.
        const LoadResult r = loadFixtures({ u"stats_groups.jsonl"_qs });
        const TimingDataset& d = r.dataset;
        AbPartsModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);
        model.setComparison(compareGroups(d, te::test::runsOfModel(d, u"fast"_qs),
            te::test::runsOfModel(d, u"slow"_qs), TimingDataset::kRootMetric, u"fast"_qs, u"slow"_qs));
        QCOMPARE(model.rowCount(), 3); // phase1, phase2, the total
        QCOMPARE(text(model, 0, AbPartsModel::Node), u"phase1"_qs);
        QCOMPARE(sortValue(model, 0, AbPartsModel::ValueA).toDouble(), 10.871);
        QCOMPARE(sortValue(model, 0, AbPartsModel::ValueB).toDouble(), 17.625);
        QCOMPARE(text(model, 0, AbPartsModel::Delta), u"+6.75 s"_qs);
        QCOMPARE(text(model, 0, AbPartsModel::Ratio), u"1.62×"_qs); // 17.625 / 10.871 = 1.6213
        QCOMPARE(text(model, 1, AbPartsModel::Node), u"phase2"_qs);
        // The total row: the metric's own medians, numpy 17.04 and 28.873.
        QCOMPARE(text(model, 2, AbPartsModel::Node), u"total"_qs);
        QVERIFY(model.index(2, AbPartsModel::Node).data(AbPartsModel::TotalRole).toBool());
        QVERIFY(!model.index(1, AbPartsModel::Node).data(AbPartsModel::TotalRole).toBool());
        QCOMPARE(sortValue(model, 2, AbPartsModel::ValueA).toDouble(), 17.04);
        QCOMPARE(sortValue(model, 2, AbPartsModel::ValueB).toDouble(), 28.873);
        QCOMPARE(sortValue(model, 2, AbPartsModel::Delta).toDouble(), 28.873 - 17.04);
    }

    void theStatisticNamesTheColumns()
    {
        // paired_10x3.jsonl, numpy.percentile(..., 95): phase1 of openai_gpt4o 21.04165,
        // of anthropic_claude 13.3413; totals 30.94355 and 19.6201.
        const LoadResult r = loadFixtures({ u"paired_10x3.jsonl"_qs });
        const TimingDataset& d = r.dataset;
        AbPartsModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);
        model.setComparison(compareGroups(d, te::test::runsOfModel(d, u"openai_gpt4o"_qs),
            te::test::runsOfModel(d, u"anthropic_claude"_qs), TimingDataset::kRootMetric, u"gpt4o"_qs,
            u"claude"_qs, Statistic::P95));
        QCOMPARE(model.headerData(AbPartsModel::ValueA, Qt::Horizontal).toString(), u"P95 A (gpt4o)"_qs);
        QCOMPARE(model.headerData(AbPartsModel::ValueB, Qt::Horizontal).toString(), u"P95 B (claude)"_qs);
        QCOMPARE(model.headerData(AbPartsModel::Ratio, Qt::Horizontal).toString(), u"ratio of P95"_qs);
        QCOMPARE(text(model, 0, AbPartsModel::Node), u"phase1"_qs);
        QCOMPARE(sortValue(model, 0, AbPartsModel::ValueA).toDouble(), 21.04165);
        QCOMPARE(sortValue(model, 0, AbPartsModel::ValueB).toDouble(), 13.3413);
        const int last = model.rowCount() - 1;
        QCOMPARE(sortValue(model, last, AbPartsModel::ValueA).toDouble(), 30.94355);
        QCOMPARE(sortValue(model, last, AbPartsModel::ValueB).toDouble(), 19.6201);
        QCOMPARE(text(model, last, AbPartsModel::Ratio), u"0.63×"_qs); // 19.6201 / 30.94355 = 0.634
    }

    void theTotalRowStaysLastUnderSorting_data()
    {
        QTest::addColumn<int>("column");
        QTest::addColumn<Qt::SortOrder>("order");
        for (int c = 0; c < AbPartsModel::ColumnCount; ++c) {
            QTest::addRow("column %d ascending", c) << c << Qt::AscendingOrder;
            QTest::addRow("column %d descending", c) << c << Qt::DescendingOrder;
        }
    }

    void theTotalRowStaysLastUnderSorting()
    {
        QFETCH(int, column);
        QFETCH(Qt::SortOrder, order);
        // The total (28.873 − 17.04 = 11.8 s) is larger than every part's delta, and
        // "total" sorts after "phase…": an ordinary sort would put it first one way.
        const LoadResult r = loadFixtures({ u"stats_groups.jsonl"_qs });
        const TimingDataset& d = r.dataset;
        AbPartsModel model;
        TotalLastProxyModel proxy(AbPartsModel::TotalRole);
        proxy.setSourceModel(&model);
        proxy.setSortRole(AbPartsModel::SortRole);
        QAbstractItemModelTester tester(&proxy, QAbstractItemModelTester::FailureReportingMode::Fatal);
        model.setComparison(compareGroups(d, te::test::runsOfModel(d, u"fast"_qs),
            te::test::runsOfModel(d, u"slow"_qs), TimingDataset::kRootMetric, u"fast"_qs, u"slow"_qs));
        proxy.sort(column, order);
        const int last = proxy.rowCount() - 1;
        QCOMPARE(last, 2);
        QCOMPARE(proxy.index(last, AbPartsModel::Node).data().toString(), u"total"_qs);
        QVERIFY(proxy.index(last, AbPartsModel::Node).data(AbPartsModel::TotalRole).toBool());
        // The parts are still sorted among themselves.
        const double first = proxy.index(0, AbPartsModel::Delta).data(AbPartsModel::SortRole).toDouble();
        const double second = proxy.index(1, AbPartsModel::Delta).data(AbPartsModel::SortRole).toDouble();
        if (column == AbPartsModel::Delta)
            QVERIFY(order == Qt::AscendingOrder ? first <= second : first >= second);
    }
};

QTEST_GUILESS_MAIN(TestAbPartsModel)
#include "tst_abpartsmodel.moc"
