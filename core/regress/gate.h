#pragma once

#include "stats/significance.h"
#include "stats/statistic.h"

#include <QString>
#include <QStringList>
#include <QStringView>
#include <cstdint>
#include <optional>
#include <vector>

// The CI gate: did a candidate (a commit's runs) get slower than its baseline?
namespace te {

class TimingDataset;

/// One --fail-if rule: fail when `statistic` grew by more than `threshold`
/// (0.05: 5 %). The statistic is one of median, mean, p90, p95.
struct GateRule
{
    Statistic statistic = Statistic::Median;
    double threshold = 0.05;
};

/// Parses "STAT:+N%" ("median:+5%", "p95:+10%"; the "+" may be left out). nullopt
/// with `error` naming the problem for another statistic, a negative or missing N.
std::optional<GateRule> parseGateRule(QStringView text, QString* error);
/// "median:+5%"
QString gateRuleText(const GateRule& rule);

struct GateOptions
{
    std::vector<GateRule> rules = std::vector<GateRule>(1); ///< median:+5 % by default
    double alpha = 0.05; ///< Mann–Whitney p below this is significant
    std::int64_t minRuns = 5; ///< fewer runs with a value on either side: NotEnoughRuns
};

enum class GateVerdict
{
    Unchanged,
    Regression,
    Improvement,
    NotEnoughRuns
};
/// "unchanged", "regression", "improvement", "not enough runs"
QString verdictName(GateVerdict verdict);

/// The rule, with r = statistic(candidate) / statistic(baseline) and its bootstrap
/// 95 % interval [lo, hi]:
///   regression  when lo > 1 + threshold       and p < alpha;
///   improvement when hi < 1 / (1 + threshold) and p < alpha;
///   unchanged otherwise (NaN figures included).
/// The improvement bound is the regression bound inverted, so swapping baseline
/// and candidate turns one into the other. Run counts are not looked at here.
GateVerdict judgeRatio(const ConfidenceInterval& ratio, double p, double threshold, double alpha);

/// One rule applied to one group and metric.
struct GateCheck
{
    GateRule rule;
    double baselineValue = 0; ///< the statistic of the baseline runs
    double candidateValue = 0;
    std::int64_t baselineRuns = 0; ///< runs with a value on the metric
    std::int64_t candidateRuns = 0;
    ConfidenceInterval ratio {}; ///< candidate / baseline, bootstrap 95 %
    double p = 0; ///< Mann–Whitney, two-sided
    GateVerdict verdict = GateVerdict::Unchanged;
};

/// The gate on two samples: judgeRatio() of contrastOf(baseline, candidate), or
/// NotEnoughRuns when either has fewer than options.minRuns values.
GateCheck checkValues(const std::vector<double>& baseline, const std::vector<double>& candidate,
    const GateRule& rule, const GateOptions& options);

struct SlowedRegistration
{
    QString id;
    double ratio = 0; ///< median of its candidate runs / median of its baseline runs
};

/// Every rule on one group and metric, and where the time went.
struct GateResult
{
    QString group;
    QString metric;
    std::vector<GateCheck> checks; ///< one per rule, in rule order
    /// The phase (a child of the metric) whose median grew most, in seconds; empty
    /// when none grew.
    QString grewMostPath;
    double grewMostBaseline = 0; ///< its median in the baseline
    double grewMostCandidate = 0;
    /// Registrations run on both sides whose median grew, largest ratio first, at most 3.
    std::vector<SlowedRegistration> slowedMost;

    /// The worst of the checks: a regression, else an improvement, else not enough
    /// runs, else unchanged.
    GateVerdict verdict() const;
};

struct GateReport
{
    std::vector<GateResult> results; ///< by group (groupRuns() order), then metric
    int count(GateVerdict verdict) const; ///< checks with this verdict
};

/// Runs the gate per group of `groupFields` (the groups of both sides together)
/// and per metric, through compareGroups(). A group missing on one side has no runs
/// there: NotEnoughRuns.
GateReport runGate(const TimingDataset& data, const std::vector<std::uint32_t>& baselineRuns,
    const std::vector<std::uint32_t>& candidateRuns, const std::vector<int>& groupFields,
    const std::vector<int>& metrics, const GateOptions& options);

} // namespace te
