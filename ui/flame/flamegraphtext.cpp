// FlameGraphWidget's words: the tooltip of each box and "Copy as TSV".
#include "ui/flame/flamegraphwidget.h"
#include "util/durationformat.h"

#include <cmath>

namespace te {

namespace {

constexpr int kMaxMergedNames = 12;

QString signedDuration(double seconds)
{
    return (seconds >= 0 ? QStringLiteral("+") : QStringLiteral("−")) + formatDuration(std::fabs(seconds));
}

/// A plain number for spreadsheets: no unit, no thousands separator.
QString plain(double value)
{
    return std::isfinite(value) ? QString::number(value, 'g', 10) : QString();
}

} // namespace

QString FlameGraphWidget::itemTip(int index) const
{
    const auto& item = m_data.items[static_cast<std::size_t>(index)];
    const double root = m_data.rootSeconds();
    const double parent
        = item.parent >= 0 ? m_data.items[static_cast<std::size_t>(item.parent)].seconds : item.seconds;
    QStringList lines { QStringLiteral("<b>%1</b>").arg(item.name.toHtmlEscaped()) };
    if (item.path != item.name)
        lines << item.path.toHtmlEscaped();
    if (m_data.isDifference) {
        lines << tr("A (%1): %2")
                     .arg(m_data.labelA.toHtmlEscaped(),
                         item.inA ? formatDuration(item.secondsA) : tr("absent"));
        lines << tr("B (%1): %2")
                     .arg(m_data.labelB.toHtmlEscaped(),
                         item.inB ? formatDuration(item.seconds) : tr("absent"));
        lines << tr("Δ %1").arg(signedDuration(item.seconds - item.secondsA))
                + (item.secondsA > 0 ? tr(", %1× A").arg(item.seconds / item.secondsA, 0, 'f', 2)
                                     : QString());
        if (!item.inA || !item.inB)
            lines << (item.inA ? tr("<i>only in A</i>") : tr("<i>only in B</i>"));
        else if (item.change == FlameChange::Unchanged)
            lines << tr("<i>within the noise band (±5 % of A, or 0.1 % of B's total)</i>");
    } else {
        lines << formatDuration(item.seconds) + (m_data.isMedian ? tr(" (median)") : QString());
        if (item.parent >= 0 && parent > 0)
            lines << tr("%1 of %2")
                         .arg(formatPercent(item.seconds / parent),
                             m_data.items[static_cast<std::size_t>(item.parent)].name.toHtmlEscaped());
        if (root > 0 && index != 0)
            lines << tr("%1 of the whole").arg(formatPercent(item.seconds / root));
        if (const auto typical = m_reference.constFind(item.path); typical != m_reference.cend())
            lines << tr("%1: %2 (Δ %3)")
                         .arg(m_referenceLabel.toHtmlEscaped(), formatDuration(*typical),
                             signedDuration(item.seconds - *typical));
        if (item.runsWithNode > 1 && m_data.items.front().runsWithNode > item.runsWithNode)
            lines << tr("in %L1 of %L2 runs").arg(item.runsWithNode).arg(m_data.items.front().runsWithNode);
    }
    if (item.unaccounted)
        lines << tr("<i>time its parent's record gives but none of its parts</i>");
    return lines.join(QStringLiteral("<br>"));
}

QString FlameGraphWidget::tipFor(const FlameBox& box) const
{
    if (box.item >= 0)
        return itemTip(box.item);
    QStringList names;
    double seconds = 0;
    for (const int item : box.merged) {
        const auto& merged = m_data.items[static_cast<std::size_t>(item)];
        seconds += merged.seconds;
        if (names.size() < kMaxMergedNames)
            names << QStringLiteral("%1 (%2)").arg(
                merged.name.toHtmlEscaped(), formatDuration(merged.seconds));
    }
    if (box.merged.size() > static_cast<std::size_t>(kMaxMergedNames))
        names << tr("and %L1 more").arg(box.merged.size() - kMaxMergedNames);
    return tr("<b>%L1 nodes too narrow to draw</b>, %2 together:<br>%3")
        .arg(box.merged.size())
        .arg(formatDuration(seconds), names.join(QStringLiteral("<br>")));
}

QString FlameGraphWidget::toTsv() const
{
    QStringList rows;
    if (m_data.isDifference) {
        rows << QStringLiteral("path\tseconds_a\tseconds_b\tdelta\tratio\tchange");
        for (const auto& item : m_data.items) {
            const char* change = item.change == FlameChange::Slower ? "slower"
                : item.change == FlameChange::Faster                ? "faster"
                                                                    : "unchanged";
            rows << QStringList { item.path, plain(item.secondsA), plain(item.seconds),
                plain(item.seconds - item.secondsA),
                item.secondsA > 0 ? plain(item.seconds / item.secondsA) : QString(), QLatin1String(change) }
                        .join(u'\t');
        }
        return rows.join(u'\n') + u'\n';
    }
    rows << QStringLiteral("path\tseconds\tshare_of_parent\tshare_of_root");
    const double root = m_data.rootSeconds();
    for (const auto& item : m_data.items) {
        const double parent
            = item.parent >= 0 ? m_data.items[static_cast<std::size_t>(item.parent)].seconds : item.seconds;
        rows << QStringList { item.path, plain(item.seconds),
            parent > 0 ? plain(item.seconds / parent) : QString(),
            root > 0 ? plain(item.seconds / root) : QString() }
                    .join(u'\t');
    }
    return rows.join(u'\n') + u'\n';
}

} // namespace te
