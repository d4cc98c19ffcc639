#pragma once

#include "loadpart.h"

namespace te::loader {

/// Reads a CSV file into a Part. The delimiter is sniffed from the header line;
/// columns land in the timing tree by the flat-key rules (see resolveFlatKey) and
/// the mapping. A header without any timing column is one file-level problem and
/// sets `headerUsable` false. Ragged rows, non-numeric times and invalid UTF-8
/// reject their row, naming the line and column.
void readCsv(const QString& path, SharedState& shared, Part& part, bool& headerUsable);

} // namespace te::loader
