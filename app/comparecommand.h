#pragma once

#include <QStringList>

namespace te::cli {

/// `compare FILE... --group-by model --a X --b Y [--metric PATH] [--filter EXPR]...
///  [--format table|csv|json]`: group B against group A, as the charts view's A/B
/// panel shows it. csv gives the per-node medians table (the metric's own row
/// first); json and table give everything.
int runCompare(const QStringList& arguments);

} // namespace te::cli
