#include "regress/gate.h"

#include "data/timingdataset.h"
#include "stats/abcomparison.h"
#include "stats/groupstats.h"

#include <QRegularExpression>
#include <algorithm>
#include <cmath>

namespace te {

namespace {

constexpr Statistic kGateStatistics[]
    = { Statistic::Median, Statistic::Mean, Statistic::P90, Statistic::P95 };
constexpr std::size_t kSlowedShown = 3;

GateCheck checkOf(const GroupContrast& contrast, std::int64_t nBaseline, std::int64_t nCandidate,
    const GateRule& rule, const GateOptions& options)
{
    GateCheck check;
    check.rule = rule;
    check.baselineValue = contrast.valueA;
    check.candidateValue = contrast.valueB;
    check.baselineRuns = nBaseline;
    check.candidateRuns = nCandidate;
    check.ratio = contrast.ratio;
    check.p = contrast.mannWhitney.p;
    check.verdict = nBaseline < options.minRuns || nCandidate < options.minRuns
        ? GateVerdict::NotEnoughRuns
        : judgeRatio(contrast.ratio, check.p, rule.threshold, options.alpha);
    return check;
}

// The phase that grew most and the registrations that slowed most, from the
// per-part medians and the paired registrations of compareGroups().
void explain(const AbComparison& comparison, GateResult& result)
{
    double grown = 0;
    for (const auto& part : comparison.parts) {
        const double delta = part.medianB - part.medianA;
        if (part.depth == 1 && delta > grown) {
            grown = delta;
            result.grewMostPath = part.path;
            result.grewMostBaseline = part.medianA;
            result.grewMostCandidate = part.medianB;
        }
    }
    const auto& ratios = comparison.paired.ratios;
    for (std::size_t i = 0; i < ratios.size() && i < static_cast<std::size_t>(comparison.pairedIds.size());
         ++i) {
        if (std::isfinite(ratios[i]) && ratios[i] > 1)
            result.slowedMost.push_back({ comparison.pairedIds[static_cast<qsizetype>(i)], ratios[i] });
    }
    // Ties go to the registration id, so the list does not depend on the dataset's order.
    std::sort(result.slowedMost.begin(), result.slowedMost.end(),
        [](const auto& a, const auto& b) { return a.ratio != b.ratio ? a.ratio > b.ratio : a.id < b.id; });
    if (result.slowedMost.size() > kSlowedShown)
        result.slowedMost.resize(kSlowedShown);
}

std::vector<std::uint32_t> runsOf(const RunGroup* group)
{
    return group ? group->runs : std::vector<std::uint32_t> {};
}

} // namespace

std::optional<GateRule> parseGateRule(QStringView text, QString* error)
{
    static const QRegularExpression form(QStringLiteral("^([a-z0-9]+):\\+?([0-9]+(?:\\.[0-9]+)?)%$"));
    const auto match = form.match(text.trimmed().toString());
    if (!match.hasMatch()) {
        if (error)
            *error = QStringLiteral("bad --fail-if \"") + text.toString()
                + QStringLiteral("\"; write STAT:+N%, such as median:+5%");
        return std::nullopt;
    }
    const QString name = match.captured(1);
    const auto statistic = statisticNamed(name);
    if (!statistic
        || std::find(std::begin(kGateStatistics), std::end(kGateStatistics), *statistic)
            == std::end(kGateStatistics)) {
        if (error)
            *error = QStringLiteral("bad --fail-if \"") + text.toString()
                + QStringLiteral("\": unknown statistic \"") + name
                + QStringLiteral("\"; use median, mean, p90 or p95");
        return std::nullopt;
    }
    return GateRule { *statistic, match.captured(2).toDouble() / 100.0 };
}

QString gateRuleText(const GateRule& rule)
{
    return statisticName(rule.statistic) + QStringLiteral(":+")
        + QString::number(rule.threshold * 100, 'g', 6) + u'%';
}

QString verdictName(GateVerdict verdict)
{
    switch (verdict) {
    case GateVerdict::Regression:
        return QStringLiteral("regression");
    case GateVerdict::Improvement:
        return QStringLiteral("improvement");
    case GateVerdict::NotEnoughRuns:
        return QStringLiteral("not enough runs");
    case GateVerdict::Unchanged:
        break;
    }
    return QStringLiteral("unchanged");
}

GateVerdict judgeRatio(const ConfidenceInterval& ratio, double p, double threshold, double alpha)
{
    // Comparisons with NaN are false: NaN figures fall through to Unchanged.
    const bool significant = p < alpha;
    if (significant && ratio.low > 1 + threshold)
        return GateVerdict::Regression;
    if (significant && ratio.high < 1 / (1 + threshold))
        return GateVerdict::Improvement;
    return GateVerdict::Unchanged;
}

GateCheck checkValues(const std::vector<double>& baseline, const std::vector<double>& candidate,
    const GateRule& rule, const GateOptions& options)
{
    return checkOf(contrastOf(baseline, candidate, rule.statistic),
        static_cast<std::int64_t>(baseline.size()), static_cast<std::int64_t>(candidate.size()), rule,
        options);
}

GateVerdict GateResult::verdict() const
{
    for (const GateVerdict worst :
        { GateVerdict::Regression, GateVerdict::Improvement, GateVerdict::NotEnoughRuns }) {
        if (std::any_of(checks.begin(), checks.end(), [&](const GateCheck& c) { return c.verdict == worst; }))
            return worst;
    }
    return GateVerdict::Unchanged;
}

int GateReport::count(GateVerdict verdict) const
{
    int n = 0;
    for (const GateResult& result : results)
        n += static_cast<int>(std::count_if(result.checks.begin(), result.checks.end(),
            [&](const GateCheck& c) { return c.verdict == verdict; }));
    return n;
}

GateReport runGate(const TimingDataset& data, const std::vector<std::uint32_t>& baselineRuns,
    const std::vector<std::uint32_t>& candidateRuns, const std::vector<int>& groupFields,
    const std::vector<int>& metrics, const GateOptions& options)
{
    std::vector<std::uint32_t> both = baselineRuns;
    both.insert(both.end(), candidateRuns.begin(), candidateRuns.end());
    const std::vector<RunGroup> groups = groupRuns(data, both, groupFields);
    const std::vector<RunGroup> baseGroups = groupRuns(data, baselineRuns, groupFields);
    const std::vector<RunGroup> candidateGroups = groupRuns(data, candidateRuns, groupFields);
    const auto find = [](const std::vector<RunGroup>& in, const QStringList& key) -> const RunGroup* {
        const auto it = std::find_if(in.begin(), in.end(), [&](const RunGroup& g) { return g.key == key; });
        return it == in.end() ? nullptr : &*it;
    };
    GateReport report;
    for (const RunGroup& group : groups) {
        const std::vector<std::uint32_t> base = runsOf(find(baseGroups, group.key));
        const std::vector<std::uint32_t> candidate = runsOf(find(candidateGroups, group.key));
        for (const int metric : metrics) {
            GateResult result;
            result.group = group.label();
            result.metric = data.metric(metric).path;
            for (const GateRule& rule : options.rules) {
                const AbComparison c
                    = compareGroups(data, base, candidate, metric, QString(), QString(), rule.statistic);
                result.checks.push_back(
                    checkOf({ c.valueA, c.valueB, c.ratio, c.mannWhitney }, c.nA, c.nB, rule, options));
                if (result.checks.size() == 1)
                    explain(c, result);
            }
            report.results.push_back(std::move(result));
        }
    }
    return report;
}

} // namespace te
