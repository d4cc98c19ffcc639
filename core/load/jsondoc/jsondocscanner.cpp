#include "load/jsondoc/jsondocscanner.h"

namespace te::loader {

namespace {
// Deeper than any record parser reads: beyond it the scan stops rather than keep a
// stack as long as the file.
constexpr std::size_t kMaxDepth = 1024;

bool isBlank(char c)
{
    return c == ' ' || c == '\t' || c == '\r' || c == '\n';
}
} // namespace

JsonDocScanner::JsonDocScanner(std::string_view text)
    : m_text(text)
{ }

void JsonDocScanner::skipBlanks()
{
    while (m_pos < m_text.size() && isBlank(m_text[m_pos])) {
        if (m_text[m_pos] == '\n')
            ++m_line;
        ++m_pos;
    }
}

JsonDocScanner::Next JsonDocScanner::fail(QString message)
{
    m_error = std::move(message);
    m_errorLine = m_line;
    return Next::Error;
}

// JSON strings hold no raw newline: one that reaches the end of its line is unclosed,
// and so is everything after it.
bool JsonDocScanner::skipString()
{
    for (++m_pos; m_pos < m_text.size(); ++m_pos) {
        const char c = m_text[m_pos];
        if (c == '"') {
            ++m_pos;
            return true;
        }
        if (c == '\\' && m_pos + 1 < m_text.size() && m_text[m_pos + 1] != '\n')
            ++m_pos;
        else if (c == '\n' || c == '\\')
            break;
    }
    m_cutOff = m_pos >= m_text.size();
    fail(QStringLiteral("malformed JSON: a string that is not closed on its line"));
    return false;
}

bool JsonDocScanner::skipValue()
{
    m_cutOff = false;
    const char first = m_text[m_pos];
    if (first == '"')
        return skipString();
    if (first != '{' && first != '[') {
        // A scalar: the record parser says it is no object.
        while (m_pos < m_text.size() && !isBlank(m_text[m_pos])
            && std::string_view(",]}[{\"").find(m_text[m_pos]) == std::string_view::npos)
            ++m_pos;
        return true;
    }
    m_closers.clear();
    while (m_pos < m_text.size()) {
        const char c = m_text[m_pos];
        switch (c) {
        case '"':
            if (!skipString())
                return false;
            continue;
        case '{':
        case '[':
            if (m_closers.size() >= kMaxDepth) {
                fail(QStringLiteral("JSON nested more than %1 levels deep").arg(kMaxDepth));
                return false;
            }
            m_closers.push_back(c == '{' ? '}' : ']');
            break;
        case '}':
        case ']':
            if (m_closers.back() != c) {
                fail(QStringLiteral("malformed JSON: '%1' where '%2' closes what is open")
                         .arg(QChar(QLatin1Char(c)))
                         .arg(QChar(QLatin1Char(m_closers.back()))));
                return false;
            }
            m_closers.pop_back();
            if (m_closers.empty()) {
                ++m_pos;
                return true;
            }
            break;
        case '\n':
            ++m_line;
            break;
        default:
            break;
        }
        ++m_pos;
    }
    m_cutOff = true;
    return false;
}

JsonDocScanner::Next JsonDocScanner::next(Record& record)
{
    while (true) {
        skipBlanks();
        const bool atEnd = m_pos >= m_text.size();
        const char c = atEnd ? '\0' : m_text[m_pos];
        if (m_mode == Mode::AfterElement) {
            if (atEnd)
                return fail(
                    QStringLiteral("the file ends inside the array (no closing ']'); is it cut off?"));
            if (c != ',' && c != ']')
                return fail(
                    QStringLiteral("malformed JSON: expected ',' or ']' after record %1").arg(m_index));
            ++m_pos;
            m_mode = c == ',' ? Mode::InArray : Mode::Values;
            continue;
        }
        if (atEnd) {
            if (m_mode == Mode::InArray)
                return fail(
                    QStringLiteral("the file ends inside the array (no closing ']'); is it cut off?"));
            return Next::End;
        }
        // A ']' right after '[' or ',' closes the array: `[]`, and a trailing comma.
        if (m_mode == Mode::InArray && c == ']') {
            ++m_pos;
            m_mode = Mode::Values;
            continue;
        }
        if (m_mode != Mode::InArray && c == '[') {
            ++m_pos;
            m_mode = Mode::InArray;
            continue;
        }
        if (c == ']' || c == '}' || c == ',' || c == ':')
            return fail(QStringLiteral("malformed JSON: unexpected '%1'").arg(QLatin1Char(c)));
        record.begin = m_pos;
        record.line = m_line;
        record.index = ++m_index;
        if (!skipValue()) {
            if (m_cutOff)
                return fail(QStringLiteral("record %1, from line %2, is cut off: the file ends inside it")
                                .arg(record.index)
                                .arg(record.line));
            return Next::Error;
        }
        record.length = m_pos - record.begin;
        if (m_mode == Mode::InArray)
            m_mode = Mode::AfterElement;
        else
            m_mode = Mode::Values;
        return Next::Record;
    }
}

bool JsonDocScanner::objectsSpanLines(std::string_view head)
{
    JsonDocScanner scanner(head);
    scanner.skipBlanks();
    if (scanner.m_pos >= head.size() || head[scanner.m_pos] != '{')
        return false;
    const std::size_t lineStart = head.rfind('\n', scanner.m_pos) + 1; // npos + 1 is 0
    const qint64 firstLine = scanner.m_line;
    if (!scanner.skipValue()) {
        const std::size_t lineEnd = head.find('\n', lineStart);
        if (!scanner.m_cutOff || lineEnd == std::string_view::npos)
            return false;
        std::string_view line = head.substr(lineStart, lineEnd - lineStart);
        while (!line.empty() && isBlank(line.back()))
            line.remove_suffix(1);
        while (!line.empty() && isBlank(line.front()))
            line.remove_prefix(1);
        return line == "{";
    }
    if (scanner.m_line != firstLine)
        return true;
    while (scanner.m_pos < head.size()
        && (head[scanner.m_pos] == ' ' || head[scanner.m_pos] == '\t' || head[scanner.m_pos] == '\r'))
        ++scanner.m_pos;
    return scanner.m_pos < head.size() && head[scanner.m_pos] != '\n';
}

} // namespace te::loader
