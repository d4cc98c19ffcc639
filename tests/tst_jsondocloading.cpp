// JSON that is not JSON Lines (one array of records, objects spanning lines) and
// UTF-16 / UTF-32 text: each read as the same records, with the same rules, as the
// JSON Lines and CSV they stand for.
#include "stats/summarystats.h"
#include "testsupport.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QStringList>
#include <map>

using namespace te;
using namespace te::test;

class TestJsonDocLoading : public QObject
{
    Q_OBJECT

    // The median total per model, from a load.
    static std::map<QString, double> mediansOf(const LoadResult& r)
    {
        std::map<QString, std::vector<double>> totals;
        const int total = r.dataset.metricId(u"total");
        for (std::uint32_t run = 0; run < r.dataset.runCount(); ++run)
            totals[r.dataset.fieldValue(run, TimingDataset::Model)].push_back(r.dataset.value(run, total));
        std::map<QString, double> medians;
        for (auto& [model, values] : totals)
            medians[model] = summarize(values).median;
        return medians;
    }

private slots:
    void arrayOfRecords()
    {
        const LoadResult r = loadFixtures({ u"array_records.json"_qs });
        QCOMPARE(r.files.front().format, u"JSON"_qs);
        QVERIFY2(r.problems.empty(), qPrintable(messagesOf(r).join(u'\n')));
        QCOMPARE(idsOf(r.dataset), (QStringList { u"A1"_qs, u"A2"_qs, u"A3"_qs }));
        QCOMPARE(valueOf(r.dataset, u"A3"_qs, u"total"_qs), 3.0);
    }

    void badInputsKeepTheGoodRecords_data()
    {
        QTest::addColumn<QString>("file");
        QTest::addColumn<QStringList>("ids");
        QTest::addColumn<qint64>("line"); // of the one error
        QTest::addColumn<QString>("message"); // how it starts
        QTest::addRow("array with a bad element")
            << u"array_bad_element.json"_qs << QStringList { u"B1"_qs, u"B3"_qs } << qint64(3)
            << u"record 2: timing \"total\" is a string (\"slow\"), not a number"_qs;
        QTest::addRow("truncated array")
            << u"array_truncated.json"_qs << QStringList { u"T1"_qs, u"T2"_qs } << qint64(4)
            << u"record 3, from line 4, is cut off: the file ends inside it"_qs;
        QTest::addRow("pretty-printed objects, one bad")
            << u"pretty_objects_one_bad.json"_qs << QStringList { u"P1"_qs, u"P3"_qs } << qint64(15)
            << u"record 2: timing \"total\" is negative"_qs;
    }

    void badInputsKeepTheGoodRecords()
    {
        QFETCH(QString, file);
        QFETCH(QStringList, ids);
        QFETCH(qint64, line);
        QFETCH(QString, message);
        const LoadResult r = loadFixtures({ file });
        QCOMPARE(idsOf(r.dataset), ids);
        QCOMPARE(countProblems(r, Problem::Severity::Error), 1);
        QCOMPARE(r.rejectedLines(), 1);
        const auto error = std::find_if(r.problems.begin(), r.problems.end(),
            [](const Problem& p) { return p.severity == Problem::Severity::Error; });
        QCOMPARE(error->line, line);
        QVERIFY2(error->message.startsWith(message), qPrintable(error->message));
        QVERIFY(r.files.front().readable);
    }

    void prettyPrintedRecordIsOneRecord()
    {
        // Each record spans many lines, as `jq .` writes them; the runs' lines are where they start.
        const LoadResult r = loadFixtures({ u"pretty_objects_one_bad.json"_qs });
        QCOMPARE(r.dataset.runCount(), 2u);
        QCOMPARE(r.dataset.line(0), 1);
        QCOMPARE(r.dataset.line(1), 29);
        QCOMPARE(valueOf(r.dataset, u"P3"_qs, u"phase1"_qs), 1.0);
        QCOMPARE(r.files.front().lines, 42);
    }

    void syntaxErrorsEndTheFileButKeepWhatCameBefore_data()
    {
        QTest::addColumn<QByteArray>("bytes");
        QTest::addColumn<int>("runs");
        QTest::addColumn<qint64>("line");
        QTest::addColumn<QString>("messagePart");
        const QByteArray a = R"({"registration_id":"R1","total_seconds":1})";
        const QByteArray b = R"({"registration_id":"R2","total_seconds":2})";
        QTest::addRow("no comma") << '[' + a + "\n " + b + ']' << 1 << qint64(2) << u"expected ','"_qs;
        QTest::addRow("mismatched bracket") << '[' + a + ",\n{\"x\": [1}]" << 1 << qint64(2) << u"']'"_qs;
        QTest::addRow("unclosed string") << QByteArray("{\n\"total_seconds\": 1}\n{\n \"b\": \"open\n}\n")
                                         << 1 << qint64(4) << u"not closed"_qs;
        QTest::addRow("stray brace") << "{\n" + a.mid(1) + "\n}" << 1 << qint64(3) << u"unexpected '}'"_qs;
    }

    void syntaxErrorsEndTheFileButKeepWhatCameBefore()
    {
        QFETCH(QByteArray, bytes);
        QFETCH(int, runs);
        QFETCH(qint64, line);
        QFETCH(QString, messagePart);
        const LoadResult r = loadTimingBytes(bytes, u"input.json"_qs, LoadOptions());
        QCOMPARE(r.files.front().format, u"JSON"_qs);
        QCOMPARE(static_cast<int>(r.dataset.runCount()), runs);
        QCOMPARE(countProblems(r, Problem::Severity::Error), 1);
        const Problem& p = r.problems.back();
        QCOMPARE(p.line, line);
        QVERIFY2(p.message.contains(messagePart), qPrintable(p.message));
        QVERIFY2(p.message.endsWith(u"the rest of the file was not read"), qPrintable(p.message));
    }

    void shapesThatAreStillJsonLines_data()
    {
        QTest::addColumn<QByteArray>("bytes");
        QTest::addColumn<QString>("format");
        QTest::addColumn<int>("runs");
        const QByteArray a = R"({"registration_id":"R1","total_seconds":1})";
        const QByteArray b = R"({"registration_id":"R2","total_seconds":2})";
        QTest::addRow("one object per line") << a + '\n' + b + '\n' << u"JSON Lines"_qs << 2;
        // A broken first line stays JSON Lines, which rejects only that line.
        QTest::addRow("broken first line") << a.chopped(1) + '\n' + b + '\n' << u"JSON Lines"_qs << 1;
        QTest::addRow("objects on one line") << a + b + '\n' << u"JSON"_qs << 2;
        QTest::addRow("object over two lines") << a.chopped(1) + "\n}" + b << u"JSON"_qs << 2;
        QTest::addRow("two arrays") << '[' + a + "]\n[" + b + "]\n" << u"JSON"_qs << 2;
        QTest::addRow("empty array") << QByteArray("[ ]\n") << u"JSON"_qs << 0;
    }

    void shapesThatAreStillJsonLines()
    {
        QFETCH(QByteArray, bytes);
        QFETCH(QString, format);
        QFETCH(int, runs);
        const LoadResult r = loadTimingBytes(bytes, u"input"_qs, LoadOptions());
        QCOMPARE(r.files.front().format, format);
        QCOMPARE(static_cast<int>(r.dataset.runCount()), runs);
    }

    void elementThatIsNoObjectIsOneProblem()
    {
        const LoadResult r = loadTimingBytes(
            R"([{"registration_id":"R1","total_seconds":1}, 42, "x", {"registration_id":"R2","total_seconds":2}])",
            u"input.json"_qs, LoadOptions());
        QCOMPARE(r.dataset.runCount(), 2u);
        QCOMPARE(messagesOf(r),
            (QStringList { u"1:record 2: not a JSON object"_qs, u"1:record 3: not a JSON object"_qs }));
    }

    void duplicateKeyIsAWarning()
    {
        const LoadResult r = loadFixtures({ u"duplicate_keys_array.json"_qs });
        QCOMPARE(r.dataset.runCount(), 2u);
        QCOMPARE(valueOf(r.dataset, u"D2"_qs, u"total"_qs), 5.0);
        QCOMPARE(messagesOf(r),
            QStringList { u"3:record 2: duplicate key \"total_seconds\": the last value is used"_qs });
        QCOMPARE(r.problems.front().severity, Problem::Severity::Warning);
    }

    void utf16AndUtf32AreReadAsUtf8_data()
    {
        QTest::addColumn<QString>("file");
        QTest::addColumn<QString>("format");
        QTest::addColumn<QString>("encoding");
        QTest::addColumn<QStringList>("ids");
        QTest::addRow("UTF-16LE tab-separated, as Excel saves Unicode Text")
            << u"paired_10x2_utf16.txt"_qs << u"CSV"_qs << u"UTF-16LE"_qs << QStringList();
        QTest::addRow("UTF-16BE CSV")
            << u"utf16be.csv"_qs << u"CSV"_qs << u"UTF-16BE"_qs << QStringList { u"U1"_qs, u"U2"_qs };
        QTest::addRow("UTF-32LE JSON Lines") << u"utf32le.jsonl"_qs << u"JSON Lines"_qs << u"UTF-32LE"_qs
                                             << QStringList { u"W1"_qs, u"W2\U0001F600"_qs };
    }

    void utf16AndUtf32AreReadAsUtf8()
    {
        QFETCH(QString, file);
        QFETCH(QString, format);
        QFETCH(QString, encoding);
        QFETCH(QStringList, ids);
        const QString path = QFINDTESTDATA(u"data/"_qs + file);
        const QByteArray before = readAll(path);
        const LoadResult r = loadFixtures({ file });
        QVERIFY2(r.problems.empty(), qPrintable(messagesOf(r).join(u'\n')));
        QCOMPARE(r.files.front().format, format);
        QCOMPARE(r.files.front().encoding, encoding);
        if (!ids.isEmpty())
            QCOMPARE(idsOf(r.dataset), ids);
        else
            QCOMPARE(r.dataset.runCount(), 20u);
        QCOMPARE(readAll(path), before); // decoding never writes the file
    }

    void utf32KeepsNonAsciiText()
    {
        const LoadResult r = loadFixtures({ u"utf32le.jsonl"_qs });
        QCOMPARE(r.dataset.fieldValue(0, TimingDataset::Model), u"m\u00e9"_qs);
    }

    void badCodeUnitIsAWarningNamingItsLine()
    {
        const LoadResult r = loadFixtures({ u"bad_surrogate.txt"_qs });
        QCOMPARE(r.dataset.runCount(), 3u);
        QCOMPARE(messagesOf(r),
            QStringList { u"3:invalid UTF-16LE at byte 96: a high surrogate with no low surrogate after it; "
                          "read as U+FFFD"_qs });
        QCOMPARE(r.dataset.fieldValue(1, TimingDataset::RegistrationId), u"\uFFFDS2"_qs);
        // Cut inside a code unit: told, not a crash.
        const LoadResult cut = loadTimingBytes(
            QByteArray("\xFF\xFE", 2) + QByteArray("{\0", 2) + 'x', u"cut.jsonl"_qs, LoadOptions());
        QVERIFY2(messagesOf(cut).join(u'\n').contains(u"the file ends inside a code unit"),
            qPrintable(messagesOf(cut).join(u'\n')));
    }

    void sameTableInEveryFormatHasTheSameMedians()
    {
        // The expected medians come from the JSON Lines fixture itself, read with
        // QJsonDocument rather than the loader (numpy agrees: 21.75 and 91.75 s).
        QFile jsonl(QFINDTESTDATA("data/paired_10x2.jsonl"));
        QVERIFY(jsonl.open(QIODevice::ReadOnly));
        std::map<QString, std::vector<double>> totals;
        while (!jsonl.atEnd()) {
            const QJsonObject record = QJsonDocument::fromJson(jsonl.readLine()).object();
            totals[record[u"run_metadata"].toObject()[u"model"].toString()].push_back(
                record[u"timings"].toObject()[u"total_seconds"].toDouble());
        }
        std::map<QString, double> expected;
        for (auto& [model, values] : totals) {
            std::sort(values.begin(), values.end());
            QCOMPARE(values.size(), 10u);
            expected[model] = (values[4] + values[5]) / 2;
        }
        QCOMPARE(expected.size(), 2u);
        for (const QString& file :
            { u"paired_10x2.jsonl"_qs, u"paired_10x2.json"_qs, u"paired_10x2_utf16.txt"_qs }) {
            const LoadResult r = loadFixtures({ file });
            QVERIFY2(r.problems.empty(), qPrintable(file + u": "_qs + messagesOf(r).join(u'\n')));
            QCOMPARE(r.dataset.runCount(), 20u);
            const std::map<QString, double> medians = mediansOf(r);
            QCOMPARE(medians.size(), expected.size());
            for (const auto& [model, median] : expected)
                QVERIFY2(std::abs(medians.at(model) - median) < 1e-12, qPrintable(file + u' ' + model));
        }
    }
};

QTEST_GUILESS_MAIN(TestJsonDocLoading)
#include "tst_jsondocloading.moc"
