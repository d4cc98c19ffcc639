#include "workspace/loadeddata.h"

#include "data/datasetlookups.h"
#include "data/datasetsnapshot.h"
#include "follow/followupdate.h"

namespace te {

namespace {

// Group fields come by name; a name this dataset lacks falls back to no grouping.
std::vector<int> resolveGroupFields(const TimingDataset& data, const QStringList& names)
{
    return resolveFields(data, names, nullptr).value_or(std::vector<int>());
}

// The parts of a snapshot that depend on how the table shows it.
void prepareView(LoadedData& loaded, const ViewState& view)
{
    const TimingDataset& data = *loaded.dataset;
    loaded.reference = std::make_shared<GroupReference>(
        GroupReference::compute(data, resolveGroupFields(data, view.groupFields)));
    loaded.sortedRuns = allRuns(data);
    sortRuns(data, loaded.reference.get(), view.sortColumn, view.descending, loaded.sortedRuns);
    loaded.sortedBy = view.sortColumn;
    loaded.sortedDescending = view.descending;
}

std::shared_ptr<LoadedData> finishLoad(
    LoadResult result, LoadOptions options, const ViewState& view, bool isSample)
{
    auto loaded = std::make_shared<LoadedData>();
    loaded->dataset = shareDataset(std::move(result.dataset));
    loaded->problems = std::move(result.problems);
    loaded->files = std::move(result.files);
    loaded->options = std::move(options);
    loaded->isSample = isSample;
    prepareView(*loaded, view);
    return loaded;
}

} // namespace

std::shared_ptr<const LoadedData> loadData(
    const LoadOptions& options, const ViewState& view, bool isSample, const LoadProgressCallback& progress)
{
    LoadOptions withProgress = options;
    withProgress.progress = progress;
    LoadResult result = loadTimingFiles(withProgress);
    if (result.cancelled)
        return {};
    return finishLoad(std::move(result), options, view, isSample);
}

std::shared_ptr<const LoadedData> followData(const std::shared_ptr<const LoadedData>& current,
    const QList<int>& changedFiles, const ViewState& view, const LoadProgressCallback& progress)
{
    LoadOptions withProgress = current->options;
    withProgress.progress = progress;
    LoadResult result
        = followUpdate(*current->dataset, current->problems, current->files, changedFiles, withProgress);
    if (result.cancelled)
        return {};
    auto loaded = finishLoad(std::move(result), current->options, view, current->isSample);
    loaded->isFollowUpdate = true;
    return loaded;
}

std::shared_ptr<const LoadedData> regroupData(
    const std::shared_ptr<const LoadedData>& current, const ViewState& view)
{
    auto loaded = std::make_shared<LoadedData>(*current);
    prepareView(*loaded, view);
    loaded->isFollowUpdate = true; // same runs: keep selection and scroll
    return loaded;
}

} // namespace te
