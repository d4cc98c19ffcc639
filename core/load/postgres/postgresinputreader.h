#pragma once

#include "load/src/inputreader.h"

namespace te::loader {

/// The reader of PostgreSQL databases, named by an address (postgresql://…) where
/// a file would be; the loader hands it every input whose path is one (see
/// isDatabaseAddress), as no bytes tell a database. It reads the timing-storage
/// schema or a flat table (`?table=`, else --table) as the SQLite reader does, in
/// one read-only transaction.
///
/// Contract for followers: Part::completeEnd (and so FileSummary::completeBytes) is
/// the largest timings id read, 0 when there was none; readAppended(begin) reads
/// the runs of the timings rows with a larger id than `begin`, and is false for a
/// flat table, which is read again whole.
const InputReader& postgresInputReader();

} // namespace te::loader
