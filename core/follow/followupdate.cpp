#include "follow/followupdate.h"

#include "load/appendnewlines.h"

namespace te {

LoadResult followUpdate(const TimingDataset& dataset, const std::vector<Problem>& problems,
    const std::vector<FileSummary>& files, const QList<int>& changedFiles, const LoadOptions& options,
    bool* reloaded)
{
    LoadResult result;
    result.dataset = dataset.clone();
    result.problems = problems;
    result.files = files;
    LoadOptions appendOptions = options;
    appendOptions.progress = nullptr; // an append is short: no progress to show
    bool appended = true;
    for (const int file : changedFiles) {
        if (appended && file >= 0 && static_cast<std::size_t>(file) < result.files.size())
            appended = appendNewLines(result, static_cast<std::size_t>(file), appendOptions);
    }
    if (reloaded)
        *reloaded = !appended;
    if (!appended)
        return loadTimingFiles(options);
    return result;
}

} // namespace te
