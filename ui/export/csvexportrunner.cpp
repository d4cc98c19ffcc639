#include "ui/export/csvexportrunner.h"

#include "export/csvfilewriter.h"

#include <QtConcurrent/QtConcurrentRun>

namespace te {

namespace {
constexpr int kProgressTickMs = 50;
} // namespace

CsvExportRunner::CsvExportRunner(QObject* parent)
    : QObject(parent)
{
    connect(&m_progressTicker, &QTimer::timeout, this, [this] { emit progress(m_permille.load()); });
    connect(&m_write, &QFutureWatcherBase::finished, this, [this] {
        m_progressTicker.stop();
        const auto [ok, message] = m_write.result();
        emit finished(ok, message);
    });
}

CsvExportRunner::~CsvExportRunner()
{
    m_cancel = true;
    m_write.waitForFinished();
}

void CsvExportRunner::start(CsvExporter exporter, const QString& path, const QStringList& protectedInputs)
{
    if (m_write.isRunning())
        return;
    m_cancel = false;
    m_permille = 0;
    m_progressTicker.start(kProgressTickMs);
    // A million runs take a moment. The engine checks the cancel flag between
    // rows; QSaveFile leaves the old file when it stops.
    m_write.setFuture(QtConcurrent::run([this, exporter = std::move(exporter), path, protectedInputs] {
        QString error;
        const bool written
            = writeCsvFile(path, exporter, protectedInputs, &error, [this](qint64 done, qint64 total) {
                  m_permille = total > 0 ? static_cast<int>(done * 1000 / total) : 0;
                  return !m_cancel.load();
              });
        return std::make_pair(written, error);
    }));
}

} // namespace te
