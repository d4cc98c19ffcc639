#pragma once

#include <QStringList>

namespace te::cli {

/// `check FILE... [--by FIELD --baseline V --candidate V|latest | --baseline-file OLD...]
///  [--group-by F] [--metric PATH]... [--fail-if STAT:+N%]... [--alpha A] [--min-runs N]
///  [--strict] [--format table|json|markdown]`: the CI gate. Exit 0 when nothing
/// regressed, 1 on a regression (with --strict also on a group with too few runs),
/// 2 on a usage error. The rule is judgeRatio()'s (core/regress/gate.h).
int runCheck(const QStringList& arguments);

} // namespace te::cli
