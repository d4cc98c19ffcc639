// Axes in time units: nice linear ticks in one unit, 1-2-5 log ticks labelled
// "10 s, 20 s, 50 s, 1 min", and round times of day.
#include "util/axisticks.h"
#include "util/timestampparser.h"
#include "util/timeunit.h"

#include <QTest>

using namespace te;

namespace {

QStringList labels(const std::vector<AxisTick>& ticks)
{
    QStringList out;
    for (const AxisTick& tick : ticks)
        out << tick.label;
    return out;
}

qint64 at(const char* iso)
{
    return parseTimestamp(iso).value();
}

} // namespace

class TestAxisTicks : public QObject
{
    Q_OBJECT

private slots:
    void unitFollowsMagnitude_data()
    {
        QTest::addColumn<double>("seconds");
        QTest::addColumn<QString>("formatted");
        QTest::addRow("ms") << 0.85 << u"850 ms"_qs;
        QTest::addRow("seconds") << 21.04 << u"21.0 s"_qs;
        QTest::addRow("seconds up to ten minutes") << 200.4 << u"200 s"_qs;
        QTest::addRow("minutes") << 1500.0 << u"25.0 min"_qs;
        QTest::addRow("hours") << 40000.0 << u"11.1 h"_qs;
    }
    void unitFollowsMagnitude()
    {
        QFETCH(double, seconds);
        QFETCH(QString, formatted);
        const TimeUnit unit = unitForMagnitude(seconds);
        QCOMPARE(formatInUnit(seconds, unit, decimalsForMagnitude(seconds, unit)), formatted);
    }

    void oneUnitForAColumn()
    {
        // The unit comes from the largest value, so 21 s and 200 s read alike.
        const TimeUnit unit = unitForMagnitude(200.4);
        QCOMPARE(formatInUnit(21.04, unit, 1), u"21.0 s"_qs);
        QCOMPARE(formatInUnit(200.4, unit, 1), u"200.4 s"_qs);
        QCOMPARE(formatInUnit(std::nan(""), unit, 1), QString());
    }

    void linearAxis_data()
    {
        QTest::addColumn<double>("lo");
        QTest::addColumn<double>("hi");
        QTest::addColumn<QStringList>("expected");
        QTest::addRow("0-150 s") << 0.0 << 150.0
                                 << QStringList { u"0 s"_qs, u"50 s"_qs, u"100 s"_qs, u"150 s"_qs };
        QTest::addRow("14.9-29.4 s") << 14.9 << 29.4
                                     << QStringList { u"10 s"_qs, u"15 s"_qs, u"20 s"_qs, u"25 s"_qs,
                                            u"30 s"_qs };
        QTest::addRow("minutes") << 0.0 << 1000.0
                                 << QStringList { u"0 min"_qs, u"5 min"_qs, u"10 min"_qs, u"15 min"_qs,
                                        u"20 min"_qs };
        QTest::addRow("milliseconds") << 0.0 << 0.25
                                      << QStringList { u"0 ms"_qs, u"50 ms"_qs, u"100 ms"_qs, u"150 ms"_qs,
                                             u"200 ms"_qs, u"250 ms"_qs };
        QTest::addRow("a step of 2.5")
            << 0.0 << 12.0
            << QStringList { u"0.0 s"_qs, u"2.5 s"_qs, u"5.0 s"_qs, u"7.5 s"_qs, u"10.0 s"_qs, u"12.5 s"_qs };
    }
    void linearAxis()
    {
        QFETCH(double, lo);
        QFETCH(double, hi);
        QFETCH(QStringList, expected);
        const ValueAxis axis = linearTimeAxis(lo, hi);
        QCOMPARE(labels(axis.ticks), expected);
        QVERIFY(axis.min <= lo && axis.max >= hi);
        QCOMPARE(axis.ticks.front().value, axis.min);
        QCOMPARE(axis.ticks.back().value, axis.max);
    }

    void linearAxisOfOneValue()
    {
        const ValueAxis axis = linearTimeAxis(20.0, 20.0);
        QVERIFY(axis.min < 20.0 && axis.max > 20.0);
        QVERIFY(axis.ticks.size() >= 3);
        const ValueAxis empty = linearTimeAxis(std::nan(""), std::nan(""));
        QCOMPARE(empty.min, 0.0);
        QCOMPARE(empty.max, 1.0);
    }

    void logAxis_data()
    {
        QTest::addColumn<double>("lo");
        QTest::addColumn<double>("hi");
        QTest::addColumn<QStringList>("expected");
        QTest::addRow("a paired report, 14.9-150 s")
            << 14.9 << 150.0 << QStringList { u"20 s"_qs, u"50 s"_qs, u"1 min"_qs, u"2 min"_qs };
        QTest::addRow("decades") << 0.5 << 2000.0
                                 << QStringList { u"500 ms"_qs, u"1 s"_qs, u"2 s"_qs, u"5 s"_qs, u"10 s"_qs,
                                        u"20 s"_qs, u"50 s"_qs, u"1 min"_qs, u"2 min"_qs, u"5 min"_qs,
                                        u"10 min"_qs, u"20 min"_qs, u"50 min"_qs };
        QTest::addRow("one model, 14.9-29.4 s: denser ticks")
            << 14.9 << 29.4 << QStringList { u"15 s"_qs, u"20 s"_qs, u"25 s"_qs, u"30 s"_qs };
        QTest::addRow("hours") << 3000.0 << 80000.0
                               << QStringList { u"50 min"_qs, u"1 h"_qs, u"2 h"_qs, u"5 h"_qs, u"10 h"_qs,
                                      u"20 h"_qs };
    }
    void logAxis()
    {
        QFETCH(double, lo);
        QFETCH(double, hi);
        QFETCH(QStringList, expected);
        const ValueAxis axis = logTimeAxis(lo, hi);
        QVERIFY(axis.logScale);
        QVERIFY(axis.min < lo && axis.max > hi);
        QStringList got = labels(axis.ticks);
        QCOMPARE(got, expected);
        for (const AxisTick& tick : axis.ticks)
            QVERIFY(tick.value >= axis.min && tick.value <= axis.max);
    }

    void logAxisNeverBelowZero()
    {
        const ValueAxis axis = logTimeAxis(0.0, 100.0);
        QVERIFY(axis.min > 0);
        QVERIFY(axis.ticks.size() >= 4);
    }

    void timeAxis_data()
    {
        QTest::addColumn<qint64>("lo");
        QTest::addColumn<qint64>("hi");
        QTest::addColumn<int>("maxTicks");
        QTest::addColumn<QStringList>("expected");
        QTest::addRow("two clusters a day apart")
            << at("2025-01-14T10:04:00Z") << at("2025-01-15T11:09:00Z") << 10
            << QStringList { u"Jan 14 12:00"_qs, u"15:00"_qs, u"18:00"_qs, u"21:00"_qs, u"Jan 15 00:00"_qs,
                   u"03:00"_qs, u"06:00"_qs, u"09:00"_qs };
        QTest::addRow("an afternoon") << at("2025-01-14T16:04:00Z") << at("2025-01-14T22:09:00Z") << 10
                                      << QStringList { u"Jan 14 17:00"_qs, u"18:00"_qs, u"19:00"_qs,
                                             u"20:00"_qs, u"21:00"_qs, u"22:00"_qs };
        QTest::addRow("a minute") << at("2025-01-14T10:00:03Z") << at("2025-01-14T10:01:00Z") << 10
                                  << QStringList { u"Jan 14 10:00:10"_qs, u"10:00:20"_qs, u"10:00:30"_qs,
                                         u"10:00:40"_qs, u"10:00:50"_qs, u"10:01:00"_qs };
        QTest::addRow("weeks") << at("2025-01-01T00:00:00Z") << at("2025-01-20T00:00:00Z") << 10
                               << QStringList { u"2025-01-01"_qs, u"2025-01-03"_qs, u"2025-01-05"_qs,
                                      u"2025-01-07"_qs, u"2025-01-09"_qs, u"2025-01-11"_qs, u"2025-01-13"_qs,
                                      u"2025-01-15"_qs, u"2025-01-17"_qs, u"2025-01-19"_qs };
        QTest::addRow("few ticks asked for") << at("2025-01-14T10:04:00Z") << at("2025-01-15T11:09:00Z") << 2
                                             << QStringList { u"2025-01-15"_qs };
    }
    void timeAxis()
    {
        QFETCH(qint64, lo);
        QFETCH(qint64, hi);
        QFETCH(int, maxTicks);
        QFETCH(QStringList, expected);
        QCOMPARE(labels(timeAxisTicks(lo, hi, maxTicks)), expected);
    }
};

QTEST_GUILESS_MAIN(TestAxisTicks)
#include "tst_axisticks.moc"
