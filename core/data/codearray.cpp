#include "data/codearray.h"

#include "data/vectorwithroom.h"

namespace te {

void CodeArray::assign(std::size_t count, std::uint32_t code)
{
    m_bytes.clear();
    widenFor(code);
    m_bytes.resize(count << m_shift, 0);
    if (code != 0) {
        for (std::size_t i = 0; i < count; ++i)
            store(i, code);
    }
}

CodeArray CodeArray::copyWithRoom(std::size_t spare) const
{
    CodeArray copy;
    copy.m_shift = m_shift;
    copy.m_bytes = vectorWithRoom(m_bytes, spare << m_shift);
    return copy;
}

void CodeArray::widen(std::uint32_t code)
{
    const unsigned shift = code < (1u << 16) ? 1 : 2;
    CodeArray wide;
    wide.m_shift = shift;
    // The room reserved so far (a column sized once for the whole file) is kept, in codes.
    wide.m_bytes.reserve(capacity() << shift);
    wide.m_bytes.resize(size() << shift, 0);
    for (std::size_t i = 0; i < size(); ++i)
        wide.store(i, (*this)[i]);
    *this = std::move(wide);
}

} // namespace te
