#include "changescommand.h"

#include "clicommon.h"
#include "clinumbers.h"
#include "data/datasetlookups.h"
#include "data/timingdataset.h"
#include "regress/changepoints.h"
#include "stats/fieldorder.h"
#include "stats/groupstats.h"
#include "texttable.h"

#include <cmath>
#include <nlohmann/json.hpp>

namespace te::cli {

namespace {

// One step found, with what names it.
struct FoundChange
{
    QString group;
    QString metric;
    QString at;
    ChangePoint point;
};

// Every step of every group and metric, groups in key order, metrics as given.
std::vector<FoundChange> findChanges(const TimingDataset& data, const OrderedFieldValues& order,
    const std::vector<RunGroup>& groups, const std::vector<int>& metrics)
{
    std::vector<int> valueOfRun(data.runCount(), -1);
    for (std::size_t v = 0; v < order.runs.size(); ++v)
        for (const std::uint32_t run : order.runs[v])
            valueOfRun[run] = static_cast<int>(v);
    std::vector<FoundChange> changes;
    for (const RunGroup& group : groups) {
        for (const int metric : metrics) {
            const auto positions = static_cast<int>(order.runs.size());
            for (const ChangePoint& point :
                findChangePointsOfRuns(data, group.runs, metric, valueOfRun, positions))
                changes.push_back({ group.label(), data.metric(metric).path,
                    order.values[static_cast<qsizetype>(point.at)], point });
        }
    }
    return changes;
}

std::vector<QStringList> tableRows(const std::vector<FoundChange>& changes)
{
    std::vector<QStringList> rows { { QStringLiteral("group"), QStringLiteral("metric"), QStringLiteral("at"),
        QStringLiteral("median before"), QStringLiteral("n"), QStringLiteral("median after"),
        QStringLiteral("n"), QStringLiteral("after/before"), QStringLiteral("95 % CI"),
        QStringLiteral("p") } };
    for (const FoundChange& c : changes) {
        const ChangePoint& p = c.point;
        rows.push_back({ c.group, c.metric, c.at, fixed(p.medianBefore), QString::number(p.nBefore),
            fixed(p.medianAfter), QString::number(p.nAfter), fixed(p.ratio.estimate),
            fixed(p.ratio.low) + QStringLiteral(" to ") + fixed(p.ratio.high), pValue(p.p) });
    }
    return rows;
}

void printTable(const QString& by, const OrderedFieldValues& order, const std::vector<FoundChange>& changes,
    QTextStream& out)
{
    out << order.values.size() << " values of " << by << ", in order of "
        << (order.byTime ? "their first run's time" : "first appearance") << ": "
        << order.values.join(QStringLiteral(", ")) << "\n\n";
    if (changes.empty()) {
        out << "no step found\n";
        return;
    }
    printAlignedTable(tableRows(changes), 3, out);
}

// A cell of a Markdown table: a pipe in a name would end the cell.
QString markdownCell(const QString& text)
{
    QString escaped = text;
    return escaped.replace(u'|', QStringLiteral("\\|"));
}

void printMarkdown(const std::vector<FoundChange>& changes, QTextStream& out)
{
    const std::vector<QStringList> rows = tableRows(changes);
    for (std::size_t r = 0; r < rows.size(); ++r) {
        out << '|';
        for (const QString& cell : rows[r])
            out << ' ' << markdownCell(cell) << " |";
        out << '\n';
        if (r == 0) {
            out << '|';
            for (qsizetype c = 0; c < rows[r].size(); ++c)
                out << (c < 3 ? " --- |" : " ---: |");
            out << '\n';
        }
    }
}

void printJson(const QString& by, const OrderedFieldValues& order, const std::vector<FoundChange>& changes,
    QTextStream& out)
{
    nlohmann::json values = nlohmann::json::array();
    for (const QString& value : order.values)
        values.push_back(value.toStdString());
    nlohmann::json list = nlohmann::json::array();
    for (const FoundChange& c : changes) {
        const ChangePoint& p = c.point;
        list.push_back({ { "group", c.group.toStdString() }, { "metric", c.metric.toStdString() },
            { "at", c.at.toStdString() },
            { "before", { { "median", number(p.medianBefore) }, { "n", p.nBefore } } },
            { "after", { { "median", number(p.medianAfter) }, { "n", p.nAfter } } },
            { "ratio", number(p.ratio.estimate) }, { "ci95", { number(p.ratio.low), number(p.ratio.high) } },
            { "p", number(p.p) } });
    }
    const nlohmann::json document { { "by", by.toStdString() }, { "values", values }, { "changes", list } };
    out << QString::fromStdString(document.dump(2)) << '\n';
}

void addOptions(QCommandLineParser& parser)
{
    parser.setApplicationDescription(
        QStringLiteral("Where the timings step along a history: the values of --by (commits) in the order "
                       "they ran, and per group and metric the commits where the runs' distribution "
                       "changes (binary segmentation, rank statistic, permutation test at alpha 0.01), "
                       "with the medians before and after and their ratio with a bootstrap 95 % interval."));
    addInputOptions(parser);
    parser.addOption({ QStringLiteral("by"),
        QStringLiteral("The field that orders the history (git_commit)."), QStringLiteral("FIELD") });
    parser.addOption({ QStringLiteral("group-by"), QStringLiteral("Search each group apart (default model)."),
        QStringLiteral("F[,F]"), QStringLiteral("model") });
    parser.addOption({ QStringLiteral("metric"), QStringLiteral("A timing node; repeatable (default total)."),
        QStringLiteral("PATH") });
    parser.addOption({ QStringLiteral("format"), QStringLiteral("table, json or markdown."),
        QStringLiteral("FORMAT"), QStringLiteral("table") });
}

} // namespace

int runChanges(const QStringList& arguments)
{
    Streams io;
    QCommandLineParser parser;
    addOptions(parser);
    int exitCode = Ok;
    if (!parseArguments(parser, arguments, io, exitCode))
        return exitCode;
    const QString format = parser.value(QStringLiteral("format"));
    const QString by = parser.value(QStringLiteral("by"));
    if (by.isEmpty()) {
        io.err << "error: name the field that orders the history with --by (git_commit, say)\n";
        return BadUsage;
    }
    if (!acceptFormat(
            parser, { QStringLiteral("table"), QStringLiteral("json"), QStringLiteral("markdown") }, io))
        return BadUsage;
    const auto loaded = loadInputs(parser, io, false);
    if (!loaded)
        return BadUsage;
    const TimingDataset& data = loaded->dataset;
    QString error;
    const auto byField = resolveFields(data, { by }, &error);
    const auto fields = byField
        ? resolveFields(data, splitList({ parser.value(QStringLiteral("group-by")) }), &error)
        : std::nullopt;
    QStringList metricPaths = splitList(parser.values(QStringLiteral("metric")));
    if (metricPaths.isEmpty())
        metricPaths << QStringLiteral("total");
    const auto metrics = fields ? resolveMetrics(data, metricPaths, &error) : std::nullopt;
    if (!byField || !fields || !metrics) {
        io.err << "error: " << error << '\n';
        return BadUsage;
    }
    const auto runs = filteredRuns(parser, data, io);
    if (!runs)
        return BadUsage;
    const OrderedFieldValues order = orderFieldValues(data, *runs, byField->front());
    const std::vector<FoundChange> changes
        = findChanges(data, order, groupRuns(data, *runs, *fields), *metrics);
    if (format == QStringLiteral("json"))
        printJson(by, order, changes, io.out);
    else if (format == QStringLiteral("markdown"))
        printMarkdown(changes, io.out);
    else
        printTable(by, order, changes, io.out);
    return Ok;
}

} // namespace te::cli
