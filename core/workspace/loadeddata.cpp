#include "workspace/loadeddata.h"

#include "data/datasetlookups.h"
#include "data/datasetsnapshot.h"
#include "follow/followupdate.h"

namespace te {

namespace {

// The fields runs are compared within: the user's choice ("all runs" included)
// while its fields exist, else the most useful field of this data.
QStringList chosenGroupFields(const TimingDataset& data, const ViewState& view)
{
    if (view.groupChosen
        && (view.groupFields.isEmpty() || groupFieldsFor(data, view.groupFields) == view.groupFields))
        return view.groupFields;
    return usefulGroupFields(data);
}

// The parts of a snapshot that depend on how the table shows it.
void prepareView(LoadedData& loaded, const ViewState& view)
{
    const TimingDataset& data = *loaded.dataset;
    loaded.groupFields = chosenGroupFields(data, view);
    const auto fieldIds = resolveFields(data, loaded.groupFields, nullptr).value_or(std::vector<int>());
    loaded.reference = std::make_shared<GroupReference>(GroupReference::compute(data, fieldIds));
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

// A snapshot of `previous` grown by the runs appended after its last: the group
// reference extended and the new runs sorted into place, so that the cost follows
// what was appended. Whatever the appended runs change beyond that (the most useful
// group field, the order of the ratio column) is prepared in full.
std::shared_ptr<LoadedData> finishAppend(LoadResult result, const LoadedData& previous, const ViewState& view)
{
    auto loaded = std::make_shared<LoadedData>();
    loaded->dataset = shareDataset(std::move(result.dataset));
    loaded->problems = std::move(result.problems);
    loaded->files = std::move(result.files);
    loaded->options = previous.options;
    loaded->isSample = previous.isSample;
    const TimingDataset& data = *loaded->dataset;
    loaded->groupFields = chosenGroupFields(data, view);
    const auto fieldIds = resolveFields(data, loaded->groupFields, nullptr).value_or(std::vector<int>());
    if (loaded->groupFields != previous.groupFields || fieldIds != previous.reference->fields()) {
        prepareView(*loaded, view);
        return loaded;
    }
    const std::uint32_t firstNew = previous.dataset->runCount();
    loaded->reference
        = std::make_shared<GroupReference>(GroupReference::extended(*previous.reference, data, firstNew));
    loaded->sortedBy = view.sortColumn;
    loaded->sortedDescending = view.descending;
    if (previous.sortedBy == view.sortColumn && previous.sortedDescending == view.descending
        && !orderDependsOnReference(view.sortColumn)) {
        loaded->sortedRuns = sortAppendedRuns(
            data, loaded->reference.get(), view.sortColumn, view.descending, previous.sortedRuns, firstNew);
    } else {
        loaded->sortedRuns = allRuns(data);
        sortRuns(data, loaded->reference.get(), view.sortColumn, view.descending, loaded->sortedRuns);
    }
    return loaded;
}

// True when an update left every count as it was: the same runs, problems and files read as far.
bool sameLoad(const LoadResult& result, const LoadedData& current)
{
    if (result.dataset.runCount() != current.dataset->runCount()
        || result.problems.size() != current.problems.size() || result.files.size() != current.files.size())
        return false;
    for (std::size_t i = 0; i < result.files.size(); ++i) {
        const FileSummary& a = result.files[i];
        const FileSummary& b = current.files[i];
        if (a.bytes != b.bytes || a.completeBytes != b.completeBytes || a.lines != b.lines
            || a.runs != b.runs)
            return false;
    }
    return true;
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
    bool reloaded = false;
    std::uint32_t firstChanged = 0;
    LoadResult result = followUpdate(*current->dataset, current->problems, current->files, changedFiles,
        withProgress, &reloaded, &firstChanged);
    if (result.cancelled)
        return {};
    if (!reloaded && sameLoad(result, *current))
        return current;
    std::shared_ptr<LoadedData> loaded;
    if (!reloaded && firstChanged == current->dataset->runCount())
        loaded = finishAppend(std::move(result), *current, view);
    else
        loaded = finishLoad(std::move(result), current->options, view, current->isSample);
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
