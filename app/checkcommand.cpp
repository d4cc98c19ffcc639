#include "checkcommand.h"

#include "checkoutput.h"
#include "clicommon.h"
#include "data/datasetlookups.h"
#include "regress/gate.h"
#include "stats/fieldorder.h"

namespace te::cli {

namespace {

// The two sides of the gate, and how to name them.
struct Sides
{
    std::vector<std::uint32_t> baseline;
    std::vector<std::uint32_t> candidate;
    QString baselineLabel;
    QString candidateLabel;
};

void addOptions(QCommandLineParser& parser)
{
    addInputOptions(parser);
    parser.addOption({ QStringLiteral("by"),
        QStringLiteral("The field whose values --baseline and --candidate "
                       "name (git_commit, say)."),
        QStringLiteral("FIELD") });
    parser.addOption(
        { QStringLiteral("baseline"), QStringLiteral("The baseline value of --by."), QStringLiteral("V") });
    parser.addOption({ QStringLiteral("candidate"),
        QStringLiteral("The candidate value of --by; latest: the last value in the history."),
        QStringLiteral("V"), QStringLiteral("latest") });
    parser.addOption({ QStringLiteral("baseline-file"),
        QStringLiteral("Baseline runs in this file (repeatable); the FILE arguments are the candidate's."),
        QStringLiteral("OLD") });
    parser.addOption({ QStringLiteral("group-by"), QStringLiteral("Check each group of these fields apart."),
        QStringLiteral("F[,F]"), QStringLiteral("model") });
    parser.addOption({ QStringLiteral("metric"),
        QStringLiteral("A timing node to check (repeatable; default "
                       "total)."),
        QStringLiteral("PATH") });
    parser.addOption({ QStringLiteral("fail-if"),
        QStringLiteral("STAT:+N% (STAT median, mean, p90 or p95; repeatable; default median:+5%)."),
        QStringLiteral("RULE") });
    parser.addOption({ QStringLiteral("alpha"),
        QStringLiteral("Significance level of Mann-Whitney (default "
                       "0.05)."),
        QStringLiteral("A"), QStringLiteral("0.05") });
    parser.addOption({ QStringLiteral("min-runs"),
        QStringLiteral("Fewer runs on a side: not enough runs "
                       "(default 5)."),
        QStringLiteral("N"), QStringLiteral("5") });
    parser.addOption(
        { QStringLiteral("strict"), QStringLiteral("Fail (exit 1) on a group with not enough runs too.") });
    parser.addOption({ QStringLiteral("format"), QStringLiteral("table, json or markdown."),
        QStringLiteral("FORMAT"), QStringLiteral("table") });
}

// The options that do not need the data: the rules, alpha and the run minimum.
std::optional<GateOptions> gateOptions(const QCommandLineParser& parser, QString* error)
{
    GateOptions options;
    if (parser.isSet(QStringLiteral("fail-if"))) {
        options.rules.clear();
        for (const QString& text : parser.values(QStringLiteral("fail-if"))) {
            const auto rule = parseGateRule(text, error);
            if (!rule)
                return std::nullopt;
            options.rules.push_back(*rule);
        }
    }
    bool ok = false;
    options.alpha = parser.value(QStringLiteral("alpha")).toDouble(&ok);
    if (!ok || !(options.alpha > 0 && options.alpha < 1)) {
        *error = QStringLiteral("bad --alpha \"") + parser.value(QStringLiteral("alpha"))
            + QStringLiteral("\"; give a number between 0 and 1");
        return std::nullopt;
    }
    options.minRuns = parser.value(QStringLiteral("min-runs")).toLongLong(&ok);
    if (!ok || options.minRuns < 1) {
        *error = QStringLiteral("bad --min-runs \"") + parser.value(QStringLiteral("min-runs"))
            + QStringLiteral("\"; give a whole number of at least 1");
        return std::nullopt;
    }
    return options;
}

// The field form: runs whose --by field is the baseline value against those whose
// field is the candidate value.
std::optional<Sides> sidesByField(const QCommandLineParser& parser, const TimingDataset& data,
    const std::vector<std::uint32_t>& runs, QString* error)
{
    const auto field = resolveFields(data, { parser.value(QStringLiteral("by")) }, error);
    if (!field)
        return std::nullopt;
    const OrderedFieldValues ordered = orderFieldValues(data, runs, field->front());
    const QString by = parser.value(QStringLiteral("by"));
    const QString baseline = parser.value(QStringLiteral("baseline"));
    const QString wanted = parser.value(QStringLiteral("candidate"));
    const QString candidate
        = wanted == QStringLiteral("latest") && !ordered.values.isEmpty() ? ordered.values.back() : wanted;
    for (const QString& value : { baseline, candidate }) {
        if (ordered.indexOf(value) < 0) {
            *error = QStringLiteral("no run has ") + by + QStringLiteral(" \"") + value
                + QStringLiteral("\"; its values, earliest first: ")
                + ordered.values.join(QStringLiteral(", "));
            return std::nullopt;
        }
    }
    if (baseline == candidate) {
        *error = QStringLiteral("the baseline and the candidate are both ") + by + QStringLiteral(" \"")
            + baseline + QStringLiteral("\"; nothing to compare");
        return std::nullopt;
    }
    return Sides { ordered.runs[static_cast<std::size_t>(ordered.indexOf(baseline))],
        ordered.runs[static_cast<std::size_t>(ordered.indexOf(candidate))], by + u' ' + baseline,
        by + u' ' + candidate };
}

// The file form: the first `baselineRunCount` runs (the --baseline-file runs, loaded
// first) against the rest, both kept only where `runs` (the filters) keeps them.
Sides sidesByFile(const std::vector<std::uint32_t>& runs, qint64 baselineRunCount,
    const QStringList& oldFiles, const QStringList& newFiles)
{
    Sides sides;
    for (const std::uint32_t run : runs)
        (static_cast<qint64>(run) < baselineRunCount ? sides.baseline : sides.candidate).push_back(run);
    sides.baselineLabel = oldFiles.join(QStringLiteral(", "));
    sides.candidateLabel = newFiles.join(QStringLiteral(", "));
    return sides;
}

int usageError(Streams& io, const QString& message)
{
    io.err << "error: " << message << '\n';
    return BadUsage;
}

} // namespace

int runCheck(const QStringList& arguments)
{
    Streams io;
    QCommandLineParser parser;
    parser.setApplicationDescription(
        QStringLiteral("The CI gate: fail (exit 1) when the candidate's runs are slower than the baseline's, "
                       "by more than the --fail-if threshold and significantly."));
    addOptions(parser);
    int exitCode = Ok;
    if (!parseArguments(parser, arguments, io, exitCode))
        return exitCode;
    const QString format = parser.value(QStringLiteral("format"));
    if (!acceptFormat(
            parser, { QStringLiteral("table"), QStringLiteral("json"), QStringLiteral("markdown") }, io))
        return BadUsage;
    const bool byField = parser.isSet(QStringLiteral("by"));
    const QStringList oldFiles = parser.values(QStringLiteral("baseline-file"));
    if (byField == !oldFiles.isEmpty())
        return usageError(io,
            QStringLiteral("give either --by FIELD --baseline V [--candidate V] or "
                           "--baseline-file OLD"));
    if (byField && !parser.isSet(QStringLiteral("baseline")))
        return usageError(io, QStringLiteral("--by needs --baseline V"));
    if (!byField && (parser.isSet(QStringLiteral("baseline")) || parser.isSet(QStringLiteral("candidate"))))
        return usageError(io,
            QStringLiteral("--baseline and --candidate name values of --by FIELD; with "
                           "--baseline-file the FILE arguments are the candidate"));
    QString error;
    const auto options = gateOptions(parser, &error);
    if (!options)
        return usageError(io, error);
    const QStringList newFiles = parser.positionalArguments();
    if (newFiles.isEmpty())
        return usageError(io, QStringLiteral("no input file given"));
    const auto loaded = loadFiles(parser, oldFiles + newFiles, io, false);
    if (!loaded)
        return BadUsage;
    for (const FileSummary& file : loaded->files) {
        if (!file.readable)
            return usageError(io, u"cannot read \"" + file.path + u'"');
    }
    const TimingDataset& data = loaded->dataset;
    const auto fields = resolveFields(data, splitList({ parser.value(QStringLiteral("group-by")) }), &error);
    const QStringList metricPaths = parser.isSet(QStringLiteral("metric"))
        ? parser.values(QStringLiteral("metric"))
        : QStringList { QStringLiteral("total") };
    const auto metrics = fields ? resolveMetrics(data, metricPaths, &error) : std::nullopt;
    if (!fields || !metrics)
        return usageError(io, error);
    const auto runs = filteredRuns(parser, data, io);
    if (!runs)
        return BadUsage;
    qint64 baselineRunCount = 0;
    for (std::size_t i = 0; i < static_cast<std::size_t>(oldFiles.size()); ++i)
        baselineRunCount += loaded->files[i].runs;
    const auto sides = byField ? sidesByField(parser, data, *runs, &error)
                               : sidesByFile(*runs, baselineRunCount, oldFiles, newFiles);
    if (!sides)
        return usageError(io, error);
    const GateReport report = runGate(data, sides->baseline, sides->candidate, *fields, *metrics, *options);
    const CheckSides labels { sides->baselineLabel, sides->candidateLabel, *options };
    if (format == QStringLiteral("json"))
        printCheckJson(report, io.out);
    else if (format == QStringLiteral("markdown"))
        printCheckMarkdown(report, labels, io.out);
    else
        printCheckTable(report, labels, io.out);
    const bool strictFailure
        = parser.isSet(QStringLiteral("strict")) && report.count(GateVerdict::NotEnoughRuns) > 0;
    return report.count(GateVerdict::Regression) > 0 || strictFailure ? Failure : Ok;
}

} // namespace te::cli
