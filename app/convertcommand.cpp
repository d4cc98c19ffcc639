#include "convertcommand.h"

#include "clicommon.h"
#include "export/chrometracewriter.h"
#include "export/jsonlwriter.h"
#include "export/postgreswriter.h"
#include "export/safewrite.h"
#include "export/sqlitewriter.h"
#include "util/databaseaddress.h"

namespace te::cli {

namespace {

// The output as the closing line names it: a database address as DatabaseAddress
// shows it (written means it carried no password).
QString shownOutput(const QString& output)
{
    if (output == u"-")
        return QStringLiteral("stdout");
    if (isDatabaseAddress(output))
        return withoutPassword(output);
    return output;
}

} // namespace

int runConvert(const QStringList& arguments)
{
    Streams io;
    QCommandLineParser parser;
    parser.setApplicationDescription(
        QStringLiteral("Convert timing files of any supported shape to JSON Lines in the proposed "
                       "structure (run_metadata + timings), one run a line, or, for an output named "
                       "*.sqlite, *.sqlite3 or *.db, to a SQLite database in the timing-storage schema "
                       "(timings, phase_timings, nodes), or, for an output postgresql://USER@HOST[:PORT]/DB, "
                       "appended to those tables in PostgreSQL (created when missing), or, with --to "
                       "chrome-trace, to a Chrome trace for Perfetto, speedscope or chrome://tracing. Inputs "
                       "are never modified."));
    addInputOptions(parser);
    parser.addOption({ { QStringLiteral("o"), QStringLiteral("output") },
        QStringLiteral("The JSON Lines or SQLite file to write (replaced atomically), a PostgreSQL "
                       "address to append to, or - for stdout (JSON Lines)."),
        QStringLiteral("OUT") });
    parser.addOption({ QStringLiteral("to"),
        QStringLiteral("The output format: chrome-trace (Trace Event JSON; each run a process, its "
                       "nodes laid out one after another). Default: from -o as above."),
        QStringLiteral("FORMAT") });
    int exitCode = Ok;
    if (!parseArguments(parser, arguments, io, exitCode))
        return exitCode;
    const QString output = parser.value(QStringLiteral("output"));
    if (output.isEmpty()) {
        io.err << "error: no output given; use -o OUT.jsonl, or -o - for stdout\n";
        return BadUsage;
    }
    const bool chromeTrace = parser.value(QStringLiteral("to")) == u"chrome-trace";
    if (parser.isSet(QStringLiteral("to")) && !chromeTrace) {
        io.err << "error: unknown --to \"" << parser.value(QStringLiteral("to")) << "\"; use chrome-trace\n";
        return BadUsage;
    }
    if (chromeTrace && isDatabaseAddress(output)) {
        io.err << "error: --to chrome-trace writes a file or stdout, not a database\n";
        return BadUsage;
    }
    if (QString error; isDatabaseAddress(output) && !DatabaseAddress::parse(output, &error)) {
        io.err << "error: " << error << '\n';
        return BadUsage;
    }
    const auto loaded = loadInputs(parser, io, false);
    if (!loaded)
        return BadUsage;
    const auto runs = filteredRuns(parser, loaded->dataset, io);
    if (!runs)
        return BadUsage;
    // A missing input must not leave a partial conversion that looks complete.
    if (loaded->anyFileUnreadable()) {
        io.err << "error: not converting, as an input file could not be read\n";
        return Failure;
    }

    const auto writeRuns = [&](QIODevice& device, QString* reason) {
        return chromeTrace ? convertToChromeTrace(loaded->dataset, *runs, device, reason)
                           : convertToJsonl(loaded->dataset, *runs, device, reason);
    };
    QString error;
    bool written = false;
    if (output == u"-")
        written = writeToStandardOutput(writeRuns, &error);
    else if (isDatabaseAddress(output))
        written = appendToPostgres(loaded->dataset, *runs, output, &error);
    else if (chromeTrace)
        written = convertToChromeTraceFile(loaded->dataset, *runs, output, inputFiles(parser), &error);
    else if (isSqliteOutputPath(output))
        written = convertToSqliteFile(loaded->dataset, *runs, output, inputFiles(parser), &error);
    else
        written = convertToJsonlFile(loaded->dataset, *runs, output, inputFiles(parser), &error);
    if (!written) {
        io.err << "error: " << error << '\n';
        return Failure;
    }
    io.err << "converted " << runs->size() << " runs from " << parser.positionalArguments().size()
           << " files to " << shownOutput(output) << '\n';
    return Ok;
}

} // namespace te::cli
