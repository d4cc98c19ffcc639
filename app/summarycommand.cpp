#include "summarycommand.h"

#include "clicommon.h"
#include "export/csvexport.h"
#include "export/csvfilewriter.h"
#include "export/exportcolumns.h"

#include <memory>

namespace te::cli {

namespace {

void addSummaryOptions(QCommandLineParser& parser)
{
    const auto add = [&](const QString& name, const QString& description, const QString& value = {}) {
        parser.addOption({ name, description, value });
    };
    parser.addOption({ { QStringLiteral("o"), QStringLiteral("output") },
        QStringLiteral("The CSV file to write; - for stdout."), QStringLiteral("FILE") });
    add(QStringLiteral("preset"),
        QStringLiteral("Per-run columns: summary (registration_id, total_seconds, model, timestamp; the "
                       "default), phases (adds constellation and each phase) or all (every field and node)."),
        QStringLiteral("NAME"));
    add(QStringLiteral("columns"),
        QStringLiteral(
            "Per-run columns, comma-separated: fields (model), node paths (phase1/agent_conversation) "
            "or machine names (phase1_agent_conversation_seconds), line, ratio_to_median."),
        QStringLiteral("A,B,..."));
    add(QStringLiteral("per-group"), QStringLiteral("One row per group of these fields, with statistics."),
        QStringLiteral("F[,F]"));
    add(QStringLiteral("stats"),
        QStringLiteral(
            "With --per-group: any of n, mean, median, p90, p95, p99, min, max, stddev (default: all)."),
        QStringLiteral("S[,S]"));
    add(QStringLiteral("metric"),
        QStringLiteral(
            "With --per-group or --long: a timing node. Repeatable; default: total and every phase "
            "(per group), every node (long)."),
        QStringLiteral("PATH"));
    add(QStringLiteral("long"),
        QStringLiteral("One row per run and node: the well-known fields, node, seconds."));
    add(QStringLiteral("delimiter"),
        QStringLiteral("',', ';' or tab (default ',', or ';' with --decimal ,)."), QStringLiteral("D"));
    add(QStringLiteral("decimal"), QStringLiteral("Decimal separator: . or , (default .)."),
        QStringLiteral("C"));
    add(QStringLiteral("precision"), QStringLiteral("Decimals of every number, 0 to 12 (default 3)."),
        QStringLiteral("N"));
    add(QStringLiteral("ms"), QStringLiteral("Durations in milliseconds instead of seconds."));
    add(QStringLiteral("bom"), QStringLiteral("Start with a UTF-8 byte order mark (the default)."));
    add(QStringLiteral("no-bom"), QStringLiteral("No byte order mark."));
    add(QStringLiteral("crlf"), QStringLiteral("CRLF line ends."));
    add(QStringLiteral("readable-headers"),
        QStringLiteral("Headers such as 'Phase 1 · agent conversation (s)'."));
    add(QStringLiteral("excel-timestamps"), QStringLiteral("Timestamps as yyyy-mm-dd hh:mm:ss (UTC)."));
    add(QStringLiteral("no-injection-guard"),
        QStringLiteral("Do not prefix text cells starting with = + - @ tab or CR with an apostrophe."));
}

// The format options; nullopt with `error` when one is unusable.
std::optional<CsvFormat> formatFromOptions(const QCommandLineParser& parser, Streams& io, QString* error)
{
    CsvFormat format;
    if (parser.isSet(QStringLiteral("decimal"))) {
        const QString decimal = parser.value(QStringLiteral("decimal"));
        if (decimal != u"." && decimal != u",") {
            *error = QStringLiteral("--decimal must be . or ,");
            return std::nullopt;
        }
        format.decimal = decimal.front();
    }
    if (parser.isSet(QStringLiteral("delimiter"))) {
        const QString delimiter = parser.value(QStringLiteral("delimiter"));
        if (delimiter == u"tab" || delimiter == u"\t" || delimiter == u"\\t")
            format.delimiter = u'\t';
        else if (delimiter == u"," || delimiter == u";")
            format.delimiter = delimiter.front();
        else {
            *error = QStringLiteral("--delimiter must be ',', ';' or tab, not \"%1\"").arg(delimiter);
            return std::nullopt;
        }
    } else if (format.decimal == u',') {
        format.delimiter = u';';
        io.err << "note: with --decimal , the delimiter is ';', as Excel expects where the decimal separator "
                  "is a comma (--delimiter chooses another)\n";
    }
    if (parser.isSet(QStringLiteral("precision"))) {
        bool ok = false;
        format.precision = parser.value(QStringLiteral("precision")).toInt(&ok);
        if (!ok || format.precision < 0 || format.precision > 12) {
            *error = QStringLiteral("--precision must be a whole number from 0 to 12");
            return std::nullopt;
        }
    }
    if (parser.isSet(QStringLiteral("bom")) && parser.isSet(QStringLiteral("no-bom"))) {
        *error = QStringLiteral("--bom and --no-bom contradict each other");
        return std::nullopt;
    }
    format.bom = !parser.isSet(QStringLiteral("no-bom"));
    format.milliseconds = parser.isSet(QStringLiteral("ms"));
    format.crlf = parser.isSet(QStringLiteral("crlf"));
    format.injectionGuard = !parser.isSet(QStringLiteral("no-injection-guard"));
    if (parser.isSet(QStringLiteral("readable-headers")))
        format.headers = CsvFormat::Headers::Readable;
    if (parser.isSet(QStringLiteral("excel-timestamps")))
        format.timestamps = CsvFormat::Timestamps::Excel;
    return format;
}

// The layout options that can be checked before loading; empty when they fit together.
QString layoutConflict(const QCommandLineParser& parser)
{
    const bool perGroup = parser.isSet(QStringLiteral("per-group"));
    const bool longLayout = parser.isSet(QStringLiteral("long"));
    const bool perRunColumns
        = parser.isSet(QStringLiteral("preset")) || parser.isSet(QStringLiteral("columns"));
    if (parser.value(QStringLiteral("output")).isEmpty())
        return QStringLiteral("-o OUT.csv is required (- for stdout)");
    if (parser.isSet(QStringLiteral("stats")) && !perGroup)
        return QStringLiteral("--stats needs --per-group F");
    if (perGroup && longLayout)
        return QStringLiteral("--per-group and --long are different layouts; choose one");
    if (perRunColumns && (perGroup || longLayout))
        return QStringLiteral("--preset and --columns choose per-run columns; they do not apply to %1")
            .arg(perGroup ? QStringLiteral("--per-group") : QStringLiteral("--long"));
    if (parser.isSet(QStringLiteral("preset")) && parser.isSet(QStringLiteral("columns")))
        return QStringLiteral("--preset and --columns both choose the columns; give one");
    if (parser.isSet(QStringLiteral("metric")) && !perGroup && !longLayout)
        return QStringLiteral(
            "--metric applies to --per-group and --long; per-run columns come from --columns");
    if (perGroup && splitList(parser.values(QStringLiteral("per-group"))).isEmpty())
        return QStringLiteral("--per-group needs at least one field");
    return {};
}

// Resolves the per-run columns against the loaded data.
std::optional<std::vector<RunColumn>> perRunColumns(
    const QCommandLineParser& parser, const TimingDataset& data, QString* error)
{
    if (parser.isSet(QStringLiteral("columns"))) {
        std::vector<RunColumn> columns;
        for (const QString& name : splitList(parser.values(QStringLiteral("columns")))) {
            const auto column = csvColumnFromName(name, data, error);
            if (!column)
                return std::nullopt;
            columns.push_back(*column);
        }
        if (columns.empty())
            *error = QStringLiteral("--columns names no column");
        return columns.empty() ? std::nullopt : std::optional(columns);
    }
    const QString preset = parser.isSet(QStringLiteral("preset")) ? parser.value(QStringLiteral("preset"))
                                                                  : QStringLiteral("summary");
    auto columns = presetColumns(preset, data);
    if (!columns)
        *error = QStringLiteral("unknown --preset \"%1\"; the presets are: %2")
                     .arg(preset, csvPresetNames().join(QStringLiteral(", ")));
    return columns;
}

} // namespace

int runSummary(const QStringList& arguments)
{
    Streams io;
    QCommandLineParser parser;
    parser.setApplicationDescription(
        QStringLiteral("Export timing files as CSV: one row per run (presets or chosen columns), one row "
                       "per group with statistics, or one row per run and node."));
    addInputOptions(parser);
    addSummaryOptions(parser);
    int exitCode = Ok;
    if (!parseArguments(parser, arguments, io, exitCode))
        return exitCode;

    QString error = layoutConflict(parser);
    const auto format = error.isEmpty() ? formatFromOptions(parser, io, &error) : std::nullopt;
    if (!format) {
        io.err << "error: " << error << '\n';
        return BadUsage;
    }
    auto loaded = loadInputs(parser, io, false);
    if (!loaded)
        return BadUsage;
    if (loaded->dataset.runCount() == 0) {
        io.err << "error: no runs could be loaded\n";
        return Failure;
    }
    const auto data = std::make_shared<const TimingDataset>(std::move(loaded->dataset));
    auto runs = filteredRuns(parser, *data, io);
    if (!runs)
        return BadUsage;

    CsvExportRequest request;
    request.format = *format;
    if (parser.isSet(QStringLiteral("per-group"))) {
        request.layout = CsvExportRequest::Layout::PerGroup;
        request.groupBy = splitList(parser.values(QStringLiteral("per-group")));
        request.statistics = splitList(parser.values(QStringLiteral("stats")));
    } else if (parser.isSet(QStringLiteral("long"))) {
        request.layout = CsvExportRequest::Layout::Long;
    } else {
        auto columns = perRunColumns(parser, *data, &error);
        if (!columns) {
            io.err << "error: " << error << '\n';
            return BadUsage;
        }
        request.columns = std::move(*columns);
    }
    request.metrics = splitList(parser.values(QStringLiteral("metric")));
    const auto exporter = CsvExporter::create(data, std::move(*runs), std::move(request), &error);
    if (!exporter) {
        io.err << "error: " << error << '\n';
        return BadUsage;
    }

    const QString output = parser.value(QStringLiteral("output"));
    if (output == u"-") {
        const auto writeRows
            = [&](QIODevice& device, QString* reason) { return exporter->write(device, {}, reason); };
        if (!writeToStandardOutput(writeRows, &error)) {
            io.err << "error: " << error << '\n';
            return Failure;
        }
        return Ok;
    }
    if (!writeCsvFile(output, *exporter, inputFiles(parser), &error)) {
        io.err << "error: " << error << '\n';
        return Failure;
    }
    io.err << "wrote " << output << " (" << exporter->rowCount() << " rows)\n";
    return Ok;
}

} // namespace te::cli
