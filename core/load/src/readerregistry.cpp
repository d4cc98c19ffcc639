#include "load/src/readerregistry.h"

#include "load/chrome/chromeinputreader.h"
#include "load/csv/csvinputreader.h"
#include "load/jsondoc/jsondocinputreader.h"
#include "load/jsonl/jsonlinputreader.h"
#include "load/otlp/otlpinputreader.h"
#include "load/sqlite/sqliteinputreader.h"

#include <algorithm>

namespace te::loader {

std::span<const InputReader* const> inputReaders()
{
    // One entry per format, asked in this order: OpenTelemetry and Chrome traces first,
    // as they are JSON documents or JSON Lines that start {"resourceSpans", or
    // {"traceEvents" or an array of events with "ph"; JSON documents before JSON Lines,
    // which reads every other input that starts with '{'; CSV last, as it reads any
    // text that no other format claims.
    static const InputReader* const readers[] = {
        &otlpInputReader(),
        &chromeInputReader(),
        &jsonDocInputReader(),
        &jsonlInputReader(),
        &sqliteInputReader(),
        &csvInputReader(),
    };
    return readers;
}

const InputReader* inputReaderNamed(const QString& formatName)
{
    const auto readers = inputReaders();
    const auto found = std::find_if(readers.begin(), readers.end(),
        [&](const InputReader* reader) { return reader->formatName() == formatName; });
    return found != readers.end() ? *found : nullptr;
}

} // namespace te::loader
