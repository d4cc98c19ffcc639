// How the views of the main window follow one another: a selected run shows in
// the breakdown, a chart's click in the runs table (problems: mainwindowproblems.cpp).
#include "ui/charts/chartsview.h"
#include "ui/runs/breakdownview.h"
#include "ui/runs/runsview.h"
#include "ui/shell/mainwindow.h"

#include <QSplitter>
#include <QTabWidget>
#include <QTreeView>

namespace te {

namespace {
constexpr std::size_t kMaxRunsSideBySide = 8; // more than that is unreadable
} // namespace

void MainWindow::connectViews()
{
    connect(m_runs, &RunsView::selectionChanged, this, [this] {
        std::vector<std::uint32_t> runs = m_runs->selectedRuns();
        if (runs.size() > kMaxRunsSideBySide)
            runs.resize(kMaxRunsSideBySide);
        m_breakdown->showRuns(std::move(runs));
    });
    // Double-click (or Enter) on a run: its breakdown, focused for the keyboard.
    connect(m_runs, &RunsView::runActivated, this, [this](std::uint32_t run) {
        m_tabs->setCurrentWidget(m_splitter);
        m_breakdown->showRuns({ run });
        m_breakdown->tree()->setFocus();
    });
    const auto showSlowest = [this](const QString& path, const std::vector<std::uint32_t>& runs) {
        m_runs->setDrillDown(runs, tr("runs with %1, slowest first").arg(path), path);
        m_tabs->setCurrentWidget(m_splitter);
    };
    connect(m_breakdown, &BreakdownView::slowestRunsRequested, this, showSlowest);
    connect(m_charts, &ChartsView::slowestRunsRequested, this, showSlowest);
    connectProblems();
    connect(m_runs, &RunsView::emptyStateLinkActivated, this, [this](const QString& link) {
        if (link == QStringLiteral("open"))
            chooseFiles();
        else if (link == QStringLiteral("problems"))
            showProblems();
        else if (link == QStringLiteral("formats"))
            showFormats();
    });
    // Charts follow the runs view's filter; computed only while the tab is shown.
    connect(m_runs, &RunsView::filterChanged, this, &MainWindow::updateCharts);
    connect(m_tabs, &QTabWidget::currentChanged, this, &MainWindow::updateCharts);
    connect(m_charts, &ChartsView::drillDown, this,
        [this](const std::vector<std::uint32_t>& runs, const QString& description) {
            m_runs->setDrillDown(runs, description);
            m_tabs->setCurrentWidget(m_splitter);
        });
    // The chart draws the runs the table shows, so a chosen run is always in it.
    connect(m_charts, &ChartsView::runChosen, this, [this](std::uint32_t run) {
        m_tabs->setCurrentWidget(m_splitter);
        m_runs->selectRuns({ run });
    });
    connect(m_charts, &ChartsView::registrationChosen, this, [this](std::uint32_t run) {
        m_tabs->setCurrentWidget(m_splitter);
        m_runs->selectRuns({ run });
        m_breakdown->compareAcrossModels(run);
    });
}

} // namespace te
