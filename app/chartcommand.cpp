#include "chartcommand.h"

#include "ui/charts/chartbuilder.h"
#include "stats/chartdata.h"
#include "clicommon.h"
#include "export/csvfilewriter.h"

#include <QRegularExpression>
#include <QSize>

namespace te::cli {

int runChart(const QStringList& arguments)
{
    Streams io;
    QCommandLineParser parser;
    parser.setApplicationDescription(
        QStringLiteral("Render a chart of timing files to PNG or SVG, as the charts view "
                       "draws it."));
    addInputOptions(parser);
    parser.addOption({ QStringLiteral("kind"), QStringLiteral("box, bar, stacked, histogram or trend."),
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
    parser.addOption({ QStringLiteral("bins"), QStringLiteral("Histogram bins (default: Freedman–Diaconis)."),
        QStringLiteral("N"), QStringLiteral("0") });
    parser.addOption({ { QStringLiteral("o"), QStringLiteral("output") },
        QStringLiteral("OUT.png or OUT.svg."), QStringLiteral("FILE") });
    parser.addOption({ QStringLiteral("size"), QStringLiteral("Image size in pixels."), QStringLiteral("WxH"),
        QStringLiteral("1600x900") });
    int exitCode = Ok;
    if (!parseArguments(parser, arguments, io, exitCode))
        return exitCode;

    ChartRequest request;
    const auto kind = kindFromName(parser.value(QStringLiteral("kind")));
    const auto statistic = chartStatisticFromName(parser.value(QStringLiteral("stat")));
    const QString output = parser.value(QStringLiteral("output"));
    const QStringList size
        = parser.value(QStringLiteral("size")).split(QRegularExpression(QStringLiteral("[x×]")));
    const QSize pixels(size.value(0).toInt(), size.value(1).toInt());
    bool binsOk = false;
    request.bins = parser.value(QStringLiteral("bins")).toInt(&binsOk);
    if (!kind || !statistic || output.isEmpty() || pixels.width() < 100 || pixels.height() < 100 || !binsOk
        || request.bins < 0) {
        io.err << "error: "
               << (!kind ? QStringLiteral("--kind must be box, bar, stacked, histogram or trend")
                          : !statistic       ? QStringLiteral("--stat must be median, mean, p90, p95 or p99")
                          : output.isEmpty() ? QStringLiteral("-o OUT.png or OUT.svg is required")
                          : !binsOk || request.bins < 0
                          ? QStringLiteral("--bins must be a whole number")
                          : QStringLiteral("--size must be like 1600x900 (at least 100x100)"))
               << '\n';
        return BadUsage;
    }
    if (!output.endsWith(QStringLiteral(".png"), Qt::CaseInsensitive)
        && !output.endsWith(QStringLiteral(".svg"), Qt::CaseInsensitive)) {
        io.err << "error: the output must end in .png or .svg\n";
        return BadUsage;
    }
    request.kind = *kind;
    request.statistic = *statistic;
    request.groupBy = splitList({ parser.value(QStringLiteral("group-by")) });
    request.metric = parser.value(QStringLiteral("metric"));
    request.logScale = parser.isSet(QStringLiteral("log"));
    if (parser.isSet(QStringLiteral("target"))) {
        const auto seconds = parseDurationSeconds(parser.value(QStringLiteral("target")));
        if (!seconds || *seconds <= 0) {
            io.err << "error: --target must be a duration such as 30, 30s or 500ms\n";
            return BadUsage;
        }
        request.targetSeconds = *seconds;
    }

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
    const ChartData chart = computeChartData(loaded->dataset, *runs, request);
    if (!chart.error.isEmpty()) {
        io.err << "error: " << chart.error << '\n';
        return BadUsage;
    }
    // A loaded file is never drawn over, however the output is spelled (a link, "..",
    // a relative path): the loader goes by the contents, so an input may well be
    // named .png or .svg. The same check as `summary` and `convert` make.
    QStringList inputs = parser.positionalArguments();
    if (parser.isSet(QStringLiteral("mapping")))
        inputs << parser.value(QStringLiteral("mapping"));
    if (const QString input = protectedInputFor(output, inputs); !input.isEmpty()) {
        io.err << "error: cannot write " << output << ": it is the input file " << input
               << ", which is only ever read\n";
        return Failure;
    }
    QString error;
    if (!exportChart(chart, output, pixels, &error)) {
        io.err << "error: " << error << '\n';
        return Failure;
    }
    io.err << "wrote " << output << " (" << chart.groups.size() << " groups)\n";
    return Ok;
}

} // namespace te::cli
