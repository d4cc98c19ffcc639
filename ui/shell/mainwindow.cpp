#include "ui/shell/mainwindow.h"

#include "ui/widgets/appearance.h"
#include "ui/runs/breakdownview.h"
#include "ui/charts/chartsview.h"
#include "ui/export/exportdialog.h"
#include "follow/filefollower.h"
#include "ui/runs/filterbar.h"
#include "ui/shell/formatsdialog.h"
#include "ui/shell/loadcontroller.h"
#include "ui/runs/problemsdock.h"
#include "ui/runs/runsview.h"
#include "data/timingdataset.h"
#include "ui/shell/welcomepanel.h"
#include "data/datasetlookups.h"

#include <QActionGroup>
#include <QApplication>
#include <QClipboard>
#include <QCloseEvent>
#include <QFileDialog>
#include <QFileInfo>
#include <QLabel>
#include <QLocale>
#include <QMenuBar>
#include <QMessageBox>
#include <QMimeData>
#include <QProgressBar>
#include <QSettings>
#include <QSplitter>
#include <QStatusBar>
#include <QTabWidget>
#include <QToolButton>
#include <QTreeView>
#include <QVBoxLayout>

namespace te {

namespace {
const QString kRecentKey = QStringLiteral("recentFiles");
const QString kWelcomeDismissedKey = QStringLiteral("welcome/dismissed");
constexpr int kMaxRecent = 10;
} // namespace

MainWindow::MainWindow(QWidget* parent)
    : QMainWindow(parent)
    , m_loader(new LoadController(this))
    , m_follower(new FileFollower(this))
    , m_runs(new RunsView(this))
    , m_breakdown(new BreakdownView(this))
    , m_problems(new ProblemsDock(this))
    , m_splitter(new QSplitter(Qt::Vertical, this))
    , m_charts(new ChartsView(this))
    , m_tabs(new QTabWidget(this))
    , m_welcome(new WelcomePanel(this))
    , m_statusText(new QLabel(this))
    , m_progress(new QProgressBar(this))
    , m_cancel(new QToolButton(this))
    , m_problemCount(new QToolButton(this))
{
    setObjectName(QStringLiteral("mainWindow"));
    m_splitter->addWidget(m_runs);
    m_splitter->addWidget(m_breakdown);
    m_splitter->setStretchFactor(0, 3);
    m_splitter->setStretchFactor(1, 2);
    m_splitter->setObjectName(QStringLiteral("runsBreakdownSplitter"));
    m_tabs->addTab(m_splitter, tr("&Runs"));
    m_tabs->addTab(m_charts, tr("&Charts"));
    m_tabs->setDocumentMode(true);
    m_tabs->setObjectName(QStringLiteral("viewTabs"));
    auto* central = new QWidget(this);
    auto* centralLayout = new QVBoxLayout(central);
    centralLayout->setContentsMargins(0, 0, 0, 0);
    centralLayout->setSpacing(0);
    auto* welcomeMargins = new QVBoxLayout;
    welcomeMargins->setContentsMargins(6, 6, 6, 2);
    welcomeMargins->addWidget(m_welcome);
    centralLayout->addLayout(welcomeMargins);
    centralLayout->addWidget(m_tabs, 1);
    setCentralWidget(central);
    m_welcome->hide();
    connect(m_welcome, &WelcomePanel::openRequested, this, &MainWindow::chooseFiles);
    connect(m_welcome, &WelcomePanel::formatsRequested, this, &MainWindow::showFormats);
    connect(m_welcome, &WelcomePanel::exportRequested, this, &MainWindow::exportSummary);
    connect(
        m_welcome, &WelcomePanel::dismissed, this, [] { QSettings().setValue(kWelcomeDismissedKey, true); });
    m_problems->setObjectName(QStringLiteral("problemsDock"));
    addDockWidget(Qt::BottomDockWidgetArea, m_problems);
    m_problems->hide();
    setAcceptDrops(true);
    createMenus();
    createStatusBar();

    connect(m_loader, &LoadController::progress, this, &MainWindow::showProgress);
    connect(m_loader, &LoadController::loaded, this, &MainWindow::showLoaded);
    connect(m_loader, &LoadController::cancelled, this, [this] {
        setBusy(false);
        m_statusText->setText(
            m_current ? tr("Loading cancelled; still showing the previous data.") : tr("Loading cancelled."));
        m_requestedFiles.clear();
    });
    connect(m_runs, &RunsView::selectionChanged, this, [this] {
        std::vector<std::uint32_t> runs = m_runs->selectedRuns();
        if (runs.size() > 8)
            runs.resize(8); // side by side, more than that is unreadable
        m_breakdown->showRuns(std::move(runs));
    });
    // Double-click (or Enter) on a run: its breakdown, focused for the keyboard.
    connect(m_runs, &RunsView::runActivated, this, [this](std::uint32_t run) {
        m_tabs->setCurrentWidget(m_splitter);
        m_breakdown->showRuns({ run });
        m_breakdown->tree()->setFocus();
    });
    connect(m_runs, &RunsView::groupFieldsChanged, this, [this] {
        if (m_current)
            m_loader->regroup(m_current, m_runs->viewState());
    });
    connect(m_problems, &ProblemsDock::runActivated, this, [this](qint64 run) {
        if (run >= 0)
            m_runs->selectRuns({ static_cast<std::uint32_t>(run) });
    });
    connect(m_runs, &RunsView::emptyStateLinkActivated, this, [this](const QString& link) {
        if (link == QStringLiteral("open"))
            chooseFiles();
        else if (link == QStringLiteral("problems"))
            showProblems();
        else if (link == QStringLiteral("formats"))
            showFormats();
    });
    connect(m_follower, &FileFollower::filesChanged, this, &MainWindow::onFilesChanged);
    // Charts follow the runs view's filter; computed only while the tab is shown.
    connect(m_runs, &RunsView::filterChanged, this, &MainWindow::updateCharts);
    connect(m_tabs, &QTabWidget::currentChanged, this, &MainWindow::updateCharts);
    connect(m_charts, &ChartsView::drillDown, this,
        [this](const std::vector<std::uint32_t>& runs, const QString& description) {
            m_runs->setDrillDown(runs, description);
            m_tabs->setCurrentWidget(m_splitter);
        });

    const QSettings settings;
    resize(1280, 800);
    restoreGeometry(settings.value(QStringLiteral("window/geometry")).toByteArray());
    restoreState(settings.value(QStringLiteral("window/state")).toByteArray());
    m_splitter->restoreState(settings.value(QStringLiteral("window/splitter")).toByteArray());
    m_followAction->setChecked(settings.value(QStringLiteral("followFiles"), true).toBool());
    m_tabs->setCurrentIndex(settings.value(QStringLiteral("window/tab"), 0).toInt());
    updateTitle();
}

MainWindow::~MainWindow() = default;

QString MainWindow::bundledSamplePath()
{
    return QStringLiteral(":/sample/timings_sample.jsonl");
}

void MainWindow::createMenus()
{
    QMenu* file = menuBar()->addMenu(tr("&File"));
    file->addAction(tr("&Open…"), QKeySequence::Open, this, &MainWindow::chooseFiles);
    m_recentMenu = file->addMenu(tr("Open &Recent"));
    file->addAction(tr("Open the Bundled &Sample"), this, [this] { openFiles({}); });
    file->addAction(tr("&Reload"), QKeySequence::Refresh, this, &MainWindow::reload);
    file->addAction(
        tr("&Export Summary…"), QKeySequence(Qt::CTRL | Qt::Key_E), this, &MainWindow::exportSummary);
    file->addSeparator();
    file->addAction(tr("&Quit"), QKeySequence::Quit, this, &QWidget::close);
    rebuildRecentMenu();

    QMenu* edit = menuBar()->addMenu(tr("&Edit"));
    edit->addAction(tr("&Copy"), QKeySequence::Copy, this, &MainWindow::copy);
    edit->addAction(tr("&Find…"), QKeySequence::Find, this, [this] { m_runs->filterBar()->focusSearch(); });
    edit->addAction(tr("C&lear Filters"), this, [this] { m_runs->filterBar()->clear(); });

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

    QMenu* help = menuBar()->addMenu(tr("&Help"));
    help->addAction(tr("&Welcome"), this, [this] {
        QSettings().remove(kWelcomeDismissedKey);
        updateWelcome();
        if (!m_welcome->isVisible()) { // over the user's own files
            m_welcome->setOwnFilesOpen();
            m_welcome->show();
        }
    });
    help->addAction(tr("Input &Formats"), QKeySequence::HelpContents, this, &MainWindow::showFormats);
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
    for (const auto& [choice, label] : options) {
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

void MainWindow::showFormats()
{
    FormatsDialog dialog(this);
    dialog.exec();
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

void MainWindow::updateWelcome()
{
    const bool firstRun
        = m_current && m_current->isSample && !QSettings().value(kWelcomeDismissedKey, false).toBool();
    if (firstRun) {
        const TimingDataset& data = *m_current->dataset;
        QStringList models;
        if (const int model = data.fieldId(QStringLiteral("model")); model >= 0) {
            const auto& dictionary = data.field(model).dictionary();
            for (std::size_t code = 1; code < dictionary.size(); ++code) // 0 is "no value"
                models << QString::fromStdString(dictionary[code]);
        }
        m_welcome->setSampleFacts(data.runCount(), models);
    }
    m_welcome->setVisible(firstRun);
}

void MainWindow::createStatusBar()
{
    m_progress->setMaximumWidth(220);
    m_progress->setTextVisible(true);
    m_progress->setAccessibleName(tr("Loading progress"));
    m_cancel->setText(tr("Cancel"));
    m_cancel->setAccessibleName(tr("Cancel loading"));
    m_cancel->setObjectName(QStringLiteral("cancelLoad"));
    m_problemCount->setAutoRaise(true);
    m_problemCount->setAccessibleName(tr("Problems"));
    m_problemCount->setObjectName(QStringLiteral("problemCount"));
    connect(m_cancel, &QToolButton::clicked, m_loader, &LoadController::cancel);
    connect(m_problemCount, &QToolButton::clicked, this, &MainWindow::showProblems);
    statusBar()->addWidget(m_statusText, 1);
    statusBar()->addPermanentWidget(m_problemCount);
    statusBar()->addPermanentWidget(m_progress);
    statusBar()->addPermanentWidget(m_cancel);
    setBusy(false);
}

void MainWindow::setBusy(bool busy)
{
    m_progress->setVisible(busy);
    m_cancel->setVisible(busy);
    if (busy) {
        m_progress->setRange(0, 0);
        m_progress->setFormat(tr("Loading…"));
    }
}

void MainWindow::exportSummary()
{
    if (!m_current)
        return;
    ExportDialog::Scope scope;
    scope.all = allRuns(*m_current->dataset);
    scope.filtered = m_runs->filteredRuns();
    scope.selected = m_runs->selectedRuns();
    std::sort(scope.selected.begin(), scope.selected.end());
    QStringList files;
    for (const FileSummary& f : m_current->files)
        files << f.path;
    ExportDialog dialog(m_current->dataset, m_current->reference, std::move(scope), files, this);
    dialog.exec();
}

void MainWindow::updateCharts()
{
    if (!m_current)
        return;
    if (m_tabs->currentWidget() == m_charts)
        m_charts->setRuns(m_current->dataset, m_runs->filteredRuns());
    else
        m_charts->setRuns({}, {}); // hidden: it must not keep a closed file's data alive
}

void MainWindow::showProblems()
{
    const bool wasHidden = m_problems->isHidden();
    m_problems->show();
    m_problems->raise();
    // A quarter of the window: the runs and the breakdown stay the main view.
    if (wasHidden)
        resizeDocks({ m_problems }, { height() / 4 }, Qt::Vertical);
}

void MainWindow::chooseFiles()
{
    const QString dir = QSettings().value(QStringLiteral("lastDirectory")).toString();
    const QStringList files = QFileDialog::getOpenFileNames(this, tr("Open Timing Files"), dir,
        tr("Timing files (*.jsonl *.ndjson *.json *.csv *.tsv *.txt);;All files (*)"));
    if (files.isEmpty())
        return;
    QSettings().setValue(QStringLiteral("lastDirectory"), QFileInfo(files.front()).absolutePath());
    openFiles(files);
}

void MainWindow::openFiles(const QStringList& files)
{
    const bool sample = files.isEmpty();
    LoadOptions options;
    options.files = sample ? QStringList { bundledSamplePath() } : files;
    m_requestedFiles = options.files;
    if (!sample)
        addRecentFiles(files);
    setBusy(true);
    m_statusText->setText(
        sample ? tr("Opening the bundled sample…") : tr("Opening %n file(s)…", nullptr, int(files.size())));
    m_loader->load(std::move(options), m_runs->viewState(), sample);
}

void MainWindow::reload()
{
    if (!m_current)
        return;
    setBusy(true);
    m_statusText->setText(tr("Reloading…"));
    m_loader->load(m_current->options, m_runs->viewState(), m_current->isSample);
}

void MainWindow::showProgress(qint64 bytesRead, qint64 bytesTotal, qint64 runs)
{
    setBusy(true);
    const QLocale locale;
    m_progress->setRange(0, 1000);
    m_progress->setValue(bytesTotal > 0 ? static_cast<int>(bytesRead * 1000 / bytesTotal) : 0);
    m_progress->setFormat(tr("%1 of %2 · %3 runs")
                              .arg(locale.formattedDataSize(bytesRead), locale.formattedDataSize(bytesTotal),
                                  locale.toString(runs)));
}

void MainWindow::showLoaded(const std::shared_ptr<const LoadedData>& data)
{
    const bool keep = data->isFollowUpdate && m_current;
    m_current = data;
    setBusy(false);
    m_breakdown->setData(data->dataset, data->reference);
    m_runs->setData(*data, keep);
    if (keep)
        m_breakdown->showRuns(m_runs->selectedRuns());
    m_problems->setProblems(data->problems);

    qint64 errors = 0;
    qint64 warnings = 0;
    for (const Problem& p : data->problems) {
        errors += p.severity == Problem::Severity::Error ? 1 : 0;
        warnings += p.severity == Problem::Severity::Warning ? 1 : 0;
    }
    m_problemCount->setText(errors + warnings == 0
            ? tr("No problems")
            : tr("⚠ %1 rejected · %2 warnings").arg(errors).arg(warnings));
    m_problemCount->setToolTip(tr("Show the problems found while loading"));
    QStringList summary;
    summary << tr("%L1 runs loaded").arg(data->dataset->runCount());
    if (data->isSample)
        summary << tr("bundled sample: open your own file with File > Open (Ctrl+O) or drop it here");
    m_statusText->setText(summary.join(QStringLiteral(" — ")));
    if (!keep && errors > 0)
        showProblems();

    QStringList paths;
    for (const FileSummary& f : data->files)
        paths << f.path;
    m_follower->setFiles(data->isSample ? QStringList() : paths);
    m_follower->setEnabled(m_followAction->isChecked() && !data->isSample);
    updateTitle();
    updateWelcome();
    if (!m_pendingChanges.isEmpty()) {
        const QList<int> pending = std::exchange(m_pendingChanges, {});
        onFilesChanged(pending);
    }
}

void MainWindow::onFilesChanged(const QList<int>& files)
{
    if (!m_current || m_current->isSample)
        return;
    if (m_loader->isBusy()) {
        for (const int f : files) {
            if (!m_pendingChanges.contains(f))
                m_pendingChanges << f;
        }
        return;
    }
    m_loader->follow(m_current, files, m_runs->viewState());
}

void MainWindow::updateTitle()
{
    if (!m_current) {
        setWindowTitle(tr("Timing Explorer"));
        return;
    }
    if (m_current->isSample) {
        setWindowTitle(tr("Bundled sample — Timing Explorer"));
        return;
    }
    QStringList names;
    for (const FileSummary& f : m_current->files)
        names << QFileInfo(f.path).fileName();
    setWindowTitle(names.join(QStringLiteral(", ")) + tr(" — Timing Explorer"));
}

void MainWindow::addRecentFiles(const QStringList& files)
{
    QSettings settings;
    QStringList recent = settings.value(kRecentKey).toStringList();
    for (auto it = files.crbegin(); it != files.crend(); ++it) {
        const QString path = QFileInfo(*it).absoluteFilePath();
        recent.removeAll(path);
        recent.prepend(path);
    }
    while (recent.size() > kMaxRecent)
        recent.removeLast();
    settings.setValue(kRecentKey, recent);
    rebuildRecentMenu();
}

void MainWindow::rebuildRecentMenu()
{
    m_recentMenu->clear();
    const QStringList recent = QSettings().value(kRecentKey).toStringList();
    for (const QString& path : recent)
        m_recentMenu->addAction(QFileInfo(path).fileName(), this, [this, path] { openFiles({ path }); })
            ->setToolTip(path);
    if (!recent.isEmpty()) {
        m_recentMenu->addSeparator();
        m_recentMenu->addAction(tr("Clear the List"), this, [this] {
            QSettings().remove(kRecentKey);
            rebuildRecentMenu();
        });
    }
    m_recentMenu->setEnabled(!recent.isEmpty());
}

void MainWindow::copy()
{
    const QString text = m_breakdown->tree()->hasFocus() ? m_breakdown->toTsv() : m_runs->selectionAsTsv();
    if (!text.isEmpty())
        QApplication::clipboard()->setText(text);
}

void MainWindow::closeEvent(QCloseEvent* event)
{
    QSettings settings;
    settings.setValue(QStringLiteral("window/geometry"), saveGeometry());
    settings.setValue(QStringLiteral("window/state"), saveState());
    settings.setValue(QStringLiteral("window/splitter"), m_splitter->saveState());
    settings.setValue(QStringLiteral("window/tab"), m_tabs->currentIndex());
    m_loader->cancel();
    QMainWindow::closeEvent(event);
}

void MainWindow::dragEnterEvent(QDragEnterEvent* event)
{
    if (event->mimeData()->hasUrls())
        event->acceptProposedAction();
}

void MainWindow::dropEvent(QDropEvent* event)
{
    QStringList files;
    for (const QUrl& url : event->mimeData()->urls()) {
        if (url.isLocalFile())
            files << url.toLocalFile();
    }
    if (!files.isEmpty()) {
        event->acceptProposedAction();
        openFiles(files);
    }
}

} // namespace te
