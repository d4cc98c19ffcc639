// How the Problems dock leads to what it is about: a warning's run is selected in
// the runs table, a rejected line is named in the status bar (it has no run).
#include "models/runtablemodel.h"
#include "ui/runs/filterbar.h"
#include "ui/runs/problemsdock.h"
#include "ui/runs/runsview.h"
#include "ui/shell/loadstatus.h"
#include "ui/shell/mainwindow.h"
#include "util/databaseaddress.h"

#include <QSplitter>
#include <QTabWidget>
#include <QTableView>

namespace te {

void MainWindow::connectProblems()
{
    connect(m_problems, &ProblemsDock::runActivated, this, [this](qint64 run) {
        if (run >= 0)
            showProblemRun(static_cast<std::uint32_t>(run));
    });
    connect(m_problems, &ProblemsDock::lineActivated, this, [this](const Problem& problem) {
        const QString where = problem.line > 0
            ? QStringLiteral("%1:%2").arg(inputDisplayName(problem.file)).arg(problem.line)
            : inputDisplayName(problem.file);
        m_status->setMessage(tr("%1 was not loaded as a run: %2").arg(where, problem.message));
    });
}

// The run is shown even when the filter or a chart's drill-down hides it: the
// user asked for that run, so what hides it goes.
void MainWindow::showProblemRun(std::uint32_t run)
{
    m_tabs->setCurrentWidget(m_splitter);
    if (m_runs->model()->rowOfRun(run) < 0) {
        m_runs->clearDrillDown();
        m_runs->filterBar()->clear();
    }
    m_runs->selectRuns({ run });
    m_runs->table()->setFocus(Qt::OtherFocusReason);
}

} // namespace te
