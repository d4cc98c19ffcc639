// DenseSeconds: the values of many runs, kept as 32-bit milliseconds while that is
// exact. The header's promise, checked bit for bit: every value reads back as the
// double that was set, whichever storage holds it, and a run never set reads NaN.
#include "data/denseseconds.h"

#include <QTest>
#include <bit>
#include <cmath>
#include <cstdint>
#include <random>
#include <vector>

using namespace te;

namespace {

bool sameBits(double a, double b)
{
    return std::bit_cast<std::uint64_t>(a) == std::bit_cast<std::uint64_t>(b);
}

/// Sets `values` on runs 0..n-1 of a fresh array and checks each reads back exactly.
void checkRoundTrip(const std::vector<double>& values, std::size_t expectedBytesPerRun)
{
    DenseSeconds array;
    array.resize(values.size());
    for (std::size_t run = 0; run < values.size(); ++run)
        array.set(run, values[run]);
    QCOMPARE(array.size(), values.size());
    for (std::size_t run = 0; run < values.size(); ++run) {
        if (std::isnan(values[run]))
            QVERIFY2(std::isnan(array[run]), qPrintable(QString::number(run)));
        else
            QVERIFY2(sameBits(array[run], values[run]), qPrintable(QString::number(values[run], 'g', 17)));
    }
    QCOMPARE(array.bytesPerRun(), expectedBytesPerRun);
}

} // namespace

class TestDenseSeconds : public QObject
{
    Q_OBJECT

private slots:
    void unsetRunsReadAsNaN()
    {
        DenseSeconds array;
        array.resize(3);
        array.set(1, 2.5);
        QVERIFY(std::isnan(array[0]));
        QCOMPARE(array[1], 2.5);
        QVERIFY(std::isnan(array[2]));
        array.set(1, DenseSeconds::missing());
        QVERIFY(std::isnan(array[1]));
    }

    // What timing records hold: three decimals, as parsed from text.
    void wholeMillisecondsTakeFourBytes()
    {
        std::mt19937 random(7);
        std::uniform_int_distribution<int> ms(0, 1999999999);
        std::vector<double> values;
        values.reserve(100004);
        for (int i = 0; i < 100000; ++i)
            values.push_back(
                std::strtod(QByteArray::number(ms(random) / 1000.0, 'f', 3).constData(), nullptr));
        values.push_back(0.0);
        values.push_back(0.001);
        values.push_back(1999999.999);
        values.push_back(-12.5); // negative values are refused by the loaders, not here
        checkRoundTrip(values, 4);
    }

    // Anything else turns the array into doubles, keeping what was set before.
    void otherValuesTurnTheArrayIntoDoubles_data()
    {
        QTest::addColumn<double>("value");
        QTest::addRow("microseconds") << 1.000001;
        QTest::addRow("a third") << 1.0 / 3.0;
        QTest::addRow("a unit conversion") << 1234.0 * 0.001 + 1e-13;
        QTest::addRow("beyond 24 days") << 3.0e6;
        QTest::addRow("huge") << 1e300;
        QTest::addRow("tiny") << 1e-300;
        QTest::addRow("negative zero") << -0.0;
        QTest::addRow("infinity") << HUGE_VAL;
    }

    void otherValuesTurnTheArrayIntoDoubles()
    {
        QFETCH(double, value);
        checkRoundTrip({ 1.5, 2.25, DenseSeconds::missing(), value, 7.125 }, 8);
    }

    void appendKeepsEveryValue()
    {
        DenseSeconds millis;
        millis.resize(2);
        millis.set(0, 1.5);
        DenseSeconds doubles;
        doubles.resize(2);
        doubles.set(1, 1.0 / 3.0);

        DenseSeconds both = millis;
        both.append(millis);
        QCOMPARE(both.bytesPerRun(), std::size_t { 4 });
        both.append(doubles);
        QCOMPARE(both.bytesPerRun(), std::size_t { 8 });
        both.append(millis);
        QCOMPARE(both.size(), std::size_t { 8 });
        const std::vector<double> expected { 1.5, NAN, 1.5, NAN, NAN, 1.0 / 3.0, 1.5, NAN };
        for (std::size_t run = 0; run < expected.size(); ++run) {
            if (std::isnan(expected[run]))
                QVERIFY(std::isnan(both[run]));
            else
                QVERIFY(sameBits(both[run], expected[run]));
        }
        both.resize(3);
        QCOMPARE(both.size(), std::size_t { 3 });
        QCOMPARE(both[2], 1.5);
    }
};

QTEST_APPLESS_MAIN(TestDenseSeconds)
#include "tst_denseseconds.moc"
