#pragma once

#include "load/src/loadpart.h"

#include <optional>
#include <string>
#include <vector>

namespace te::loader {

/// Reads the first `size` bytes of a CSV input (its size when the loader opened it,
/// so that the summary's byte count is what was read) into a Part. The delimiter is
/// sniffed from the header line; columns land in the timing tree by the flat-key
/// rules (see resolveFlatKey) and the mapping. A header without any timing column,
/// or with invalid UTF-8, is one file-level problem and makes it return false (so
/// does a file that cannot be opened). Ragged rows, non-numeric times and invalid
/// UTF-8 reject their row, naming the line and column.
bool readCsv(const Input& input, qint64 size, SharedState& shared, Part& part);

/// The header record of a CSV file, as readCsv reads it.
struct CsvHeader
{
    char delimiter = ',';
    std::vector<std::string> fields;
    qint64 end = 0; ///< file offset after the header record
};

/// Reads only the header record (the first non-blank one); nullopt when the file
/// cannot be read or the header is not complete, valid UTF-8 and within the first MiB.
std::optional<CsvHeader> readCsvHeader(const Input& input);

/// Reads the records in [begin, end) of a CSV file as readCsv reads those after
/// `header`; `begin` must be a record start after the header. Line numbers and run
/// indices count from `begin`. False when the header has no timing column or the
/// file cannot be opened.
bool readCsvRange(
    const Input& input, const CsvHeader& header, qint64 begin, qint64 end, SharedState& shared, Part& part);

} // namespace te::loader
