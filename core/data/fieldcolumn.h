#pragma once

#include <QString>
#include <atomic>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace te {

/// One metadata field (model, registration_id, git_commit, ...) across all runs,
/// stored as dictionary codes. Code 0 always means "no value".
///
/// Contract: values are set in increasing run order; reading a run that was never
/// set gives code 0. Interning takes a string_view and allocates only for new values.
class FieldColumn
{
public:
    FieldColumn();

    std::uint32_t code(std::uint32_t run) const { return run < m_codes.size() ? m_codes[run] : 0; }
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
    void finish(std::uint32_t runCount);
    void append(const FieldColumn& other, std::uint32_t offset);
    void truncate(std::uint32_t firstRemoved);

private:
    static std::uint64_t hash(std::string_view value);
    void grow();

    std::vector<std::uint32_t> m_codes;
    std::vector<std::string> m_dictionary;
    // Open addressing over codes: flat arrays stay in cache where a node-based map
    // with 100,000 registration ids would not. Slot value 0 means empty.
    std::vector<std::uint32_t> m_slots;
    std::vector<std::uint64_t> m_hashes; // by code
    // The dictionary as QStrings, filled on first use. A copy starts empty (and
    // fills again on its own use), so copying a shared column never reads a cache
    // that another thread may be filling; a move (of a column no one shares) keeps it.
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
