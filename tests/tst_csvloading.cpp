// Loading the CSV shapes: the seed's legacy wide CSV, its summary CSV, flat CSV,
// mapping files, delimiter sniffing, RFC 4180 quoting, and bad rows.
#include "testsupport.h"

using namespace te;
using namespace te::test;

class TestCsvLoading : public QObject
{
    Q_OBJECT
private slots:
    void legacyWideCsv()
    {
        const LoadResult r = loadFixtures({ QStringLiteral("legacy_wide.csv") });
        const TimingDataset& d = r.dataset;
        QCOMPARE(d.runCount(), 2u);
        QCOMPARE(r.problems.size(), 0u);
        // matcher1_critic_time_seconds is the phase1 total, matcher2_time_seconds the phase2 total.
        QCOMPARE(valueOf(d, u"SPUS55557"_qs, u"phase1"_qs), 34.522);
        QCOMPARE(valueOf(d, u"SPUS55557"_qs, u"phase2"_qs), 15.893);
        QCOMPARE(valueOf(d, u"SPUS55557"_qs, u"phase1/capacity_update"_qs), 0.822);
        QCOMPARE(valueOf(d, u"SPUS63654"_qs, u"phase2/file_write"_qs), 0.8);
        // No total column: the total is derived and marked.
        QCOMPARE(valueOf(d, u"SPUS55557"_qs, u"total"_qs), 34.522 + 15.893);
        QVERIFY(d.isDerived(0, TimingDataset::kRootMetric));
        QVERIFY(!d.isDerived(0, d.metricId(u"phase1")));
    }

    void olderFilesPerModelGroupBySource()
    {
        const LoadResult r
            = loadFixtures({ QStringLiteral("runtime_gpt4o.csv"), QStringLiteral("legacy_wide.csv") });
        QCOMPARE(r.dataset.runCount(), 5u);
        QCOMPARE(r.dataset.fieldValue(0, TimingDataset::Source), u"runtime_gpt4o.csv"_qs);
        QCOMPARE(r.dataset.fieldValue(4, TimingDataset::Source), u"legacy_wide.csv"_qs);
        QCOMPARE(r.dataset.value(2, TimingDataset::kRootMetric), 37.0);
        // The same registrations in two model files are not duplicates of each other.
        QCOMPARE(r.warningCount(), 0);
    }

    void mappingFilePlacesOtherColumns()
    {
        QString error;
        auto mapping = ColumnMapping::load(QFINDTESTDATA("data/legacy_mapping.json"), &error);
        QVERIFY2(mapping, qPrintable(error));
        const LoadResult r = loadFixtures({ QStringLiteral("legacy_custom_columns.csv") }, mapping);
        QCOMPARE(r.rejectedLines(), 0);
        QCOMPARE(valueOf(r.dataset, u"SPUS55557"_qs, u"phase1/critic_wait"_qs), 3.0);
        QCOMPARE(valueOf(r.dataset, u"SPUS55557"_qs, u"phase3/validation"_qs), 1.5); // _ms converted
        QCOMPARE(valueOf(r.dataset, u"SPUS55557"_qs, u"phase3"_qs), 1.5);
        // Without the mapping, the unsuffixed column is metadata.
        const LoadResult plain = loadFixtures({ QStringLiteral("legacy_custom_columns.csv") });
        QCOMPARE(plain.dataset.fieldValue(0, plain.dataset.fieldId(u"critic_wait")), u"3.0"_qs);
    }

    void badMappingFileIsNamed()
    {
        QString error;
        const QString path = QFINDTESTDATA("data/bad_mapping.json");
        QVERIFY(!ColumnMapping::load(path, &error));
        QVERIFY2(error.startsWith(path) && error.contains(u"critic_wait"), qPrintable(error));
        QVERIFY(!ColumnMapping::load(u"/nonexistent/mapping.json"_qs, &error));
        QVERIFY(error.contains(u"cannot read"));
    }

    void summaryCsv()
    {
        const LoadResult r = loadFixtures({ QStringLiteral("summary.csv") });
        QCOMPARE(r.dataset.runCount(), 3u);
        QCOMPARE(valueOf(r.dataset, u"SPUS70001"_qs, u"total"_qs), 12.25);
        QCOMPARE(r.dataset.fieldValue(0, TimingDataset::Model), u"zai_glm4_5_air"_qs);
        QCOMPARE(r.dataset.timestampMs(0), 1736850600000);
    }

    void flatCsvMatchesFlatJsonl()
    {
        const LoadResult csv = loadFixtures({ QStringLiteral("flat.csv") });
        const LoadResult jsonl = loadFixtures({ QStringLiteral("flat.jsonl") });
        QCOMPARE(csv.dataset.metricPaths(), jsonl.dataset.metricPaths());
        for (const QString& path : csv.dataset.metricPaths()) {
            for (const auto& id : { u"R1"_qs, u"R2"_qs })
                QCOMPARE(valueOf(csv.dataset, id, path), valueOf(jsonl.dataset, id, path));
        }
    }

    void delimitersAndQuoting_data()
    {
        QTest::addColumn<QString>("file");
        QTest::addColumn<QString>("firstId");
        QTest::addColumn<double>("firstTotal");
        QTest::addRow("semicolon, decimal comma, quoted newline")
            << u"semicolon_decimal_comma.csv"_qs << u"SPUS;1"_qs << 12.5;
        QTest::addRow("tab") << u"tab_separated.csv"_qs << u"T1"_qs << 3.5;
        QTest::addRow("BOM and CRLF") << u"bom_crlf.csv"_qs << u"C1"_qs << 1.25;
    }

    void delimitersAndQuoting()
    {
        QFETCH(QString, file);
        QFETCH(QString, firstId);
        QFETCH(double, firstTotal);
        const LoadResult r = loadFixtures({ file });
        QCOMPARE(r.problems.size(), 0u);
        QCOMPARE(r.dataset.runCount(), 2u);
        QCOMPARE(r.dataset.fieldValue(0, TimingDataset::RegistrationId), firstId);
        QCOMPARE(r.dataset.value(0, TimingDataset::kRootMetric), firstTotal);
    }

    void quotedFieldKeepsQuotesAndNewlines()
    {
        const LoadResult r = loadFixtures({ QStringLiteral("semicolon_decimal_comma.csv") });
        QCOMPARE(r.dataset.fieldValue(0, r.dataset.fieldId(u"note")), u"said \"hi\"\non two lines"_qs);
        // The quoted newline makes the second record start on line 4.
        QCOMPARE(r.dataset.line(1), 4);
    }

    void raggedAndNonNumericRowsAreRejected()
    {
        const LoadResult r = loadFixtures({ QStringLiteral("ragged.csv") });
        QCOMPARE(r.dataset.runCount(), 2u);
        QCOMPARE(r.rejectedLines(), 3);
        QCOMPARE(r.problems[0].line, 3);
        QVERIFY(r.problems[0].message.contains(u"2 fields, the header has 3"));
        QCOMPARE(r.problems[1].line, 4);
        QCOMPARE(r.problems[2].line, 6);
        QCOMPARE(r.problems[2].column, 3);
        QVERIFY2(
            r.problems[2].message.contains(u"column 3 (total_seconds)"), qPrintable(r.problems[2].message));
        QCOMPARE(r.dataset.fieldValue(1, TimingDataset::RegistrationId), u"D"_qs);
    }

    void strayQuoteDoesNotSwallowTheFile()
    {
        // An unclosed quote on line 3 used to run to the end of the file, dropping R3
        // with only an "incomplete" note.
        const LoadResult r = loadFixtures({ QStringLiteral("stray_quote.csv") });
        QCOMPARE(r.dataset.runCount(), 2u);
        QCOMPARE(r.rejectedLines(), 1);
        QCOMPARE(r.problems.front().line, 3);
        QCOMPARE(r.problems.front().severity, Problem::Severity::Error);
        QCOMPARE(r.dataset.fieldValue(1, TimingDataset::RegistrationId), u"R3"_qs);
        QCOMPARE(r.dataset.line(1), 4);
    }

    void headerWithoutTimingsIsOneClearMessage()
    {
        const LoadResult r = loadFixtures({ QStringLiteral("no_timing_columns.csv") });
        QCOMPARE(r.problems.size(), 1u);
        QCOMPARE(r.problems.front().line, 0);
        QVERIFY(r.problems.front().message.contains(u"no timing column"));
        QVERIFY(r.anyFileUnreadable());
    }

    void headerWithoutRowsIsOneClearMessage()
    {
        const LoadResult r = loadFixtures({ QStringLiteral("header_only.csv") });
        QCOMPARE(r.dataset.runCount(), 0u);
        QCOMPARE(r.problems.size(), 1u);
        QCOMPARE(r.problems.front().severity, Problem::Severity::Warning);
        QCOMPARE(r.problems.front().message, u"the file has a CSV header but no rows; no runs"_qs);
        QCOMPARE(r.problems.front().line, 2); // where the first row was expected
        QVERIFY(!r.anyFileUnreadable());
    }
};

QTEST_GUILESS_MAIN(TestCsvLoading)
#include "tst_csvloading.moc"
