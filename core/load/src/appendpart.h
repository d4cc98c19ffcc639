#pragma once

// Internal to the loader: adding what a reader read to a load's result.

#include "load/src/loadpart.h"
#include "load/timingloader.h"

#include <cstddef>

namespace te::loader {

/// Appends `part`, read from file `fileIndex` of `result` just after the lines its
/// summary counts, to `result`, as a load and a follow both do: its runs after the
/// dataset's (the file must be the last one with runs), its line numbers and run
/// indices renumbered to match, runs without a `source` given the file's name, its
/// problems added with a note of how many were not listed, and the file's line,
/// run, rejected and warning counts, completeBytes and lastRunUnterminated brought
/// up to date. Its runs and problems are moved out of `part`.
void appendPart(LoadResult& result, std::size_t fileIndex, Part&& part);

} // namespace te::loader
