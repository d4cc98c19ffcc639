#pragma once

// Runs the built timing-explorer binary as a user would, through QProcess.

#include <QProcess>
#include <QString>
#include <QStringList>
#include <QTest>

namespace te::test {

struct CliRun
{
    int exitCode = -1;
    QString out;
    QString err;
};

/// Runs `timing-explorer ARGUMENTS` without a display (subcommands must not need
/// one) and waits up to a minute for it.
inline CliRun runCli(const QStringList& arguments)
{
    QProcess process;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.remove(QStringLiteral("DISPLAY"));
    env.remove(QStringLiteral("QT_QPA_PLATFORM"));
    process.setProcessEnvironment(env);
    process.start(QStringLiteral(TIMING_EXPLORER_BINARY), arguments);
    if (!process.waitForFinished(60000))
        qFatal("timing-explorer did not finish");
    return { process.exitCode(), QString::fromUtf8(process.readAllStandardOutput()),
        QString::fromUtf8(process.readAllStandardError()) };
}

} // namespace te::test
