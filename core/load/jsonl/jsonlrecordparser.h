#pragma once

#include <cstddef>
#include <memory>

namespace te {

class ColumnMapping;
class RecordDraft;

/// Reads one JSON Lines record into a RecordDraft, whatever its shape:
///  - the proposed structure: `run_metadata{...}` + `timings{total_seconds,
///    phases{NAME{total_seconds, breakdown{ITEM_seconds}, agents[...]}}}`;
///  - the timing-storage Option 1: metadata at the top, `phases{NAME{total, ITEM...}}`;
///  - flat records: `total_seconds`, `phase1_agent_conversation_seconds`, ...
/// The shape is decided per line, so one append-only file may mix them.
///
/// Every numeric leaf under `timings` or `phases` is a node, at any depth;
/// `breakdown` and `phases` objects are transparent; `agents` stays with its node;
/// every other scalar is metadata. Malformed JSON, invalid UTF-8, excessive
/// nesting, strings where times belong and negative or non-finite times reject the
/// record with a plain reason in the draft. Never throws.
class JsonlRecordParser
{
public:
    explicit JsonlRecordParser(const ColumnMapping* mapping);
    ~JsonlRecordParser();
    JsonlRecordParser(const JsonlRecordParser&) = delete;
    JsonlRecordParser& operator=(const JsonlRecordParser&) = delete;

    /// `capacity` is how many bytes from `data` may be read; it must be at least
    /// `length` plus the parser's padding (see kPadding), which is never interpreted.
    void parse(const char* data, std::size_t length, std::size_t capacity, RecordDraft& draft);

    static const std::size_t kPadding;

private:
    struct Impl;
    std::unique_ptr<Impl> m_impl;
};

} // namespace te
