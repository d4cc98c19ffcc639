#include "data/denseseconds.h"

#include "data/vectorwithroom.h"

#include <bit>
#include <cmath>

namespace te {

bool DenseSeconds::toMillis(double seconds, std::int32_t& ms)
{
    if (std::isnan(seconds)) {
        ms = kMissing;
        return true;
    }
    // Within ±24 days (and so within int32), and not -0.0, which reads back as 0.0.
    if (!(std::fabs(seconds) < 2.0e6) || (seconds == 0 && std::signbit(seconds)))
        return false;
    const auto rounded = static_cast<std::int32_t>(std::lround(seconds * 1000.0));
    const double back = static_cast<double>(rounded) / 1000.0;
    if (std::bit_cast<std::uint64_t>(back) != std::bit_cast<std::uint64_t>(seconds))
        return false;
    ms = rounded;
    return true;
}

void DenseSeconds::switchToDoubles()
{
    std::vector<double> doubles;
    doubles.reserve(m_millis.capacity());
    for (std::size_t run = 0; run < m_millis.size(); ++run)
        doubles.push_back((*this)[run]);
    m_doubles = std::move(doubles);
    m_millis = {};
    m_asDoubles = true;
}

void DenseSeconds::set(std::size_t run, double seconds)
{
    if (!m_asDoubles) {
        std::int32_t ms = 0;
        if (toMillis(seconds, ms)) {
            m_millis[run] = ms;
            return;
        }
        switchToDoubles();
    }
    m_doubles[run] = seconds;
}

void DenseSeconds::resize(std::size_t runs)
{
    if (m_asDoubles)
        m_doubles.resize(runs, missing());
    else
        m_millis.resize(runs, kMissing);
}

void DenseSeconds::reserve(std::size_t runs)
{
    if (m_asDoubles)
        m_doubles.reserve(runs);
    else
        m_millis.reserve(runs);
}

DenseSeconds DenseSeconds::copyWithRoom(std::size_t spareRuns) const
{
    DenseSeconds copy;
    copy.m_asDoubles = m_asDoubles;
    copy.m_millis = vectorWithRoom(m_millis, spareRuns);
    copy.m_doubles = vectorWithRoom(m_doubles, spareRuns);
    return copy;
}

void DenseSeconds::append(const DenseSeconds& other)
{
    if (!m_asDoubles && other.m_asDoubles)
        switchToDoubles();
    if (m_asDoubles) {
        m_doubles.reserve(m_doubles.size() + other.size()); // exact: no overshoot on a million runs
        if (other.m_asDoubles) {
            m_doubles.insert(m_doubles.end(), other.m_doubles.begin(), other.m_doubles.end());
        } else {
            for (std::size_t run = 0; run < other.size(); ++run)
                m_doubles.push_back(other[run]);
        }
    } else {
        m_millis.reserve(m_millis.size() + other.size());
        m_millis.insert(m_millis.end(), other.m_millis.begin(), other.m_millis.end());
    }
}

} // namespace te
