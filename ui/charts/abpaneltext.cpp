// What the A/B panel says in words: the summary line of either mode, and the
// registrations slow in every group.
#include "ui/charts/abpanel.h"
#include "util/durationformat.h"
#include "util/numberformat.h"

namespace te {

QString AbPanel::summaryText() const
{
    return mode() == Mode::Baseline ? baselineSummary() : twoGroupSummary();
}

QString AbPanel::twoGroupSummary() const
{
    const AbComparison& c = m_comparison;
    if (c.nA == 0 || c.nB == 0)
        return tr("No runs with a value for the metric in one of the groups.");
    const QString statistic = statisticLabel(c.statistic);
    const QString verdict = c.mannWhitney.p < 0.05 ? tr("unlikely to be chance") : tr("could be chance");
    QString text = tr("<b>%1</b> (n=%2) against <b>%3</b> (n=%4): %5 B %6, %5 A %7; ratio of %5 <b>%8×</b> "
                      "(95 % CI %9–%10×); Mann–Whitney p = %11, %12.")
                       .arg(c.labelB.toHtmlEscaped())
                       .arg(c.nB)
                       .arg(c.labelA.toHtmlEscaped())
                       .arg(c.nA)
                       .arg(statistic, formatDuration(c.valueB), formatDuration(c.valueA),
                           formatFixed(c.ratio.estimate, 2), formatFixed(c.ratio.low, 2),
                           formatFixed(c.ratio.high, 2), formatPValue(c.mannWhitney.p), verdict);
    if (c.pairedRegistrations > 0) {
        text += tr("<br>On the %1 registrations both ran: median B/A %2× (95 % CI %3–%4×).")
                    .arg(c.pairedRegistrations)
                    .arg(formatFixed(c.paired.medianRatio.estimate, 2),
                        formatFixed(c.paired.medianRatio.low, 2), formatFixed(c.paired.medianRatio.high, 2));
    }
    return text;
}

QString AbPanel::baselineSummary() const
{
    const BaselineComparison& c = m_baseline;
    if (!c.previousOf.isEmpty()) {
        if (c.rows.empty())
            return tr("No group has runs at two values of %1.").arg(c.previousOf.toHtmlEscaped());
        return tr("Each value of <b>%1</b> against the one before it, in the order of their first run, "
                  "within each group, on the %2: faster or slower only when the 95 % CI of the ratio lies "
                  "wholly below or above 1, else unclear.")
            .arg(c.previousOf.toHtmlEscaped(), statisticLabel(c.statistic));
    }
    if (c.baselineN == 0)
        return tr("No runs with a value for the metric in the baseline.");
    return tr("Every group against <b>%1</b> (n=%2, %3 %4): faster or slower only when the 95 % CI of "
              "the ratio lies wholly below or above 1, else unclear.")
        .arg(c.baseline.toHtmlEscaped())
        .arg(c.baselineN)
        .arg(statisticLabel(c.statistic), formatDuration(c.baselineValue));
}

QString AbPanel::slowText() const
{
    const QString rule = tr("a registration whose median is above its group's P90 in every group it ran in; "
                            "groups of %1 runs or more")
                             .arg(kMinRunsToCallSlow);
    constexpr int kNamed = 12;
    switch (m_slow.why) {
    case SlowEverywhere::Empty::NotEmpty:
        return tr("<b>Slow in every group</b> (%1): %2")
                   .arg(rule, m_slow.ids.mid(0, kNamed).join(QStringLiteral(", ")).toHtmlEscaped())
            + (m_slow.ids.size() > kNamed ? tr(" and %1 more").arg(m_slow.ids.size() - kNamed) : QString());
    case SlowEverywhere::Empty::NoSharedRegistration:
        return tr("<b>Slow in every group:</b> none, because no registration ran in two groups.");
    case SlowEverywhere::Empty::TooFewRuns:
        return tr("<b>Slow in every group:</b> none, because fewer than two groups have %1 runs or more; "
                  "fewer are too few to call a run slow.")
            .arg(kMinRunsToCallSlow);
    case SlowEverywhere::Empty::NoneSlowEverywhere:
        break;
    }
    return tr("<b>Slow in every group:</b> none; no registration is slow in every group (%1).").arg(rule);
}

} // namespace te
