#pragma once

#include <cstddef>
#include <cstdint>
#include <cstring>
#include <vector>

namespace te {

/// Dictionary codes, one a run, each as wide as the largest code needs: 1 byte while
/// every code is below 256 (a model, a constellation, a source file), 2 below 65,536,
/// else 4. A field of a few values then costs a byte a run, not four; the array
/// widens itself, once, when a larger code is set.
///
/// The subset of std::vector<std::uint32_t> that FieldColumn uses; new elements are 0.
class CodeArray
{
public:
    std::size_t size() const { return m_bytes.size() >> m_shift; }
    std::size_t capacity() const { return m_bytes.capacity() >> m_shift; }
    bool empty() const { return m_bytes.empty(); }
    /// Bytes a code takes now: 1, 2 or 4.
    std::size_t width() const { return std::size_t { 1 } << m_shift; }

    std::uint32_t operator[](std::size_t i) const
    {
        switch (m_shift) {
        case 0:
            return m_bytes[i];
        case 1: {
            std::uint16_t code;
            std::memcpy(&code, m_bytes.data() + i * 2, sizeof code);
            return code;
        }
        default: {
            std::uint32_t code;
            std::memcpy(&code, m_bytes.data() + i * 4, sizeof code);
            return code;
        }
        }
    }

    void set(std::size_t i, std::uint32_t code)
    {
        widenFor(code);
        store(i, code);
    }
    void resize(std::size_t count) { m_bytes.resize(count << m_shift, 0); }
    /// Room for `count` codes of the current width.
    void reserve(std::size_t count) { m_bytes.reserve(count << m_shift); }
    void push_back(std::uint32_t code)
    {
        widenFor(code);
        m_bytes.resize(m_bytes.size() + width(), 0);
        store(size() - 1, code);
    }
    /// `count` codes, every one `code`.
    void assign(std::size_t count, std::uint32_t code);
    /// A copy with room for `spare` more codes of the current width.
    CodeArray copyWithRoom(std::size_t spare) const;

private:
    void widenFor(std::uint32_t code)
    {
        if (code >= (std::uint64_t { 1 } << (8 * width())))
            widen(code);
    }
    void widen(std::uint32_t code);
    void store(std::size_t i, std::uint32_t code)
    {
        switch (m_shift) {
        case 0:
            m_bytes[i] = static_cast<std::uint8_t>(code);
            break;
        case 1: {
            const auto narrow = static_cast<std::uint16_t>(code);
            std::memcpy(m_bytes.data() + i * 2, &narrow, sizeof narrow);
            break;
        }
        default:
            std::memcpy(m_bytes.data() + i * 4, &code, sizeof code);
            break;
        }
    }

    std::vector<std::uint8_t> m_bytes;
    unsigned m_shift = 0; ///< log2 of the width
};

} // namespace te
