// The command line on PostgreSQL, run as a user would through QProcess: convert
// -o postgresql://…, then stats, validate, summary, check and chart reading the
// address, and a password in an address refused without ever being printed.
#include "clisupport.h"
#include "postgressupport.h"
#include "testsupport.h"

#include <QTemporaryDir>

using namespace te;
using namespace te::test;

namespace {

QString fixture()
{
    return QFINDTESTDATA(QStringLiteral("data/paired_10x2.jsonl"));
}

} // namespace

class TestPostgresCli : public QObject
{
    Q_OBJECT

private slots:
    void convertThenStatsMatchJsonl();
    void everyCommandReadsAnAddress();
    void passwordInAnAddressIsNeverPrinted();
    void badAddressIsAUsageError();
};

void TestPostgresCli::convertThenStatsMatchJsonl()
{
    TE_REQUIRE_POSTGRES();
    ScratchDatabase database;
    QVERIFY(database.isCreated());
    const CliRun convert
        = runCli({ QStringLiteral("convert"), fixture(), QStringLiteral("-o"), database.url() });
    QCOMPARE(convert.exitCode, 0);
    QVERIFY2(convert.err.contains(QStringLiteral("converted 20 runs from 1 files to ") + database.url()),
        qPrintable(convert.err));
    const QStringList options { QStringLiteral("--group-by"), QStringLiteral("model"),
        QStringLiteral("--format"), QStringLiteral("csv") };
    const CliRun fromDatabase = runCli(QStringList { QStringLiteral("stats"), database.url() } + options);
    const CliRun fromFile = runCli(QStringList { QStringLiteral("stats"), fixture() } + options);
    QCOMPARE(fromDatabase.exitCode, 0);
    QVERIFY2(fromDatabase.err.isEmpty(), qPrintable(fromDatabase.err));
    QCOMPARE(fromDatabase.out, fromFile.out);
    QVERIFY(fromDatabase.out.contains(QStringLiteral("openai_gpt5,total,10,")));

    // A second convert appends: the same figures, twice the runs.
    QCOMPARE(
        runCli({ QStringLiteral("convert"), fixture(), QStringLiteral("-o"), database.url() }).exitCode, 0);
    const CliRun doubled = runCli(QStringList { QStringLiteral("stats"), database.url() } + options);
    QVERIFY2(doubled.out.contains(QStringLiteral("openai_gpt5,total,20,")), qPrintable(doubled.out));
}

void TestPostgresCli::everyCommandReadsAnAddress()
{
    TE_REQUIRE_POSTGRES();
    ScratchDatabase database;
    QVERIFY(database.isCreated());
    QCOMPARE(
        runCli({ QStringLiteral("convert"), fixture(), QStringLiteral("-o"), database.url() }).exitCode, 0);
    const QString url = database.url();

    const CliRun validate = runCli({ QStringLiteral("validate"), url });
    QCOMPARE(validate.exitCode, 0);
    QVERIFY2(validate.out.contains(QStringLiteral("20 runs")), qPrintable(validate.out));

    const CliRun summary
        = runCli({ QStringLiteral("summary"), url, QStringLiteral("-o"), QStringLiteral("-") });
    QCOMPARE(summary.exitCode, 0);
    QCOMPARE(summary.out.count(u'\n'), 21); // a header and the 20 runs

    QTemporaryDir dir;
    const QString out = dir.filePath(QStringLiteral("back.jsonl"));
    QCOMPARE(runCli({ QStringLiteral("convert"), url, QStringLiteral("-o"), out }).exitCode, 0);
    QCOMPARE(readAll(out).count('\n'), 20);

    const CliRun chart = runCli({ QStringLiteral("chart"), url, QStringLiteral("--kind"),
        QStringLiteral("box"), QStringLiteral("-o"), dir.filePath(QStringLiteral("box.json")) });
    QVERIFY2(chart.exitCode == 0, qPrintable(chart.err));

    const CliRun check
        = runCli({ QStringLiteral("check"), url, QStringLiteral("--baseline-file"), fixture() });
    QVERIFY2(check.exitCode == 0, qPrintable(check.out + check.err));
}

void TestPostgresCli::passwordInAnAddressIsNeverPrinted()
{
    const QString secret = QStringLiteral("hunter2-Xq");
    const QString address = QStringLiteral("postgresql://alice:%1@127.0.0.1:1/bench").arg(secret);
    for (const QStringList& arguments : { QStringList { QStringLiteral("stats"), address },
             QStringList { QStringLiteral("validate"), address },
             QStringList { QStringLiteral("convert"), fixture(), QStringLiteral("-o"), address } }) {
        const CliRun run = runCli(arguments);
        QCOMPARE(run.exitCode, 2);
        QVERIFY2(!run.out.contains(secret) && !run.err.contains(secret), qPrintable(run.err));
        QVERIFY2(run.err.contains(QStringLiteral("PGPASSWORD")), qPrintable(run.err));
        QVERIFY2(
            run.err.contains(QStringLiteral("postgresql://alice@127.0.0.1:1/bench")), qPrintable(run.err));
    }
}

void TestPostgresCli::badAddressIsAUsageError()
{
    const CliRun run = runCli({ QStringLiteral("stats"), QStringLiteral("postgresql://host") });
    QCOMPARE(run.exitCode, 2);
    QVERIFY2(run.err.contains(QStringLiteral("names no database")), qPrintable(run.err));
}

QTEST_GUILESS_MAIN(TestPostgresCli)
#include "tst_postgrescli.moc"
