#pragma once

#include "export/csvexport.h"

#include <QFutureWatcher>
#include <QObject>
#include <QTimer>
#include <atomic>

namespace te {

/// Writes one CSV file off the GUI thread (with writeCsvFile), reporting its
/// progress a few times a second and stopping between rows when cancelled.
/// The destructor cancels and waits, so no write outlives its owner.
class CsvExportRunner final : public QObject
{
    Q_OBJECT
public:
    explicit CsvExportRunner(QObject* parent = nullptr);
    ~CsvExportRunner() override;

    /// Writes `exporter`'s file to `path`, refusing to overwrite one of `protectedInputs`;
    /// nothing happens while a write runs.
    void start(CsvExporter exporter, const QString& path, const QStringList& protectedInputs);
    void cancel() { m_cancel = true; }
    bool isRunning() const { return m_write.isRunning(); }
    /// True from cancel() until the next start(): the last write was cancelled.
    bool wasCancelled() const { return m_cancel.load(); }

signals:
    /// Thousandths of the rows written.
    void progress(int permille);
    /// `message` names the file and the reason on failure (also when cancelled).
    void finished(bool ok, const QString& message);

private:
    QFutureWatcher<std::pair<bool, QString>> m_write;
    QTimer m_progressTicker;
    std::atomic<bool> m_cancel { false };
    std::atomic<int> m_permille { 0 };
};

} // namespace te
