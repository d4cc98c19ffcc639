#include "chartcommand.h"

#include "clicommon.h"
#include "export/chartjson.h"
#include "export/safewrite.h"
#include "flamecommand.h"
#include "stats/chartdata.h"
#include "ui/charts/chartbuilder.h"

#include <QIODevice>
#include <QSize>
#include <optional>

namespace te::cli {

namespace {

// What the options ask for, checked before anything is loaded.
struct ChartOptions
{
    ChartRequest request;
    QString output;
    QSize pixels;
};

void addChartOptions(QCommandLineParser& parser)
{
    addInputOptions(parser);
    parser.addOption({ QStringLiteral("kind"), kindNameList() + QStringLiteral(", or flame."),
        QStringLiteral("KIND"), QStringLiteral("box") });
    parser.addOption(
        { QStringLiteral("group-by"), QStringLiteral("One or two metadata fields, comma-separated."),
            QStringLiteral("F[,F]"), QStringLiteral("model") });
    parser.addOption({ QStringLiteral("metric"),
        QStringLiteral("A timing node: total, phase1, phase1/agent_conversation."), QStringLiteral("PATH"),
        QStringLiteral("total") });
    parser.addOption(
        { QStringLiteral("stat"), QStringLiteral("Bar chart statistic: median, mean, p90, p95 or p99."),
            QStringLiteral("STAT"), QStringLiteral("median") });
    parser.addOption({ QStringLiteral("target"),
        QStringLiteral("Draw a target line (seconds; 500ms, 2min accepted)."), QStringLiteral("SECONDS") });
    parser.addOption({ QStringLiteral("log"), QStringLiteral("Logarithmic time axis.") });
    parser.addOption({ QStringLiteral("percent"),
        QStringLiteral("Stacked: each group's parts as a percent of their sum.") });
    parser.addOption({ QStringLiteral("bins"),
        QStringLiteral("Histogram bins (default: at least 5 across each group's range)."),
        QStringLiteral("N"), QStringLiteral("0") });
    parser.addOption({ QStringLiteral("x"),
        QStringLiteral("Trend x axis: time (long gaps compressed), order (run order in the file) or a "
                       "field such as git_commit (its values in order of their first run)."),
        QStringLiteral("AXIS"), QStringLiteral("time") });
    parser.addOption({ { QStringLiteral("o"), QStringLiteral("output") },
        QStringLiteral("OUT.png or OUT.svg (a picture), or OUT.json (the chart's data)."),
        QStringLiteral("FILE") });
    parser.addOption({ QStringLiteral("size"), QStringLiteral("Image size in pixels."), QStringLiteral("WxH"),
        QStringLiteral("1600x900") });
    addFlameOptions(parser);
}

// nullopt, the reason printed, when an option is unusable.
std::optional<ChartOptions> chartOptions(const QCommandLineParser& parser, Streams& io)
{
    const auto fail = [&io](const char* message) {
        io.err << "error: " << message << '\n';
        return std::nullopt;
    };
    ChartOptions options;
    ChartRequest& request = options.request;
    const auto kind = kindFromName(parser.value(QStringLiteral("kind")));
    if (!kind) {
        io.err << "error: --kind must be " << kindNameList() << '\n';
        return std::nullopt;
    }
    request.kind = *kind;
    const auto statistic = chartStatisticFromName(parser.value(QStringLiteral("stat")));
    if (!statistic)
        return fail("--stat must be median, mean, p90, p95 or p99");
    request.statistic = *statistic;
    options.output = parser.value(QStringLiteral("output"));
    if (options.output.isEmpty())
        return fail("-o OUT.png, OUT.svg or OUT.json is required");
    bool binsOk = false;
    request.bins = parser.value(QStringLiteral("bins")).toInt(&binsOk);
    if (!binsOk || request.bins < 0)
        return fail("--bins must be a whole number");
    const auto pixels = pictureSize(parser, io);
    if (!pixels)
        return std::nullopt;
    options.pixels = *pixels;
    if (!options.output.endsWith(QStringLiteral(".png"), Qt::CaseInsensitive)
        && !options.output.endsWith(QStringLiteral(".svg"), Qt::CaseInsensitive)
        && !options.output.endsWith(QStringLiteral(".json"), Qt::CaseInsensitive))
        return fail("the output must end in .png, .svg or .json");
    request.groupBy = splitList({ parser.value(QStringLiteral("group-by")) });
    request.metric = parser.value(QStringLiteral("metric"));
    request.trendX = parser.value(QStringLiteral("x")).trimmed();
    request.logScale = parser.isSet(QStringLiteral("log"));
    request.percent = parser.isSet(QStringLiteral("percent"));
    if (parser.isSet(QStringLiteral("target"))) {
        const auto seconds = parseDurationSeconds(parser.value(QStringLiteral("target")));
        if (!seconds || *seconds <= 0)
            return fail("--target must be a duration such as 30, 30s or 500ms");
        request.targetSeconds = *seconds;
    }
    return options;
}

// The chart's data as JSON, through the same safe write as a picture.
bool writeChartJson(const ChartData& chart, const TimingDataset& data, const std::vector<TrendStep>& steps,
    const QString& path, const QStringList& inputs, QString* error)
{
    const std::string json = chartDataToJson(chart, data, steps);
    return writeSafely(
        path, inputs,
        [&json](QIODevice& device, QString* reason) { return writeAllBytes(device, json, reason); }, error);
}

} // namespace

int runChart(const QStringList& arguments)
{
    Streams io;
    QCommandLineParser parser;
    parser.setApplicationDescription(
        QStringLiteral("Render a chart of timing files to PNG or SVG, as the charts view "
                       "draws it."));
    addChartOptions(parser);
    int exitCode = Ok;
    if (!parseArguments(parser, arguments, io, exitCode))
        return exitCode;
    if (parser.value(QStringLiteral("kind")) == QStringLiteral("flame"))
        return runFlameChart(parser, io);
    const auto options = chartOptions(parser, io);
    if (!options)
        return BadUsage;

    const auto loaded = loadInputs(parser, io, false);
    if (!loaded)
        return BadUsage;
    if (loaded->dataset.runCount() == 0) {
        io.err << "error: no runs could be loaded\n";
        return Failure;
    }
    const auto runs = filteredRuns(parser, loaded->dataset, io);
    if (!runs)
        return BadUsage;
    const ChartData chart = computeChartData(loaded->dataset, *runs, options->request);
    if (!chart.error.isEmpty()) {
        io.err << "error: " << chart.error << '\n';
        return BadUsage;
    }
    // A loaded file is never drawn over, however the output is spelled: the loader
    // goes by the contents, so an input may well be named .png or .svg.
    QString error;
    const bool asJson = options->output.endsWith(QStringLiteral(".json"), Qt::CaseInsensitive);
    // A trend along a field marks its steps, as the window does.
    const std::vector<TrendStep> steps = findTrendSteps(loaded->dataset, chart);
    const bool written = asJson
        ? writeChartJson(chart, loaded->dataset, steps, options->output, inputFiles(parser), &error)
        : exportChart(chart, options->output, options->pixels, inputFiles(parser), &error, steps);
    if (!written) {
        io.err << "error: " << error << '\n';
        return Failure;
    }
    io.err << "wrote " << options->output << " (" << chart.groups.size() << " groups)\n";
    return Ok;
}

} // namespace te::cli
