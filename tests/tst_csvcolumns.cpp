// Column names of the CSV export: headers in both styles, the names `summary
// --columns` accepts, and the presets.
#include "export/exportcolumns.h"
#include "testsupport.h"

#include <memory>

using namespace te;
using namespace te::test;

namespace {

std::shared_ptr<const TimingDataset> exportInput()
{
    static const auto data = std::make_shared<const TimingDataset>(
        loadFixtures({ QStringLiteral("export_input.jsonl") }).dataset);
    return data;
}

} // namespace

class TestCsvColumns : public QObject
{
    Q_OBJECT
private slots:
    void headers_data()
    {
        QTest::addColumn<QString>("path");
        QTest::addColumn<QString>("statistic");
        QTest::addColumn<QString>("machine");
        QTest::addColumn<QString>("readable");
        QTest::addColumn<QString>("readableMs");
        QTest::addRow("total") << u"total"_qs << QString() << u"total_seconds"_qs << u"Total (s)"_qs
                               << u"Total (ms)"_qs;
        QTest::addRow("phase") << u"phase1"_qs << QString() << u"phase1_total_seconds"_qs << u"Phase 1 (s)"_qs
                               << u"Phase 1 (ms)"_qs;
        QTest::addRow("item") << u"phase1/agent_conversation"_qs << QString()
                              << u"phase1_agent_conversation_seconds"_qs
                              << u"Phase 1 · agent conversation (s)"_qs
                              << u"Phase 1 · agent conversation (ms)"_qs;
        QTest::addRow("unaccounted") << u"phase2/(unaccounted)"_qs << QString()
                                     << u"phase2_unaccounted_seconds"_qs << u"Phase 2 · (unaccounted) (s)"_qs
                                     << u"Phase 2 · (unaccounted) (ms)"_qs;
        QTest::addRow("median") << u"total"_qs << u"median"_qs << u"total_median_seconds"_qs
                                << u"Total · median (s)"_qs << u"Total · median (ms)"_qs;
        QTest::addRow("n has no unit")
            << u"phase12"_qs << u"n"_qs << u"phase12_total_n"_qs << u"Phase 12 · n"_qs << u"Phase 12 · n"_qs;
    }

    void headers()
    {
        QFETCH(QString, path);
        QFETCH(QString, statistic);
        QFETCH(QString, machine);
        QFETCH(QString, readable);
        QFETCH(QString, readableMs);
        CsvFormat format;
        QCOMPARE(csvMetricHeader(path, format, statistic), machine);
        if (statistic != u"n") {
            format.milliseconds = true;
            QCOMPARE(csvMetricHeader(path, format, statistic), machine.chopped(7) + u"ms"_qs);
        }
        format.headers = CsvFormat::Headers::Readable;
        QCOMPARE(csvMetricHeader(path, format, statistic), readableMs);
        format.milliseconds = false;
        QCOMPARE(csvMetricHeader(path, format, statistic), readable);
        QCOMPARE(csvFieldHeader(u"registration_id"_qs, format), u"Registration id"_qs);
    }

    void columnNames_data()
    {
        QTest::addColumn<QString>("name");
        QTest::addColumn<QString>("id");
        QTest::addRow("field") << u"model"_qs << u"field:model"_qs;
        QTest::addRow("path") << u"phase1/agent_conversation"_qs << u"metric:phase1/agent_conversation"_qs;
        QTest::addRow("total") << u"total"_qs << u"metric:total"_qs;
        QTest::addRow("machine total") << u"total_seconds"_qs << u"metric:total"_qs;
        QTest::addRow("machine phase") << u"phase1_total_seconds"_qs << u"metric:phase1"_qs;
        QTest::addRow("machine item")
            << u"phase1_agent_conversation_seconds"_qs << u"metric:phase1/agent_conversation"_qs;
        QTest::addRow("machine ms") << u"phase2_total_ms"_qs << u"metric:phase2"_qs;
        QTest::addRow("machine unaccounted")
            << u"phase1_unaccounted_seconds"_qs << u"metric:phase1/(unaccounted)"_qs;
        QTest::addRow("legacy alias") << u"matcher1_critic_time_seconds"_qs << u"metric:phase1"_qs;
        QTest::addRow("readable") << u"Phase 1 · file write (s)"_qs << u"metric:phase1/file_write"_qs;
        QTest::addRow("line") << u"line"_qs << u"line"_qs;
        QTest::addRow("ratio") << u"ratio_to_median"_qs << u"ratio"_qs;
        QTest::addRow("unknown") << u"phase9_total_seconds"_qs << QString();
    }

    void columnNames()
    {
        QFETCH(QString, name);
        QFETCH(QString, id);
        QString error;
        const auto column = csvColumnFromName(name, *exportInput(), &error);
        QCOMPARE(column ? column->id() : QString(), id);
        if (!column)
            QVERIFY2(
                error.contains(u"the columns are: registration_id, model, constellation, timestamp, source, "
                               "note, offset, total_seconds, phase1_total_seconds"_qs),
                qPrintable(error));
    }

    void presets()
    {
        const TimingDataset& data = *exportInput();
        const auto ids = [&](const QString& name) {
            QStringList list;
            const auto columns = presetColumns(name, data);
            for (const RunColumn& column : *columns)
                list << column.id();
            return list.join(u' ');
        };
        QCOMPARE(ids(u"summary"_qs), u"field:registration_id metric:total field:model field:timestamp"_qs);
        QCOMPARE(ids(u"phases"_qs),
            u"field:registration_id field:model field:constellation field:timestamp metric:total "
            u"metric:phase1 "
            "metric:phase2"_qs);
        QVERIFY(ids(u"all"_qs).endsWith(u"metric:phase1/(unaccounted) metric:phase2"_qs));
        QVERIFY(!presetColumns(u"everything"_qs, data));
    }
};

QTEST_GUILESS_MAIN(TestCsvColumns)
#include "tst_csvcolumns.moc"
