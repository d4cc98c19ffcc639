#pragma once

#include "regress/gate.h"

#include <QString>
#include <QTextStream>

namespace te::cli {

/// What the report compared, for its heading.
struct CheckSides
{
    QString baseline; ///< "git_commit b2c0002", or the baseline files
    QString candidate;
    GateOptions options;
};

/// One line per group, metric and rule, aligned, then a verdict line.
void printCheckTable(const GateReport& report, const CheckSides& sides, QTextStream& out);

/// {"results": [{"group", "metric", "stat", "threshold", "baseline": {"value", "n"},
/// "candidate": {...}, "ratio", "ci95": [lo, hi], "p", "regression", "improvement",
/// "verdict"}]}; NaN figures are null.
void printCheckJson(const GateReport& report, QTextStream& out);

/// A PR comment: a heading with the count of regressions, one table row per group
/// and metric (its rules' figures joined in one cell), marked ↑ regression,
/// ↓ improvement, ~ unchanged, ? not enough runs; the phase that grew most and the
/// registrations that slowed most; then the rule.
void printCheckMarkdown(const GateReport& report, const CheckSides& sides, QTextStream& out);

} // namespace te::cli
