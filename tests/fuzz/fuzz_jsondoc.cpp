// Fuzzes loading JSON that is not JSON Lines (an array of records, objects spanning
// lines: JsonDocScanner and the reader around it) and UTF-16 text, through
// loadTimingBytes. Each input is loaded as it is, as the inside of an array (so the
// scanner's array states are reached from any input) and as UTF-16LE bytes after a
// byte order mark (the decoder, then whatever reader the text is for); each load in
// full and projected, which must agree (see loadFullAndProjected).
#include "fuzzsupport.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    const QByteArray input = te::fuzz::rawBytes(data, size);
    te::fuzz::loadFullAndProjected(input, QStringLiteral("fuzz.json"));
    te::fuzz::loadFullAndProjected('[' + input, QStringLiteral("fuzz.json"));
    te::fuzz::loadFullAndProjected(QByteArray("\xFF\xFE", 2) + input, QStringLiteral("fuzz.txt"));
    return 0;
}
