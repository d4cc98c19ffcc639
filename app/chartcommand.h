#pragma once

#include <QStringList>

namespace te::cli {

/// `chart FILE... --kind box|bar|stacked|histogram|trend --group-by F[,F] --metric PATH
///  [--stat median|mean|p90|p95|p99] [--filter EXPR]... [--target SECONDS]
///  [--log] [--bins N] -o OUT.png|OUT.svg [--size WxH]`: the charts view's chart, headless,
/// written through writeSafely (atomically, in place for a device, never over an input).
/// Needs a QApplication (QtCharts draws with widgets' graphics scene); main() creates
/// one on the offscreen platform when there is no display.
int runChart(const QStringList& arguments);

} // namespace te::cli
