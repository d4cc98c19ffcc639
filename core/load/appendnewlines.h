#pragma once

#include "load/timingloader.h"

#include <cstddef>
#include <cstdint>

namespace te {

/// Brings `result`, a load of `options.files`, up to date with what was appended to
/// file `fileIndex` since, as if the file had been loaded again: reads only the bytes
/// after its `completeBytes` (plus its first 4 KiB, and a CSV file's header), on the
/// calling thread, and appends the runs of the new lines with their problems, line
/// numbers and `source`. A last line read before without its newline is read again:
/// its run, if it was kept, and its problems are replaced. New runs are checked for
/// duplicates of all runs (a scan of the whole dataset). `options.progress` is
/// called as during a load.
///
/// True when `result` is up to date (also when nothing was appended). False, with
/// nothing changed, when the caller must load again: the file shrank, its first
/// bytes changed (it was replaced; a replacement with the same first bytes and no
/// smaller goes unnoticed), it cannot be read, it was empty or unusable when loaded,
/// it is UTF-16 or UTF-32 text,
/// its format cannot read appended bytes (or its CSV header cannot be read again),
/// the read was cancelled, or a later file has runs: the dataset keeps the files'
/// runs in order, so only the last file with runs can grow in place.
///
/// A PostgreSQL database (an address among `options.files`) grows by the timings
/// rows with a larger id than the largest loaded: those runs are appended, polled
/// by the caller; a flat table (`?table=`) is loaded again instead.
///
/// `firstChangedRun`, when given and the result is true, is set to the first run
/// that differs from what `result` held: its old run count when runs were only
/// appended, one less when the run of a last line without its newline was read again.
bool appendNewLines(LoadResult& result, std::size_t fileIndex, const LoadOptions& options,
    std::uint32_t* firstChangedRun = nullptr);

} // namespace te
