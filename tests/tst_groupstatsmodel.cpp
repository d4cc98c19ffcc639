// The stats table beside a chart: a column per statistic of the table, under the
// window's labels, rough percentiles marked, and the TSV a spreadsheet pastes.
#include "models/groupstatsmodel.h"
#include "stats/chartdata.h"
#include "testsupport.h"

#include <QAbstractItemModelTester>

using namespace te;
using namespace te::test;

namespace {

ChartData chartOfOneGroup(bool withTarget)
{
    ChartGroup group;
    group.label = u"fast"_qs;
    group.summary.n = 12;
    group.summary.mean = 2;
    group.summary.median = 3;
    group.summary.p90 = 4;
    group.summary.p95 = 5;
    group.summary.p99 = 6;
    group.summary.min = 1;
    group.summary.max = 6.1;
    group.summary.stddev = 0.5;
    group.shareUnderTarget = 0.25;
    group.statistic = { 3, 2.5, 3.75, 2000 };
    ChartData chart;
    chart.groups.push_back(group);
    if (withTarget)
        chart.request.targetSeconds = 30;
    return chart;
}

QStringList headers(const GroupStatsModel& model)
{
    QStringList names;
    for (int c = 0; c < model.columnCount(); ++c)
        names << model.headerData(c, Qt::Horizontal).toString();
    return names;
}

} // namespace

class TestGroupStatsModel : public QObject
{
    Q_OBJECT
private slots:
    void columnsFollowTheStatistics()
    {
        GroupStatsModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setChart(chartOfOneGroup(false));
        QCOMPARE(
            headers(model).join(u'|'), u"group|n|mean|median|P90|P95|P99|min|max|stddev|median 95 % CI"_qs);
        QCOMPARE(model.index(0, GroupStatsModel::Interval).data().toString(), u"2.50 – 3.75 s"_qs);
        model.setChart(chartOfOneGroup(true));
        QCOMPARE(headers(model).last(), u"≤ target"_qs);
        QCOMPARE(model.columnCount(), GroupStatsModel::ColumnCount);
        for (const StatisticInfo& statistic : allStatistics()) {
            const QModelIndex cell = model.index(0, GroupStatsModel::columnOf(statistic.id));
            QCOMPARE(cell.data(GroupStatsModel::SortRole).toDouble(),
                statistic.value(chartOfOneGroup(true).groups[0].summary));
        }
    }

    void roughPercentilesAreMarked()
    {
        GroupStatsModel model;
        model.setChart(chartOfOneGroup(false));
        const auto cell
            = [&](Statistic statistic) { return model.index(0, GroupStatsModel::columnOf(statistic)); };
        QCOMPARE(cell(Statistic::N).data().toString(), u"12"_qs);
        QVERIFY(!cell(Statistic::P90).data(GroupStatsModel::UnreliableRole).toBool());
        QVERIFY(cell(Statistic::P95).data(GroupStatsModel::UnreliableRole).toBool());
        QVERIFY(cell(Statistic::P99).data().toString().startsWith(u"≈ "_qs));
        QVERIFY(!cell(Statistic::Max).data().toString().startsWith(u"≈"_qs));
        QCOMPARE(cell(Statistic::P99).data(Qt::ToolTipRole).toString(),
            u"P99 ≈ max with n=12: too few runs for this percentile to mean much"_qs);
    }

    // One unit a column, chosen by its largest value: never "21.8 s" above
    // "2 min 30 s", which read alike only to someone converting in their head.
    void eachColumnHasOneUnit()
    {
        ChartData chart = chartOfOneGroup(false);
        chart.groups[0].summary.median = 21.75;
        chart.groups[0].summary.max = 29.4;
        ChartGroup slow = chart.groups[0];
        slow.label = u"slow"_qs;
        slow.summary.median = 91.75;
        slow.summary.max = 150.2;
        slow.summary.mean = 1500; // a column reaching minutes turns to minutes
        chart.groups.push_back(slow);
        GroupStatsModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setChart(chart);
        const auto text = [&](int row, Statistic statistic) {
            return model.index(row, GroupStatsModel::columnOf(statistic)).data().toString();
        };
        QCOMPARE(text(0, Statistic::Median), u"21.8 s"_qs);
        QCOMPARE(text(1, Statistic::Median), u"91.8 s"_qs);
        QCOMPARE(text(0, Statistic::Max), u"29.4 s"_qs);
        QCOMPARE(text(1, Statistic::Max), u"150.2 s"_qs);
        QCOMPARE(text(0, Statistic::Mean), u"0.033 min"_qs); // 2 s keeps two digits
        QCOMPARE(text(1, Statistic::Mean), u"25.000 min"_qs);
        QCOMPARE(text(0, Statistic::N), u"12"_qs);
    }

    void copiesAsTsv()
    {
        GroupStatsModel model;
        model.setChart(chartOfOneGroup(true));
        QCOMPARE(model.toTsv(),
            u"group\tn\tmean\tmedian\tP90\tP95\tP99\tmin\tmax\tstddev\tmedian 95 % CI low\t"
            "median 95 % CI high\t≤ target\n"
            "fast\t12\t2.000\t3.000\t4.000\t5.000\t6.000\t1.000\t6.100\t0.500\t2.500\t3.750\t0.2500\n"_qs);
    }
};

QTEST_GUILESS_MAIN(TestGroupStatsModel)
#include "tst_groupstatsmodel.moc"
