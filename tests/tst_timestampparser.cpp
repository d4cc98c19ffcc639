#include "util/durationformat.h"
#include "util/timestampformat.h"
#include "util/timestampparser.h"

#include <QTest>
#include <cmath>

using namespace te;

class TestTimestampParser : public QObject
{
    Q_OBJECT
private slots:
    void parses_data()
    {
        QTest::addColumn<QByteArray>("text");
        QTest::addColumn<qint64>("ms");
        QTest::addRow("Z") << QByteArray("2025-01-14T10:30:00Z") << qint64(1736850600000);
        QTest::addRow("fraction") << QByteArray("2025-01-14T10:30:00.123Z") << qint64(1736850600123);
        QTest::addRow("microseconds") << QByteArray("2025-01-14T10:30:00.123456Z") << qint64(1736850600123);
        QTest::addRow("offset") << QByteArray("2025-01-14T12:30:00+02:00") << qint64(1736850600000);
        QTest::addRow("negative offset") << QByteArray("2025-01-14T05:00:00-0530") << qint64(1736850600000);
        QTest::addRow("no zone is UTC") << QByteArray("2025-01-14 10:30:00") << qint64(1736850600000);
        QTest::addRow("date only") << QByteArray("2025-01-14") << qint64(1736812800000);
        QTest::addRow("leap day") << QByteArray("2024-02-29T00:00:00Z") << qint64(1709164800000);
        QTest::addRow("epoch seconds") << QByteArray("1736850600") << qint64(1736850600000);
        QTest::addRow("epoch fraction") << QByteArray("1736850600.25") << qint64(1736850600250);
    }

    void parses()
    {
        QFETCH(QByteArray, text);
        QFETCH(qint64, ms);
        const auto parsed = parseTimestamp({ text.constData(), static_cast<std::size_t>(text.size()) });
        QVERIFY(parsed);
        QCOMPARE(*parsed, ms);
    }

    void rejects_data()
    {
        QTest::addColumn<QByteArray>("text");
        for (const char* bad : { "", "yesterday", "2025-13-01", "2025-02-30", "2025-01-14T25:00:00Z",
                 "2025-01-14T10:30:00Zjunk", "2025", "2025-01-14T10", "12345", "2025-01-14T10:30:00+2" })
            QTest::addRow("%s", bad) << QByteArray(bad);
    }

    void rejects()
    {
        QFETCH(QByteArray, text);
        QVERIFY(!parseTimestamp({ text.constData(), static_cast<std::size_t>(text.size()) }));
    }

    void largeEpochNumbersAreMilliseconds()
    {
        QCOMPARE(*timestampFromEpochSeconds(1736850600.5), qint64(1736850600500));
        QCOMPARE(*timestampFromEpochSeconds(1736850600123.0), qint64(1736850600123));
        QVERIFY(!timestampFromEpochSeconds(std::nan("")));
    }

    void formatsRoundTrip()
    {
        QCOMPARE(formatTimestampIso(1736850600123), u"2025-01-14T10:30:00.123Z"_qs);
        QCOMPARE(formatTimestampIso(0), u"1970-01-01T00:00:00.000Z"_qs);
        QCOMPARE(formatTimestampIso(-1000), u"1969-12-31T23:59:59.000Z"_qs);
    }

    void durationsReadLikePeopleWrite()
    {
        QCOMPARE(formatDuration(0.85), u"850 ms"_qs);
        QCOMPARE(formatDuration(12.4), u"12.4 s"_qs);
        QCOMPARE(formatDuration(3.456), u"3.46 s"_qs);
        QCOMPARE(formatDuration(125), u"2 min 05 s"_qs);
        QCOMPARE(formatDuration(3720), u"1 h 02 min"_qs);
        QCOMPARE(formatPercent(0.421), u"42.1 %"_qs);
        QVERIFY(formatDuration(std::nan("")).isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestTimestampParser)
#include "tst_timestampparser.moc"
