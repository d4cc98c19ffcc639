// The SQLite reader: the timing-storage schema and flat tables load like the same
// runs in JSON Lines and CSV; bad rows are named by table and row id; the file is
// only ever read.
#include "sqlitesupport.h"
#include "stats/summarystats.h"
#include "testsupport.h"

#include <QDateTime>
#include <QFileInfo>
#include <QTemporaryDir>

using namespace te;
using namespace te::test;

namespace {

LoadResult load(const QString& path, const QString& table = {})
{
    LoadOptions options;
    options.files = { path };
    options.table = table;
    return loadTimingFiles(options);
}

double medianOf(const TimingDataset& data, const QString& model, const QString& metric)
{
    std::vector<double> values;
    const int id = data.metricId(metric);
    for (const std::uint32_t run : runsOfModel(data, model)) {
        if (id >= 0 && data.values(id).has(run))
            values.push_back(data.value(run, id));
    }
    return summarize(values).median;
}

QString problemText(const LoadResult& result)
{
    QStringList lines;
    for (const Problem& p : result.problems)
        lines << p.message;
    return lines.join(u'\n');
}

bool anyProblemContains(const LoadResult& result, const QString& a, const QString& b = {})
{
    return std::any_of(result.problems.begin(), result.problems.end(),
        [&](const Problem& p) { return p.message.contains(a) && p.message.contains(b); });
}

} // namespace

class TestSqliteLoading : public QObject
{
    Q_OBJECT

private slots:
    void documentSchemaLoadsLikeJsonl();
    void extraColumnsAreMetadata();
    void nodesTableGivesDeeperNodes();
    void badRowsAreNamedAndTheOthersKept_data();
    void badRowsAreNamedAndTheOthersKept();
    void orphanPhaseRowIsAProblem();
    void notADatabaseIsOneProblem();
    void databaseWithoutTheTablesIsOneProblem();
    void flatTableReadsLikeCsv();
    void tableOptionPicksATable();
    void fileIsNeverAltered();
    void bytesInMemoryAreRead();

private:
    QTemporaryDir m_dir;
    QString path(const QString& name) const { return m_dir.filePath(name); }
};

void TestSqliteLoading::documentSchemaLoadsLikeJsonl()
{
    const QString db = path(QStringLiteral("ten.db"));
    QVERIFY(TenByTwo::write(db));
    const QString jsonl = path(QStringLiteral("ten.jsonl"));
    QVERIFY(writeFile(jsonl, TenByTwo::jsonl()));
    const LoadResult fromDb = load(db);
    const LoadResult fromJsonl = load(jsonl);
    QVERIFY2(fromDb.problems.empty(), qPrintable(problemText(fromDb)));
    QCOMPARE(fromDb.files.at(0).format, QStringLiteral("SQLite"));
    QVERIFY(fromDb.files.at(0).readable);
    QCOMPARE(fromDb.dataset.runCount(), 20u);
    QCOMPARE(fromDb.dataset.metricPaths(), fromJsonl.dataset.metricPaths());
    // The figures, computed from the formulas with numpy.
    QCOMPARE(medianOf(fromDb.dataset, QStringLiteral("model_a"), QStringLiteral("total")), 49.375);
    QCOMPARE(medianOf(fromDb.dataset, QStringLiteral("model_b"), QStringLiteral("total")), 55.375);
    QCOMPARE(medianOf(fromDb.dataset, QStringLiteral("model_a"), QStringLiteral("phase2")), 14.875);
    QCOMPARE(medianOf(fromDb.dataset, QStringLiteral("model_b"), QStringLiteral("phase1/agent_conversation")),
        37.5);
    for (const QString& model : { QStringLiteral("model_a"), QStringLiteral("model_b") }) {
        for (const QString& metric : fromJsonl.dataset.metricPaths())
            QCOMPARE(medianOf(fromDb.dataset, model, metric), medianOf(fromJsonl.dataset, model, metric));
    }
    // Run by run, node by node, field by field.
    const TimingDataset& a = fromDb.dataset;
    const TimingDataset& b = fromJsonl.dataset;
    for (std::uint32_t run = 0; run < a.runCount(); ++run) {
        for (const QString& metric : b.metricPaths()) {
            const int ia = a.metricId(metric);
            const int ib = b.metricId(metric);
            QCOMPARE(a.values(ia).has(run), b.values(ib).has(run));
            if (b.values(ib).has(run)) {
                QCOMPARE(a.value(run, ia), b.value(run, ib));
                QCOMPARE(a.isDerived(run, ia), b.isDerived(run, ib));
            }
        }
        for (const int field : { TimingDataset::RegistrationId, TimingDataset::Model,
                 TimingDataset::Constellation, TimingDataset::Timestamp })
            QCOMPARE(a.fieldValue(run, field), b.fieldValue(run, field));
        QCOMPARE(a.timestampMs(run), b.timestampMs(run));
        QCOMPARE(a.line(run), qint64(run + 1));
    }
}

void TestSqliteLoading::extraColumnsAreMetadata()
{
    const QString db = path(QStringLiteral("extra.db"));
    QVERIFY(execSql(db,
        timingStorageSchema()
            + QStringList { QStringLiteral("ALTER TABLE timings ADD COLUMN git_commit TEXT"),
                QStringLiteral("ALTER TABLE timings ADD COLUMN metadata TEXT"),
                QStringLiteral("INSERT INTO timings VALUES (7, 'R1', '2025-01-14T10:30:00Z', 'm', 'c', 3.5, "
                               "'c857d44', '{\"max_items\": 5, \"ratio\": 0.25, \"host\": \"ci\"}')"),
                QStringLiteral("INSERT INTO phase_timings (timing_id, phase_name, total_seconds) "
                               "VALUES (7, 'phase1', 3)") }));
    const LoadResult result = load(db);
    QVERIFY2(result.problems.empty(), qPrintable(problemText(result)));
    const TimingDataset& data = result.dataset;
    QCOMPARE(data.runCount(), 1u);
    QCOMPARE(data.fieldValue(0, data.fieldId(u"git_commit")), QStringLiteral("c857d44"));
    QCOMPARE(data.fieldValue(0, data.fieldId(u"max_items")), QStringLiteral("5"));
    QCOMPARE(data.fieldValue(0, data.fieldId(u"ratio")), QStringLiteral("0.25"));
    QCOMPARE(data.fieldValue(0, data.fieldId(u"host")), QStringLiteral("ci"));
    QCOMPARE(data.fieldId(u"id"), -1); // only a key
    QCOMPARE(data.fieldId(u"metadata"), -1);
    // The total exceeds its one phase: the rest is unaccounted, as in JSON Lines.
    QCOMPARE(valueOf(data, QStringLiteral("R1"), QStringLiteral("(unaccounted)")), 0.5);
}

void TestSqliteLoading::nodesTableGivesDeeperNodes()
{
    const QString db = path(QStringLiteral("nodes.db"));
    QVERIFY(execSql(db,
        timingStorageSchema()
            + QStringList { QStringLiteral("CREATE TABLE nodes (timing_id INTEGER, path TEXT, seconds REAL)"),
                QStringLiteral("INSERT INTO timings VALUES (1, 'R1', NULL, 'm', 'c', 10)"),
                QStringLiteral("INSERT INTO phase_timings VALUES (1, 1, 'phase1', NULL, 4, NULL, NULL)"),
                QStringLiteral("INSERT INTO nodes VALUES (1, 'phase1/setup', 2)"),
                QStringLiteral("INSERT INTO nodes VALUES (1, 'phase1/agent_conversation/llm', 3)") }));
    const LoadResult result = load(db);
    const TimingDataset& data = result.dataset;
    QCOMPARE(data.runCount(), 1u);
    // phase1 has no total: derived from its parts, as JSON Lines would.
    QCOMPARE(valueOf(data, QStringLiteral("R1"), QStringLiteral("phase1")), 6.0);
    QVERIFY(data.isDerived(0, data.metricId(u"phase1")));
    QCOMPARE(valueOf(data, QStringLiteral("R1"), QStringLiteral("phase1/setup")), 2.0);
    QCOMPARE(valueOf(data, QStringLiteral("R1"), QStringLiteral("phase1/agent_conversation/llm")), 3.0);
}

void TestSqliteLoading::badRowsAreNamedAndTheOthersKept_data()
{
    QTest::addColumn<QString>("bad");
    QTest::addColumn<QString>("expected");
    QTest::newRow("NULL total") << QStringLiteral(
        "INSERT INTO timings VALUES (99, 'BAD', NULL, 'm', 'c', NULL)")
                                << QStringLiteral("timings row id 99: total_seconds is NULL");
    QTest::newRow("text total") << QStringLiteral(
        "INSERT INTO timings VALUES (99, 'BAD', NULL, 'm', 'c', 'slow')")
                                << QStringLiteral(
                                       "timings row id 99: total_seconds is not a number (\"slow\")");
    QTest::newRow("negative total") << QStringLiteral(
        "INSERT INTO timings VALUES (99, 'BAD', NULL, 'm', 'c', -1)")
                                    << QStringLiteral("timings row id 99: timing \"total\" is negative (-1)");
    QTest::newRow("negative phase")
        << QStringLiteral("INSERT INTO phase_timings VALUES (99, 1, 'phase3', 2, NULL, -0.5, NULL)")
        << QStringLiteral(
               "timings row id 1, phase_timings row id 99: timing \"phase3/file_write\" is negative");
    QTest::newRow("text phase") << QStringLiteral(
        "INSERT INTO phase_timings VALUES (99, 1, 'phase3', 'x', 1, 1, 1)")
                                << QStringLiteral("phase_timings row id 99: total_seconds is not a number");
}

void TestSqliteLoading::badRowsAreNamedAndTheOthersKept()
{
    QFETCH(QString, bad);
    QFETCH(QString, expected);
    const QString db = path(QStringLiteral("bad-%1.db").arg(QString::fromLatin1(QTest::currentDataTag())));
    QVERIFY(execSql(db, timingStorageSchema() + TenByTwo::inserts() + QStringList { bad }));
    const LoadResult result = load(db);
    QVERIFY(result.files.at(0).readable);
    QCOMPARE(countProblems(result, Problem::Severity::Error), 1);
    QVERIFY2(anyProblemContains(result, expected), qPrintable(problemText(result)));
    const bool runRejected = bad.contains(u"phase_timings");
    QCOMPARE(result.dataset.runCount(), runRejected ? 19u : 20u);
    QCOMPARE(result.files.at(0).rejectedLines, 1);
}

void TestSqliteLoading::orphanPhaseRowIsAProblem()
{
    const QString db = path(QStringLiteral("orphan.db"));
    QVERIFY(execSql(db,
        timingStorageSchema() + TenByTwo::inserts()
            + QStringList {
                QStringLiteral("INSERT INTO phase_timings VALUES (500, 404, 'phase1', 1, 1, 0, 0)") }));
    const LoadResult result = load(db);
    QCOMPARE(result.dataset.runCount(), 20u);
    QCOMPARE(countProblems(result, Problem::Severity::Error), 1);
    QVERIFY2(anyProblemContains(
                 result, QStringLiteral("phase_timings row id 500: timing_id 404 matches no timings row")),
        qPrintable(problemText(result)));
}

void TestSqliteLoading::notADatabaseIsOneProblem()
{
    const QString db = path(QStringLiteral("garbage.db"));
    QByteArray bytes("SQLite format 3", 16); // the header, then nothing a database has
    bytes += QByteArray(4000, '\x7f');
    QVERIFY(writeFile(db, bytes));
    const LoadResult result = load(db);
    QCOMPARE(result.files.at(0).format, QStringLiteral("SQLite"));
    QVERIFY(!result.files.at(0).readable);
    QCOMPARE(result.problems.size(), std::size_t(1));
    QVERIFY2(result.problems.front().message.startsWith(u"cannot read it as a SQLite database"),
        qPrintable(problemText(result)));
}

void TestSqliteLoading::databaseWithoutTheTablesIsOneProblem()
{
    const QString two = path(QStringLiteral("two.db"));
    QVERIFY(execSql(two, { QStringLiteral("CREATE TABLE a (x)"), QStringLiteral("CREATE TABLE b (y)") }));
    LoadResult result = load(two);
    QVERIFY(!result.files.at(0).readable);
    QCOMPARE(result.problems.size(), std::size_t(1));
    QVERIFY2(anyProblemContains(result, QStringLiteral("--table"), QStringLiteral("a, b")),
        qPrintable(problemText(result)));

    const QString one = path(QStringLiteral("one.db"));
    QVERIFY(execSql(one,
        { QStringLiteral("CREATE TABLE people (name TEXT)"),
            QStringLiteral("INSERT INTO people VALUES ('x')") }));
    result = load(one);
    QVERIFY(!result.files.at(0).readable);
    QCOMPARE(result.problems.size(), std::size_t(1));
    QVERIFY2(anyProblemContains(result, QStringLiteral("no timing column in the table people")),
        qPrintable(problemText(result)));

    result = load(two, QStringLiteral("missing"));
    QCOMPARE(result.problems.size(), std::size_t(1));
    QVERIFY2(anyProblemContains(result, QStringLiteral("no table missing")), qPrintable(problemText(result)));
}

void TestSqliteLoading::flatTableReadsLikeCsv()
{
    const QByteArray csv
        = "registration_id,model,total_seconds,phase1_total_seconds,phase1_file_write_seconds\n"
          "R1,m,10,6,0.5\n"
          "R2,m,12.25,7,\n"
          "R3,m,oops,1,1\n";
    const QString csvPath = path(QStringLiteral("flat.csv"));
    QVERIFY(writeFile(csvPath, csv));
    const QString db = path(QStringLiteral("flat.db"));
    QVERIFY(execSql(db,
        { QStringLiteral("CREATE TABLE runs (registration_id TEXT, model TEXT, total_seconds REAL, "
                         "phase1_total_seconds REAL, phase1_file_write_seconds REAL)"),
            QStringLiteral("INSERT INTO runs VALUES ('R1', 'm', 10, 6, 0.5)"),
            QStringLiteral("INSERT INTO runs VALUES ('R2', 'm', 12.25, 7, NULL)"),
            QStringLiteral("INSERT INTO runs VALUES ('R3', 'm', 'oops', 1, 1)") }));
    const LoadResult fromDb = load(db);
    const LoadResult fromCsv = load(csvPath);
    QCOMPARE(fromDb.dataset.runCount(), 2u);
    QCOMPARE(fromDb.dataset.metricPaths(), fromCsv.dataset.metricPaths());
    for (const QString& id : { QStringLiteral("R1"), QStringLiteral("R2") }) {
        for (const QString& metric : fromCsv.dataset.metricPaths()) {
            const double a = valueOf(fromDb.dataset, id, metric);
            const double b = valueOf(fromCsv.dataset, id, metric);
            QVERIFY((std::isnan(a) && std::isnan(b)) || a == b);
        }
    }
    QCOMPARE(countProblems(fromDb, Problem::Severity::Error), 1);
    QVERIFY2(anyProblemContains(fromDb,
                 QStringLiteral("table runs, row 3: column 3 (total_seconds): \"oops\" is not a number")),
        qPrintable(problemText(fromDb)));
}

void TestSqliteLoading::tableOptionPicksATable()
{
    const QString db = path(QStringLiteral("choice.db"));
    QVERIFY(execSql(db,
        timingStorageSchema() + TenByTwo::inserts()
            + QStringList {
                QStringLiteral("CREATE TABLE summary (id INTEGER, registration_id TEXT, total_seconds REAL)"),
                QStringLiteral("INSERT INTO summary VALUES (1, 'S1', 1.5)") }));
    QCOMPARE(load(db).dataset.runCount(), 20u); // the schema wins
    const LoadResult summary = load(db, QStringLiteral("summary"));
    QCOMPARE(summary.dataset.runCount(), 1u);
    QCOMPARE(valueOf(summary.dataset, QStringLiteral("S1"), QStringLiteral("total")), 1.5);
    QCOMPARE(load(db, QStringLiteral("timings")).dataset.runCount(), 20u);
}

void TestSqliteLoading::fileIsNeverAltered()
{
    const QString db = path(QStringLiteral("readonly.db"));
    QVERIFY(TenByTwo::write(db));
    {
        QFile file(db);
        QVERIFY(file.open(QIODevice::ReadWrite));
        QVERIFY(
            file.setFileTime(QDateTime::currentDateTimeUtc().addDays(-3), QFileDevice::FileModificationTime));
    }
    const QByteArray before = readAll(db);
    const QDateTime mtime = QFileInfo(db).lastModified();
    const QStringList entries = QDir(m_dir.path()).entryList(QDir::Files);
    QCOMPARE(load(db).dataset.runCount(), 20u);
    QCOMPARE(load(db, QStringLiteral("timings")).dataset.runCount(), 20u);
    QCOMPARE(readAll(db), before);
    QCOMPARE(QFileInfo(db).lastModified(), mtime);
    QCOMPARE(QDir(m_dir.path()).entryList(QDir::Files), entries); // no journal left behind
}

void TestSqliteLoading::bytesInMemoryAreRead()
{
    const QString db = path(QStringLiteral("memory.db"));
    QVERIFY(TenByTwo::write(db));
    const LoadResult result = loadTimingBytes(readAll(db), QStringLiteral("memory.db"), LoadOptions {});
    QVERIFY2(result.problems.empty(), qPrintable(problemText(result)));
    QCOMPARE(result.dataset.runCount(), 20u);
    QCOMPARE(medianOf(result.dataset, QStringLiteral("model_b"), QStringLiteral("total")), 55.375);
}

QTEST_GUILESS_MAIN(TestSqliteLoading)
#include "tst_sqliteloading.moc"
