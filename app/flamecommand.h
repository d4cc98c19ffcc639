#pragma once

#include "clicommon.h"

namespace te::cli {

/// The options `chart --kind flame` adds: --a, --b and --median.
void addFlameOptions(QCommandLineParser& parser);

/// `chart --kind flame`: one flame graph per group, the difference of --b against
/// --a, or, when the filter leaves one run, that run's tree; as PNG, SVG or the
/// JSON documents of export/flamejson.h.
int runFlameChart(const QCommandLineParser& parser, Streams& io);

} // namespace te::cli
