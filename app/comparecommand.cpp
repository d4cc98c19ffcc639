#include "comparecommand.h"

#include "clicommon.h"
#include "clinumbers.h"
#include "data/datasetlookups.h"
#include "stats/abcomparison.h"
#include "stats/groupstats.h"
#include "stats/statistic.h"
#include "texttable.h"

#include <cmath>
#include <nlohmann/json.hpp>

namespace te::cli {

namespace {

void printTable(const AbComparison& c, const QStringList& slow, QTextStream& out)
{
    out << "B = " << c.labelB << " (n=" << c.nB << ") against A = " << c.labelA << " (n=" << c.nA << ") on "
        << c.metric << "\n\n";
    out << "median A                " << fixed(c.medianA) << " s\n";
    out << "median B                " << fixed(c.medianB) << " s\n";
    out << "ratio of medians B/A    " << fixed(c.ratioOfMedians.estimate) << "  (95 % CI "
        << fixed(c.ratioOfMedians.low) << " to " << fixed(c.ratioOfMedians.high) << ", bootstrap of "
        << c.ratioOfMedians.resamples << ")\n";
    out << "Mann-Whitney U          " << fixed(c.mannWhitney.u, 1)
        << ", two-sided p = " << pValue(c.mannWhitney.p)
        << (c.mannWhitney.p < 0.05 ? "  (the difference is unlikely to be chance)\n"
                                   : "  (could be chance)\n");
    if (c.pairedRegistrations > 0) {
        out << "paired                  " << c.pairedRegistrations
            << " registrations ran on both; median B/A " << fixed(c.paired.medianRatio.estimate)
            << " (95 % CI " << fixed(c.paired.medianRatio.low) << " to " << fixed(c.paired.medianRatio.high)
            << ")\n";
    }
    if (!c.parts.empty()) {
        out << "\nwhere the difference goes (medians, seconds)\n";
        std::vector<QStringList> table { { QStringLiteral("node"), QStringLiteral("A"), QStringLiteral("B"),
            QStringLiteral("B-A") } };
        for (const auto& part : c.parts) {
            table.push_back({ QString(2 * static_cast<qsizetype>(part.depth - 1), u' ') + part.path,
                fixed(part.medianA), fixed(part.medianB),
                (part.delta >= 0 ? QStringLiteral("+") : QString()) + fixed(part.delta) });
        }
        printAlignedTable(table, 1, out);
    }
    out << "\nslow on every group they ran in (above its P90): "
        << (slow.isEmpty() ? QStringLiteral("none") : slow.join(QStringLiteral(", "))) << '\n';
}

void printCsv(const AbComparison& c, QTextStream& out)
{
    out << "node,depth,median_a,median_b,delta,ratio\n";
    out << c.metric << ",0," << exactNumber(c.medianA) << ',' << exactNumber(c.medianB) << ','
        << exactNumber(c.medianB - c.medianA) << ',' << exactNumber(c.medianB / c.medianA) << '\n';
    for (const auto& part : c.parts) {
        out << part.path << ',' << part.depth << ',' << exactNumber(part.medianA) << ','
            << exactNumber(part.medianB) << ',' << exactNumber(part.delta) << ','
            << (part.medianA > 0 ? exactNumber(part.medianB / part.medianA) : QString()) << '\n';
    }
}

// One of the two groups: its label, and its n and median under their statistic names.
nlohmann::json groupJson(const QString& label, std::int64_t n, double median)
{
    return { { "group", label.toStdString() }, { statisticInfo(Statistic::N).name, n },
        { statisticInfo(Statistic::Median).name, number(median) } };
}

void printJson(const AbComparison& c, const QStringList& slow, QTextStream& out)
{
    nlohmann::json parts = nlohmann::json::array();
    for (const auto& part : c.parts) {
        parts.push_back({ { "node", part.path.toStdString() }, { "depth", part.depth },
            { "median_a", number(part.medianA) }, { "median_b", number(part.medianB) },
            { "delta", number(part.delta) } });
    }
    nlohmann::json slowIds = nlohmann::json::array();
    for (const QString& id : slow)
        slowIds.push_back(id.toStdString());
    const nlohmann::json document {
        { "metric", c.metric.toStdString() },
        { "a", groupJson(c.labelA, c.nA, c.medianA) },
        { "b", groupJson(c.labelB, c.nB, c.medianB) },
        { "ratio_of_medians",
            { { "estimate", number(c.ratioOfMedians.estimate) },
                { "ci95", { number(c.ratioOfMedians.low), number(c.ratioOfMedians.high) } },
                { "resamples", c.ratioOfMedians.resamples } } },
        { "mann_whitney", { { "u", number(c.mannWhitney.u) }, { "p_two_sided", number(c.mannWhitney.p) } } },
        { "paired",
            { { "registrations", c.pairedRegistrations },
                { "median_ratio", number(c.paired.medianRatio.estimate) },
                { "ci95", { number(c.paired.medianRatio.low), number(c.paired.medianRatio.high) } } } },
        { "parts", parts },
        { "slow_in_every_group", slowIds },
    };
    out << QString::fromStdString(document.dump(2)) << '\n';
}

} // namespace

int runCompare(const QStringList& arguments)
{
    Streams io;
    QCommandLineParser parser;
    parser.setApplicationDescription(
        QStringLiteral("Compare group B with group A: ratio of medians with a bootstrap "
                       "95 % interval, Mann-Whitney U, where the time goes, and the "
                       "registrations both ran."));
    addInputOptions(parser);
    parser.addOption({ QStringLiteral("group-by"), QStringLiteral("The field whose values --a and --b name."),
        QStringLiteral("F[,F]"), QStringLiteral("model") });
    parser.addOption({ QStringLiteral("a"), QStringLiteral("The baseline group."), QStringLiteral("GROUP") });
    parser.addOption(
        { QStringLiteral("b"), QStringLiteral("The group compared with it."), QStringLiteral("GROUP") });
    parser.addOption({ QStringLiteral("metric"), QStringLiteral("A timing node (default total)."),
        QStringLiteral("PATH"), QStringLiteral("total") });
    parser.addOption({ QStringLiteral("format"), QStringLiteral("table, csv or json."),
        QStringLiteral("FORMAT"), QStringLiteral("table") });
    int exitCode = Ok;
    if (!parseArguments(parser, arguments, io, exitCode))
        return exitCode;
    const QString format = parser.value(QStringLiteral("format"));
    if (!parser.isSet(QStringLiteral("a")) || !parser.isSet(QStringLiteral("b"))) {
        io.err << "error: name the two groups with --a and --b\n";
        return BadUsage;
    }
    if (!acceptFormat(parser, { QStringLiteral("table"), QStringLiteral("csv"), QStringLiteral("json") }, io))
        return BadUsage;
    const auto loaded = loadInputs(parser, io, false);
    if (!loaded)
        return BadUsage;
    const TimingDataset& data = loaded->dataset;
    QString error;
    const auto fields = resolveFields(data, splitList({ parser.value(QStringLiteral("group-by")) }), &error);
    const auto metric = resolveMetrics(data, { parser.value(QStringLiteral("metric")) }, &error);
    if (!fields || !metric) {
        io.err << "error: " << error << '\n';
        return BadUsage;
    }
    const auto runs = filteredRuns(parser, data, io);
    if (!runs)
        return BadUsage;
    const auto groups = groupRuns(data, *runs, *fields);
    const RunGroup* a = nullptr;
    const RunGroup* b = nullptr;
    QStringList labels;
    std::vector<std::vector<std::uint32_t>> allGroups;
    for (const RunGroup& group : groups) {
        labels << group.label();
        allGroups.push_back(group.runs);
        if (group.label() == parser.value(QStringLiteral("a")))
            a = &group;
        if (group.label() == parser.value(QStringLiteral("b")))
            b = &group;
    }
    if (!a || !b) {
        io.err << "error: no group \"" << parser.value(!a ? QStringLiteral("a") : QStringLiteral("b"))
               << "\"; the groups are: " << labels.join(QStringLiteral(", ")) << '\n';
        return BadUsage;
    }
    const AbComparison comparison
        = compareGroups(data, a->runs, b->runs, metric->front(), a->label(), b->label());
    const QStringList slow = slowInEveryGroup(data, allGroups, metric->front());
    if (format == QStringLiteral("json"))
        printJson(comparison, slow, io.out);
    else if (format == QStringLiteral("csv"))
        printCsv(comparison, io.out);
    else
        printTable(comparison, slow, io.out);
    return Ok;
}

} // namespace te::cli
