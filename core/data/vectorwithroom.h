#pragma once

#include <cstddef>
#include <vector>

namespace te {

/// A copy of `values` with room for `spare` more elements, so that a follow update's
/// copy of a column takes the appended runs without reallocating. An empty vector
/// stays empty and reserves nothing (a column never set costs nothing).
template <typename T> std::vector<T> vectorWithRoom(const std::vector<T>& values, std::size_t spare)
{
    std::vector<T> copy;
    if (values.empty())
        return copy;
    copy.reserve(values.size() + spare);
    copy.assign(values.begin(), values.end());
    return copy;
}

} // namespace te
