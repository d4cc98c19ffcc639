#include "query/runfilter.h"
#include "testsupport.h"

using namespace te;
using namespace te::test;

class TestRunFilter : public QObject
{
    Q_OBJECT
private slots:
    void expressions_data()
    {
        QTest::addColumn<QStringList>("filters");
        QTest::addColumn<QStringList>("expectedIds");
        QTest::addRow("field equals")
            << QStringList { u"model=zai_glm4_5_air"_qs } << QStringList { u"SPUS55557"_qs };
        QTest::addRow("field differs") << QStringList { u"model!=zai_glm4_5_air"_qs }
                                       << QStringList { u"SPUS63654"_qs, u"SPUS70001"_qs };
        QTest::addRow("regex") << QStringList { u"registration_id~^SPUS6"_qs }
                               << QStringList { u"SPUS63654"_qs };
        QTest::addRow("metric greater") << QStringList { u"total>30"_qs } << QStringList { u"SPUS55557"_qs };
        QTest::addRow("metric at most, with unit")
            << QStringList { u"phase1<=20000ms"_qs } << QStringList { u"SPUS63654"_qs, u"SPUS70001"_qs };
        QTest::addRow("nested metric") << QStringList { u"phase1/agent_conversation>=15"_qs }
                                       << QStringList { u"SPUS55557"_qs, u"SPUS63654"_qs };
        QTest::addRow("AND of two") << QStringList { u"model=openai_gpt4o"_qs, u"total<10"_qs }
                                    << QStringList { u"SPUS70001"_qs };
        QTest::addRow("timestamp range") << QStringList { u"timestamp>=2025-01-14T10:30:30Z"_qs }
                                         << QStringList { u"SPUS63654"_qs, u"SPUS70001"_qs };
        QTest::addRow("missing metric never matches")
            << QStringList { u"phase1/file_write<100"_qs }
            << QStringList { u"SPUS55557"_qs, u"SPUS63654"_qs, u"SPUS70001"_qs };
    }

    void expressions()
    {
        QFETCH(QStringList, filters);
        QFETCH(QStringList, expectedIds);
        const LoadResult r = loadFixtures({ QStringLiteral("seed_proposed.jsonl") });
        std::vector<RunFilter> parsed;
        for (const QString& f : filters) {
            QString error;
            auto filter = RunFilter::parse(f, r.dataset, &error);
            QVERIFY2(filter, qPrintable(error));
            parsed.push_back(*filter);
        }
        QStringList ids;
        for (const std::uint32_t run : filterRuns(r.dataset, parsed))
            ids << r.dataset.fieldValue(run, TimingDataset::RegistrationId);
        QCOMPARE(ids, expectedIds);
    }

    void errorsNameWhatExists_data()
    {
        QTest::addColumn<QString>("expression");
        QTest::addColumn<QString>("messagePart");
        QTest::addRow("unknown name") << u"modell=x"_qs << u"the fields are: registration_id, model"_qs;
        QTest::addRow("unknown name lists metrics") << u"phase7>3"_qs << u"the metrics are: total, phase1"_qs;
        QTest::addRow("no operator") << u"model"_qs << u"expected FIELD=VALUE"_qs;
        QTest::addRow("bad number") << u"total>fast"_qs << u"not a duration"_qs;
        QTest::addRow("bad regex") << u"model~(("_qs << u"invalid regular expression"_qs;
        QTest::addRow("comparison on text") << u"model>3"_qs << u"text field"_qs;
    }

    void errorsNameWhatExists()
    {
        QFETCH(QString, expression);
        QFETCH(QString, messagePart);
        const LoadResult r = loadFixtures({ QStringLiteral("seed_proposed.jsonl") });
        QString error;
        QVERIFY(!RunFilter::parse(expression, r.dataset, &error));
        QVERIFY2(error.contains(messagePart), qPrintable(error));
        QVERIFY(error.contains(expression));
    }

    void durations()
    {
        QCOMPARE(parseDurationSeconds(u"12.5"), 12.5);
        QCOMPARE(parseDurationSeconds(u"500ms"), 0.5);
        QCOMPARE(parseDurationSeconds(u"2min"), 120.0);
        QCOMPARE(parseDurationSeconds(u"1.5 h"), 5400.0);
        QVERIFY(!parseDurationSeconds(u"soon"));
    }
};

QTEST_GUILESS_MAIN(TestRunFilter)
#include "tst_runfilter.moc"
