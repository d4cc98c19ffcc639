#pragma once

#include <QStringList>

namespace te::cli {

/// `changes FILE... --by FIELD [--group-by F] [--metric PATH]... [--filter EXPR]...
///  [--format table|json|markdown]`: orders the values of FIELD (commits) as the
/// history went (core/stats/fieldorder.h) and lists, per group and metric, the
/// steps of the runs' distribution along them (core/regress/changepoints.h).
/// Exit 0 whether or not a step is found; 2 on unusable options, such as a FIELD
/// the files lack (the message names the fields they have).
int runChanges(const QStringList& arguments);

} // namespace te::cli
