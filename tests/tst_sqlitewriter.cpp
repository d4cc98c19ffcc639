// Writing SQLite: the timing-storage schema, which loads back as the same runs and
// figures, and answers SQL; and the writer's refusals.
#include "data/datasetlookups.h"
#include "export/sqlitewriter.h"
#include "sqlitesupport.h"
#include "stats/summarystats.h"
#include "testsupport.h"

#include <QFileInfo>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>

using namespace te;
using namespace te::test;

namespace {

LoadResult load(const QString& path)
{
    LoadOptions options;
    options.files = { path };
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

QStringList sorted(QStringList list)
{
    list.sort();
    return list;
}

// Each run's value of every node, and its fields. The nodes may come in another
// order: a phase's breakdown columns are read before its other parts.
void compareRuns(const TimingDataset& a, const TimingDataset& b)
{
    QCOMPARE(a.runCount(), b.runCount());
    QCOMPARE(sorted(a.metricPaths()), sorted(b.metricPaths()));
    for (std::uint32_t run = 0; run < a.runCount(); ++run) {
        for (const QString& metric : a.metricPaths()) {
            const int ia = a.metricId(metric);
            const int ib = b.metricId(metric);
            QCOMPARE(a.values(ia).has(run), b.values(ib).has(run));
            if (a.values(ia).has(run))
                QCOMPARE(a.value(run, ia), b.value(run, ib));
        }
        for (const QString& field : a.fieldNames())
            QCOMPARE(b.fieldValue(run, b.fieldId(field)), a.fieldValue(run, a.fieldId(field)));
    }
}

} // namespace

class TestSqliteWriter : public QObject
{
    Q_OBJECT

private slots:
    void roundTripGivesTheSameRunsAndFigures();
    void fileAnswersSql();
    void derivedTotalsAreLeftToTheLoader();
    void existingFileIsReplacedWhole();
    void inputIsNeverOverwritten();
    void outputPathsBySuffix();

private:
    QTemporaryDir m_dir;
    QString path(const QString& name) const { return m_dir.filePath(name); }
    QString writeTenByTwo();
};

QString TestSqliteWriter::writeTenByTwo()
{
    const QString jsonl = path(QStringLiteral("ten.jsonl"));
    writeFile(jsonl, TenByTwo::jsonl());
    QString out = path(QStringLiteral("ten.sqlite"));
    const LoadResult loaded = load(jsonl);
    QString error;
    if (!convertToSqliteFile(loaded.dataset, allRuns(loaded.dataset), out, { jsonl }, &error))
        qWarning("%s", qPrintable(error));
    return out;
}

void TestSqliteWriter::roundTripGivesTheSameRunsAndFigures()
{
    const QString out = writeTenByTwo();
    const LoadResult original = load(path(QStringLiteral("ten.jsonl")));
    const LoadResult back = load(out);
    QVERIFY(back.problems.empty());
    QCOMPARE(back.files.at(0).format, QStringLiteral("SQLite"));
    compareRuns(original.dataset, back.dataset);
    QCOMPARE(back.dataset.metricPaths(), original.dataset.metricPaths()); // here, even in order
    for (const QString& model : { QStringLiteral("model_a"), QStringLiteral("model_b") }) {
        for (const QString& metric : original.dataset.metricPaths())
            QCOMPARE(medianOf(back.dataset, model, metric), medianOf(original.dataset, model, metric));
    }
    QCOMPARE(medianOf(back.dataset, QStringLiteral("model_a"), QStringLiteral("total")), 49.375);
    QCOMPARE(medianOf(back.dataset, QStringLiteral("model_b"), QStringLiteral("total")), 55.375);
}

void TestSqliteWriter::fileAnswersSql()
{
    const QString out = writeTenByTwo();
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("answers"));
        db.setDatabaseName(out);
        QVERIFY(db.open());
        QSqlQuery query(db);
        QVERIFY(
            query.exec(QStringLiteral("SELECT model, COUNT(*) FROM timings GROUP BY model ORDER BY model")));
        QVERIFY(query.next());
        QCOMPARE(query.value(0).toString(), QStringLiteral("model_a"));
        QCOMPARE(query.value(1).toInt(), 10);
        QVERIFY(query.next());
        QCOMPARE(query.value(0).toString(), QStringLiteral("model_b"));
        QCOMPARE(query.value(1).toInt(), 10);
        QVERIFY(!query.next());
        // The document's jq query, average phase1 time, in SQL.
        QVERIFY(query.exec(
            QStringLiteral("SELECT AVG(total_seconds) FROM phase_timings WHERE phase_name = 'phase1'")));
        QVERIFY(query.next());
        QCOMPARE(query.value(0).toDouble(), 36.5); // mean of 25 + 2r + 5m
        QVERIFY(query.exec(
            QStringLiteral("SELECT COUNT(*) FROM phase_timings WHERE capacity_update_seconds IS NULL")));
        QVERIFY(query.next());
        QCOMPARE(query.value(0).toInt(), 20); // phase2 has none
        QVERIFY(query.exec(
            QStringLiteral("SELECT json_extract(metadata, '$.source') FROM timings WHERE id = 1")));
        QVERIFY(query.next());
        QCOMPARE(query.value(0).toString(), QStringLiteral("ten.jsonl"));
        QVERIFY(
            query.exec(QStringLiteral("SELECT name FROM sqlite_master WHERE type = 'index' ORDER BY name")));
        QStringList indexes;
        while (query.next())
            indexes << query.value(0).toString();
        QCOMPARE(indexes,
            QStringList({ QStringLiteral("nodes_timing_id"), QStringLiteral("phase_timings_timing_id"),
                QStringLiteral("timings_model"), QStringLiteral("timings_registration_id") }));
    }
    QSqlDatabase::removeDatabase(QStringLiteral("answers"));

    const QString sqlite3 = QStandardPaths::findExecutable(QStringLiteral("sqlite3"));
    if (sqlite3.isEmpty())
        QSKIP("no sqlite3 command line; checked with Qt SQL only");
    QProcess process;
    process.start(sqlite3, { out, QStringLiteral("SELECT model, COUNT(*) FROM timings GROUP BY model") });
    QVERIFY(process.waitForFinished(30000));
    QCOMPARE(QString::fromUtf8(process.readAllStandardOutput()), QStringLiteral("model_a|10\nmodel_b|10\n"));
}

void TestSqliteWriter::derivedTotalsAreLeftToTheLoader()
{
    // phase1 has no total (derived from its parts); the root total exceeds its phases
    // (an "(unaccounted)" part is derived); phase2 has a node below a breakdown node.
    const QString jsonl = path(QStringLiteral("derived.jsonl"));
    QVERIFY(writeFile(jsonl,
        "{\"registration_id\": \"R1\", \"model\": \"m\", \"max_items\": 5, \"timings\": {\"total_seconds\": "
        "20, "
        "\"phases\": {\"phase1\": {\"breakdown\": {\"setup_seconds\": 1, \"file_write_seconds\": 2}}, "
        "\"phase2\": {\"total_seconds\": 10, \"breakdown\": {\"agent_conversation\": {\"total_seconds\": 9, "
        "\"breakdown\": {\"llm_seconds\": 8}}}}}}}\n"));
    const LoadResult original = load(jsonl);
    QVERIFY(original.problems.empty());
    const QString out = path(QStringLiteral("derived.db"));
    QString error;
    QVERIFY2(convertToSqliteFile(original.dataset, allRuns(original.dataset), out, { jsonl }, &error),
        qPrintable(error));
    const LoadResult back = load(out);
    QVERIFY(back.problems.empty());
    compareRuns(original.dataset, back.dataset);
    const int phase1 = back.dataset.metricId(u"phase1");
    QVERIFY(back.dataset.isDerived(0, phase1));
    QVERIFY(back.dataset.isDerived(0, back.dataset.metricId(u"(unaccounted)")));
    QVERIFY(execSql(out, {})); // the file is a database Qt SQL opens
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("derived"));
        db.setDatabaseName(out);
        QVERIFY(db.open());
        QSqlQuery query(db);
        QVERIFY(
            query.exec(QStringLiteral("SELECT total_seconds IS NULL, file_write_seconds FROM phase_timings "
                                      "WHERE phase_name = 'phase1'")));
        QVERIFY(query.next());
        QCOMPARE(query.value(0).toInt(), 1);
        QCOMPARE(query.value(1).toDouble(), 2.0);
        QVERIFY(query.exec(QStringLiteral("SELECT path, seconds FROM nodes ORDER BY rowid")));
        QStringList nodes;
        while (query.next())
            nodes << query.value(0).toString() + u'=' + query.value(1).toString();
        QCOMPARE(nodes,
            QStringList(
                { QStringLiteral("phase1/setup=1"), QStringLiteral("phase2/agent_conversation/llm=8") }));
        QVERIFY(query.exec(
            QStringLiteral("SELECT COUNT(*) FROM phase_timings WHERE phase_name = '(unaccounted)'")));
        QVERIFY(query.next());
        QCOMPARE(query.value(0).toInt(), 0);
        QVERIFY(query.exec(QStringLiteral("SELECT metadata FROM timings")));
        QVERIFY(query.next());
        QCOMPARE(query.value(0).toString(), QStringLiteral("{\"source\":\"derived.jsonl\",\"max_items\":5}"));
    }
    QSqlDatabase::removeDatabase(QStringLiteral("derived"));
}

void TestSqliteWriter::existingFileIsReplacedWhole()
{
    const QString out = path(QStringLiteral("replace.sqlite"));
    QVERIFY(writeFile(out, "old contents"));
    const QString jsonl = path(QStringLiteral("ten.jsonl"));
    QVERIFY(writeFile(jsonl, TenByTwo::jsonl()));
    const LoadResult loaded = load(jsonl);
    QString error;
    QVERIFY2(convertToSqliteFile(loaded.dataset, allRuns(loaded.dataset), out, { jsonl }, &error),
        qPrintable(error));
    QCOMPARE(load(out).dataset.runCount(), 20u);
    // Nothing is left beside it: the temporary file was renamed over it.
    QCOMPARE(
        QDir(m_dir.path()).entryList(QDir::Files | QDir::Hidden).filter(QStringLiteral(".replace")).size(),
        0);
    // A directory is refused, and leaves nothing behind either.
    QVERIFY(QDir(m_dir.path()).mkdir(QStringLiteral("adir.db")));
    QVERIFY(!convertToSqliteFile(
        loaded.dataset, allRuns(loaded.dataset), path(QStringLiteral("adir.db")), {}, &error));
    QVERIFY2(error.contains(u"it is a directory"), qPrintable(error));
    QVERIFY(!convertToSqliteFile(
        loaded.dataset, allRuns(loaded.dataset), QStringLiteral("/dev/null.db/x.db"), {}, &error));
}

void TestSqliteWriter::inputIsNeverOverwritten()
{
    const QString db = path(QStringLiteral("input.db"));
    QVERIFY(TenByTwo::write(db));
    const QByteArray before = readAll(db);
    const LoadResult loaded = load(db);
    QString error;
    QVERIFY(!convertToSqliteFile(loaded.dataset, allRuns(loaded.dataset), db, { db }, &error));
    QVERIFY2(error.contains(u"it is the input file"), qPrintable(error));
    QCOMPARE(readAll(db), before);
}

void TestSqliteWriter::outputPathsBySuffix()
{
    QVERIFY(isSqliteOutputPath(QStringLiteral("runs.sqlite")));
    QVERIFY(isSqliteOutputPath(QStringLiteral("a/runs.DB")));
    QVERIFY(isSqliteOutputPath(QStringLiteral("runs.sqlite3")));
    QVERIFY(!isSqliteOutputPath(QStringLiteral("runs.jsonl")));
    QVERIFY(!isSqliteOutputPath(QStringLiteral("sqlite")));
}

QTEST_GUILESS_MAIN(TestSqliteWriter)
#include "tst_sqlitewriter.moc"
