#pragma once

#include <QStringList>

namespace te::cli {

/// `stats FILE... [--group-by F[,F...]] [--metric PATH]... [--filter EXPR]...
///  [--mapping FILE] [--format table|csv|json]`: group statistics per metric.
int runStats(const QStringList& arguments);

} // namespace te::cli
