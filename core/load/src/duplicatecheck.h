#pragma once

#include "load/timingloader.h"

#include <cstdint>
#include <vector>

namespace te::loader {

/// Warns about every run whose (registration_id, timestamp, model) an earlier run
/// already had; a run without a model stands for its file's model (older legacy
/// files carry none, one file per model). The runs are kept: a rerun is not an error, but it would count a
/// registration twice. `firstRunOfFile[i]` is the first run of `result.files[i]`.
void warnDuplicates(LoadResult& result, const std::vector<std::uint32_t>& firstRunOfFile);

/// The same warnings for the runs from `firstNew` on only, as an append gives them:
/// the earlier runs were checked when they were read. It reads each earlier run
/// once, against a table of the new runs' keys, instead of hashing every run.
void warnDuplicatesFrom(
    LoadResult& result, const std::vector<std::uint32_t>& firstRunOfFile, std::uint32_t firstNew);

/// The first run of each of `files`, whose runs follow one another in the dataset.
std::vector<std::uint32_t> firstRunOfEachFile(const std::vector<FileSummary>& files);

} // namespace te::loader
