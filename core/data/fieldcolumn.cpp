#include "data/fieldcolumn.h"

#include <cstring>
#include <mutex>

namespace te {

namespace {
/// A column set on this many runs in a row is taken to be set on most (see reserve()).
constexpr std::uint32_t kCommonAfterRuns = 1024;

/// Held while any column's text cache grows, or is read by a copy: fills are rare
/// (once per column and snapshot), so one lock for all columns is enough.
std::mutex& textCacheLock()
{
    static std::mutex lock;
    return lock;
}
} // namespace

FieldColumn::FieldColumn()
    : m_dictionary(1)
{ }

const QString& FieldColumn::text(std::uint32_t code) const
{
    const std::size_t size = m_dictionary.size();
    if (m_textCache.filled.load(std::memory_order_acquire) < size) {
        const std::lock_guard lock(textCacheLock());
        std::vector<QString>& texts = m_textCache.texts;
        if (texts.size() < size) {
            const auto first = texts.size();
            texts.resize(size);
            for (auto i = first; i < size; ++i)
                texts[i] = QString::fromUtf8(
                    m_dictionary[i].data(), static_cast<qsizetype>(m_dictionary[i].size()));
        }
        m_textCache.filled.store(size, std::memory_order_release);
    }
    return m_textCache.texts[code < size ? code : 0];
}

FieldColumn::TextCache& FieldColumn::TextCache::reset()
{
    texts.clear();
    filled.store(0, std::memory_order_relaxed);
    return *this;
}

std::uint64_t FieldColumn::hash(std::string_view value)
{
    // Eight bytes at a time with a multiply-xorshift mix: registration ids and
    // model names are short, and this runs for every metadata value of every run.
    constexpr std::uint64_t k = 0x9e3779b97f4a7c15ull;
    std::uint64_t h = value.size() * k;
    const char* p = value.data();
    std::size_t left = value.size();
    while (left >= 8) {
        std::uint64_t word;
        std::memcpy(&word, p, 8);
        h = (h ^ word) * k;
        h ^= h >> 32;
        p += 8;
        left -= 8;
    }
    if (left > 0) {
        std::uint64_t word = 0;
        std::memcpy(&word, p, left);
        h = (h ^ word) * k;
    }
    h ^= h >> 29;
    h *= 0xbf58476d1ce4e5b9ull;
    return h ^ (h >> 32);
}

std::uint32_t FieldColumn::codeOf(std::string_view value) const
{
    if (m_slots.empty() || value.empty())
        return 0;
    const std::uint64_t h = hash(value);
    const std::size_t mask = m_slots.size() - 1;
    for (std::size_t i = h & mask;; i = (i + 1) & mask) {
        const std::uint32_t code = m_slots[i];
        if (code == 0)
            return 0;
        if (m_hashes[code] == h && m_dictionary[code] == value)
            return code;
    }
}

void FieldColumn::grow()
{
    const std::size_t capacity = m_slots.empty() ? 64 : m_slots.size() * 2;
    m_slots.assign(capacity, 0);
    const std::size_t mask = capacity - 1;
    for (std::uint32_t code = 1; code < m_dictionary.size(); ++code) {
        std::size_t i = m_hashes[code] & mask;
        while (m_slots[i] != 0)
            i = (i + 1) & mask;
        m_slots[i] = code;
    }
}

std::uint32_t FieldColumn::intern(std::string_view value)
{
    if (value.empty())
        return 0;
    if (m_dictionary.size() * 2 >= m_slots.size())
        grow();
    const std::uint64_t h = hash(value);
    const std::size_t mask = m_slots.size() - 1;
    std::size_t i = h & mask;
    for (; m_slots[i] != 0; i = (i + 1) & mask) {
        const std::uint32_t code = m_slots[i];
        if (m_hashes[code] == h && m_dictionary[code] == value)
            return code;
    }
    const auto code = static_cast<std::uint32_t>(m_dictionary.size());
    m_dictionary.emplace_back(value);
    m_hashes.resize(m_dictionary.size(), 0);
    m_hashes[code] = h;
    m_slots[i] = code;
    return code;
}

void FieldColumn::materializeFill()
{
    if (m_fillEnd == 0)
        return;
    m_codes.assign(m_fillEnd, m_fillCode);
    m_fillEnd = 0;
    m_fillCode = 0;
}

void FieldColumn::setCode(std::uint32_t run, std::uint32_t code)
{
    materializeFill();
    if (m_codes.size() <= run) {
        // A column that most runs set grows once to the expected size, not by doubling.
        if (run == m_codes.size() && run >= kCommonAfterRuns && m_codes.capacity() <= run
            && m_reserveHint > run)
            m_codes.reserve(m_reserveHint);
        m_codes.resize(run + 1);
    }
    m_codes.set(run, code);
}

void FieldColumn::fill(std::uint32_t runCount, std::string_view value)
{
    const std::uint32_t fillCode = intern(value);
    if (m_codes.empty() && m_fillEnd == 0) {
        m_fillCode = fillCode;
        m_fillEnd = runCount;
        return;
    }
    materializeFill();
    if (m_codes.size() < runCount)
        m_codes.resize(runCount);
    for (std::uint32_t run = 0; run < runCount; ++run) {
        if (m_codes[run] == 0)
            m_codes.set(run, fillCode);
    }
}

void FieldColumn::set(std::uint32_t run, std::string_view value)
{
    setCode(run, intern(value));
}

void FieldColumn::append(const FieldColumn& other, std::uint32_t offset)
{
    std::vector<std::uint32_t> remap(other.m_dictionary.size(), 0);
    for (std::size_t i = 1; i < other.m_dictionary.size(); ++i)
        remap[i] = intern(other.m_dictionary[i]);
    const std::uint32_t otherRuns = other.runsStored();
    if (otherRuns == 0)
        return;
    materializeFill();
    m_codes.resize(offset);
    m_codes.reserve(static_cast<std::size_t>(offset) + otherRuns); // exact: no overshoot on a million runs
    for (std::uint32_t run = 0; run < otherRuns; ++run)
        m_codes.push_back(remap[other.code(run)]);
}

FieldColumn FieldColumn::copyWithRoom(std::uint32_t spareRuns) const
{
    FieldColumn copy;
    copy.m_fillCode = m_fillCode;
    copy.m_fillEnd = m_fillEnd;
    copy.m_reserveHint = m_reserveHint;
    copy.m_dictionary = m_dictionary;
    copy.m_slots = m_slots;
    copy.m_hashes = m_hashes;
    copy.m_codes = m_codes.copyWithRoom(spareRuns);
    // The texts converted so far (shared, not copied: QString is implicitly shared),
    // so that the copy's first reader converts only the values that are new. A
    // million registration ids would otherwise be converted again on every update.
    {
        const std::lock_guard lock(textCacheLock());
        const std::size_t filled = m_textCache.filled.load(std::memory_order_acquire);
        copy.m_textCache.texts.assign(
            m_textCache.texts.begin(), m_textCache.texts.begin() + static_cast<std::ptrdiff_t>(filled));
        copy.m_textCache.filled.store(filled, std::memory_order_release);
    }
    return copy;
}

void FieldColumn::truncate(std::uint32_t firstRemoved)
{
    m_fillEnd = std::min(m_fillEnd, firstRemoved);
    if (m_codes.size() > firstRemoved)
        m_codes.resize(firstRemoved);
}

} // namespace te
