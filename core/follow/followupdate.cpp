#include "follow/followupdate.h"

#include "load/appendnewlines.h"

#include <algorithm>

namespace te {

LoadResult followUpdate(const TimingDataset& dataset, const std::vector<Problem>& problems,
    const std::vector<FileSummary>& files, const QList<int>& changedFiles, const LoadOptions& options,
    bool* reloaded, std::uint32_t* firstChangedRun)
{
    std::uint32_t firstChanged = dataset.runCount();
    LoadResult result;
    // Room for what a follow update usually brings: its runs are then appended in place.
    result.dataset = dataset.clone(std::max<std::uint32_t>(4096, dataset.runCount() / 64));
    result.problems = problems;
    result.files = files;
    LoadOptions appendOptions = options;
    appendOptions.progress = nullptr; // an append is short: no progress to show
    bool appended = true;
    for (const int file : changedFiles) {
        std::uint32_t firstChangedHere = firstChanged;
        if (appended && file >= 0 && static_cast<std::size_t>(file) < result.files.size())
            appended
                = appendNewLines(result, static_cast<std::size_t>(file), appendOptions, &firstChangedHere);
        firstChanged = std::min(firstChanged, firstChangedHere);
    }
    if (reloaded)
        *reloaded = !appended;
    if (firstChangedRun)
        *firstChangedRun = appended ? firstChanged : 0;
    if (!appended)
        return loadTimingFiles(options);
    return result;
}

} // namespace te
