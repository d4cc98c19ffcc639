#pragma once

#include "data/codearray.h"

#include <QString>
#include <algorithm>
#include <atomic>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace te {

/// One metadata field (model, registration_id, git_commit, ...) across all runs,
/// stored as dictionary codes (a byte a run while it has fewer than 256 values; see
/// CodeArray). Code 0 always means "no value".
///
/// Contract: values are set in increasing run order; reading a run that was never
/// set gives code 0. Interning takes a string_view and allocates only for new values.
class FieldColumn
{
public:
    FieldColumn();

    std::uint32_t code(std::uint32_t run) const
    {
        if (run < m_codes.size())
            return m_codes[run];
        return run < m_fillEnd ? m_fillCode : 0;
    }
    /// Distinct values; index 0 is the empty "no value".
    const std::vector<std::string>& dictionary() const { return m_dictionary; }
    /// The value of `code` as a QString, converted once and cached. Safe from several
    /// threads at once on a column no longer being built (datasets are shared as
    /// immutable snapshots): the first call converts the dictionary under a lock.
    const QString& text(std::uint32_t code) const;
    std::uint32_t codeOf(std::string_view value) const; ///< 0 when the value never occurs

    void set(std::uint32_t run, std::string_view value);
    void setCode(std::uint32_t run, std::uint32_t code);
    std::uint32_t intern(std::string_view value);
    /// Gives `value` to every run below `runCount` that has none. On a column no run
    /// has a value of yet (the source file of a one-file load) this stores nothing
    /// per run: a million runs of one source cost no memory.
    void fill(std::uint32_t runCount, std::string_view value);
    /// Keeps room for `runs` codes once the column turns out to be common (a hint,
    /// so that growing by doubling does not overshoot a large load).
    void reserve(std::uint32_t runs) { m_reserveHint = runs; }
    void append(const FieldColumn& other, std::uint32_t offset);
    void truncate(std::uint32_t firstRemoved);
    /// Bytes a run's code takes now (see CodeArray).
    std::size_t bytesPerRun() const { return m_codes.width(); }
    /// A copy whose codes have room for `spareRuns` more runs (see TimingDataset::clone).
    FieldColumn copyWithRoom(std::uint32_t spareRuns) const;

private:
    static std::uint64_t hash(std::string_view value);
    void grow();
    /// Turns a fill() of an empty column into codes, before the codes change.
    void materializeFill();
    std::uint32_t runsStored() const
    {
        return std::max(static_cast<std::uint32_t>(m_codes.size()), m_fillEnd);
    }

    // Runs past the end of m_codes read 0, or m_fillCode below m_fillEnd (see fill()).
    CodeArray m_codes;
    std::uint32_t m_fillCode = 0;
    std::uint32_t m_fillEnd = 0;
    std::uint32_t m_reserveHint = 0;
    std::vector<std::string> m_dictionary;
    // Open addressing over codes: flat arrays stay in cache where a node-based map
    // with 100,000 registration ids would not. Slot value 0 means empty.
    std::vector<std::uint32_t> m_slots;
    std::vector<std::uint64_t> m_hashes; // by code
    // The dictionary as QStrings, filled on first use. A copy starts empty (and
    // fills again on its own use), so copying a shared column never reads a cache
    // that another thread may be filling; a move (of a column no one shares) keeps it,
    // and copyWithRoom() takes what is filled under the lock that fills it.
    struct TextCache
    {
        std::vector<QString> texts;
        std::atomic<std::size_t> filled { 0 }; ///< published after `texts` is filled
        TextCache() = default;
        TextCache(const TextCache&) { }
        TextCache(TextCache&& other) noexcept
            : texts(std::move(other.texts))
            , filled(other.filled.load())
        { }
        TextCache& operator=(const TextCache&) { return reset(); }
        TextCache& operator=(TextCache&& other) noexcept
        {
            texts = std::move(other.texts);
            filled.store(other.filled.load());
            return *this;
        }
        ~TextCache() = default;
        TextCache& reset();
    };
    mutable TextCache m_textCache;
};

} // namespace te
