#pragma once

#include <cstdint>
#include <limits>
#include <vector>

namespace te {

/// The values of one timing node (metric) across all runs of a dataset.
///
/// Contract: values are set in increasing run order. A column starts sparse (run
/// index + value pairs) and `finish()` turns it dense when most runs have a value,
/// so common nodes cost 8 bytes a run and rare ones (a schema added late, a 1%
/// extra phase) cost almost nothing. Absent values read as NaN.
class MetricColumn
{
public:
    static constexpr double missing() { return std::numeric_limits<double>::quiet_NaN(); }

    double value(std::uint32_t run) const;
    bool has(std::uint32_t run) const { return value(run) == value(run); }
    bool isDerived(std::uint32_t run) const;

    void set(std::uint32_t run, double seconds, bool derived);
    /// Chooses the cheaper representation for `runCount` runs.
    void finish(std::uint32_t runCount);
    /// Appends `other`'s values, their run indices shifted by `offset`.
    void append(const MetricColumn& other, std::uint32_t offset);
    /// Drops every value of run `firstRemoved` and later.
    void truncate(std::uint32_t firstRemoved);

    /// Calls `visit(run, value)` for every present value, in run order.
    template <typename Visitor> void forEach(Visitor&& visit) const
    {
        if (isDense()) {
            for (std::uint32_t run = 0; run < m_dense.size(); ++run) {
                if (m_dense[run] == m_dense[run])
                    visit(run, m_dense[run]);
            }
        } else {
            for (std::size_t i = 0; i < m_sparseRuns.size(); ++i)
                visit(m_sparseRuns[i], m_sparseValues[i]);
        }
    }

private:
    bool isDense() const { return m_denseMode; }
    void makeDense(std::uint32_t runCount);

    bool m_denseMode = false;
    std::vector<double> m_dense;
    std::vector<std::uint32_t> m_sparseRuns;
    std::vector<double> m_sparseValues;
    std::vector<std::uint32_t> m_derivedRuns; // sorted; derived totals are marked, not hidden
};

} // namespace te
