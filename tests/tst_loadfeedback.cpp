// What a command shows while it loads: the progress line's text, and that it is
// drawn on a terminal only (a pseudo-terminal through script(1)) and cleared.
#include "clisupport.h"
#include "load/loadprogresstext.h"
#include "testsupport.h"

#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace te;
using namespace te::test;

class TestLoadFeedback : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    QString m_file;

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        // Enough lines for several progress reports.
        m_file = m_dir.filePath(u"runs.jsonl"_qs);
        QFile file(m_file);
        QVERIFY(file.open(QIODevice::WriteOnly));
        for (int i = 0; i < 20000; ++i)
            file.write(QStringLiteral(R"({"registration_id":"R%1","model":"m%2","total_seconds":%3})"
                                      "\n")
                           .arg(i)
                           .arg(i % 2)
                           .arg(10 + i % 7)
                           .toUtf8());
    }

    void textSaysWhatWasReadHowFastAndWhatIsLeft()
    {
        // 412 MB of 589 MB in 2 s: 206 MB/s, so 177 MB take 0.86 s more.
        QCOMPARE(loadProgressText({ 412'000'000, 589'000'000, 700'000 }, 2.0),
            u"reading 412 MB of 589 MB (69 %), 350 k runs/s, under a second left"_qs);
        // 1 GB of 5.9 GB in 1.5 s: 4.9 GB at 0.667 GB/s take 7.35 s, said as 8.
        QCOMPARE(loadProgressText({ 1'000'000'000, 5'900'000'000, 1'700'000 }, 1.5),
            u"reading 1.00 GB of 5.90 GB (16 %), 1.13 M runs/s, about 8 s left"_qs);
        // 3.4 GB left at 0.833 GB/s: 4.08 s, said as 5.
        QCOMPARE(loadProgressText({ 2'500'000'000, 5'900'000'000, 4'200'000 }, 3.0),
            u"reading 2.50 GB of 5.90 GB (42 %), 1.40 M runs/s, about 5 s left"_qs);
        // Nothing read yet: no rate and no estimate, rather than a division by zero.
        QCOMPARE(loadProgressText({ 0, 589'000'000, 0 }, 0.0), u"reading 0 kB of 589 MB (0 %)"_qs);
        // Over a minute left: minutes and seconds.
        QCOMPARE(loadProgressText({ 100'000'000, 9'100'000'000, 170'000 }, 1.0),
            u"reading 100 MB of 9.10 GB (1 %), 170 k runs/s, about 1 min 30 s left"_qs);
        // All read: nothing left to estimate.
        QCOMPARE(loadProgressText({ 589'000'000, 589'000'000, 1'000'000 }, 1.0),
            u"reading 589 MB of 589 MB (100 %), 1.00 M runs/s"_qs);
        // A total unknown (0): what was read and the rate only.
        QCOMPARE(loadProgressText({ 5'000'000, 0, 900 }, 1.0), u"reading 5 MB, 900 runs/s"_qs);
    }

    void nothingExtraWhenStderrIsNoTerminal()
    {
        qputenv("TIMING_EXPLORER_PROGRESS_AFTER_MS", "0");
        const CliRun run = runCli({ u"stats"_qs, m_file, u"--group-by"_qs, u"model"_qs });
        qunsetenv("TIMING_EXPLORER_PROGRESS_AFTER_MS");
        QCOMPARE(run.exitCode, 0);
        QVERIFY2(run.err.isEmpty(), qPrintable(run.err));
        QVERIFY(run.out.contains(u"m1"_qs));
    }

    void aTerminalSeesTheLineAndThenItsClearing()
    {
        const QString script = QStandardPaths::findExecutable(u"script"_qs);
        if (script.isEmpty())
            QSKIP("script(1) is not installed (util-linux)");
        QProcess process;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(u"TIMING_EXPLORER_PROGRESS_AFTER_MS"_qs, u"0"_qs);
        env.insert(u"TERM"_qs, u"xterm"_qs);
        env.remove(u"DISPLAY"_qs);
        env.remove(u"QT_QPA_PLATFORM"_qs);
        process.setProcessEnvironment(env);
        // script runs the command on a pseudo-terminal and copies what it shows.
        const QString command = QStringLiteral("'%1' stats '%2' --group-by model --format csv")
                                    .arg(QStringLiteral(TIMING_EXPLORER_BINARY), m_file);
        process.start(script, { u"-qec"_qs, command, u"/dev/null"_qs });
        QVERIFY(process.waitForFinished(60000));
        QCOMPARE(process.exitCode(), 0);
        const QString shown = QString::fromUtf8(process.readAllStandardOutput());
        const qsizetype line = shown.indexOf(u"\rreading "_qs);
        QVERIFY2(line >= 0, qPrintable(shown));
        QVERIFY2(shown.contains(u" of "_qs) && shown.contains(u" runs/s"_qs), qPrintable(shown));
        // Cleared before the results: the table starts on a clean line.
        const qsizetype cleared = shown.lastIndexOf(u"\r\x1b[K"_qs);
        const qsizetype results = shown.indexOf(u"m0"_qs);
        QVERIFY2(cleared > line && results > cleared, qPrintable(shown));
    }
};

QTEST_GUILESS_MAIN(TestLoadFeedback)
#include "tst_loadfeedback.moc"
