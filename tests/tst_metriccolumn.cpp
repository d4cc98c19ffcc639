// MetricColumn: the values of one timing node across runs, sparse or dense; the
// header's promises: absent values read as NaN, finish() changes the storage and
// not the values, derived marks, append with an offset, truncate, forEach order.
#include "data/metriccolumn.h"

#include <QTest>
#include <cmath>
#include <limits>
#include <utility>
#include <vector>

using namespace te;

namespace {

using Values = std::vector<std::pair<std::uint32_t, double>>;

Values collect(const MetricColumn& column)
{
    Values seen;
    column.forEach([&](std::uint32_t run, double v) { seen.emplace_back(run, v); });
    return seen;
}

/// A column with a value on every `step`-th of `runs` runs (value: run + 0.5),
/// derived on every run divisible by 3, then finished.
MetricColumn makeColumn(std::uint32_t runs, std::uint32_t step)
{
    MetricColumn column;
    for (std::uint32_t run = 0; run < runs; run += step)
        column.set(run, run + 0.5, run % 3 == 0);
    column.finish(runs);
    return column;
}

} // namespace

class TestMetricColumn : public QObject
{
    Q_OBJECT

private slots:
    void absentValuesReadAsNaN()
    {
        MetricColumn column;
        QVERIFY(std::isnan(column.value(0)));
        QVERIFY(!column.has(0));
        QVERIFY(!column.isDerived(0));
        column.set(2, 1.5, false);
        QVERIFY(std::isnan(column.value(0)));
        QVERIFY(std::isnan(column.value(1)));
        QCOMPARE(column.value(2), 1.5);
        QVERIFY(column.has(2));
        QVERIFY(std::isnan(column.value(3)));
        QVERIFY(std::isnan(column.value(std::numeric_limits<std::uint32_t>::max())));
        QVERIFY(std::isnan(MetricColumn::missing()));
        QVERIFY(collect(MetricColumn()).empty());
    }

    // Rare and common nodes: the same values before and after finish() picks a storage.
    void finishKeepsEveryValue_data()
    {
        QTest::addColumn<std::uint32_t>("runs");
        QTest::addColumn<std::uint32_t>("step");
        QTest::addRow("every run") << 300u << 1u;
        QTest::addRow("every other run") << 300u << 2u;
        QTest::addRow("one run in a hundred") << 300u << 100u;
        QTest::addRow("one run") << 1u << 1u;
    }

    void finishKeepsEveryValue()
    {
        QFETCH(std::uint32_t, runs);
        QFETCH(std::uint32_t, step);
        MetricColumn building;
        for (std::uint32_t run = 0; run < runs; run += step)
            building.set(run, run + 0.5, run % 3 == 0);
        const MetricColumn finished = makeColumn(runs, step);
        Values expected;
        for (std::uint32_t run = 0; run < runs + 5; ++run) {
            const bool present = run < runs && run % step == 0;
            QCOMPARE(finished.has(run), present);
            QCOMPARE(building.has(run), present);
            if (present) {
                QCOMPARE(finished.value(run), run + 0.5);
                expected.emplace_back(run, run + 0.5);
            }
            QCOMPARE(finished.isDerived(run), present && run % 3 == 0);
        }
        QCOMPARE(collect(finished), expected);
        QCOMPARE(collect(building), expected);
    }

    void extremeValues()
    {
        MetricColumn column;
        column.set(0, 0.0, false);
        column.set(1, std::numeric_limits<double>::denorm_min(), false);
        column.set(2, 1e300, false);
        column.set(3, 86400.0 * 365 * 100, true); // a century, in seconds
        column.finish(4);
        QVERIFY(column.has(0)); // zero is a value, not an absence
        QCOMPARE(column.value(0), 0.0);
        QCOMPARE(column.value(1), std::numeric_limits<double>::denorm_min());
        QCOMPARE(column.value(2), 1e300);
        QCOMPARE(column.value(3), 86400.0 * 365 * 100);
        QVERIFY(column.isDerived(3));
    }

    void aRareValueAtAHugeRunIndex()
    {
        // Four billion runs with one value: the column must stay sparse, finish()
        // must not allocate a value per run.
        constexpr std::uint32_t last = 4'000'000'000u;
        MetricColumn column;
        column.set(5, 1.0, false);
        column.set(last, 2.0, true);
        column.finish(last + 1);
        QCOMPARE(column.value(5), 1.0);
        QCOMPARE(column.value(last), 2.0);
        QVERIFY(std::isnan(column.value(last - 1)));
        QVERIFY(column.isDerived(last));
        QCOMPARE(collect(column), (Values { { 5, 1.0 }, { last, 2.0 } }));
    }

    void aDenseColumnGrowsWhenRunsAreAdded()
    {
        // Follow mode keeps setting values after a finish().
        MetricColumn column = makeColumn(10, 1);
        column.set(12, 7.0, true);
        QVERIFY(std::isnan(column.value(10)));
        QVERIFY(std::isnan(column.value(11)));
        QCOMPARE(column.value(12), 7.0);
        QVERIFY(column.isDerived(12));
        column.finish(20);
        QCOMPARE(column.value(12), 7.0);
        QVERIFY(std::isnan(column.value(19)));
        QCOMPARE(column.value(9), 9.5);
    }

    // Every pairing of storages: append shifts the other's runs and derived marks.
    void appendShiftsByTheOffset_data()
    {
        QTest::addColumn<std::uint32_t>("stepA");
        QTest::addColumn<std::uint32_t>("stepB");
        QTest::addRow("dense + dense") << 1u << 1u;
        QTest::addRow("dense + sparse") << 1u << 50u;
        QTest::addRow("sparse + dense") << 50u << 1u;
        QTest::addRow("sparse + sparse") << 50u << 50u;
    }

    void appendShiftsByTheOffset()
    {
        QFETCH(std::uint32_t, stepA);
        QFETCH(std::uint32_t, stepB);
        constexpr std::uint32_t runsA = 100;
        constexpr std::uint32_t runsB = 100;
        constexpr std::uint32_t offset = runsA + 7; // seven runs between without this node
        MetricColumn column = makeColumn(runsA, stepA);
        const MetricColumn other = makeColumn(runsB, stepB);
        column.append(other, offset);
        column.finish(offset + runsB);
        for (std::uint32_t run = 0; run < offset + runsB + 3; ++run) {
            bool present = false;
            double expected = 0;
            bool derived = false;
            if (run < runsA) {
                present = run % stepA == 0;
                expected = run + 0.5;
                derived = present && run % 3 == 0;
            } else if (run >= offset && run < offset + runsB) {
                const std::uint32_t local = run - offset;
                present = local % stepB == 0;
                expected = local + 0.5;
                derived = present && local % 3 == 0;
            }
            QVERIFY2(column.has(run) == present, qPrintable(QString::number(run)));
            if (present)
                QCOMPARE(column.value(run), expected);
            QVERIFY2(column.isDerived(run) == derived, qPrintable(QString::number(run)));
        }
        // forEach still visits in run order.
        const Values seen = collect(column);
        for (std::size_t i = 1; i < seen.size(); ++i)
            QVERIFY(seen[i - 1].first < seen[i].first);
    }

    void appendToAnEmptyColumn()
    {
        MetricColumn column;
        column.append(makeColumn(4, 1), 10);
        column.finish(14);
        QVERIFY(std::isnan(column.value(9)));
        QCOMPARE(column.value(10), 0.5);
        QCOMPARE(column.value(13), 3.5);
        QVERIFY(column.isDerived(10));
        QVERIFY(!column.isDerived(11));
        QVERIFY(column.isDerived(13));
    }

    void truncateDropsLaterRuns_data()
    {
        QTest::addColumn<std::uint32_t>("step");
        QTest::addRow("dense") << 1u;
        QTest::addRow("sparse") << 10u;
    }

    void truncateDropsLaterRuns()
    {
        QFETCH(std::uint32_t, step);
        MetricColumn column = makeColumn(100, step);
        column.truncate(30);
        for (std::uint32_t run = 0; run < 100; ++run) {
            const bool present = run < 30 && run % step == 0;
            QVERIFY2(column.has(run) == present, qPrintable(QString::number(run)));
            QVERIFY2(column.isDerived(run) == (present && run % 3 == 0), qPrintable(QString::number(run)));
        }
        // A follower re-reads the changed tail: the removed runs take new values.
        column.set(30, 42.0, false);
        column.set(33, 43.0, false);
        column.finish(34);
        QCOMPARE(column.value(30), 42.0);
        QCOMPARE(column.value(33), 43.0);
        QVERIFY(!column.isDerived(30)); // the old mark went with the old value
        QVERIFY(!column.isDerived(33));
        QCOMPARE(column.value(0), 0.5);
        column.truncate(0);
        QVERIFY(collect(column).empty());
        QVERIFY(!column.isDerived(0));
    }
};

QTEST_APPLESS_MAIN(TestMetricColumn)
#include "tst_metriccolumn.moc"
