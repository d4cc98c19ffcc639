#include "validatecommand.h"

#include "clicommon.h"

namespace te::cli {

int runValidate(const QStringList& arguments)
{
    Streams io;
    QCommandLineParser parser;
    parser.setApplicationDescription(
        QStringLiteral("Check timing files and list every problem: FILE:LINE: message."));
    parser.addOption({ QStringLiteral("mapping"),
        QStringLiteral("JSON file mapping CSV columns to timing nodes: {\"column\": \"node/path\"}."),
        QStringLiteral("FILE") });
    parser.addOption({ QStringLiteral("table"),
        QStringLiteral("The table of a SQLite input to read as flat rows."), QStringLiteral("T") });
    addTraceOptions(parser);
    parser.addPositionalArgument(QStringLiteral("FILE"),
        QStringLiteral("Timing files (JSON Lines, JSON, CSV, SQLite, OpenTelemetry OTLP/JSON traces or "
                       "Chrome traces)."),
        QStringLiteral("FILE..."));
    int exitCode = Ok;
    if (!parseArguments(parser, arguments, io, exitCode))
        return exitCode;
    const auto loaded = loadInputs(parser, io, true);
    if (!loaded)
        return BadUsage;
    for (const Problem& problem : loaded->problems) {
        const QString prefix
            = problem.line > 0 ? problem.file + u':' + QString::number(problem.line) : problem.file;
        io.out << prefix << ": " << severityName(problem.severity) << ": " << problem.message << '\n';
    }
    io.out << loaded->summaryLine() << '\n';
    return loaded->rejectedLines() > 0 || loaded->anyFileUnreadable() ? Failure : Ok;
}

} // namespace te::cli
