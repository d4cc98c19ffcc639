// Fuzzes parseTimestamp, and formatTimestampIso on what it returns. A parsed time
// in the years 0000 to 9999 must read back from its ISO form unchanged; the text
// is also read as epoch seconds the way a JSON number timestamp is.
#include "fuzzsupport.h"
#include "util/timestampformat.h"
#include "util/timestampparser.h"

#include <charconv>

namespace {

constexpr qint64 kYear0000 = -62167219200000; // 0000-01-01T00:00:00.000Z
constexpr qint64 kYear10000 = 253402300800000; // 10000-01-01T00:00:00.000Z

void checkRoundTrip(qint64 ms)
{
    const QByteArray iso = te::formatTimestampIso(ms).toUtf8();
    if (ms < kYear0000 || ms >= kYear10000)
        return; // the ISO form has no 4-digit year
    const auto again = te::parseTimestamp({ iso.constData(), static_cast<std::size_t>(iso.size()) });
    te::fuzz::require(again && *again == ms, "formatTimestampIso does not read back");
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    const std::string_view text = te::fuzz::rawView(data, size);
    if (const auto ms = te::parseTimestamp(text))
        checkRoundTrip(*ms);

    double seconds = 0;
    const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), seconds);
    if (error == std::errc() && end == text.data() + text.size()) {
        if (const auto ms = te::timestampFromEpochSeconds(seconds))
            checkRoundTrip(*ms);
    }
    return 0;
}
