#include "ui/shell/loadcontroller.h"


#include <QElapsedTimer>
#include <QPointer>
#include <QtConcurrent/QtConcurrentRun>

namespace te {

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
    start([options = std::move(options), view = std::move(view), isSample](const LoadProgressCallback& progress) {
        return loadData(options, view, isSample, progress);
    });
}

void LoadController::follow(const std::shared_ptr<const LoadedData>& current, QList<int> changedFiles, ViewState view)
{
    start([current, changedFiles = std::move(changedFiles), view = std::move(view)](
              const LoadProgressCallback& progress) { return followData(current, changedFiles, view, progress); });
}

void LoadController::regroup(const std::shared_ptr<const LoadedData>& current, ViewState view)
{
    start([current, view = std::move(view)](const LoadProgressCallback&) { return regroupData(current, view); });
}

} // namespace te
