#include "ui/shell/loadcontroller.h"

#include <QElapsedTimer>

namespace te {

namespace {
constexpr qint64 kProgressIntervalMs = 50;
} // namespace

LoadController::LoadController(QObject* parent)
    : QObject(parent)
    , m_job(this, [this](const std::shared_ptr<const LoadedData>& data) { finished(data); })
{ }

LoadController::~LoadController() = default;

void LoadController::cancel()
{
    ++m_latestRequest;
    m_job.cancel();
}

void LoadController::finished(const std::shared_ptr<const LoadedData>& data)
{
    if (data)
        emit loaded(data);
    else
        emit cancelled();
}

LoadProgressCallback LoadController::progressReporter(
    const QPointer<LoadController>& self, const std::atomic<bool>& cancelled, quint64 request)
{
    return [self, &cancelled, request, timer = std::make_shared<QElapsedTimer>()](const LoadProgress& p) {
        if (cancelled.load())
            return false;
        if (!timer->isValid() || timer->elapsed() >= kProgressIntervalMs) {
            timer->start();
            QMetaObject::invokeMethod(
                self,
                [self, request, p] {
                    if (self && self->m_latestRequest == request)
                        emit self->progress(p.bytesRead, p.bytesTotal, p.runsLoaded);
                },
                Qt::QueuedConnection);
        }
        return true;
    };
}

void LoadController::start(Job job)
{
    const quint64 request = ++m_latestRequest;
    m_job.start(
        [self = QPointer<LoadController>(this), job = std::move(job), request](
            const std::atomic<bool>& cancelled) { return job(progressReporter(self, cancelled, request)); });
}

void LoadController::load(LoadOptions options, ViewState view, bool isSample)
{
    start([options = std::move(options), view = std::move(view), isSample](
              const LoadProgressCallback& progress) { return loadData(options, view, isSample, progress); });
}

void LoadController::follow(
    const std::shared_ptr<const LoadedData>& current, QList<int> changedFiles, ViewState view)
{
    start([current, changedFiles = std::move(changedFiles), view = std::move(view)](
              const LoadProgressCallback& progress) {
        return followData(current, changedFiles, view, progress);
    });
}

void LoadController::regroup(const std::shared_ptr<const LoadedData>& current, ViewState view)
{
    start([current, view = std::move(view)](
              const LoadProgressCallback&) { return regroupData(current, view); });
}

} // namespace te
