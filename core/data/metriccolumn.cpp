#include "data/metriccolumn.h"

#include <algorithm>

namespace te {

double MetricColumn::value(std::uint32_t run) const
{
    if (isDense())
        return run < m_dense.size() ? m_dense[run] : missing();
    const auto it = std::lower_bound(m_sparseRuns.begin(), m_sparseRuns.end(), run);
    if (it == m_sparseRuns.end() || *it != run)
        return missing();
    return m_sparseValues[static_cast<std::size_t>(it - m_sparseRuns.begin())];
}

bool MetricColumn::isDerived(std::uint32_t run) const
{
    return std::binary_search(m_derivedRuns.begin(), m_derivedRuns.end(), run);
}

namespace {
/// A sparse column with this many values, on more than half the runs so far, turns
/// dense while it is built: its pairs would soon cost more than the dense array.
constexpr std::size_t kDenseAfterValues = 1024;
} // namespace

void MetricColumn::growDense(std::uint32_t run)
{
    if (m_dense.capacity() <= run && m_reserveHint > run)
        m_dense.reserve(m_reserveHint);
    m_dense.resize(run + 1);
}

void MetricColumn::set(std::uint32_t run, double seconds, bool derived)
{
    if (!isDense() && m_sparseRuns.size() >= kDenseAfterValues && m_sparseRuns.size() * 2 > run)
        makeDense(run);
    if (isDense()) {
        if (m_dense.size() <= run)
            growDense(run);
        m_dense.set(run, seconds);
    } else {
        m_sparseRuns.push_back(run);
        m_sparseValues.push_back(seconds);
    }
    if (derived)
        m_derivedRuns.push_back(run);
}

void MetricColumn::makeDense(std::uint32_t runCount)
{
    DenseSeconds dense;
    dense.reserve(std::max(runCount, m_reserveHint));
    dense.resize(runCount);
    for (std::size_t i = 0; i < m_sparseRuns.size(); ++i)
        dense.set(m_sparseRuns[i], m_sparseValues[i]);
    m_dense = std::move(dense);
    m_sparseRuns = {};
    m_sparseValues = {};
    m_denseMode = true;
}

void MetricColumn::finish(std::uint32_t runCount)
{
    // Sparse costs 12 bytes a present value, dense 8 bytes a run.
    if (!isDense() && m_sparseRuns.size() * 3 > static_cast<std::size_t>(runCount) * 2)
        makeDense(runCount);
    // A dense array keeps its spare capacity (a reserve() for the whole file, or
    // doubling): pages never written are not resident, and a copy to shrink it
    // would be, for a moment, a second array.
    if (isDense())
        m_dense.resize(runCount);
    m_sparseRuns.shrink_to_fit();
    m_sparseValues.shrink_to_fit();
    m_derivedRuns.shrink_to_fit();
}

MetricColumn MetricColumn::copyWithRoom(std::uint32_t spareRuns) const
{
    MetricColumn copy;
    copy.m_denseMode = m_denseMode;
    copy.m_reserveHint = m_reserveHint;
    copy.m_dense = m_dense.copyWithRoom(spareRuns);
    copy.m_sparseRuns = m_sparseRuns;
    copy.m_sparseValues = m_sparseValues;
    copy.m_derivedRuns = m_derivedRuns;
    return copy;
}

void MetricColumn::append(const MetricColumn& other, std::uint32_t offset)
{
    if (isDense() && other.isDense()) {
        m_dense.resize(offset);
        m_dense.append(other.m_dense);
    } else {
        other.forEach([&](std::uint32_t run, double v) { set(run + offset, v, false); });
    }
    for (const std::uint32_t run : other.m_derivedRuns)
        m_derivedRuns.push_back(run + offset);
}

void MetricColumn::append(MetricColumn&& other, std::uint32_t offset)
{
    if (m_dense.empty() && m_sparseRuns.empty() && m_derivedRuns.empty() && offset == 0) {
        *this = std::move(other);
    } else {
        append(other, offset);
    }
    other = MetricColumn();
}

void MetricColumn::truncate(std::uint32_t firstRemoved)
{
    if (isDense()) {
        if (m_dense.size() > firstRemoved)
            m_dense.resize(firstRemoved);
    } else {
        const auto it = std::lower_bound(m_sparseRuns.begin(), m_sparseRuns.end(), firstRemoved);
        const auto keep = static_cast<std::size_t>(it - m_sparseRuns.begin());
        m_sparseRuns.resize(keep);
        m_sparseValues.resize(keep);
    }
    m_derivedRuns.erase(
        std::lower_bound(m_derivedRuns.begin(), m_derivedRuns.end(), firstRemoved), m_derivedRuns.end());
}

} // namespace te
