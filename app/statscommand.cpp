#include "statscommand.h"

#include "clicommon.h"
#include "data/datasetlookups.h"
#include "stats/groupstats.h"
#include "stats/statistic.h"
#include "texttable.h"

#include <cmath>
#include <nlohmann/json.hpp>

namespace te::cli {

namespace {

QStringList statColumns()
{
    QStringList names;
    for (const StatisticInfo& statistic : allStatistics())
        names << QLatin1String(statistic.name);
    return names;
}

QString quotedCsvCell(const QString& value)
{
    return value.contains(u',') || value.contains(u'"')
        ? u'"' + QString(value).replace(u"\""_qs, u"\"\""_qs) + u'"'
        : value;
}

void printCsv(const std::vector<GroupMetricStats>& rows, const QStringList& groupBy, QTextStream& out)
{
    QStringList header = groupBy;
    header << QStringLiteral("metric") << statColumns();
    out << header.join(u',') << '\n';
    for (const auto& row : rows) {
        QStringList cells;
        for (const QString& value : row.key)
            cells << quotedCsvCell(value);
        cells << row.metric;
        for (const StatisticInfo& statistic : allStatistics()) {
            cells << (statistic.isCount ? QString::number(row.stats.n)
                                        : exactNumber(statistic.value(row.stats)));
        }
        out << cells.join(u',') << '\n';
    }
}

nlohmann::json statisticsJson(const SummaryStats& s)
{
    const auto number = [](double v) { return std::isnan(v) ? nlohmann::json(nullptr) : nlohmann::json(v); };
    nlohmann::json figures = nlohmann::json::object();
    nlohmann::json unreliable = nlohmann::json::object();
    for (const StatisticInfo& statistic : allStatistics()) {
        figures[statistic.name] = statistic.isCount ? nlohmann::json(s.n) : number(statistic.value(s));
        if (statistic.reliableFrom > 0)
            unreliable[statistic.name] = isUnreliable(s, statistic.id);
    }
    figures["unreliable"] = unreliable;
    return figures;
}

void printJson(const std::vector<GroupMetricStats>& rows, const QStringList& groupBy, QTextStream& out)
{
    auto array = nlohmann::json::array();
    for (const auto& row : rows) {
        nlohmann::json group = nlohmann::json::object();
        for (qsizetype i = 0; i < groupBy.size(); ++i)
            group[groupBy[i].toStdString()] = row.key[i].toStdString();
        nlohmann::json entry = statisticsJson(row.stats);
        entry["group"] = group;
        entry["metric"] = row.metric.toStdString();
        array.push_back(entry);
    }
    out << QString::fromStdString(array.dump(2)) << '\n';
}

// "P90 needs 10, P95 20, P99 100": the reliability rule of every statistic that has one.
QString reliabilityRule()
{
    QStringList rules;
    for (const StatisticInfo& statistic : allStatistics()) {
        if (statistic.reliableFrom > 0)
            rules << QStringLiteral("%1%2 %3")
                         .arg(QLatin1String(statistic.label),
                             rules.isEmpty() ? QStringLiteral(" needs") : QString())
                         .arg(statistic.reliableFrom);
    }
    return rules.join(QStringLiteral(", "));
}

// The cells of one row: the figures with 3 decimals, "-" for none, "*" after a rough one.
QStringList tableCells(const SummaryStats& s, bool* anyUnreliable)
{
    QStringList cells;
    for (const StatisticInfo& statistic : allStatistics()) {
        const double value = statistic.value(s);
        QString cell = statistic.isCount ? QString::number(s.n)
            : std::isnan(value)          ? QStringLiteral("-")
                                         : QString::number(value, 'f', 3);
        if (isUnreliable(s, statistic.id)) {
            cell += u'*';
            *anyUnreliable = true;
        }
        cells << cell;
    }
    return cells;
}

void printTable(const std::vector<GroupMetricStats>& rows, const QStringList& groupBy, QTextStream& out)
{
    QStringList header = groupBy.isEmpty() ? QStringList { QStringLiteral("group") } : groupBy;
    header << QStringLiteral("metric");
    const qsizetype textColumns = header.size();
    header << statColumns();
    std::vector<QStringList> table { header };
    bool anyUnreliable = false;
    for (const auto& row : rows) {
        QStringList cells = groupBy.isEmpty() ? QStringList { row.label } : row.key;
        cells << row.metric << tableCells(row.stats, &anyUnreliable);
        table.push_back(cells);
    }
    printAlignedTable(table, textColumns, out);
    if (anyUnreliable)
        out << "* too few runs for this percentile to be reliable (" << reliabilityRule()
            << "); shown, but close to the maximum\n";
    out << "times in seconds\n";
}

// Only what the statistics need is read: the metrics asked for (or total and every
// phase), the group-by fields, and whatever the filters name.
LoadProjection statsProjection(
    const QCommandLineParser& parser, const QStringList& groupBy, const QStringList& metrics)
{
    LoadProjection projection;
    projection.dropLineNumbers(); // no output names a run
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
    if (!acceptFormat(parser, { QStringLiteral("table"), QStringLiteral("csv"), QStringLiteral("json") }, io))
        return BadUsage;
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
    std::vector<GroupMetricStats> rows;
    if (parser.values(QStringLiteral("filter")).isEmpty()) {
        forEachGroupOfAllRuns(
            data, *fields, [&](const RunGroup& group) { appendGroupStats(data, group, *metrics, rows); });
    } else {
        const auto runs = filteredRuns(parser, data, io);
        if (!runs)
            return BadUsage;
        rows = computeGroupStats(data, groupRuns(data, *runs, *fields), *metrics);
    }
    if (format == QStringLiteral("csv"))
        printCsv(rows, groupBy, io.out);
    else if (format == QStringLiteral("json"))
        printJson(rows, groupBy, io.out);
    else
        printTable(rows, groupBy, io.out);
    return Ok;
}

} // namespace te::cli
