#pragma once

#include "load/timingloader.h"

#include <QList>
#include <vector>

namespace te {

/// One update of a followed load: a copy of the earlier load (`dataset`, `problems`,
/// `files`, which stay untouched: views may be showing them) grown by appendNewLines
/// for each of `changedFiles` (indices into `files`), or, when any of them cannot
/// grow in place, a fresh loadTimingFiles(options). Only a fresh load reports to
/// `options.progress`, and only a fresh load can come back cancelled. `reloaded`,
/// when given, tells which of the two happened. `firstChangedRun`, when given, is
/// set to the first run that is not as in `dataset` (`dataset.runCount()` when runs
/// were only appended; see appendNewLines), or 0 after a fresh load.
LoadResult followUpdate(const TimingDataset& dataset, const std::vector<Problem>& problems,
    const std::vector<FileSummary>& files, const QList<int>& changedFiles, const LoadOptions& options,
    bool* reloaded = nullptr, std::uint32_t* firstChangedRun = nullptr);

} // namespace te
