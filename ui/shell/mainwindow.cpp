#include "ui/shell/mainwindow.h"

#include "data/datasetlookups.h"
#include "data/timingdataset.h"
#include "follow/filefollower.h"
#include "ui/charts/chartsview.h"
#include "ui/export/exportdialog.h"
#include "ui/runs/breakdownview.h"
#include "ui/runs/problemsdock.h"
#include "ui/runs/runsview.h"
#include "ui/shell/droppedinputs.h"
#include "ui/shell/formatsdialog.h"
#include "ui/shell/loadcontroller.h"
#include "ui/shell/loadstatus.h"
#include "ui/shell/recentfilesmenu.h"
#include "ui/shell/welcomepanel.h"
#include "util/databaseaddress.h"

#include <QApplication>
#include <QClipboard>
#include <QCloseEvent>
#include <QFileDialog>
#include <QFileInfo>
#include <QMimeData>
#include <QSettings>
#include <QSplitter>
#include <QTabWidget>
#include <QTreeView>
#include <QVBoxLayout>

namespace te {

namespace {
const QString kWelcomeDismissedKey = QStringLiteral("welcome/dismissed");
} // namespace

QStringList MainWindow::filePaths(const LoadedData& data)
{
    QStringList paths;
    for (const FileSummary& f : data.files)
        paths << f.path;
    return paths;
}

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
{
    setObjectName(QStringLiteral("mainWindow"));
    buildCentralWidgets();
    addProblemsDock();
    setAcceptDrops(true);
    createMenus();
    createStatusBar();
    connectWelcome();
    connectLoader();
    connectViews();
    restoreWindowState();
    updateTitle();
}

void MainWindow::buildCentralWidgets()
{
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
}

void MainWindow::addProblemsDock()
{
    m_problems->setObjectName(QStringLiteral("problemsDock"));
    addDockWidget(Qt::BottomDockWidgetArea, m_problems);
    m_problems->hide();
}

void MainWindow::createStatusBar()
{
    m_status = new LoadStatus(statusBar());
    connect(m_status, &LoadStatus::cancelRequested, m_loader, &LoadController::cancel);
    connect(m_status, &LoadStatus::problemsRequested, this, &MainWindow::showProblems);
}

void MainWindow::connectWelcome()
{
    connect(m_welcome, &WelcomePanel::openRequested, this, &MainWindow::chooseFiles);
    connect(m_welcome, &WelcomePanel::formatsRequested, this, &MainWindow::showFormats);
    connect(m_welcome, &WelcomePanel::exportRequested, this, &MainWindow::exportSummary);
    connect(m_welcome, &WelcomePanel::sampleRequested, this, &MainWindow::openSample);
    connect(
        m_welcome, &WelcomePanel::dismissed, this, [] { QSettings().setValue(kWelcomeDismissedKey, true); });
}

void MainWindow::connectLoader()
{
    connect(m_loader, &LoadController::progress, m_status, &LoadStatus::showProgress);
    connect(m_loader, &LoadController::loaded, this, &MainWindow::showLoaded);
    connect(m_loader, &LoadController::cancelled, this, [this] {
        m_status->setBusy(false);
        m_status->setMessage(
            m_current ? tr("Loading cancelled; still showing the previous data.") : tr("Loading cancelled."));
        m_requestedFiles.clear();
    });
    connect(m_follower, &FileFollower::filesChanged, this, &MainWindow::onFilesChanged);
    connect(m_runs, &RunsView::groupFieldsChanged, this, [this] {
        if (m_current)
            m_loader->regroup(m_current, m_runs->viewState());
    });
}

void MainWindow::restoreWindowState()
{
    const QSettings settings;
    resize(1280, 800);
    restoreGeometry(settings.value(QStringLiteral("window/geometry")).toByteArray());
    restoreState(settings.value(QStringLiteral("window/state")).toByteArray());
    m_splitter->restoreState(settings.value(QStringLiteral("window/splitter")).toByteArray());
    m_followAction->setChecked(settings.value(QStringLiteral("followFiles"), true).toBool());
    m_tabs->setCurrentIndex(settings.value(QStringLiteral("window/tab"), 0).toInt());
}

MainWindow::~MainWindow() = default;

std::optional<BundledSample> MainWindow::currentSample() const
{
    if (!m_current || !m_current->isSample || m_current->options.files.isEmpty())
        return std::nullopt;
    return bundledSampleAt(m_current->options.files.front());
}

void MainWindow::showFormats()
{
    FormatsDialog dialog(this);
    dialog.exec();
}

void MainWindow::updateWelcome()
{
    const std::optional<BundledSample> sample = currentSample();
    const bool firstRun = sample && !QSettings().value(kWelcomeDismissedKey, false).toBool();
    if (firstRun) {
        const TimingDataset& data = *m_current->dataset;
        QStringList models;
        if (const int model = data.fieldId(QStringLiteral("model")); model >= 0) {
            const auto& dictionary = data.field(model).dictionary();
            for (std::size_t code = 1; code < dictionary.size(); ++code) // 0 is "no value"
                models << QString::fromStdString(dictionary[code]);
        }
        m_welcome->setSampleFacts(*sample, data.runCount(), models);
    }
    m_welcome->setVisible(firstRun);
}

void MainWindow::showWelcomeAgain()
{
    QSettings().remove(kWelcomeDismissedKey);
    updateWelcome();
    if (!m_welcome->isVisible()) { // over the user's own files
        m_welcome->setOwnFilesOpen();
        m_welcome->show();
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
    ExportDialog dialog(
        m_current->dataset, m_current->reference, std::move(scope), filePaths(*m_current), this);
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
        tr("Timing files (*.jsonl *.ndjson *.json *.csv *.tsv *.txt *.sqlite *.sqlite3 *.db);;All files "
           "(*)"));
    if (files.isEmpty())
        return;
    QSettings().setValue(QStringLiteral("lastDirectory"), QFileInfo(files.front()).absolutePath());
    openFiles(files);
}

void MainWindow::openFiles(const QStringList& files)
{
    if (files.isEmpty()) {
        openSample(BundledSample::Pipeline);
        return;
    }
    LoadOptions options;
    options.files = files;
    m_requestedFiles = options.files;
    m_recentMenu->add(files);
    m_status->setBusy(true);
    m_status->setMessage(tr("Opening %n file(s)…", nullptr, int(files.size())));
    m_loader->load(std::move(options), m_runs->viewState(), false);
}

void MainWindow::openSample(BundledSample sample)
{
    LoadOptions options;
    options.files = QStringList { bundledSamplePath(sample) };
    m_requestedFiles = options.files;
    m_status->setBusy(true);
    m_status->setMessage(tr("Opening the %1…").arg(bundledSampleName(sample).toLower()));
    m_loader->load(std::move(options), m_runs->viewState(), true);
}

void MainWindow::reload()
{
    if (!m_current)
        return;
    m_status->setBusy(true);
    m_status->setMessage(tr("Reloading…"));
    m_loader->load(m_current->options, m_runs->viewState(), m_current->isSample);
}

void MainWindow::showLoaded(const std::shared_ptr<const LoadedData>& data)
{
    if (data == m_current) { // a follow update that found nothing new: nothing to show again
        if (!m_pendingChanges.isEmpty())
            onFilesChanged(std::exchange(m_pendingChanges, {}));
        return;
    }
    const bool keep = data->isFollowUpdate && m_current;
    m_current = data;
    m_status->setBusy(false);
    m_breakdown->setData(data->dataset, data->reference);
    if (!keep)
        m_breakdown->showRuns({}); // a new file's first selection, if it has runs, shows one again
    m_runs->setData(*data, keep);
    if (keep)
        m_breakdown->showRuns(m_runs->selectedRuns());
    m_problems->setProblems(data->problems);

    const ProblemCounts counts = countProblems(data->problems);
    m_status->showProblemCounts(counts);
    QStringList summary;
    summary << tr("%L1 runs loaded").arg(data->dataset->runCount());
    if (const auto sample = currentSample())
        summary << tr("%1: open your own file with File > Open (Ctrl+O) or drop it here")
                       .arg(bundledSampleName(*sample).toLower());
    m_status->setMessage(summary.join(QStringLiteral(" — ")));
    if (!keep && counts.errors > 0)
        showProblems();

    followFiles(*data);
    updateTitle();
    updateWelcome();
    if (!m_pendingChanges.isEmpty()) // changes that came in while it loaded
        onFilesChanged(std::exchange(m_pendingChanges, {}));
}

void MainWindow::followFiles(const LoadedData& data)
{
    m_follower->setFiles(data.isSample ? QStringList() : filePaths(data));
    m_follower->setEnabled(m_followAction->isChecked() && !data.isSample);
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
    if (const auto sample = currentSample()) {
        setWindowTitle(bundledSampleName(*sample) + tr(" — Timing Explorer"));
        return;
    }
    QStringList names;
    for (const QString& path : filePaths(*m_current))
        names << inputDisplayName(path);
    setWindowTitle(names.join(QStringLiteral(", ")) + tr(" — Timing Explorer"));
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
    if (DroppedInputs::accepts(*event->mimeData()))
        event->acceptProposedAction();
}

void MainWindow::dropEvent(QDropEvent* event)
{
    const DroppedInputs dropped = DroppedInputs::from(*event->mimeData());
    if (!dropped.refused.isEmpty())
        m_status->setMessage(dropped.refused.join(u' '));
    if (!dropped.inputs.isEmpty()) {
        event->acceptProposedAction();
        openFiles(dropped.inputs);
    }
}

} // namespace te
