// What the command line says when it is used wrongly: an unknown subcommand is an
// error that lists the commands, never a window opened on a file of that name.
#include "clisupport.h"

#include <QTest>

using te::test::runCli;

class TestCliUsage : public QObject
{
    Q_OBJECT

private slots:
    void unknownCommandIsAnError_data()
    {
        QTest::addColumn<QStringList>("arguments");
        QTest::addColumn<QString>("suggestion");
        QTest::addRow("a typo of stats") << QStringList { u"stast"_qs, u"timings.jsonl"_qs } << u"stats"_qs;
        QTest::addRow("a typo of convert") << QStringList { u"convrt"_qs } << u"convert"_qs;
        QTest::addRow("nothing close") << QStringList { u"frobnicate"_qs, u"x.jsonl"_qs } << QString();
    }
    void unknownCommandIsAnError()
    {
        QFETCH(QStringList, arguments);
        QFETCH(QString, suggestion);
        const te::test::CliRun r = runCli(arguments);
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(
            r.err.startsWith(u"error: unknown command \""_qs + arguments.front() + u'"'), qPrintable(r.err));
        if (suggestion.isEmpty())
            QVERIFY(!r.err.contains(u"did you mean"_qs));
        else
            QVERIFY2(r.err.contains(u"did you mean \""_qs + suggestion + u"\"?"_qs), qPrintable(r.err));
        // The usage lists every command.
        for (const QString& command : { u"stats"_qs, u"validate"_qs, u"chart"_qs, u"compare"_qs, u"check"_qs,
                 u"convert"_qs, u"summary"_qs })
            QVERIFY2(r.err.contains(u"timing-explorer "_qs + command), qPrintable(command));
        QVERIFY(r.out.isEmpty());
    }

    void unknownOptionIsAnError()
    {
        const te::test::CliRun r = runCli({ u"--frobnicate"_qs });
        QCOMPARE(r.exitCode, 2);
        QVERIFY(r.err.startsWith(u"error: unknown option --frobnicate"_qs));
    }
};

QTEST_GUILESS_MAIN(TestCliUsage)
#include "tst_cliusage.moc"
