// Fuzzes loading JSON Lines: the sniffing of an input's shape (JSON Lines, CSV,
// binary, empty), the line splitter, every record shape JsonlRecordParser knows,
// RecordDraft's tree rules and the duplicate check, through loadTimingBytes: the
// path a file load takes, without the file. Each input is loaded in full and
// projected, and the two loads must agree (see loadFullAndProjected).
#include "fuzzsupport.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    te::fuzz::loadFullAndProjected(te::fuzz::rawBytes(data, size), QStringLiteral("fuzz.jsonl"));
    return 0;
}
