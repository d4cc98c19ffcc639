#include "loadcontroller.h"

#include "allocator.h"
#include "groupstats.h"

#include <QElapsedTimer>
#include <QPointer>
#include <QtConcurrent/QtConcurrentRun>

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
    loaded.reference = std::make_shared<GroupReference>(GroupReference::compute(data, resolveGroupFields(data, view.groupFields)));
    loaded.sortedRuns = allRuns(data);
    sortRuns(data, loaded.reference.get(), view.sortColumn, view.descending, loaded.sortedRuns);
    loaded.sortedBy = view.sortColumn;
    loaded.sortedDescending = view.descending;
}

std::shared_ptr<const LoadedData> finishLoad(LoadResult result, LoadOptions options, const ViewState& view, bool isSample)
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

LoadController::LoadController(QObject* parent)
    : QObject(parent)
{
    connect(&m_watcher, &QFutureWatcherBase::finished, this, [this] {
        const auto result = m_watcher.future().result();
        const bool current = m_runningJobId == m_jobId;
        if (!current)
            return; // superseded: a newer job is already running
        if (result)
            emit loaded(result);
        else
            emit cancelled();
    });
}

LoadController::~LoadController()
{
    cancel();
    m_watcher.waitForFinished();
}

void LoadController::cancel()
{
    if (m_cancel)
        m_cancel->store(true);
}

void LoadController::start(Job job)
{
    cancel();
    m_watcher.waitForFinished(); // the loader stops within a block once cancelled
    auto flag = std::make_shared<std::atomic<bool>>(false);
    m_cancel = flag;
    m_runningJobId = ++m_jobId;
    QPointer<LoadController> self(this);
    const quint64 id = m_runningJobId;
    // Progress crosses to the GUI thread queued, at most 20 times a second.
    auto reportProgress = [self, id, flag, timer = std::make_shared<QElapsedTimer>()](const LoadProgress& p) {
        if (flag->load())
            return false;
        if (!timer->isValid() || timer->elapsed() >= 50) {
            timer->start();
            QMetaObject::invokeMethod(
                self, [self, id, p] {
                    if (self && self->m_runningJobId == id)
                        emit self->progress(p.bytesRead, p.bytesTotal, p.runsLoaded);
                },
                Qt::QueuedConnection);
        }
        return true;
    };
    m_watcher.setFuture(QtConcurrent::run([job = std::move(job), reportProgress, flag] {
        auto result = job(reportProgress);
        return flag->load() ? std::shared_ptr<const LoadedData>() : result;
    }));
}

void LoadController::load(LoadOptions options, ViewState view, bool isSample)
{
    start([options = std::move(options), view = std::move(view),
           isSample](const std::function<bool(const LoadProgress&)>& progress) -> std::shared_ptr<const LoadedData> {
        LoadOptions withProgress = options;
        withProgress.progress = progress;
        LoadResult result = loadTimingFiles(withProgress);
        if (result.cancelled)
            return {};
        return finishLoad(std::move(result), options, view, isSample);
    });
}

void LoadController::follow(const std::shared_ptr<const LoadedData>& current, QList<int> changedFiles, ViewState view)
{
    start([current, changedFiles, view = std::move(view)](
              const std::function<bool(const LoadProgress&)>& progress) -> std::shared_ptr<const LoadedData> {
        LoadOptions withProgress = current->options;
        withProgress.progress = progress;
        LoadResult result
            = followUpdate(*current->dataset, current->problems, current->files, changedFiles, withProgress);
        if (result.cancelled)
            return {};
        auto loaded = std::const_pointer_cast<LoadedData>(
            finishLoad(std::move(result), current->options, view, current->isSample));
        loaded->isFollowUpdate = true;
        return loaded;
    });
}

void LoadController::regroup(const std::shared_ptr<const LoadedData>& current, ViewState view)
{
    start([current, view = std::move(view)](
              const std::function<bool(const LoadProgress&)>&) -> std::shared_ptr<const LoadedData> {
        auto loaded = std::make_shared<LoadedData>(*current);
        prepareView(*loaded, view);
        loaded->isFollowUpdate = true; // same runs: keep selection and scroll
        return loaded;
    });
}

} // namespace te
