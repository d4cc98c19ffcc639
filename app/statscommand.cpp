#include "statscommand.h"

#include "clicommon.h"
#include "stats/groupstats.h"
#include "data/datasetlookups.h"

#include <cmath>
#include <nlohmann/json.hpp>

namespace te::cli {

namespace {

QStringList statColumns()
{
    QStringList names;
    for (int f = 0; f < static_cast<int>(SummaryField::Count); ++f)
        names << QLatin1String(summaryFieldName(static_cast<SummaryField>(f)));
    return names;
}

// mean .. stddev: the figures after n.
std::vector<double> statValues(const SummaryStats& s)
{
    std::vector<double> values;
    for (int f = static_cast<int>(SummaryField::Mean); f < static_cast<int>(SummaryField::Count); ++f)
        values.push_back(summaryValue(s, static_cast<SummaryField>(f)));
    return values;
}

void printCsv(const std::vector<GroupMetricStats>& rows, const QStringList& groupBy, QTextStream& out)
{
    QStringList header = groupBy;
    header << QStringLiteral("metric") << statColumns();
    out << header.join(u',') << '\n';
    for (const auto& row : rows) {
        QStringList cells;
        for (const QString& value : row.key)
            cells << (value.contains(u',') || value.contains(u'"')
                    ? u'"' + QString(value).replace(u"\""_qs, u"\"\""_qs) + u'"'
                    : value);
        cells << row.metric << QString::number(row.stats.n);
        for (const double v : statValues(row.stats))
            cells << exactNumber(v);
        out << cells.join(u',') << '\n';
    }
}

void printJson(const std::vector<GroupMetricStats>& rows, const QStringList& groupBy, QTextStream& out)
{
    auto array = nlohmann::json::array();
    const auto number = [](double v) { return std::isnan(v) ? nlohmann::json(nullptr) : nlohmann::json(v); };
    for (const auto& row : rows) {
        nlohmann::json group = nlohmann::json::object();
        for (qsizetype i = 0; i < groupBy.size(); ++i)
            group[groupBy[i].toStdString()] = row.key[i].toStdString();
        const SummaryStats& s = row.stats;
        array.push_back({ { "group", group }, { "metric", row.metric.toStdString() }, { "n", s.n },
            { "mean", number(s.mean) }, { "median", number(s.median) }, { "p90", number(s.p90) },
            { "p95", number(s.p95) }, { "p99", number(s.p99) }, { "min", number(s.min) },
            { "max", number(s.max) }, { "stddev", number(s.stddev) },
            { "unreliable",
                { { "p90", s.p90Unreliable() }, { "p95", s.p95Unreliable() },
                    { "p99", s.p99Unreliable() } } } });
    }
    out << QString::fromStdString(array.dump(2)) << '\n';
}

void printTable(const std::vector<GroupMetricStats>& rows, const QStringList& groupBy, QTextStream& out)
{
    QStringList header = groupBy.isEmpty() ? QStringList { QStringLiteral("group") } : groupBy;
    header << QStringLiteral("metric") << statColumns();
    std::vector<QStringList> table { header };
    bool anyFlag = false;
    for (const auto& row : rows) {
        QStringList cells = groupBy.isEmpty() ? QStringList { row.label } : row.key;
        cells << row.metric << QString::number(row.stats.n);
        const auto values = statValues(row.stats);
        for (std::size_t i = 0; i < values.size(); ++i) {
            QString cell = std::isnan(values[i]) ? QStringLiteral("-") : QString::number(values[i], 'f', 3);
            const bool flagged = (i == 2 && row.stats.p90Unreliable())
                || (i == 3 && row.stats.p95Unreliable()) || (i == 4 && row.stats.p99Unreliable());
            if (flagged) {
                cell += u'*';
                anyFlag = true;
            }
            cells << cell;
        }
        table.push_back(cells);
    }
    std::vector<qsizetype> widths(static_cast<std::size_t>(header.size()), 0);
    for (const auto& cells : table) {
        for (qsizetype c = 0; c < cells.size(); ++c)
            widths[static_cast<std::size_t>(c)]
                = std::max(widths[static_cast<std::size_t>(c)], cells[c].size());
    }
    const qsizetype textColumns = header.size() - statColumns().size();
    for (const auto& cells : table) {
        QStringList padded;
        for (qsizetype c = 0; c < cells.size(); ++c) {
            const int width = static_cast<int>(widths[static_cast<std::size_t>(c)]);
            padded << (c < textColumns ? cells[c].leftJustified(width) : cells[c].rightJustified(width));
        }
        out << padded.join(QStringLiteral("  ")).trimmed() << '\n';
    }
    if (anyFlag)
        out << "* too few runs for this percentile to be reliable (P90 needs 10, P95 20, P99 100); "
               "shown, but close to the maximum\n";
    out << "times in seconds\n";
}

// Only what the statistics need is read: the metrics asked for (or total and every
// phase), the group-by fields, and whatever the filters name.
LoadProjection statsProjection(
    const QCommandLineParser& parser, const QStringList& groupBy, const QStringList& metrics)
{
    LoadProjection projection;
    if (metrics.isEmpty()) {
        projection.keepMetric(QStringLiteral("total"));
        projection.keepMetric(QStringLiteral("*"));
    }
    for (const QString& metric : metrics)
        projection.keepMetric(metric);
    projection.keepField(QStringLiteral("source"));
    for (const QString& field : groupBy)
        projection.keepField(field);
    for (const QString& filter : parser.values(QStringLiteral("filter"))) {
        const QString name = RunFilter::referencedName(filter);
        if (!name.isEmpty())
            projection.keepFieldOrMetric(name);
    }
    return projection;
}

} // namespace

int runStats(const QStringList& arguments)
{
    Streams io;
    QCommandLineParser parser;
    parser.setApplicationDescription(
        QStringLiteral("Group statistics of timing files: n, mean, median, P90, P95, "
                       "P99, min, max and sample standard deviation per metric."));
    addInputOptions(parser);
    parser.addOption({ QStringLiteral("group-by"),
        QStringLiteral("Metadata fields to group by, comma-separated."), QStringLiteral("F[,F...]") });
    parser.addOption({ QStringLiteral("metric"),
        QStringLiteral("A timing node such as total, phase1 or phase1/agent_conversation. Repeatable; "
                       "default: total and every phase."),
        QStringLiteral("PATH") });
    parser.addOption({ QStringLiteral("format"), QStringLiteral("Output format: table, csv or json."),
        QStringLiteral("FORMAT"), QStringLiteral("table") });
    int exitCode = Ok;
    if (!parseArguments(parser, arguments, io, exitCode))
        return exitCode;
    const QString format = parser.value(QStringLiteral("format"));
    if (format != QStringLiteral("table") && format != QStringLiteral("csv")
        && format != QStringLiteral("json")) {
        io.err << "error: unknown --format \"" << format << "\"; use table, csv or json\n";
        return BadUsage;
    }
    const QStringList groupBy = splitList(parser.values(QStringLiteral("group-by")));
    const QStringList metricNames = splitList(parser.values(QStringLiteral("metric")));
    const auto loaded = loadInputs(parser, io, false, statsProjection(parser, groupBy, metricNames));
    if (!loaded)
        return BadUsage;
    const TimingDataset& data = loaded->dataset;
    if (data.runCount() == 0) {
        io.err << "error: no runs could be loaded\n";
        return Failure;
    }
    QString error;
    const auto fields = resolveFields(data, groupBy, &error);
    const auto metrics = metricNames.isEmpty() ? std::optional(defaultMetrics(data))
                                               : resolveMetrics(data, metricNames, &error);
    if (!fields || !metrics) {
        // The projected load only knows what it kept; list everything that exists.
        if (const auto full = loadInputs(parser, io, true)) {
            if (!resolveFields(full->dataset, groupBy, &error)
                || !resolveMetrics(full->dataset, metricNames, &error))
                io.err << "error: " << error << '\n';
        }
        return BadUsage;
    }
    const auto runs = filteredRuns(parser, data, io);
    if (!runs)
        return BadUsage;
    const auto rows = computeGroupStats(data, groupRuns(data, *runs, *fields), *metrics);
    if (format == QStringLiteral("csv"))
        printCsv(rows, groupBy, io.out);
    else if (format == QStringLiteral("json"))
        printJson(rows, groupBy, io.out);
    else
        printTable(rows, groupBy, io.out);
    return Ok;
}

} // namespace te::cli
