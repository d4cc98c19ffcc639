#pragma once

// Internal to the loader: reading an input into memory whole, for the readers of
// formats that cannot be read record by record (a JSON document, an OTLP trace).

#include "load/src/loadpart.h"

#include <QString>
#include <string>
#include <string_view>

namespace te::loader {

/// Reads the first `size` bytes of `input` into `text`, followed by `padding` zero
/// bytes (a parser may read past the end, never interpreting them). False, with
/// `error` saying why, when the input cannot be opened or read, or does not fit in
/// memory; `tooLargeHint` then ends the message ("JSON Lines is not read whole").
bool readWholeInput(const Input& input, qint64 size, std::size_t padding, const QString& tooLargeHint,
    std::string& text, QString& error);

/// Tells the load's progress of the runs a whole-input reader adds to `part`:
/// every `kRecordsPerReport` records (tick()), and what is left at the end (done()).
class WholeInputProgress
{
public:
    static constexpr std::size_t kRecordsPerReport = 4096;

    WholeInputProgress(SharedState& shared, const Part& part)
        : m_shared(shared)
        , m_part(part)
    { }
    /// Call after the record numbered `index` (from 1): reports at every 4096th.
    void tick(std::size_t index)
    {
        if (index % kRecordsPerReport == 0) {
            count();
            m_shared.report(true);
        }
    }
    void done() { count(); }

private:
    void count()
    {
        m_shared.runs += m_part.dataset.runCount() - m_counted;
        m_counted = m_part.dataset.runCount();
    }

    SharedState& m_shared;
    const Part& m_part;
    std::uint32_t m_counted = 0;
};

/// Ends `part` after the whole `body` of an input of `size` bytes was read: its
/// line count (a last line without a newline counts) and its columns finished.
void finishWholeInputPart(Part& part, std::string_view body, qint64 size);

} // namespace te::loader
