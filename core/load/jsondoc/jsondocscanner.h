#pragma once

#include <QString>
#include <QtGlobal>
#include <string_view>
#include <vector>

namespace te::loader {

/// Finds the records of a JSON document that is not JSON Lines: one array of
/// records (`[{...}, {...}]`, several arrays one after another included), or values
/// one after another, each spanning any number of lines (`jq .` output). Only the
/// structure is checked here (brackets, strings, commas between elements); each
/// record's own JSON is left to the record parser, so a bad record costs only itself.
/// A structural error ends the scan: nothing after it can be told apart.
class JsonDocScanner
{
public:
    /// `text` is the whole document, after any byte order mark.
    explicit JsonDocScanner(std::string_view text);

    struct Record
    {
        std::size_t begin = 0; ///< offset in the text
        std::size_t length = 0;
        qint64 line = 0; ///< where it starts, from 1
        qint64 index = 0; ///< from 1
    };
    enum class Next
    {
        Record, ///< `record` is set
        End, ///< the document is over
        Error ///< errorMessage() and errorLine() say what ends it
    };
    Next next(Record& record);

    const QString& errorMessage() const { return m_error; }
    qint64 errorLine() const { return m_errorLine; }

    /// Whether a head of a file that starts with '{' is a document of this kind
    /// rather than JSON Lines: its first object spans lines, or more follows it on
    /// its line. A head cut inside a first object counts when that object opens on a
    /// line of its own ("{", as pretty-printers write it); a first line that is only
    /// broken is left to JSON Lines, which rejects that line alone.
    static bool objectsSpanLines(std::string_view head);

private:
    enum class Mode
    {
        Start,
        InArray, ///< after '[' or a ','
        AfterElement, ///< expects ',' or ']'
        Values ///< values one after another, outside any array
    };

    void skipBlanks();
    /// Moves past the value at m_pos; false (with the error set) when it is cut off
    /// or its brackets do not match.
    bool skipValue();
    bool skipString();
    Next fail(QString message);

    std::string_view m_text;
    std::size_t m_pos = 0;
    qint64 m_line = 1;
    qint64 m_index = 0;
    Mode m_mode = Mode::Start;
    std::vector<char> m_closers; // reused by skipValue
    bool m_cutOff = false; ///< the last error: the text ended inside a value
    QString m_error;
    qint64 m_errorLine = 0;
};

} // namespace te::loader
