// PostgreSQL through the loader and the writer, on a real server (postgressupport.h):
// runs written to the timing-storage schema load back with the same figures;
// appends never alter what is there; bad rows and bad addresses are problems that
// name the address; passwords are refused and never shown; a follower picks up
// the rows added since it last read.
#include "export/postgreswriter.h"
#include "follow/filefollower.h"
#include "follow/followupdate.h"
#include "load/appendnewlines.h"
#include "postgressupport.h"
#include "stats/summarystats.h"
#include "testsupport.h"
#include "util/databaseaddress.h"

#include <QSignalSpy>
#include <numeric>

using namespace te;
using namespace te::test;

namespace {

LoadResult load(const QString& address)
{
    LoadOptions options;
    options.files = { address };
    return loadTimingFiles(options);
}

std::vector<std::uint32_t> allRuns(const TimingDataset& data)
{
    std::vector<std::uint32_t> runs(data.runCount());
    std::iota(runs.begin(), runs.end(), 0U);
    return runs;
}

SummaryStats statsOf(const TimingDataset& data, const QString& model, const QString& metric)
{
    std::vector<double> values;
    const int id = data.metricId(metric);
    for (const std::uint32_t run : runsOfModel(data, model)) {
        if (id >= 0 && data.values(id).has(run))
            values.push_back(data.value(run, id));
    }
    return summarize(values);
}

LoadResult pairedFixture()
{
    return loadFixtures({ QStringLiteral("paired_10x2.jsonl") });
}

bool append(const LoadResult& loaded, const QString& address)
{
    QString error;
    if (appendToPostgres(loaded.dataset, allRuns(loaded.dataset), address, &error))
        return true;
    qWarning("%s", qPrintable(error));
    return false;
}

QString problemText(const LoadResult& result)
{
    QStringList lines;
    for (const Problem& problem : result.problems)
        lines << problem.toString();
    return lines.join(u'\n');
}

#define TE_SCRATCH_DATABASE(name)                                                                            \
    TE_REQUIRE_POSTGRES();                                                                                   \
    ScratchDatabase name;                                                                                    \
    QVERIFY2((name).isCreated(), "cannot create a database on the server TIMING_EXPLORER_PG_URL names")

} // namespace

class TestPostgresLoading : public QObject
{
    Q_OBJECT

private slots:
    void addressesParse();
    void passwordIsRefusedAndNeverShown();
    void roundTripGivesTheSameFigures();
    void appendingTwiceDoublesAndKeepsExistingRows();
    void writerNeverAltersATableOfAnotherShape();
    void badRowsAreProblemsNamingTheirTable();
    void flatTableByAddress();
    void connectionErrorNamesTheAddress();
    void followPicksUpNewRows();
    void followerPollsTheDatabase();
};

void TestPostgresLoading::addressesParse()
{
    QString error;
    const auto full
        = DatabaseAddress::parse(QStringLiteral("postgres://alice@db.example:6543/bench?table=runs"), &error);
    QVERIFY2(full, qPrintable(error));
    QCOMPARE(full->user, QStringLiteral("alice"));
    QCOMPARE(full->host, QStringLiteral("db.example"));
    QCOMPARE(full->port, 6543);
    QCOMPARE(full->database, QStringLiteral("bench"));
    QCOMPARE(full->table, QStringLiteral("runs"));
    QCOMPARE(full->toString(), QStringLiteral("postgresql://alice@db.example:6543/bench?table=runs"));
    const auto bare = DatabaseAddress::parse(QStringLiteral("postgresql:///bench"), &error);
    QVERIFY2(bare, qPrintable(error));
    QVERIFY(bare->host.isEmpty());
    QCOMPARE(bare->toString(), QStringLiteral("postgresql:///bench"));
    QVERIFY(!DatabaseAddress::parse(QStringLiteral("postgresql://alice@host/"), &error));
    QVERIFY(error.contains(QStringLiteral("names no database")));
    QVERIFY(!DatabaseAddress::parse(QStringLiteral("postgresql://h/db?sslmode=x"), &error));
    QVERIFY(error.contains(QStringLiteral("sslmode")));
    QVERIFY(isDatabaseAddress(QStringLiteral("POSTGRESQL://h/db")));
    QVERIFY(!isDatabaseAddress(QStringLiteral("runs.sqlite")));
}

void TestPostgresLoading::passwordIsRefusedAndNeverShown()
{
    const QString secret = QStringLiteral("s3cr3t-Pw");
    const QString address = QStringLiteral("postgresql://alice:%1@127.0.0.1:1/bench").arg(secret);
    QString error;
    QVERIFY(!DatabaseAddress::parse(address, &error));
    QVERIFY(error.contains(QStringLiteral("PGPASSWORD")));
    QVERIFY(error.contains(QStringLiteral("postgresql://alice@127.0.0.1:1/bench")));
    QVERIFY(!error.contains(secret));
    QVERIFY(!withoutPassword(address).contains(secret));

    const LoadResult loaded = load(address);
    QCOMPARE(loaded.files.size(), std::size_t(1));
    QVERIFY(!loaded.files[0].readable);
    QVERIFY(!loaded.files[0].path.contains(secret));
    QVERIFY(!loaded.files[0].name.contains(secret));
    QVERIFY(!problemText(loaded).isEmpty());
    QVERIFY(!problemText(loaded).contains(secret));

    const LoadResult runs = pairedFixture();
    QVERIFY(!appendToPostgres(runs.dataset, allRuns(runs.dataset), address, &error));
    QVERIFY(!error.contains(secret));
}

void TestPostgresLoading::roundTripGivesTheSameFigures()
{
    TE_SCRATCH_DATABASE(database);
    const LoadResult original = pairedFixture();
    QCOMPARE(original.dataset.runCount(), 20U);
    QVERIFY(append(original, database.url()));
    const LoadResult back = load(database.url());
    QVERIFY2(back.problems.empty(), qPrintable(problemText(back)));
    QCOMPARE(back.files.at(0).format, QStringLiteral("PostgreSQL"));
    QVERIFY(back.files.at(0).readable);
    QCOMPARE(back.dataset.runCount(), original.dataset.runCount());
    QCOMPARE(back.dataset.metricPaths(), original.dataset.metricPaths());
    for (const QString& model : { QStringLiteral("openai_gpt4o"), QStringLiteral("openai_gpt5") }) {
        for (const QString& metric : { QStringLiteral("total"), QStringLiteral("phase1") }) {
            const SummaryStats want = statsOf(original.dataset, model, metric);
            const SummaryStats got = statsOf(back.dataset, model, metric);
            QCOMPARE(want.n, 10);
            QCOMPARE(got.n, want.n);
            QCOMPARE(got.median, want.median);
            QCOMPARE(got.mean, want.mean);
            QCOMPARE(got.p95, want.p95);
        }
    }
    // Every run keeps its fields; the source names the fixture the runs came from.
    for (std::uint32_t run = 0; run < back.dataset.runCount(); ++run) {
        QCOMPARE(back.dataset.fieldValue(run, TimingDataset::RegistrationId),
            original.dataset.fieldValue(run, TimingDataset::RegistrationId));
        QCOMPARE(back.dataset.fieldValue(run, TimingDataset::Timestamp),
            original.dataset.fieldValue(run, TimingDataset::Timestamp));
    }
}

void TestPostgresLoading::appendingTwiceDoublesAndKeepsExistingRows()
{
    TE_SCRATCH_DATABASE(database);
    const LoadResult original = pairedFixture();
    QVERIFY(append(original, database.url()));
    const LoadResult once = load(database.url());
    QVERIFY(append(original, database.url()));
    const LoadResult twice = load(database.url());
    QVERIFY2(twice.problems.empty() || countProblems(twice, Problem::Severity::Error) == 0,
        qPrintable(problemText(twice)));
    QCOMPARE(twice.dataset.runCount(), 2 * once.dataset.runCount());
    const int total = twice.dataset.metricId(QStringLiteral("total"));
    const int phase1 = twice.dataset.metricId(QStringLiteral("phase1"));
    for (std::uint32_t run = 0; run < once.dataset.runCount(); ++run) {
        QCOMPARE(twice.dataset.value(run, total), once.dataset.value(run, total));
        QCOMPARE(twice.dataset.value(run, phase1), once.dataset.value(run, phase1));
        QCOMPARE(twice.dataset.value(run + once.dataset.runCount(), total), once.dataset.value(run, total));
        QCOMPARE(twice.dataset.fieldValue(run, TimingDataset::RegistrationId),
            once.dataset.fieldValue(run, TimingDataset::RegistrationId));
    }
}

void TestPostgresLoading::writerNeverAltersATableOfAnotherShape()
{
    TE_SCRATCH_DATABASE(database);
    QVERIFY(execPostgres(database.url(),
        { QStringLiteral("CREATE TABLE timings (id INT PRIMARY KEY, total_seconds TEXT)"),
            QStringLiteral("INSERT INTO timings VALUES (1, 'kept')") }));
    const LoadResult runs = pairedFixture();
    QString error;
    QVERIFY(!appendToPostgres(runs.dataset, allRuns(runs.dataset), database.url(), &error));
    QVERIFY2(error.startsWith(QStringLiteral("cannot write ") + database.url() + QStringLiteral(": ")),
        qPrintable(error));
    // The server's own message: the first statement that fails is an index on a missing column.
    QVERIFY2(error.contains(QStringLiteral("column \"model\" does not exist")), qPrintable(error));
    // One transaction: nothing was added, not even the tables that were missing.
    QVERIFY(execPostgres(database.url(),
        { QStringLiteral("DO $$ BEGIN IF (SELECT count(*) FROM timings) <> 1 OR to_regclass('phase_timings') "
                         "IS NOT NULL OR (SELECT count(*) FROM information_schema.columns WHERE table_name = "
                         "'timings') <> 2 THEN RAISE EXCEPTION 'altered'; END IF; END $$") }));
}

void TestPostgresLoading::badRowsAreProblemsNamingTheirTable()
{
    TE_SCRATCH_DATABASE(database);
    // A team's own tables, looser than convert's: text where times belong.
    QVERIFY(execPostgres(database.url(),
        { QStringLiteral("CREATE TABLE timings (id BIGINT PRIMARY KEY, registration_id TEXT, model TEXT, "
                         "total_seconds TEXT)"),
            QStringLiteral("CREATE TABLE phase_timings (id BIGINT PRIMARY KEY, timing_id BIGINT, "
                           "phase_name TEXT, total_seconds TEXT)"),
            QStringLiteral("INSERT INTO timings VALUES (1, 'R1', 'm', '10.5'), (2, 'R2', 'm', 'slow'), "
                           "(3, 'R3', 'm', NULL), (4, 'R4', 'm', '12')"),
            QStringLiteral("INSERT INTO phase_timings VALUES (10, 1, 'phase1', '4'), (11, 4, 'phase1', 'x'), "
                           "(12, 99, 'phase1', '1')") }));
    const LoadResult loaded = load(database.url());
    QCOMPARE(loaded.dataset.runCount(), 1U);
    QCOMPARE(valueOf(loaded.dataset, QStringLiteral("R1"), QStringLiteral("phase1")), 4.0);
    const QString problems = problemText(loaded);
    QVERIFY2(problems.contains(QStringLiteral("timings row id 2: total_seconds is not a number (\"slow\")")),
        qPrintable(problems));
    QVERIFY2(
        problems.contains(QStringLiteral("timings row id 3: total_seconds is NULL")), qPrintable(problems));
    QVERIFY2(
        problems.contains(QStringLiteral("timings row id 4, phase_timings row id 11")), qPrintable(problems));
    QVERIFY2(
        problems.contains(QStringLiteral("phase_timings row id 12: timing_id 99 matches no timings row")),
        qPrintable(problems));
    for (const Problem& problem : loaded.problems)
        QCOMPARE(problem.file, database.url());
}

void TestPostgresLoading::flatTableByAddress()
{
    TE_SCRATCH_DATABASE(database);
    QVERIFY(execPostgres(database.url(),
        { QStringLiteral("CREATE TABLE runs (id INT, registration_id TEXT, model TEXT, "
                         "total_seconds DOUBLE PRECISION, phase1_total_seconds NUMERIC)"),
            QStringLiteral("CREATE TABLE other (x INT)"),
            QStringLiteral("INSERT INTO runs VALUES (1, 'A', 'm', 20.5, 12.25), (2, 'B', 'm', 21, NULL), "
                           "(3, 'C', 'm', NULL, NULL)") }));
    const LoadResult loaded = load(database.url() + QStringLiteral("?table=runs"));
    QCOMPARE(loaded.dataset.runCount(), 2U);
    QCOMPARE(valueOf(loaded.dataset, QStringLiteral("A"), QStringLiteral("phase1")), 12.25);
    QCOMPARE(valueOf(loaded.dataset, QStringLiteral("B"), QStringLiteral("total")), 21.0);
    QVERIFY2(problemText(loaded).contains(QStringLiteral("table runs, row id 3")),
        qPrintable(problemText(loaded)));

    const LoadResult neither = load(database.url());
    QVERIFY(!neither.files.at(0).readable);
    QVERIFY(problemText(neither).contains(QStringLiteral("?table=")));
}

void TestPostgresLoading::connectionErrorNamesTheAddress()
{
    TE_SCRATCH_DATABASE(database);
    QUrl missing(database.url());
    missing.setPath(QStringLiteral("/te_no_such_database"));
    const LoadResult loaded = load(missing.toString());
    QVERIFY(!loaded.files.at(0).readable);
    QCOMPARE(loaded.problems.size(), std::size_t(1));
    QCOMPARE(loaded.problems[0].file, missing.toString());
    QVERIFY2(loaded.problems[0].message.contains(QStringLiteral("te_no_such_database")),
        qPrintable(loaded.problems[0].message)); // the server's own message
}

void TestPostgresLoading::followPicksUpNewRows()
{
    TE_SCRATCH_DATABASE(database);
    const LoadResult original = pairedFixture();
    QVERIFY(append(original, database.url()));
    LoadOptions options;
    options.files = { database.url() };
    LoadResult followed = loadTimingFiles(options);
    QCOMPARE(followed.dataset.runCount(), 20U);
    QCOMPARE(followed.files[0].completeBytes, 20); // the largest timings id read

    QVERIFY(appendNewLines(followed, 0, options)); // nothing new
    QCOMPARE(followed.dataset.runCount(), 20U);

    QVERIFY(append(original, database.url()));
    QVERIFY(appendNewLines(followed, 0, options));
    QCOMPARE(followed.dataset.runCount(), 40U);
    QCOMPARE(followed.files[0].runs, 40);
    QCOMPARE(followed.files[0].completeBytes, 40);
    const LoadResult again = loadTimingFiles(options);
    QCOMPARE(followed.dataset.runCount(), again.dataset.runCount());
    const int total = again.dataset.metricId(QStringLiteral("total"));
    for (std::uint32_t run = 0; run < again.dataset.runCount(); ++run)
        QCOMPARE(followed.dataset.value(run, followed.dataset.metricId(QStringLiteral("total"))),
            again.dataset.value(run, total));
    // The appended runs repeat the first ones: warned about as a load warns.
    QCOMPARE(countProblems(followed, Problem::Severity::Warning),
        countProblems(again, Problem::Severity::Warning));
}

// The window's way: the follower reports the database every few polls, and the
// update it starts reads the new rows, or finds none.
void TestPostgresLoading::followerPollsTheDatabase()
{
    TE_SCRATCH_DATABASE(database);
    const LoadResult original = pairedFixture();
    QVERIFY(append(original, database.url()));
    LoadOptions options;
    options.files = { database.url() };
    const LoadResult first = loadTimingFiles(options);
    FileFollower follower;
    QSignalSpy reports(&follower, &FileFollower::filesChanged);
    follower.setFiles(options.files);
    follower.setEnabled(true);
    QVERIFY(reports.wait(5000));
    QCOMPARE(reports.takeFirst().at(0).value<QList<int>>(), QList<int> { 0 });
    bool reloaded = true;
    const LoadResult unchanged
        = followUpdate(first.dataset, first.problems, first.files, { 0 }, options, &reloaded);
    QVERIFY(!reloaded);
    QCOMPARE(unchanged.dataset.runCount(), 20U);

    QVERIFY(append(original, database.url()));
    QVERIFY(reports.wait(5000));
    const LoadResult grown
        = followUpdate(first.dataset, first.problems, first.files, { 0 }, options, &reloaded);
    QVERIFY(!reloaded);
    QCOMPARE(grown.dataset.runCount(), 40U);
}

QTEST_GUILESS_MAIN(TestPostgresLoading)
#include "tst_postgresloading.moc"
