#include "stats/quantilewindow.h"

#include "stats/summarystats.h"

#include <algorithm>

namespace te {

QuantileWindow QuantileWindow::of(std::vector<double>& values, double q, std::size_t margin)
{
    QuantileWindow window;
    window.m_q = q;
    window.m_margin = margin;
    window.m_count = static_cast<std::int64_t>(values.size());
    if (values.empty())
        return window;
    const PercentileRanks ranks = percentileRanks(values.size(), q);
    const std::size_t first = ranks.lower - std::min(ranks.lower, margin);
    const std::size_t end = std::min(values.size(), ranks.upper + 1 + margin);
    // Select the first kept rank, then the last among what lies above it, then sort
    // only what is between: linear in the sample, where a sort would be n log n.
    const auto begin = values.begin();
    std::nth_element(begin, begin + static_cast<std::ptrdiff_t>(first), values.end());
    if (end - first > 1) {
        std::nth_element(begin + static_cast<std::ptrdiff_t>(first) + 1,
            begin + static_cast<std::ptrdiff_t>(end) - 1, values.end());
        std::sort(
            begin + static_cast<std::ptrdiff_t>(first) + 1, begin + static_cast<std::ptrdiff_t>(end) - 1);
    }
    window.m_sorted.assign(
        begin + static_cast<std::ptrdiff_t>(first), begin + static_cast<std::ptrdiff_t>(end));
    window.m_below = static_cast<std::int64_t>(first);
    return window;
}

void QuantileWindow::add(double value)
{
    const auto kept = static_cast<std::int64_t>(m_sorted.size());
    const bool reachesBottom = m_below == 0;
    const bool reachesTop = m_below + kept == m_count;
    ++m_count;
    if (!m_sorted.empty() && value < m_sorted.front() && !reachesBottom) {
        ++m_below; // one more value below the kept ones: their ranks move up by one
        return;
    }
    if (!m_sorted.empty() && value > m_sorted.back() && !reachesTop)
        return; // above the kept ones: their ranks stay
    if (m_sorted.empty() && !(reachesBottom && reachesTop))
        return; // nothing kept of a sample that is not empty (cannot happen after of())
    m_sorted.insert(std::upper_bound(m_sorted.begin(), m_sorted.end(), value), value);
}

void QuantileWindow::trim()
{
    if (m_sorted.empty() || m_count == 0)
        return;
    const PercentileRanks ranks = percentileRanks(static_cast<std::size_t>(m_count), m_q);
    const auto wantedFirst = static_cast<std::int64_t>(ranks.lower - std::min(ranks.lower, m_margin));
    const auto wantedEnd = static_cast<std::int64_t>(ranks.upper + 1 + m_margin);
    const std::int64_t keptEnd = m_below + static_cast<std::int64_t>(m_sorted.size());
    if (keptEnd > wantedEnd)
        m_sorted.resize(static_cast<std::size_t>(std::max(wantedEnd - m_below, std::int64_t { 0 })));
    if (wantedFirst > m_below) {
        const std::int64_t dropped
            = std::min(wantedFirst - m_below, static_cast<std::int64_t>(m_sorted.size()));
        m_sorted.erase(m_sorted.begin(), m_sorted.begin() + dropped);
        m_below += dropped;
    }
}

std::optional<double> QuantileWindow::percentile() const
{
    if (m_count == 0)
        return std::nullopt;
    const PercentileRanks ranks = percentileRanks(static_cast<std::size_t>(m_count), m_q);
    const auto lower = static_cast<std::int64_t>(ranks.lower) - m_below;
    const auto upper = static_cast<std::int64_t>(ranks.upper) - m_below;
    if (lower < 0 || upper >= static_cast<std::int64_t>(m_sorted.size()))
        return std::nullopt;
    return interpolatePercentile(
        m_sorted[static_cast<std::size_t>(lower)], m_sorted[static_cast<std::size_t>(upper)], ranks.fraction);
}

} // namespace te
