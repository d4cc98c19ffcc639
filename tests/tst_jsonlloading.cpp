// Loading every JSON Lines shape the seed document shows, and every kind of bad line.
#include "testsupport.h"

#include <QTemporaryDir>

using namespace te;
using namespace te::test;

class TestJsonlLoading : public QObject
{
    Q_OBJECT
private slots:
    void seedProposedStructure()
    {
        const LoadResult r = loadFixtures({ QStringLiteral("seed_proposed.jsonl") });
        const TimingDataset& d = r.dataset;
        QCOMPARE(d.runCount(), 3u);
        QCOMPARE(r.rejectedLines(), 0);
        QCOMPARE(valueOf(d, u"SPUS55557"_qs, u"total"_qs), 50.415);
        QCOMPARE(valueOf(d, u"SPUS55557"_qs, u"phase1"_qs), 34.522);
        QCOMPARE(valueOf(d, u"SPUS55557"_qs, u"phase1/agent_conversation"_qs), 33.2);
        QCOMPARE(valueOf(d, u"SPUS55557"_qs, u"phase2/file_write"_qs), 0.993);
        QCOMPARE(d.agents(0, d.metricId(u"phase1")), u"matcher1, critic"_qs);
        QCOMPARE(d.agents(0, d.metricId(u"phase2")), u"matcher2"_qs);
        QCOMPARE(d.fieldValue(0, d.fieldId(u"git_commit")), u"c857d44"_qs);
        QCOMPARE(d.fieldValue(0, d.fieldId(u"max_items")), u"5"_qs);
        QCOMPARE(d.fieldValue(0, TimingDataset::Source), u"seed_proposed.jsonl"_qs);
        QCOMPARE(d.line(2), 3);
        // "file_write_ms": 500 is half a second.
        QCOMPARE(valueOf(d, u"SPUS63654"_qs, u"phase1/file_write"_qs), 0.5);
        // 20 s phase1 whose parts add up to 15.5 s: 4.5 s unaccounted.
        QCOMPARE(valueOf(d, u"SPUS63654"_qs, u"phase1/(unaccounted)"_qs), 4.5);
        // The third run has no totals: derived from the parts and marked.
        QCOMPARE(valueOf(d, u"SPUS70001"_qs, u"phase1"_qs), 5.0);
        QCOMPARE(valueOf(d, u"SPUS70001"_qs, u"total"_qs), 7.5);
        QVERIFY(d.isDerived(2, TimingDataset::kRootMetric));
        QVERIFY(d.isDerived(2, d.metricId(u"phase1")));
        QVERIFY(!d.isDerived(0, TimingDataset::kRootMetric));
        // "+02:00" is two hours ahead of UTC.
        QCOMPARE(d.fieldValue(2, TimingDataset::Timestamp), u"2025-01-14T10:31:00.000Z"_qs);
        QCOMPARE(d.fieldValue(0, TimingDataset::Timestamp), u"2025-01-14T10:30:00.123Z"_qs);
    }

    void seedOption1()
    {
        const LoadResult r = loadFixtures({ QStringLiteral("seed_option1.jsonl") });
        QCOMPARE(r.dataset.runCount(), 2u);
        QCOMPARE(r.problems.size(), 0u);
        QCOMPARE(valueOf(r.dataset, u"SPUS63654"_qs, u"phase1"_qs), 32.1);
        QCOMPARE(valueOf(r.dataset, u"SPUS63654"_qs, u"phase2/agent_conversation"_qs), 13.4);
        // No top-level total in this shape: it is the sum of the phases, marked as derived.
        QCOMPARE(valueOf(r.dataset, u"SPUS55557"_qs, u"total"_qs), 34.522 + 15.893);
        QVERIFY(r.dataset.isDerived(0, TimingDataset::kRootMetric));
    }

    void flatRecords()
    {
        const LoadResult r = loadFixtures({ QStringLiteral("flat.jsonl") });
        QCOMPARE(r.dataset.runCount(), 2u);
        QCOMPARE(valueOf(r.dataset, u"R1"_qs, u"phase1/agent_conversation"_qs), 5.0);
        QCOMPARE(valueOf(r.dataset, u"R2"_qs, u"phase2/llm"_qs), 7.5);
        QCOMPARE(valueOf(r.dataset, u"R2"_qs, u"phase1"_qs), 12.0);
        // Epoch seconds as a number and as a string.
        QCOMPARE(r.dataset.timestampMs(0), 1736850600000);
        QCOMPARE(r.dataset.timestampMs(1), 1736850660500);
    }

    void shapesMixInOneFile()
    {
        const LoadResult r = loadFixtures({ QStringLiteral("mixed_shapes.jsonl") });
        QCOMPARE(r.dataset.runCount(), 3u);
        for (const auto& [id, total] :
            { std::pair { u"M1"_qs, 10.0 }, { u"M2"_qs, 20.0 }, { u"M3"_qs, 30.0 } }) {
            QCOMPARE(valueOf(r.dataset, id, u"total"_qs), total);
            QCOMPARE(valueOf(r.dataset, id, u"phase1"_qs), total);
        }
    }

    void bomAndCrlf()
    {
        const LoadResult r = loadFixtures({ QStringLiteral("bom_crlf.jsonl") });
        QCOMPARE(r.dataset.runCount(), 2u);
        QCOMPARE(r.problems.size(), 0u);
        QCOMPARE(r.dataset.fieldValue(0, TimingDataset::RegistrationId), u"B1"_qs);
        QCOMPARE(valueOf(r.dataset, u"B2"_qs, u"total"_qs), 2.5);
    }

    void badLinesAreRejectedAndGoodOnesKept_data()
    {
        QTest::addColumn<QString>("file");
        QTest::addColumn<int>("runs");
        QTest::addColumn<QList<qint64>>("rejectedLines");
        QTest::addColumn<QString>("messagePart");
        QTest::addRow("malformed JSON")
            << u"malformed.jsonl"_qs << 4 << QList<qint64> { 2, 4, 6, 7 } << u"JSON"_qs;
        QTest::addRow("timing is a string")
            << u"string_timing.jsonl"_qs << 2 << QList<qint64> { 2, 3 } << u"is a string"_qs;
        QTest::addRow("negative timing")
            << u"negative_timing.jsonl"_qs << 2 << QList<qint64> { 2 } << u"negative"_qs;
        QTest::addRow("NaN and Inf") << u"nonfinite_timing.jsonl"_qs << 2 << QList<qint64> { 2, 3, 4 }
                                     << u"JSON"_qs;
        QTest::addRow("invalid UTF-8") << u"invalid_utf8.jsonl"_qs << 2 << QList<qint64> { 2 } << u"UTF-8"_qs;
        QTest::addRow("unknown shape")
            << u"unknown_shape.jsonl"_qs << 2 << QList<qint64> { 2 } << u"no timing values"_qs;
        QTest::addRow("timing objects with no number in them")
            << u"empty_timing_objects.jsonl"_qs << 2 << QList<qint64> { 2, 3, 4 } << u"no timing values"_qs;
        QTest::addRow("nesting 100000 deep")
            << u"deep_nesting.jsonl"_qs << 2 << QList<qint64> { 2 } << u"deep"_qs;
        QTest::addRow("lists nested past the limit")
            << u"deep_lists.jsonl"_qs << 4 << QList<qint64> { 3, 5 } << u"deep"_qs;
        QTest::addRow("metadata 100000 deep")
            << u"deep_nesting_metadata.jsonl"_qs << 2 << QList<qint64> { 2 } << u"deep"_qs;
    }

    void badLinesAreRejectedAndGoodOnesKept()
    {
        QFETCH(QString, file);
        QFETCH(int, runs);
        QFETCH(QList<qint64>, rejectedLines);
        QFETCH(QString, messagePart);
        const LoadResult r = loadFixtures({ file });
        QCOMPARE(r.dataset.runCount(), static_cast<std::uint32_t>(runs));
        QCOMPARE(r.rejectedLines(), rejectedLines.size());
        QList<qint64> lines;
        for (const Problem& p : r.problems) {
            QCOMPARE(p.severity, Problem::Severity::Error);
            QVERIFY2(p.file.endsWith(file), qPrintable(p.file));
            lines << p.line;
        }
        QCOMPARE(lines, rejectedLines);
        QVERIFY2(r.problems.front().message.contains(messagePart, Qt::CaseInsensitive),
            qPrintable(r.problems.front().message));
        // The good lines around the bad ones all loaded, with their own line numbers.
        for (std::uint32_t run = 0; run < r.dataset.runCount(); ++run)
            QVERIFY(!rejectedLines.contains(r.dataset.line(run)));
    }

    void keptWithWarning_data()
    {
        QTest::addColumn<QString>("file");
        QTest::addColumn<int>("runs");
        QTest::addColumn<qint64>("warningLine");
        QTest::addColumn<QString>("messagePart");
        QTest::addRow("missing registration_id")
            << u"missing_registration_id.jsonl"_qs << 3 << qint64(2) << u"registration_id"_qs;
        QTest::addRow("duplicate") << u"duplicates.jsonl"_qs << 3 << qint64(2)
                                   << u"duplicate of duplicates.jsonl:1"_qs;
        QTest::addRow("parts exceed total")
            << u"parts_exceed_total.jsonl"_qs << 3 << qint64(1) << u"more than its total"_qs;
        QTest::addRow("duplicate key") << u"duplicate_keys.jsonl"_qs << 3 << qint64(2)
                                       << u"duplicate key \"total_seconds\": the last value is used"_qs;
        QTest::addRow("no newline at the end")
            << u"no_trailing_newline.jsonl"_qs << 2 << qint64(2) << u"no newline"_qs;
    }

    void keptWithWarning()
    {
        QFETCH(QString, file);
        QFETCH(int, runs);
        QFETCH(qint64, warningLine);
        QFETCH(QString, messagePart);
        const LoadResult r = loadFixtures({ file });
        QCOMPARE(r.dataset.runCount(), static_cast<std::uint32_t>(runs));
        QCOMPARE(r.rejectedLines(), 0);
        QCOMPARE(r.warningCount(), 1);
        const Problem& p = r.problems.front();
        QCOMPARE(p.severity, Problem::Severity::Warning);
        QCOMPARE(p.line, warningLine);
        QVERIFY2(p.message.contains(messagePart), qPrintable(p.message));
        QVERIFY(p.run >= 0);
        QVERIFY(r.dataset.hasWarning(static_cast<std::uint32_t>(p.run)));
    }

    void duplicateKeyKeepsTheLastValue()
    {
        const LoadResult r = loadFixtures({ QStringLiteral("duplicate_keys.jsonl") });
        QCOMPARE(valueOf(r.dataset, u"K2"_qs, u"total"_qs), 3.0);
        // Nested objects and metadata are told too, once per key.
        const QByteArray nested
            = R"({"registration_id":"N","model":"a","model":"b",)"
              R"("timings":{"phases":{"p":{"x_seconds":1,"x_seconds":2,"x_seconds":4}}}})";
        const LoadResult n = loadTimingBytes(nested + '\n', u"nested.jsonl"_qs, LoadOptions());
        QCOMPARE(n.warningCount(), 2);
        QCOMPARE(n.dataset.fieldValue(0, TimingDataset::Model), u"b"_qs);
        QCOMPARE(valueOf(n.dataset, u"N"_qs, u"p/x"_qs), 4.0);
        QStringList messages;
        for (const Problem& p : n.problems)
            messages << p.message;
        QVERIFY2(messages.join(u'|').contains(u"\"model\""), qPrintable(messages.join(u'|')));
        QVERIFY2(messages.join(u'|').contains(u"\"x_seconds\""), qPrintable(messages.join(u'|')));
    }

    void unparsedTimestampsAreNotAllDuplicates()
    {
        // Unparsed timestamps used to compare equal as "no timestamp".
        const LoadResult r = loadFixtures({ QStringLiteral("unparsed_timestamps.jsonl") });
        QCOMPARE(r.dataset.runCount(), 3u);
        int duplicates = 0;
        for (const Problem& p : r.problems)
            duplicates += p.message.startsWith(u"duplicate") ? 1 : 0;
        QCOMPARE(duplicates, 1); // lines 2 and 3 share their timestamp text
        QCOMPARE(r.dataset.fieldValue(0, TimingDataset::Timestamp), u"14/01/2025 10:30"_qs);
    }

    void unaccountedOnlyBeyondTolerance()
    {
        // P2: 10 s with parts of 7 s -> 3 s unaccounted. P3: parts 10.02 s > 10 s, within 0.5 %: no warning.
        const LoadResult r = loadFixtures({ QStringLiteral("parts_exceed_total.jsonl") });
        QCOMPARE(valueOf(r.dataset, u"P2"_qs, u"(unaccounted)"_qs), 3.0);
        QVERIFY(std::isnan(valueOf(r.dataset, u"P3"_qs, u"(unaccounted)"_qs)));
        QVERIFY(!r.dataset.hasWarning(2));
    }

    void incompleteLastLineIsInfoNotError()
    {
        const LoadResult r = loadFixtures({ QStringLiteral("incomplete_last_line.jsonl") });
        QCOMPARE(r.dataset.runCount(), 2u);
        QCOMPARE(r.rejectedLines(), 0);
        QCOMPARE(r.problems.size(), 1u);
        QCOMPARE(r.problems.front().severity, Problem::Severity::Info);
        QCOMPARE(r.problems.front().line, 3);
        QVERIFY(r.problems.front().message.contains(u"incomplete"));
        QCOMPARE(r.files.front().completeBytes, QFileInfo(r.files.front().path).size() - 34);
    }

    void wholeFileProblems_data()
    {
        QTest::addColumn<QString>("path");
        QTest::addColumn<QString>("messagePart");
        QTest::addColumn<bool>("readable");
        QTest::addRow("empty") << QFINDTESTDATA("data/empty.jsonl") << u"empty"_qs << true;
        QTest::addRow("binary") << QFINDTESTDATA("data/binary.jsonl") << u"binary"_qs << false;
        QTest::addRow("missing") << u"/nonexistent/timings.jsonl"_qs << u"cannot read"_qs << false;
        QTest::addRow("directory") << QFINDTESTDATA("data") << u"directory"_qs << false;
    }

    void wholeFileProblems()
    {
        QFETCH(QString, path);
        QFETCH(QString, messagePart);
        QFETCH(bool, readable);
        LoadOptions options;
        options.files = { path, QFINDTESTDATA("data/seed_option1.jsonl") };
        const LoadResult r = loadTimingFiles(options);
        QCOMPARE(r.problems.size(), 1u); // exactly one clear message
        QCOMPARE(r.problems.front().line, 0);
        QCOMPARE(r.problems.front().file, path);
        QVERIFY2(r.problems.front().message.contains(messagePart), qPrintable(r.problems.front().message));
        QCOMPARE(r.files.front().readable, readable);
        QCOMPARE(r.dataset.runCount(), 2u); // the other file still loads
    }

    void formatIsToldByTheFirstBytes_data()
    {
        QTest::addColumn<QByteArray>("bytes");
        QTest::addColumn<QString>("format");
        QTest::addColumn<QString>("message"); // of the one problem; empty: none
        QTest::addColumn<bool>("readable");
        const QByteArray record = R"({"registration_id":"R1","total_seconds":1})";
        QTest::addRow("object") << record + '\n' << u"JSON Lines"_qs << QString() << true;
        QTest::addRow("bom, blanks, object") << "\xEF\xBB\xBF \r\n\t" + record + '\n'
                                             << u"JSON Lines"_qs << QString() << true;
        QTest::addRow("text") << QByteArray("registration_id,total_seconds\nR1,1\n") << u"CSV"_qs << QString()
                              << true;
        QTest::addRow("array") << '[' + record + ']' << u"JSON"_qs << QString() << true;
        QTest::addRow("object over lines") << "{\n" + record.mid(1) + '\n' << u"JSON"_qs << QString() << true;
        QByteArray utf16le("\xFF\xFE", 2); // ASCII as UTF-16LE: each byte and a NUL
        for (const char c : QByteArray(record + '\n'))
            utf16le.append(c).append('\0');
        QTest::addRow("utf-16le, NUL bytes and all") << utf16le << u"JSON Lines"_qs << QString() << true;
        QTest::addRow("nul") << record + QByteArray(1, '\0') << QString()
                             << u"a binary file (it contains NUL bytes), not timing data"_qs << false;
        QTest::addRow("blanks") << QByteArray("\xEF\xBB\xBF \r\n") << QString()
                                << u"the file is empty; no runs"_qs << true;
    }

    void formatIsToldByTheFirstBytes()
    {
        QFETCH(QByteArray, bytes);
        QFETCH(QString, format);
        QFETCH(QString, message);
        QFETCH(bool, readable);
        const LoadResult r = loadTimingBytes(bytes, u"input"_qs, LoadOptions());
        QCOMPARE(r.files.size(), 1u);
        QCOMPARE(r.files.front().format, format);
        QCOMPARE(r.files.front().readable, readable);
        QCOMPARE(r.dataset.runCount(), format.isEmpty() ? 0u : 1u);
        QCOMPARE(r.problems.size(), message.isEmpty() ? 0u : 1u);
        if (!message.isEmpty())
            QCOMPARE(r.problems.front().message, message);
    }

    void lineOver16MiBIsRejected()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(u"long.jsonl"_qs);
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("{\"registration_id\":\"A\",\"total_seconds\":1}"
                   "\n");
        // NOLINTNEXTLINE(modernize-raw-string-literal): moc 6.4 cannot read raw string literals
        file.write("{\"registration_id\":\"L\",\"note\":\"");
        file.write(QByteArray(17 << 20, 'x'));
        file.write("\",\"total_seconds\":1}\n");
        file.write("{\"registration_id\":\"B\",\"total_seconds\":2}"
                   "\n");
        file.close();
        LoadOptions options;
        options.files = { path };
        const LoadResult r = loadTimingFiles(options);
        QCOMPARE(r.dataset.runCount(), 2u);
        QCOMPARE(r.rejectedLines(), 1);
        QCOMPARE(r.problems.front().line, 2);
        QVERIFY(r.problems.front().message.contains(u"16 MiB"));
        QCOMPARE(r.dataset.line(1), 3);
    }

    void largeFileReadInPartsKeepsOrderAndLines()
    {
        // Over the parallel threshold: the file is split at newlines and read on two threads.
        QTemporaryDir dir;
        const QString path = dir.filePath(u"big.jsonl"_qs);
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        const int count = 120000;
        for (int i = 0; i < count; ++i) {
            if (i == 90000)
                file.write("{broken\n");
            file.write(QStringLiteral(
                "{\"registration_id\":\"R%1\",\"model\":\"m%2\",\"total_seconds\":%3,\"pad\":\"%4\"}"
                "\n")
                           .arg(i)
                           .arg(i % 3)
                           .arg(i * 0.5)
                           .arg(QString(40, u'p'))
                           .toUtf8());
        }
        file.close();
        LoadOptions options;
        options.files = { path };
        options.threads = 2;
        const LoadResult r = loadTimingFiles(options);
        QCOMPARE(r.dataset.runCount(), static_cast<std::uint32_t>(count));
        QCOMPARE(r.rejectedLines(), 1);
        QCOMPARE(r.problems.front().line, 90001);
        for (std::uint32_t run : { 0u, 1u, 89999u, 90000u, 119999u }) {
            QCOMPARE(
                r.dataset.fieldValue(run, TimingDataset::RegistrationId), QStringLiteral("R%1").arg(run));
            QCOMPARE(r.dataset.value(run, TimingDataset::kRootMetric), run * 0.5);
            QCOMPARE(r.dataset.line(run), run < 90000 ? run + 1 : run + 2);
        }
    }

    void progressReportsAndCancelStops()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(u"big.jsonl"_qs);
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        for (int i = 0; i < 60000; ++i)
            file.write("{\"registration_id\":\"R\",\"model\":\"m\",\"total_seconds\":1.5,\"padding\":"
                       "\"xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx\"}"
                       "\n");
        file.close();
        LoadOptions options;
        options.files = { path };
        int calls = 0;
        options.progress = [&](const LoadProgress& p) {
            ++calls;
            return p.bytesRead < p.bytesTotal / 4;
        };
        const LoadResult r = loadTimingFiles(options);
        QVERIFY(calls > 0);
        QVERIFY(r.cancelled);
        QCOMPARE(r.dataset.runCount(), 0u);
    }
};

QTEST_GUILESS_MAIN(TestJsonlLoading)
#include "tst_jsonlloading.moc"
