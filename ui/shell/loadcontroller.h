#pragma once

#include "workspace/loadeddata.h"

#include <QFutureWatcher>
#include <QObject>

#include <atomic>
#include <memory>

namespace te {

/// Loads files off the GUI thread (QtConcurrent) and hands the result over on it:
/// loaded, with the group reference computed and every run sorted, so the GUI
/// thread only swaps pointers and filters.
///
/// One job at a time: a new request cancels the running one, and a result that
/// arrives for a superseded job is dropped. Cancelling stops the loader within a
/// block of input (a few milliseconds) and leaves the previous data untouched.
class LoadController final : public QObject
{
    Q_OBJECT
public:
    explicit LoadController(QObject* parent = nullptr);
    ~LoadController() override;

    /// Loads `options.files` whole.
    void load(LoadOptions options, ViewState view, bool isSample);
    /// Reads what was appended to the `changedFiles` of `current`; falls back to a
    /// whole reload when one was truncated or replaced (or is not the last file).
    void follow(const std::shared_ptr<const LoadedData>& current, QList<int> changedFiles, ViewState view);
    /// Recomputes the group reference and the order (the user changed "compare within").
    void regroup(const std::shared_ptr<const LoadedData>& current, ViewState view);
    void cancel();
    bool isBusy() const { return m_watcher.isRunning(); }

signals:
    void progress(qint64 bytesRead, qint64 bytesTotal, qint64 runs);
    void loaded(std::shared_ptr<const te::LoadedData> data);
    void cancelled();

private:
    using Job = std::function<std::shared_ptr<const LoadedData>(const std::function<bool(const LoadProgress&)>&)>;
    void start(Job job);

    QFutureWatcher<std::shared_ptr<const LoadedData>> m_watcher;
    std::shared_ptr<std::atomic<bool>> m_cancel;
    quint64 m_jobId = 0;
    quint64 m_runningJobId = 0;
};

} // namespace te
