#pragma once

#include <QStringList>

namespace te::cli {

/// `summary FILE... -o OUT.csv [--preset summary|phases|all] [--columns a,b,...]
///  [--per-group F[,F] [--stats median,p95,...]] [--metric PATH]... [--long]
///  [--filter EXPR]... [--mapping FILE] [format options]`: the runs as a CSV file,
/// written by the same engine as the export dialog (csvexport.h). `-o -` writes to
/// stdout. Never writes over an input. Exit 2 for bad options, 1 when the output
/// cannot be written or nothing could be loaded.
int runSummary(const QStringList& arguments);

} // namespace te::cli
