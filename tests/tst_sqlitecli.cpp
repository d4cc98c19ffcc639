// The command line on SQLite: `stats runs.db` (with --table) and
// `convert FILE -o OUT.sqlite`, run as a user would through QProcess.
#include "clisupport.h"
#include "sqlitesupport.h"
#include "testsupport.h"

#include <QTemporaryDir>

using namespace te;
using namespace te::test;

class TestSqliteCli : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void statsOfADatabaseMatchJsonl();
    void convertWritesADatabase();
    void tableOption();
    void convertNeverOverwritesItsInput();

private:
    QTemporaryDir m_dir;
    QString path(const QString& name) const { return m_dir.filePath(name); }
};

void TestSqliteCli::initTestCase()
{
    QVERIFY(writeFile(path(QStringLiteral("ten.jsonl")), TenByTwo::jsonl()));
    QVERIFY(TenByTwo::write(path(QStringLiteral("runs.db"))));
}

void TestSqliteCli::statsOfADatabaseMatchJsonl()
{
    const QStringList options { QStringLiteral("--group-by"), QStringLiteral("model"),
        QStringLiteral("--format"), QStringLiteral("csv") };
    const CliRun db
        = runCli(QStringList { QStringLiteral("stats"), path(QStringLiteral("runs.db")) } + options);
    const CliRun jsonl
        = runCli(QStringList { QStringLiteral("stats"), path(QStringLiteral("ten.jsonl")) } + options);
    QCOMPARE(db.exitCode, 0);
    QVERIFY2(db.err.isEmpty(), qPrintable(db.err));
    QCOMPARE(db.out, jsonl.out);
    QVERIFY2(db.out.contains(u"model_a,total,10,") && db.out.contains(u"49.375"), qPrintable(db.out));
    QVERIFY2(db.out.contains(u"55.375"), qPrintable(db.out));
}

void TestSqliteCli::convertWritesADatabase()
{
    const QString out = path(QStringLiteral("converted.sqlite"));
    QVERIFY(writeFile(out, "an older file, replaced as convert replaces any output"));
    const CliRun convert
        = runCli({ QStringLiteral("convert"), path(QStringLiteral("ten.jsonl")), QStringLiteral("-o"), out });
    QCOMPARE(convert.exitCode, 0);
    QVERIFY2(convert.err.contains(u"converted 20 runs from 1 files to"), qPrintable(convert.err));
    QVERIFY(readAll(out).startsWith(QByteArray("SQLite format 3", 16)));
    const CliRun stats
        = runCli({ QStringLiteral("stats"), out, QStringLiteral("--group-by"), QStringLiteral("model") });
    QCOMPARE(stats.exitCode, 0);
    QVERIFY2(stats.out.contains(u"49.375") && stats.out.contains(u"55.375"), qPrintable(stats.out));
    // And back to JSON Lines, through `.db` as well.
    const QString db = path(QStringLiteral("converted.db"));
    QCOMPARE(runCli({ QStringLiteral("convert"), out, QStringLiteral("-o"), db }).exitCode, 0);
    const CliRun back = runCli({ QStringLiteral("convert"), db, QStringLiteral("-o"), QStringLiteral("-") });
    QCOMPARE(back.exitCode, 0);
    QCOMPARE(back.out.count(u'\n'), 20);
    QVERIFY(back.out.startsWith(u"{\"run_metadata\":{\"registration_id\":\"SPUS55550\""));
}

void TestSqliteCli::tableOption()
{
    const QString db = path(QStringLiteral("tables.db"));
    QVERIFY(execSql(db,
        { QStringLiteral("CREATE TABLE a (registration_id TEXT, total_seconds REAL)"),
            QStringLiteral("INSERT INTO a VALUES ('A1', 1.5)"),
            QStringLiteral("CREATE TABLE b (registration_id TEXT, total_seconds REAL)"),
            QStringLiteral("INSERT INTO b VALUES ('B1', 2.5)"),
            QStringLiteral("INSERT INTO b VALUES ('B2', 3.5)") }));
    const CliRun without = runCli({ QStringLiteral("stats"), db });
    QVERIFY(without.exitCode != 0);
    QVERIFY2(without.err.contains(u"--table") && without.err.contains(u"a, b"), qPrintable(without.err));
    const CliRun withB
        = runCli({ QStringLiteral("stats"), db, QStringLiteral("--table"), QStringLiteral("b") });
    QCOMPARE(withB.exitCode, 0);
    QVERIFY2(withB.out.contains(u"all    total   2"), qPrintable(withB.out));
    const CliRun validate
        = runCli({ QStringLiteral("validate"), db, QStringLiteral("--table"), QStringLiteral("a") });
    QCOMPARE(validate.exitCode, 0);
    QVERIFY2(validate.out.contains(u"1 runs loaded"), qPrintable(validate.out));
}

void TestSqliteCli::convertNeverOverwritesItsInput()
{
    const QString db = path(QStringLiteral("runs.db"));
    const QByteArray before = readAll(db);
    const CliRun convert = runCli({ QStringLiteral("convert"), db, QStringLiteral("-o"), db });
    QVERIFY(convert.exitCode != 0);
    QVERIFY2(convert.err.contains(u"it is the input file"), qPrintable(convert.err));
    QCOMPARE(readAll(db), before);
}

QTEST_GUILESS_MAIN(TestSqliteCli)
#include "tst_sqlitecli.moc"
