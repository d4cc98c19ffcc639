// Fuzzes CSV parsing: CsvRecordReader and sniffCsvDelimiter on their own, then a
// whole load through loadTimingBytes.
//
// The loader feeds CsvRecordReader a buffer that ends wherever its last block
// ended, so a record may be cut anywhere, even between the two quotes of "".
// Reading in small blocks must give exactly the records that reading the whole
// input at once gives.
#include "fuzzsupport.h"
#include "load/csv/csvrecordreader.h"

#include <algorithm>
#include <string>
#include <vector>

namespace {

using te::CsvRecordReader;

struct CsvRecord
{
    CsvRecordReader::Status status;
    std::size_t consumed;
    int newlines;
    std::vector<std::string> fields;

    bool operator==(const CsvRecord&) const = default;
};

CsvRecord recordOf(
    const CsvRecordReader& reader, CsvRecordReader::Status status, std::size_t consumed, int newlines)
{
    const auto first = reader.fields().begin();
    return { status, consumed, newlines,
        { first, first + static_cast<std::ptrdiff_t>(reader.fieldCount()) } };
}

// The records of `data`, read through a window that grows by `blockSize` bytes
// whenever the reader needs more, as the loader's BlockReader grows.
std::vector<CsvRecord> readInBlocks(std::string_view data, char delimiter, std::size_t blockSize)
{
    CsvRecordReader reader(delimiter);
    std::vector<CsvRecord> records;
    std::size_t start = 0;
    std::size_t available = std::min(data.size(), blockSize);
    while (start < data.size()) {
        const bool atEnd = available == data.size();
        std::size_t consumed = 0;
        int newlines = 0;
        const auto status = reader.next(data.substr(start, available - start), atEnd, consumed, newlines);
        if (status == CsvRecordReader::Status::NeedMoreData) {
            te::fuzz::require(!atEnd, "CsvRecordReader needs more data at the end of the input");
            available = std::min(data.size(), available + blockSize);
            continue;
        }
        te::fuzz::require(consumed > 0 && consumed <= available - start, "CsvRecordReader consumed badly");
        records.push_back(recordOf(reader, status, consumed, newlines));
        if (status == CsvRecordReader::Status::UnterminatedQuote)
            break;
        start += consumed;
    }
    return records;
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    const std::string_view text = te::fuzz::rawView(data, size);
    const char delimiter = te::sniffCsvDelimiter(text.substr(0, text.find('\n')));
    te::fuzz::require(delimiter == ',' || delimiter == ';' || delimiter == '\t', "sniffed an odd delimiter");

    if (!text.empty()) {
        // A record longer than the block is read again from its start after each
        // block, so small blocks cost time squared: only the first KiB is cut small.
        const std::string_view head = text.substr(0, 1024);
        const std::size_t blockSize = 1 + static_cast<unsigned char>(text[0]) % 64;
        te::fuzz::require(
            readInBlocks(head, delimiter, blockSize) == readInBlocks(head, delimiter, head.size()),
            "CsvRecordReader reads other records when the input arrives in blocks");
    }

    // One load, in full. The projected load's contract is fuzzed by fuzz_jsonl, where
    // the parser skips what a projection does not keep; a CSV row is split the same
    // way either way, and a second load would halve the executions per second.
    (void)te::loadTimingBytes(
        te::fuzz::rawBytes(data, size), QStringLiteral("fuzz.csv"), te::fuzz::fullLoadOptions());
    return 0;
}
