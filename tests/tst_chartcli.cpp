// `chart -o OUT.json` writes the data a chart draws, for every kind, so that a
// script can check what the picture shows: here on a 10-registration x 2-model report.
#include "clisupport.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

using te::test::runCli;

class TestChartCli : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;

    QJsonObject chartJson(
        const QStringList& options, const QString& input = QFINDTESTDATA("data/paired_10x2.jsonl"))
    {
        const QString out = m_dir.filePath(u"chart.json"_qs);
        const te::test::CliRun r = runCli(QStringList { u"chart"_qs, input, u"-o"_qs, out } + options);
        if (r.exitCode != 0)
            qWarning("%s", qPrintable(r.err));
        QFile file(out);
        return file.open(QIODevice::ReadOnly) ? QJsonDocument::fromJson(file.readAll()).object()
                                              : QJsonObject();
    }

private slots:
    void everyKindWritesItsData_data()
    {
        QTest::addColumn<QString>("kind");
        QTest::addColumn<QString>("key");
        QTest::addRow("box") << u"box"_qs << u"points"_qs;
        QTest::addRow("bar") << u"bar"_qs << u"bar"_qs;
        QTest::addRow("stacked") << u"stacked"_qs << u"parts"_qs;
        QTest::addRow("histogram") << u"histogram"_qs << u"bins"_qs;
        QTest::addRow("trend") << u"trend"_qs << u"trend"_qs;
        QTest::addRow("ecdf") << u"ecdf"_qs << u"ecdf"_qs;
    }
    void everyKindWritesItsData()
    {
        QFETCH(QString, kind);
        QFETCH(QString, key);
        const QJsonObject chart = chartJson({ u"--kind"_qs, kind, u"--group-by"_qs, u"model"_qs });
        QCOMPARE(chart.value(u"kind"_qs).toString(), kind);
        const QJsonArray groups = chart.value(u"groups"_qs).toArray();
        QCOMPARE(groups.size(), 2);
        QCOMPARE(groups[0].toObject().value(u"name"_qs).toString(), u"openai_gpt4o"_qs);
        QCOMPARE(groups[0].toObject().value(u"n"_qs).toInt(), 10);
        QVERIFY2(groups[0].toObject().contains(key), qPrintable(key));
        QVERIFY(chart.value(u"value_axis"_qs).toObject().value(u"ticks"_qs).toArray().size() >= 4);
    }

    void boxPointsNameTheirRegistrations()
    {
        const QJsonObject chart = chartJson({ u"--kind"_qs, u"box"_qs });
        const QJsonObject fast = chart.value(u"groups"_qs).toArray()[0].toObject();
        const QJsonArray points = fast.value(u"points"_qs).toArray();
        QCOMPARE(points.size(), 10);
        QCOMPARE(points[0].toObject().value(u"registration_id"_qs).toString(), u"SPUS63654"_qs);
        QCOMPARE(points[0].toObject().value(u"value"_qs).toDouble(), 14.9);
        QCOMPARE(fast.value(u"box"_qs).toObject().value(u"median"_qs).toDouble(), 21.75);
    }

    void logAxisTicksInTimeUnits()
    {
        const QJsonObject axis
            = chartJson({ u"--kind"_qs, u"box"_qs, u"--log"_qs }).value(u"value_axis"_qs).toObject();
        QCOMPARE(axis.value(u"scale"_qs).toString(), u"log"_qs);
        QStringList labels;
        for (const auto& tick : axis.value(u"ticks"_qs).toArray())
            labels << tick.toObject().value(u"label"_qs).toString();
        QCOMPARE(labels, (QStringList { u"20 s"_qs, u"50 s"_qs, u"1 min"_qs, u"2 min"_qs }));
    }

    void pairedReportsEveryRegistrationWithItsRatio()
    {
        const QJsonObject chart = chartJson({ u"--kind"_qs, u"paired"_qs });
        const QJsonArray pairs = chart.value(u"pairs"_qs).toArray();
        QCOMPARE(pairs.size(), 10);
        const QJsonObject first = pairs[0].toObject();
        QCOMPARE(first.value(u"registration_id"_qs).toString(), u"SPUS55557"_qs);
        QCOMPARE(first.value(u"values"_qs).toObject().value(u"openai_gpt5"_qs).toDouble(), 150.2);
        QCOMPARE(first.value(u"ratio"_qs).toDouble(), 150.2 / 21.1);
        for (qsizetype i = 1; i < pairs.size(); ++i)
            QVERIFY(pairs[i - 1].toObject().value(u"ratio"_qs).toDouble()
                >= pairs[i].toObject().value(u"ratio"_qs).toDouble());
    }

    void compositionInPercentAndTheIntervalOfEveryGroup()
    {
        const QJsonObject chart = chartJson({ u"--kind"_qs, u"stacked"_qs, u"--percent"_qs });
        QCOMPARE(chart.value(u"value_axis"_qs).toObject().value(u"unit"_qs).toString(), u"%"_qs);
        for (const QJsonValue group : chart.value(u"groups"_qs).toArray()) {
            double sum = 0;
            for (const QJsonValue part : group.toObject().value(u"parts"_qs).toArray())
                sum += part.toObject().value(u"percent"_qs).toDouble();
            QCOMPARE(sum, 100.0);
            const QJsonObject statistic = group.toObject().value(u"statistic"_qs).toObject();
            QCOMPARE(statistic.value(u"name"_qs).toString(), u"median"_qs);
            QVERIFY(statistic.value(u"ci_low"_qs).toDouble() <= statistic.value(u"value"_qs).toDouble());
            QVERIFY(statistic.value(u"value"_qs).toDouble() <= statistic.value(u"ci_high"_qs).toDouble());
        }
        QCOMPARE(chart.value(u"groups"_qs)
                     .toArray()[0]
                     .toObject()
                     .value(u"statistic"_qs)
                     .toObject()
                     .value(u"value"_qs)
                     .toDouble(),
            21.75); // numpy: the fast model's median
    }

    // Two clusters of runs a day apart: the day between is one compressed gap.
    // (--x and -x are the same option; the help spells it -x.)
    void trendXAxisOfTimeOrderOrField_data()
    {
        QTest::addColumn<QString>("x");
        QTest::addColumn<QString>("mode");
        QTest::addColumn<int>("gaps");
        QTest::addColumn<QString>("firstLabel");
        QTest::addRow("time") << u"time"_qs << u"time"_qs << 1 << u"Mar 4 10:00"_qs;
        QTest::addRow("order") << u"order"_qs << u"order"_qs << 0 << u"5"_qs;
        QTest::addRow("git_commit") << u"git_commit"_qs << u"field"_qs << 0 << u"c857d44"_qs;
    }
    void trendXAxisOfTimeOrderOrField()
    {
        QFETCH(QString, x);
        QFETCH(QString, mode);
        QFETCH(int, gaps);
        QFETCH(QString, firstLabel);
        const QJsonObject chart = chartJson(
            { u"--kind"_qs, u"trend"_qs, u"--x"_qs, x }, QFINDTESTDATA("data/trend_two_days.jsonl"));
        const QJsonObject axis = chart.value(u"x_axis"_qs).toObject();
        QCOMPARE(axis.value(u"mode"_qs).toString(), mode);
        QCOMPARE(axis.value(u"field"_qs).toString(), mode == u"field"_qs ? x : QString());
        QCOMPARE(axis.value(u"missing"_qs).toInt(), 0);
        const QJsonArray ticks = axis.value(u"ticks"_qs).toArray();
        QVERIFY(ticks.size() >= 3);
        QCOMPARE(ticks[0].toObject().value(u"label"_qs).toString(), firstLabel);
        const QJsonArray gapList = axis.value(u"gaps"_qs).toArray();
        QCOMPARE(gapList.size(), gaps);
        if (gaps == 1) {
            QCOMPARE(gapList[0].toObject().value(u"from"_qs).toString(), u"2025-03-04T10:27:00.000Z"_qs);
            QCOMPARE(gapList[0].toObject().value(u"to"_qs).toString(), u"2025-03-05T10:00:00.000Z"_qs);
        }
        // Every point has its x within the axis, its time and its registration.
        const QJsonArray points
            = chart.value(u"groups"_qs).toArray()[0].toObject().value(u"trend"_qs).toArray();
        QCOMPARE(points.size(), 10);
        QJsonObject first; // the first run of the file
        for (const QJsonValue p : points) {
            if (p.toObject().value(u"registration_id"_qs).toString() == u"SPUS50000"_qs)
                first = p.toObject();
        }
        QVERIFY(!first.isEmpty());
        QCOMPARE(first.value(u"time"_qs).toString(), u"2025-03-04T10:00:00.000Z"_qs);
        // A field's runs spread over a strip around their category.
        QVERIFY(std::abs(first.value(u"x"_qs).toDouble() - (mode == u"order"_qs ? 1.0 : 0.0))
            <= (mode == u"field"_qs ? 0.15 : 0.0));
        for (const QJsonValue p : points) {
            const double at = p.toObject().value(u"x"_qs).toDouble();
            QVERIFY(at >= axis.value(u"min"_qs).toDouble() && at <= axis.value(u"max"_qs).toDouble());
        }
    }

    void anUnknownTrendXIsAUsageError()
    {
        const te::test::CliRun r = runCli({ u"chart"_qs, QFINDTESTDATA("data/trend_two_days.jsonl"),
            u"--kind"_qs, u"trend"_qs, u"--x"_qs, u"gitcommit"_qs, u"-o"_qs, m_dir.filePath(u"x.json"_qs) });
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(r.err.contains(u"git_commit"_qs), qPrintable(r.err)); // the fields it could be
    }

    void theHelpNamesTheXAxes()
    {
        const te::test::CliRun r = runCli({ u"chart"_qs, u"--help"_qs });
        QVERIFY2(QString(r.out + r.err).contains(u"-x <AXIS>"_qs), qPrintable(r.out));
    }

    void aWrongSuffixIsAUsageError()
    {
        const te::test::CliRun r = runCli({ u"chart"_qs, QFINDTESTDATA("data/paired_10x2.jsonl"), u"-o"_qs,
            m_dir.filePath(u"chart.txt"_qs) });
        QCOMPARE(r.exitCode, 2);
        QVERIFY(r.err.contains(u".png, .svg or .json"_qs));
    }
};

QTEST_GUILESS_MAIN(TestChartCli)
#include "tst_chartcli.moc"
