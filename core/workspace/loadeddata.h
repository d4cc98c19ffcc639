#pragma once

#include "load/timingloader.h"
#include "query/runcolumn.h"
#include "stats/groupreference.h"

#include <QList>
#include <QStringList>
#include <functional>
#include <memory>

namespace te {

/// Everything the window shows, as one immutable snapshot: swapped whole when a
/// load, reload or follow update finishes, so views never see a half-built state.
struct LoadedData
{
    std::shared_ptr<const TimingDataset> dataset;
    std::shared_ptr<const GroupReference> reference;
    ProblemList problems;
    std::vector<FileSummary> files;
    LoadOptions options;
    /// Every run, sorted on the loader's thread by the column the table sorts by.
    std::vector<std::uint32_t> sortedRuns;
    RunColumn sortedBy;
    bool sortedDescending = true;
    /// The fields runs are compared within: the view's choice while it exists in
    /// this dataset, else the most useful one (usefulGroupFields).
    QStringList groupFields;
    bool isSample = false;
    bool isFollowUpdate = false;
};

/// What the table shows, for a job to prepare: group-by fields and sort order.
struct ViewState
{
    /// What the user chose to compare within (empty: all runs), when `groupChosen`;
    /// otherwise each load picks the most useful field of its data.
    QStringList groupFields;
    bool groupChosen = false;
    RunColumn sortColumn { RunColumn::Kind::Metric, QStringLiteral("total") };
    bool descending = true;
};

using LoadProgressCallback = std::function<bool(const LoadProgress&)>;

// The three jobs behind the window's data, each run off the GUI thread. Each
// returns a finished snapshot (group reference computed, every run sorted by
// `view`), or nullptr when `progress` cancelled it; none changes its inputs.

/// Loads `options.files` whole.
std::shared_ptr<const LoadedData> loadData(
    const LoadOptions& options, const ViewState& view, bool isSample, const LoadProgressCallback& progress);

/// `current` grown by what was appended to its `changedFiles`, or reloaded whole
/// when one was truncated or replaced (see followUpdate). `current` itself when the
/// update found nothing new (a polled database without new rows, a touched file),
/// so that a caller can tell there is nothing to show again.
std::shared_ptr<const LoadedData> followData(const std::shared_ptr<const LoadedData>& current,
    const QList<int>& changedFiles, const ViewState& view, const LoadProgressCallback& progress);

/// `current` with its group reference and order recomputed for `view`.
std::shared_ptr<const LoadedData> regroupData(
    const std::shared_ptr<const LoadedData>& current, const ViewState& view);

} // namespace te
