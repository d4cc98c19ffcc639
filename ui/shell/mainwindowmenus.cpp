// MainWindow's menu bar: File, Edit, View (with Appearance) and Help, and the
// About box Help opens.
#include "follow/filefollower.h"
#include "ui/runs/filterbar.h"
#include "ui/runs/problemsdock.h"
#include "ui/runs/runsview.h"
#include "ui/shell/databasedialog.h"
#include "ui/shell/mainwindow.h"
#include "ui/shell/recentfilesmenu.h"
#include "ui/widgets/appearance.h"
#include "workspace/loadeddata.h"

#include <QActionGroup>
#include <QApplication>
#include <QMenuBar>
#include <QMessageBox>
#include <QSettings>
#include <QTableView>

namespace te {

void MainWindow::createMenus()
{
    createSampleActions();
    createFileMenu();
    createEditMenu();
    createViewMenu();
    createHelpMenu();
}

void MainWindow::createFileMenu()
{
    QMenu* file = menuBar()->addMenu(tr("&File"));
    file->addAction(tr("&Open…"), QKeySequence::Open, this, &MainWindow::chooseFiles);
    file->addAction(tr("Open &Database…"), this, [this] {
        if (const std::optional<QString> address = askDatabaseAddress(this))
            openFiles({ *address });
    });
    m_recentMenu = new RecentFilesMenu(tr("Open &Recent"), file);
    file->addMenu(m_recentMenu);
    connect(m_recentMenu, &RecentFilesMenu::fileChosen, this,
        [this](const QString& path) { openFiles({ path }); });
    QMenu* samples = file->addMenu(tr("Open a Bundled &Sample"));
    samples->addAction(m_pipelineSampleAction);
    samples->addAction(m_pairedSampleAction);
    samples->addAction(m_historySampleAction);
    file->addAction(tr("&Reload"), QKeySequence::Refresh, this, &MainWindow::reload);
    file->addAction(
        tr("&Export Summary…"), QKeySequence(Qt::CTRL | Qt::Key_E), this, &MainWindow::exportSummary);
    QAction* trace = file->addAction(tr("Open in a &Trace Viewer…"), this, &MainWindow::openInTraceViewer);
    trace->setObjectName(QStringLiteral("traceViewerAction"));
    trace->setToolTip(
        tr("Save the selected runs (or all shown runs) as a Chrome trace for Perfetto, speedscope "
           "or chrome://tracing"));
    // Also on a right click in the runs table, which selects the run clicked.
    m_runs->table()->setContextMenuPolicy(Qt::ActionsContextMenu);
    m_runs->table()->addAction(trace);
    file->addSeparator();
    file->addAction(tr("&Quit"), QKeySequence::Quit, this, &QWidget::close);
}

// One action a sample, in File > Open a Bundled Sample and in Help.
void MainWindow::createSampleActions()
{
    m_pipelineSampleAction = new QAction(tr("&Sample: 400 Runs on 6 Models"), this);
    m_pipelineSampleAction->setObjectName(QStringLiteral("pipelineSampleAction"));
    connect(
        m_pipelineSampleAction, &QAction::triggered, this, [this] { openSample(BundledSample::Pipeline); });
    m_pairedSampleAction = new QAction(tr("&Paired Sample: 10 Registrations × 3 Models"), this);
    m_pairedSampleAction->setObjectName(QStringLiteral("pairedSampleAction"));
    m_pairedSampleAction->setToolTip(tr("A small benchmark in which every registration ran on every model"));
    connect(m_pairedSampleAction, &QAction::triggered, this, [this] { openSample(BundledSample::Paired); });
    m_historySampleAction = new QAction(tr("&History Sample: 12 Commits × 3 Models"), this);
    m_historySampleAction->setObjectName(QStringLiteral("historySampleAction"));
    m_historySampleAction->setToolTip(
        tr("A benchmark rerun over 12 commits, in which one model gets slower at one of them"));
    connect(m_historySampleAction, &QAction::triggered, this, [this] { openSample(BundledSample::History); });
}

void MainWindow::createEditMenu()
{
    QMenu* edit = menuBar()->addMenu(tr("&Edit"));
    edit->addAction(tr("&Copy"), QKeySequence::Copy, this, &MainWindow::copy);
    edit->addAction(tr("&Find…"), QKeySequence::Find, this, [this] { m_runs->filterBar()->focusSearch(); });
    edit->addAction(tr("C&lear Filters"), this, [this] { m_runs->filterBar()->clear(); });
}

void MainWindow::createViewMenu()
{
    QMenu* view = menuBar()->addMenu(tr("&View"));
    m_followAction = view->addAction(tr("&Follow Files"));
    m_followAction->setCheckable(true);
    m_followAction->setToolTip(tr("Show runs appended to the open files as they arrive"));
    connect(m_followAction, &QAction::toggled, this, [this](bool on) {
        QSettings().setValue(QStringLiteral("followFiles"), on);
        m_follower->setEnabled(on && m_current && !m_current->isSample);
    });
    view->addAction(m_problems->toggleViewAction());
    m_problems->toggleViewAction()->setText(tr("&Problems"));
    view->addSeparator();
    createAppearanceMenu(view);
}

void MainWindow::createHelpMenu()
{
    QMenu* help = menuBar()->addMenu(tr("&Help"));
    help->addAction(tr("&Welcome"), this, &MainWindow::showWelcomeAgain);
    help->addAction(tr("Input &Formats"), QKeySequence::HelpContents, this, &MainWindow::showFormats);
    help->addSeparator();
    help->addAction(m_pipelineSampleAction);
    help->addAction(m_pairedSampleAction);
    help->addAction(m_historySampleAction);
    help->addSeparator();
    help->addAction(tr("&About Timing Explorer"), this, &MainWindow::showAbout);
    help->addAction(tr("About &Qt"), qApp, &QApplication::aboutQt);
}

void MainWindow::createAppearanceMenu(QMenu* view)
{
    QMenu* appearance = view->addMenu(tr("&Appearance"));
    auto* choices = new QActionGroup(this);
    const Appearance current = savedAppearance();
    const std::pair<Appearance, QString> options[] = { { Appearance::System, tr("&System") },
        { Appearance::Light, tr("&Light") }, { Appearance::Dark, tr("&Dark") } };
    for (const auto& [value, label] : options) {
        // A named copy: clang (before 16) cannot capture a structured binding.
        const Appearance choice = value;
        QAction* action = appearance->addAction(label);
        action->setCheckable(true);
        action->setChecked(choice == current);
        choices->addAction(action);
        connect(action, &QAction::triggered, this, [choice] {
            saveAppearance(choice);
            applyAppearance(choice);
        });
    }
}

void MainWindow::showAbout()
{
    QMessageBox about(this);
    about.setWindowTitle(tr("About Timing Explorer"));
    about.setIconPixmap(windowIcon().pixmap(64, 64));
    about.setTextFormat(Qt::RichText);
    about.setText(tr("<h3>Timing Explorer %1</h3>"
                     "<p>Compare models, find slow runs and export summaries of multi-phase pipeline "
                     "timings.</p>"
                     "<p>Copyright © 2026 the Timing Explorer developers.<br>"
                     "Licensed under the MIT license: free to use, change and share, without warranty.</p>"
                     "<p>Built with Qt %2 (running on Qt %3), simdjson and nlohmann/json.</p>")
                      .arg(QStringLiteral(TIMING_EXPLORER_VERSION), QStringLiteral(QT_VERSION_STR),
                          QString::fromLatin1(qVersion())));
    about.exec();
}

} // namespace te
