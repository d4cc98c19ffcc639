#pragma once

#include "load/otlp/otlpspans.h"

#include <QString>
#include <string_view>

namespace te::loader::otlp {

/// Reads OTLP/JSON ExportTraceServiceRequest texts (`{"resourceSpans": [{"resource":
/// {...}, "scopeSpans": [{"scope": {...}, "spans": [...]}]}]}`) into Spans, each span
/// with the line its object starts on. Never throws.
class RequestParser
{
public:
    explicit RequestParser(Spans& spans)
        : m_spans(spans)
    { }

    /// Appends the spans of the request in `text`, which starts on line `firstLine`.
    /// False when the text is no JSON or no request: `error` says why, `errorLine` where,
    /// and no span of it is kept.
    bool parse(std::string_view text, qint64 firstLine, QString& error, qint64& errorLine);

private:
    Spans& m_spans;
};

} // namespace te::loader::otlp
