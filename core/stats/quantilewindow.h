#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <vector>

namespace te {

/// One percentile of a sample that grows, kept exact without keeping the sample: the
/// sorted values at the ranks around the percentile's, and how many values lie
/// below them. Adding a value costs a binary search and, when it falls among the
/// kept values, an insert into at most a few hundred of them.
///
/// Contract: `percentile()` equals percentileOfSorted(sorted sample, q) bit for bit
/// while the window still holds the two ranks it reads. A percentile's rank moves
/// by q per added value, so a window built with `margin` ranks on each side lasts at
/// least about `margin` additions that all land on one side; after that
/// `percentile()` is nullopt and the window must be built again from the sample.
class QuantileWindow
{
public:
    QuantileWindow() = default;
    /// The window of `values` (reordered; NaN not allowed) around `q`'s ranks, with
    /// `margin` more ranks on each side.
    static QuantileWindow of(std::vector<double>& values, double q, std::size_t margin);

    void add(double value);
    /// Drops kept values more than the margin away from the percentile's ranks, so
    /// that the window stays small however many values are added.
    void trim();

    std::int64_t count() const { return m_count; }
    /// nullopt when the window no longer holds the ranks the percentile reads, or
    /// the sample is empty.
    std::optional<double> percentile() const;

    /// Bytes the window holds beyond its own size.
    std::size_t heapBytes() const { return m_sorted.capacity() * sizeof(double); }

private:
    double m_q = 0.5;
    std::size_t m_margin = 0;
    std::vector<double> m_sorted; ///< the values at ranks m_below .. m_below + size - 1
    std::int64_t m_below = 0; ///< values below the window, not kept
    std::int64_t m_count = 0; ///< values in the sample
};

} // namespace te
