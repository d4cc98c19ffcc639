#pragma once

#include <cstddef>
#include <cstdint>
#include <limits>
#include <vector>

namespace te {

/// A value in seconds for each of a range of runs, NaN where a run has none.
///
/// Timing records are written with millisecond precision ("total_seconds":
/// 99.667), so the values are kept as 32-bit milliseconds: half the memory of
/// doubles, which is most of what a large load holds. A value that is no whole
/// number of milliseconds, or beyond 24 days, turns the array into doubles for
/// good. Either way a value reads back as the very double that was set: a value is
/// kept as milliseconds only when `ms / 1000.0` gives back its exact bits.
class DenseSeconds
{
public:
    static constexpr double missing() { return std::numeric_limits<double>::quiet_NaN(); }

    std::size_t size() const { return m_asDoubles ? m_doubles.size() : m_millis.size(); }
    std::size_t capacity() const { return m_asDoubles ? m_doubles.capacity() : m_millis.capacity(); }
    bool empty() const { return size() == 0; }
    double operator[](std::size_t run) const
    {
        if (m_asDoubles)
            return m_doubles[run];
        const std::int32_t ms = m_millis[run];
        return ms == kMissing ? missing() : static_cast<double>(ms) / 1000.0;
    }

    void set(std::size_t run, double seconds);
    /// Grows or shrinks to `runs`; new runs have no value.
    void resize(std::size_t runs);
    void reserve(std::size_t runs);
    void append(const DenseSeconds& other);
    /// A copy with room for `spareRuns` more runs, so that appending them does not
    /// copy the values a second time.
    DenseSeconds copyWithRoom(std::size_t spareRuns) const;
    /// Bytes a run costs: 4 while every value is whole milliseconds, else 8.
    std::size_t bytesPerRun() const { return m_asDoubles ? sizeof(double) : sizeof(std::int32_t); }

private:
    static constexpr std::int32_t kMissing = std::numeric_limits<std::int32_t>::min();
    /// `seconds` as whole milliseconds when that is exact, else false.
    static bool toMillis(double seconds, std::int32_t& ms);
    void switchToDoubles();

    bool m_asDoubles = false;
    std::vector<std::int32_t> m_millis;
    std::vector<double> m_doubles;
};

} // namespace te
