// File > Open in a Trace Viewer: the runs chosen in the table, saved as a Chrome
// trace (the writer `convert --to chrome-trace` uses) for a trace viewer to open.
#include "export/chrometracewriter.h"
#include "ui/runs/runsview.h"
#include "ui/shell/loadstatus.h"
#include "ui/shell/mainwindow.h"
#include "workspace/loadeddata.h"

#include <QDir>
#include <QFileDialog>
#include <QSettings>
#include <algorithm>

namespace te {

void MainWindow::openInTraceViewer()
{
    if (!m_current)
        return;
    QSettings settings;
    const QString path = QFileDialog::getSaveFileName(this, tr("Open in a Trace Viewer"),
        settings.value(QStringLiteral("trace/lastPath"), QStringLiteral("trace.json")).toString(),
        tr("Chrome trace (*.json);;All files (*)"));
    if (path.isEmpty())
        return;
    settings.setValue(QStringLiteral("trace/lastPath"), path);
    saveTrace(path);
}

bool MainWindow::saveTrace(const QString& path)
{
    if (!m_current)
        return false;
    // The selected runs, else every run the filters show, in dataset order.
    std::vector<std::uint32_t> runs = m_runs->selectedRuns();
    if (runs.empty())
        runs = m_runs->filteredRuns();
    std::sort(runs.begin(), runs.end());
    QString error;
    if (!convertToChromeTraceFile(*m_current->dataset, runs, path, filePaths(*m_current), &error)) {
        m_status->setMessage(error);
        return false;
    }
    m_status->setMessage(tr("Saved %n run(s) to %1: open it in Perfetto, speedscope or chrome://tracing",
        nullptr, static_cast<int>(runs.size()))
                             .arg(QDir::toNativeSeparators(path)));
    return true;
}

} // namespace te
