// Converting to JSON Lines and loading the result gives back the same runs: every
// fixture shape, loaded, written and loaded again, compares equal node by node.
#include "data/datasetlookups.h"
#include "export/jsonlwriter.h"
#include "testsupport.h"

#include <QBuffer>
#include <QFile>
#include <QTemporaryDir>
#include <filesystem>
#include <nlohmann/json.hpp>
#include <numeric>

using namespace te;
using te::test::readAll;

// QCOMPARE cannot print a JSON value; this shows it when the comparison fails.
#define JSON_EQ(actual, expected) QVERIFY2((actual) == (expected), (actual).dump().c_str())

namespace {

LoadResult loadFile(const QString& path)
{
    LoadOptions options;
    options.files = QStringList { path };
    return loadTimingFiles(options);
}

QString writeText(const QString& path, const QByteArray& text)
{
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(text) != text.size())
        qFatal("cannot write %s", qPrintable(path));
    return path;
}

// Everything a run is made of except its line number.
void compareDatasets(const TimingDataset& a, const TimingDataset& b)
{
    QCOMPARE(b.runCount(), a.runCount());
    QCOMPARE(b.metricPaths(), a.metricPaths());
    QCOMPARE(b.fieldNames(), a.fieldNames());
    for (const QString& path : a.metricPaths()) {
        const int ma = a.metricId(path);
        const int mb = b.metricId(path);
        for (std::uint32_t run = 0; run < a.runCount(); ++run) {
            const QByteArray where = path.toUtf8() + " of run " + QByteArray::number(run);
            QVERIFY2(a.values(ma).has(run) == b.values(mb).has(run), where.constData());
            if (!a.values(ma).has(run))
                continue;
            // Exact: the shortest text that reads back as the same double.
            QVERIFY2(a.value(run, ma) == b.value(run, mb), where.constData());
            QVERIFY2(a.isDerived(run, ma) == b.isDerived(run, mb), where.constData());
            QCOMPARE(b.agents(run, mb), a.agents(run, ma));
        }
    }
    for (int field = 0; field < a.fieldCount(); ++field) {
        for (std::uint32_t run = 0; run < a.runCount(); ++run)
            QCOMPARE(b.fieldValue(run, field), a.fieldValue(run, field));
    }
    for (std::uint32_t run = 0; run < a.runCount(); ++run) {
        QCOMPARE(b.timestampMs(run), a.timestampMs(run));
        QCOMPARE(b.hasWarning(run), a.hasWarning(run)); // the same warnings come back
    }
}

} // namespace

class TestJsonlWriter : public QObject
{
    Q_OBJECT

private slots:
    void roundTripsEveryShape_data()
    {
        QTest::addColumn<QStringList>("files");
        QTest::addColumn<QString>("mapping");
        const auto row = [](const char* name, const QStringList& files, const QString& mapping = {}) {
            QTest::newRow(name) << files << mapping;
        };
        row("proposed", { u"seed_proposed.jsonl"_qs });
        row("option 1", { u"seed_option1.jsonl"_qs });
        row("flat jsonl", { u"flat.jsonl"_qs });
        row("flat csv", { u"flat.csv"_qs });
        row("legacy wide", { u"legacy_wide.csv"_qs });
        row("legacy, one model", { u"runtime_gpt4o.csv"_qs });
        row("summary", { u"summary.csv"_qs });
        row("mixed shapes", { u"mixed_shapes.jsonl"_qs });
        row("mapping", { u"legacy_custom_columns.csv"_qs }, u"legacy_mapping.json"_qs);
        row("decimal comma", { u"semicolon_decimal_comma.csv"_qs });
        row("stats groups", { u"stats_groups.jsonl"_qs });
        row("parts exceed total", { u"parts_exceed_total.jsonl"_qs });
        row("escaped keys", { u"escaped_keys_no_totals.jsonl"_qs });
        row("unparsed timestamps", { u"unparsed_timestamps.jsonl"_qs });
        row("duplicates, no registration_id",
            { u"duplicates.jsonl"_qs, u"missing_registration_id.jsonl"_qs });
        row("bom crlf", { u"bom_crlf.jsonl"_qs, u"bom_crlf.csv"_qs, u"tab_separated.csv"_qs });
        row("several files", { u"runtime_gpt4o.csv"_qs, u"legacy_wide.csv"_qs, u"seed_proposed.jsonl"_qs });
    }

    void roundTripsEveryShape()
    {
        QFETCH(QStringList, files);
        QFETCH(QString, mapping);
        std::optional<ColumnMapping> columnMapping;
        if (!mapping.isEmpty()) {
            QString error;
            columnMapping = ColumnMapping::load(QFINDTESTDATA(u"data/"_qs + mapping), &error);
            QVERIFY2(columnMapping, qPrintable(error));
        }
        const LoadResult original = test::loadFixtures(files, columnMapping);
        QVERIFY(original.dataset.runCount() > 0);
        QTemporaryDir dir;
        const QString out = dir.filePath(u"converted.jsonl"_qs);
        QString error;
        QVERIFY2(convertToJsonlFile(original.dataset, allRuns(original.dataset), out, files, &error),
            qPrintable(error));

        const LoadResult reloaded = loadFile(out);
        QCOMPARE(test::countProblems(reloaded, Problem::Severity::Error), 0);
        QCOMPARE(test::countProblems(reloaded, Problem::Severity::Info), 0);
        compareDatasets(original.dataset, reloaded.dataset);
        // The source is the original file, not converted.jsonl (compareDatasets checked it
        // equals the original's; this says what that is).
        for (std::uint32_t run = 0; run < reloaded.dataset.runCount(); ++run)
            QVERIFY(files.contains(reloaded.dataset.fieldValue(run, TimingDataset::Source)));
    }

    void outputOfCleanInputValidatesClean()
    {
        const LoadResult original = test::loadFixtures({ u"seed_proposed.jsonl"_qs, u"legacy_wide.csv"_qs });
        QVERIFY(original.problems.empty());
        QBuffer buffer;
        buffer.open(QIODevice::WriteOnly);
        QString error;
        QVERIFY(convertToJsonl(original.dataset, allRuns(original.dataset), buffer, &error));
        QTemporaryDir dir;
        const LoadResult reloaded = loadFile(writeText(dir.filePath(u"out.jsonl"_qs), buffer.data()));
        QVERIFY(reloaded.problems.empty());
        QCOMPARE(reloaded.dataset.runCount(), 5u);
        QCOMPARE(buffer.data().count('\n'), 5);
    }

    void writesTheProposedStructure()
    {
        const LoadResult original = test::loadFixtures({ u"seed_proposed.jsonl"_qs });
        const auto first = nlohmann::json::parse(runToJson(original.dataset, 0));
        JSON_EQ(first["run_metadata"]["registration_id"], "SPUS55557");
        JSON_EQ(first["run_metadata"]["timestamp"], "2025-01-14T10:30:00.123Z");
        JSON_EQ(first["run_metadata"]["source"], "seed_proposed.jsonl");
        JSON_EQ(first["run_metadata"]["git_commit"], "c857d44");
        JSON_EQ(first["run_metadata"]["max_items"], 5); // a number stays a number
        const auto& phase1 = first["timings"]["phases"]["phase1"];
        JSON_EQ(first["timings"]["total_seconds"], 50.415);
        JSON_EQ(phase1["total_seconds"], 34.522);
        JSON_EQ(phase1["breakdown"]["agent_conversation_seconds"], 33.2);
        JSON_EQ(phase1["agents"], nlohmann::json::array({ "matcher1", "critic" }));
        QVERIFY(!first["timings"].contains("derived"));
        QVERIFY(!phase1["breakdown"].contains("(unaccounted)_seconds"));

        // Run 3 has no total and no phase1 total: both derived, and listed as such.
        const std::string third = runToJson(original.dataset, 2);
        QVERIFY(third.find('\n') == std::string::npos);
        const auto derived = nlohmann::json::parse(third)["timings"]["derived"];
        JSON_EQ(derived, nlohmann::json::array({ "total", "phase1" }));
    }

    void unaccountedIsNotWrittenButComesBack()
    {
        const LoadResult original = test::loadFixtures({ u"seed_proposed.jsonl"_qs });
        const int unaccounted = original.dataset.metricId(u"phase1/(unaccounted)");
        QVERIFY(unaccounted >= 0);
        QVERIFY(original.dataset.values(unaccounted).has(1));
        QVERIFY(runToJson(original.dataset, 1).find("unaccounted") == std::string::npos);
    }

    void derivedFlagsSurviveAProjectedLoad()
    {
        const LoadResult original = test::loadFixtures({ u"seed_proposed.jsonl"_qs });
        QTemporaryDir dir;
        const QString out = dir.filePath(u"out.jsonl"_qs);
        QVERIFY(convertToJsonlFile(original.dataset, allRuns(original.dataset), out, {}, nullptr));
        LoadOptions options;
        options.files = QStringList { out };
        options.projection.keepMetric(u"phase1"_qs);
        const LoadResult projected = loadTimingFiles(options);
        QVERIFY(projected.problems.empty());
        const int phase1 = projected.dataset.metricId(u"phase1");
        QVERIFY(phase1 >= 0);
        QVERIFY(!projected.dataset.isDerived(0, phase1));
        QVERIFY(projected.dataset.isDerived(2, phase1));
        QCOMPARE(projected.dataset.value(2, phase1), 5.0);
    }

    void awkwardNamesAndValuesRoundTrip()
    {
        // Node names the loader would read differently if written plainly, and
        // metadata texts that look like numbers but are not written as such.
        QTemporaryDir dir;
        const QString in = writeText(dir.filePath(u"awkward.jsonl"_qs),
            R"({"run_metadata":{"registration_id":"12345","model":"m","note":"007","ratio":"1e5","n":3,"f":0.25,"neg":-2,"empty":"","flag":true},)"
            R"("timings":{"total_seconds":9,"phases":{"x_ms":{"total_seconds":1,"breakdown":{"a_seconds":0.5}},)"
            R"("breakdown_seconds":2,"phases_seconds":1,"derived_seconds":1,"agents":{"total_seconds":1,"agents":["a, b"]},)"
            R"("p":{"total":{"total_seconds":1},"q_s_seconds":0.5,"r":{"s_seconds":0.1}}}}})"
            "\n");
        const LoadResult original = loadFile(in);
        QVERIFY2(original.problems.empty(),
            qPrintable(original.problems.empty() ? QString() : original.problems[0].message));
        QVERIFY(original.dataset.metricId(u"p/total") >= 0);
        QVERIFY(original.dataset.metricId(u"p/r") >= 0
            && original.dataset.isDerived(0, original.dataset.metricId(u"p/r")));
        const QString out = dir.filePath(u"out.jsonl"_qs);
        QString error;
        QVERIFY2(convertToJsonlFile(original.dataset, { 0 }, out, { in }, &error), qPrintable(error));
        const LoadResult reloaded = loadFile(out);
        QVERIFY(reloaded.problems.empty());
        compareDatasets(original.dataset, reloaded.dataset);
        const auto metadata = nlohmann::json::parse(readAll(out).toStdString())["run_metadata"];
        JSON_EQ(metadata["registration_id"], "12345"); // identifiers stay strings
        JSON_EQ(metadata["note"], "007");
        JSON_EQ(metadata["ratio"], "1e5");
        JSON_EQ(metadata["n"], 3);
        JSON_EQ(metadata["f"], 0.25);
        JSON_EQ(metadata["neg"], -2);
        JSON_EQ(metadata["flag"], "true");
        JSON_EQ(metadata["empty"], ""); // the field exists, without a value
    }

    void keepsTheOrderOfFields()
    {
        // "b" was named (empty) before "a" had a value, so it comes first; written in
        // field order, "a" would be created first unless the first line names "b".
        QTemporaryDir dir;
        const QString in = writeText(dir.filePath(u"order.jsonl"_qs),
            "{\"registration_id\":\"A\",\"b\":\"\",\"a\":\"x\",\"total_seconds\":1}\n"
            "{\"registration_id\":\"B\",\"b\":\"y\",\"total_seconds\":2}\n");
        const LoadResult original = loadFile(in);
        QCOMPARE(original.dataset.fieldNames().mid(TimingDataset::WellKnownFieldCount),
            (QStringList { u"b"_qs, u"a"_qs }));
        QBuffer buffer;
        buffer.open(QIODevice::WriteOnly);
        QVERIFY(convertToJsonl(original.dataset, allRuns(original.dataset), buffer, nullptr));
        QVERIFY(buffer.data().startsWith(
            R"({"run_metadata":{"registration_id":"A","source":"order.jsonl","b":"","a":"x"},)"));
        const LoadResult reloaded = loadFile(writeText(dir.filePath(u"out.jsonl"_qs), buffer.data()));
        compareDatasets(original.dataset, reloaded.dataset);

        // Usually nothing needs naming: fields appear in their order anyway.
        const LoadResult mixed = test::loadFixtures({ u"legacy_wide.csv"_qs, u"seed_proposed.jsonl"_qs });
        QVERIFY(runToJson(mixed.dataset, 0).find("git_commit") == std::string::npos);
        QBuffer mixedBuffer;
        mixedBuffer.open(QIODevice::WriteOnly);
        QVERIFY(convertToJsonl(mixed.dataset, allRuns(mixed.dataset), mixedBuffer, nullptr));
        QVERIFY(!mixedBuffer.data().split('\n').first().contains("git_commit"));
    }

    void refusesToOverwriteItsInput()
    {
        QTemporaryDir dir;
        const QByteArray text = readAll(QFINDTESTDATA("data/seed_proposed.jsonl"));
        const QString in = writeText(dir.filePath(u"in.jsonl"_qs), text);
        const LoadResult original = loadFile(in);
        const auto runs = allRuns(original.dataset);
        QString error;
        QVERIFY(!convertToJsonlFile(original.dataset, runs, in, { in }, &error));
        QVERIFY2(error.contains(in), qPrintable(error));

        const QString link = dir.filePath(u"link.jsonl"_qs);
        QVERIFY(QFile::link(in, link));
        error.clear();
        QVERIFY(!convertToJsonlFile(original.dataset, runs, link, { in }, &error));
        QVERIFY2(error.contains(link), qPrintable(error));
        QVERIFY(!convertToJsonlFile(original.dataset, runs, in, { link }, &error)); // and the other way

        const QString hard = dir.filePath(u"hard.jsonl"_qs);
        std::error_code ec;
        std::filesystem::create_hard_link(
            QFile::encodeName(in).toStdString(), QFile::encodeName(hard).toStdString(), ec);
        QVERIFY(!ec);
        QVERIFY(!convertToJsonlFile(original.dataset, runs, hard, { in }, &error));

        QCOMPARE(readAll(in), text);
        QVERIFY(QFileInfo(link).isSymLink());
    }

    void reportsAnUnwritableFile()
    {
        const LoadResult original = test::loadFixtures({ u"summary.csv"_qs });
        QString error;
        const QString path = u"/nonexistent/dir/out.jsonl"_qs;
        QVERIFY(!convertToJsonlFile(original.dataset, allRuns(original.dataset), path, {}, &error));
        QVERIFY2(error.startsWith(u"cannot write " + path + u": "), qPrintable(error));
    }

    void convertsASelectionOfRuns()
    {
        const LoadResult original = test::loadFixtures({ u"seed_proposed.jsonl"_qs });
        QBuffer buffer;
        buffer.open(QIODevice::WriteOnly);
        QString error;
        QVERIFY(convertToJsonl(original.dataset, { 2, 0 }, buffer, &error));
        const QList<QByteArray> lines = buffer.data().trimmed().split('\n');
        QCOMPARE(lines.size(), 2);
        JSON_EQ(
            nlohmann::json::parse(lines[0].toStdString())["run_metadata"]["registration_id"], "SPUS70001");
        JSON_EQ(
            nlohmann::json::parse(lines[1].toStdString())["run_metadata"]["registration_id"], "SPUS55557");
    }
};

QTEST_GUILESS_MAIN(TestJsonlWriter)
#include "tst_jsonlwriter.moc"
