#pragma once

#include <QFutureWatcher>
#include <QObject>
#include <QtConcurrent/QtConcurrentRun>
#include <atomic>
#include <functional>
#include <memory>
#include <utility>

namespace te {

/// Runs one computation at a time off the GUI thread and delivers only the newest
/// one's result: the "latest job wins" rule every view that computes follows.
///
/// start() while a job runs asks that job to stop (its `cancelled` flag turns true)
/// and queues the new one, replacing any job queued before; the running job's result
/// is dropped, and the queued job starts when it returns. So a user changing a
/// control five times during one computation gets one more computation, not five,
/// and never sees a stale result. Results reach `onResult` on the context object's
/// thread; a job stopped by cancel() with nothing queued delivers T(), so the owner
/// learns that it stopped. The destructor cancels and waits, so no job outlives its
/// view.
template <typename T> class LatestJob
{
public:
    /// Work receives the flag that turns true when it is superseded or cancelled.
    using Work = std::function<T(const std::atomic<bool>& cancelled)>;

    LatestJob(QObject* context, std::function<void(T)> onResult)
        : m_onResult(std::move(onResult))
    {
        QObject::connect(&m_watcher, &QFutureWatcherBase::finished, context, [this] { finished(); });
    }
    ~LatestJob()
    {
        cancel();
        m_watcher.waitForFinished();
    }
    LatestJob(const LatestJob&) = delete;
    LatestJob& operator=(const LatestJob&) = delete;

    void start(Work work)
    {
        if (m_watcher.isRunning()) {
            m_cancel->store(true);
            m_queued = std::move(work);
            return;
        }
        run(std::move(work));
    }
    /// Stops the running job (its result is dropped) and forgets a queued one.
    void cancel()
    {
        m_queued = nullptr;
        if (m_cancel)
            m_cancel->store(true);
    }
    bool isBusy() const { return m_watcher.isRunning(); }
    /// The flag of the running job, for progress reports to check before they go out.
    std::shared_ptr<const std::atomic<bool>> runningFlag() const { return m_cancel; }

private:
    void run(Work work)
    {
        m_cancel = std::make_shared<std::atomic<bool>>(false);
        m_watcher.setFuture(
            QtConcurrent::run([work = std::move(work), flag = m_cancel] { return work(*flag); }));
    }
    void finished()
    {
        T result = m_watcher.result();
        if (m_queued) {
            run(std::exchange(m_queued, nullptr));
            return;
        }
        // Read on this thread: a cancel() after the work returned, but before this
        // delivery, still drops its result.
        m_onResult(m_cancel->load() ? T() : std::move(result));
    }

    std::function<void(T)> m_onResult;
    QFutureWatcher<T> m_watcher;
    std::shared_ptr<std::atomic<bool>> m_cancel;
    Work m_queued;
};

} // namespace te
