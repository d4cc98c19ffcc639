#pragma once

#include "ui/widgets/latestjob.h"
#include "workspace/loadeddata.h"

#include <QObject>
#include <QPointer>
#include <memory>

namespace te {

/// Loads files off the GUI thread (QtConcurrent) and hands the result over on it:
/// loaded, with the group reference computed and every run sorted, so the GUI
/// thread only swaps pointers and filters.
///
/// The latest request wins: a new one cancels the running job, whose result is
/// dropped. Cancelling stops the loader within a block of input (a few
/// milliseconds) and leaves the previous data untouched.
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
    /// Stops the running job; `cancelled` follows once it has stopped.
    void cancel();
    bool isBusy() const { return m_job.isBusy(); }

signals:
    void progress(qint64 bytesRead, qint64 bytesTotal, qint64 runs);
    void loaded(std::shared_ptr<const te::LoadedData> data);
    void cancelled();

private:
    using Job = std::function<std::shared_ptr<const LoadedData>(const LoadProgressCallback&)>;
    void start(Job job);
    void finished(const std::shared_ptr<const LoadedData>& data);
    /// A job's progress callback: false once `cancelled`; otherwise it reports to
    /// the GUI thread at most 20 times a second, while `request` is the latest one.
    static LoadProgressCallback progressReporter(
        const QPointer<LoadController>& self, const std::atomic<bool>& cancelled, quint64 request);

    /// Numbers the requests, so that progress of a superseded or cancelled job,
    /// already on its way to the GUI thread, is not shown.
    quint64 m_latestRequest = 0;
    LatestJob<std::shared_ptr<const LoadedData>> m_job;
};

} // namespace te
