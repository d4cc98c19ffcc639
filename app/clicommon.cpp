#include "clicommon.h"

#include "loadfeedback.h"
#include "util/databaseaddress.h"

#include <QRegularExpression>
#include <charconv>
#include <cmath>
#include <cstdio>
#include <cstdlib>

namespace te::cli {

Streams::Streams()
    : out(stdout)
    , err(stderr)
{ }

void addTraceOptions(QCommandLineParser& parser)
{
    parser.addOption({ QStringLiteral("same-name-spans"),
        QStringLiteral("How OpenTelemetry spans and Chrome trace events of one name under one parent are "
                       "read: number (tool_call#1, tool_call#2, in start order; the default) or sum (one "
                       "node)."),
        QStringLiteral("number|sum"), QStringLiteral("number") });
    parser.addOption({ QStringLiteral("chrome-runs"),
        QStringLiteral("How a Chrome trace is cut into runs: process (one run per pid; the default) or "
                       "top-level (one run per event that no other event of its thread contains)."),
        QStringLiteral("process|top-level"), QStringLiteral("process") });
}

void addInputOptions(QCommandLineParser& parser)
{
    parser.addOption({ QStringLiteral("mapping"),
        QStringLiteral("JSON file mapping CSV columns to timing nodes: {\"column\": \"node/path\"}."),
        QStringLiteral("FILE") });
    parser.addOption({ QStringLiteral("table"),
        QStringLiteral(
            "The table of a SQLite or PostgreSQL input to read as flat rows (default: the timings and "
            "phase_timings tables, or the only table)."),
        QStringLiteral("T") });
    addTraceOptions(parser);
    parser.addOption({ QStringLiteral("filter"),
        QStringLiteral("Keep runs matching EXPR (FIELD=V, FIELD!=V, FIELD~REGEX, METRIC>N, <, >=, <=). "
                       "Repeatable; filters combine with AND."),
        QStringLiteral("EXPR") });
    parser.addPositionalArgument(QStringLiteral("FILE"),
        QStringLiteral(
            "Timing files (JSON Lines, JSON, CSV, SQLite, OpenTelemetry OTLP/JSON traces or "
            "Chrome traces), or PostgreSQL databases: postgresql://USER@HOST[:PORT]/DB[?table=T]."),
        QStringLiteral("FILE..."));
}

std::optional<LoadResult> loadInputs(
    const QCommandLineParser& parser, Streams& io, bool quiet, const LoadProjection& projection)
{
    return loadFiles(parser, parser.positionalArguments(), io, quiet, projection);
}

std::optional<LoadResult> loadFiles(const QCommandLineParser& parser, const QStringList& files, Streams& io,
    bool quiet, const LoadProjection& projection)
{
    LoadOptions options;
    options.projection = projection;
    options.files = files;
    options.table = parser.value(QStringLiteral("table"));
    const QString sameNameSpans = parser.value(QStringLiteral("same-name-spans"));
    if (sameNameSpans == QStringLiteral("sum")) {
        options.sameNameSpans = SameNameSpans::Sum;
    } else if (sameNameSpans != QStringLiteral("number")) {
        io.err << "error: unknown --same-name-spans \"" << sameNameSpans << "\"; use number or sum\n";
        return std::nullopt;
    }
    const QString chromeRuns = parser.value(QStringLiteral("chrome-runs"));
    if (chromeRuns == QStringLiteral("top-level")) {
        options.chromeRuns = ChromeRuns::TopLevel;
    } else if (chromeRuns != QStringLiteral("process")) {
        io.err << "error: unknown --chrome-runs \"" << chromeRuns << "\"; use process or top-level\n";
        return std::nullopt;
    }
    if (options.files.isEmpty()) {
        io.err << "error: no input file given\n";
        return std::nullopt;
    }
    // A database address that cannot be used (one with a password, above all) is a
    // usage error, said before anything is loaded; its message never shows a password.
    for (const QString& file : options.files) {
        QString error;
        if (isDatabaseAddress(file) && !DatabaseAddress::parse(file, &error)) {
            io.err << "error: " << error << '\n';
            return std::nullopt;
        }
    }
    if (parser.isSet(QStringLiteral("mapping"))) {
        QString error;
        options.mapping = ColumnMapping::load(parser.value(QStringLiteral("mapping")), &error);
        if (!options.mapping) {
            io.err << "error: " << error << '\n';
            return std::nullopt;
        }
    }
    io.err.flush(); // what was said before the progress line stays above it
    LoadResult result;
    {
        LoadFeedback feedback;
        options.progress
            = [&feedback](const LoadProgress& progress) { return feedback.onProgress(progress); };
        result = loadTimingFiles(options);
    }
    if (result.cancelled) {
        io.err << "interrupted: nothing was written\n";
        io.err.flush();
        std::exit(Interrupted);
    }
    if (!quiet) {
        for (const Problem& problem : result.problems) {
            if (problem.line == 0 && problem.severity != Problem::Severity::Info)
                io.err << problem.toString() << '\n';
        }
        if (result.rejectedLines() > 0 || result.warningCount() > 0)
            io.err << "note: " << result.summaryLine() << " (run 'validate' for the details)\n";
    }
    return result;
}

QStringList inputFiles(const QCommandLineParser& parser)
{
    QStringList files = parser.positionalArguments();
    if (parser.isSet(QStringLiteral("mapping")))
        files << parser.value(QStringLiteral("mapping"));
    return files;
}

std::optional<std::vector<std::uint32_t>> filteredRuns(
    const QCommandLineParser& parser, const TimingDataset& data, Streams& io)
{
    std::vector<RunFilter> filters;
    for (const QString& expression : parser.values(QStringLiteral("filter"))) {
        QString error;
        auto filter = RunFilter::parse(expression, data, &error);
        if (!filter) {
            io.err << "error: " << error << '\n';
            return std::nullopt;
        }
        filters.push_back(std::move(*filter));
    }
    return filterRuns(data, filters);
}

QStringList splitList(const QStringList& values)
{
    QStringList items;
    for (const QString& value : values) {
        for (const QString& item : value.split(u',', Qt::SkipEmptyParts))
            items.append(item.trimmed());
    }
    return items;
}

QString exactNumber(double value)
{
    if (std::isnan(value))
        return {};
    char buffer[32];
    const auto result = std::to_chars(buffer, buffer + sizeof buffer, value);
    return QString::fromLatin1(buffer, static_cast<qsizetype>(result.ptr - buffer));
}

bool acceptFormat(const QCommandLineParser& parser, const QStringList& allowed, Streams& io)
{
    const QString format = parser.value(QStringLiteral("format"));
    if (allowed.contains(format))
        return true;
    QString choices = allowed.first();
    for (qsizetype i = 1; i < allowed.size(); ++i)
        choices += (i + 1 == allowed.size() ? QStringLiteral(" or ") : QStringLiteral(", ")) + allowed[i];
    io.err << "error: unknown --format \"" << format << "\"; use " << choices << '\n';
    return false;
}

bool parseArguments(QCommandLineParser& parser, const QStringList& arguments, Streams& io, int& exitCode)
{
    const QCommandLineOption help = parser.addHelpOption();
    if (!parser.parse(arguments)) {
        io.err << "error: " << parser.errorText() << '\n';
        exitCode = BadUsage;
        return false;
    }
    if (parser.isSet(help)) {
        io.out << parser.helpText();
        exitCode = Ok;
        return false;
    }
    return true;
}

std::optional<QSize> pictureSize(const QCommandLineParser& parser, Streams& io)
{
    const QStringList size
        = parser.value(QStringLiteral("size")).split(QRegularExpression(QStringLiteral("[x×]")));
    const QSize pixels(size.value(0).toInt(), size.value(1).toInt());
    if (pixels.width() < 100 || pixels.height() < 100) {
        io.err << "error: --size must be like 1600x900 (at least 100x100)\n";
        return std::nullopt;
    }
    return pixels;
}

} // namespace te::cli
