#pragma once

#include "data/denseseconds.h"

#include <cstdint>
#include <limits>
#include <vector>

namespace te {

/// The values of one timing node (metric) across all runs of a dataset.
///
/// Contract: values are set in increasing run order. A column starts sparse (run
/// index + value pairs) and turns dense once most runs have a value: as soon as
/// that is clear while it is built, or at `finish()`. Common nodes then cost 8
/// bytes a run and rare ones (a schema added late, a 1% extra phase) cost almost
/// nothing. Absent values read as NaN. Dense values are DenseSeconds: 4 bytes a
/// run when they are whole milliseconds, as timing records write them.
class MetricColumn
{
public:
    static constexpr double missing() { return std::numeric_limits<double>::quiet_NaN(); }

    double value(std::uint32_t run) const;
    bool has(std::uint32_t run) const { return value(run) == value(run); }
    bool isDerived(std::uint32_t run) const;

    void set(std::uint32_t run, double seconds, bool derived);
    /// The number of runs the column will likely hold: a dense column then grows to
    /// it at once instead of by doubling, which overshoots a large load by up to 2x.
    void reserve(std::uint32_t runs) { m_reserveHint = runs; }
    /// Chooses the cheaper representation for `runCount` runs.
    void finish(std::uint32_t runCount);
    /// Appends `other`'s values, their run indices shifted by `offset`.
    void append(const MetricColumn& other, std::uint32_t offset);
    /// The same, and frees `other` at once, so that merging the parts of a load
    /// holds one column twice at most, never the whole dataset.
    void append(MetricColumn&& other, std::uint32_t offset);
    /// A copy whose dense values have room for `spareRuns` more runs (see
    /// TimingDataset::clone).
    MetricColumn copyWithRoom(std::uint32_t spareRuns) const;
    /// Drops every value of run `firstRemoved` and later.
    void truncate(std::uint32_t firstRemoved);

    /// Calls `visit(run, value)` for every present value, in run order.
    template <typename Visitor> void forEach(Visitor&& visit) const
    {
        if (isDense()) {
            for (std::uint32_t run = 0; run < m_dense.size(); ++run) {
                const double v = m_dense[run];
                if (v == v)
                    visit(run, v);
            }
        } else {
            for (std::size_t i = 0; i < m_sparseRuns.size(); ++i)
                visit(m_sparseRuns[i], m_sparseValues[i]);
        }
    }

private:
    bool isDense() const { return m_denseMode; }
    void makeDense(std::uint32_t runCount);

    void growDense(std::uint32_t run);

    bool m_denseMode = false;
    std::uint32_t m_reserveHint = 0;
    DenseSeconds m_dense;
    std::vector<std::uint32_t> m_sparseRuns;
    std::vector<double> m_sparseValues;
    std::vector<std::uint32_t> m_derivedRuns; // sorted; derived totals are marked, not hidden
};

} // namespace te
