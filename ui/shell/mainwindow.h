#pragma once

#include "ui/shell/bundledsamples.h"

#include <QMainWindow>
#include <cstdint>
#include <memory>

class QMenu;
class QSplitter;
class QTabWidget;

namespace te {

class BreakdownView;
class ChartsView;
class FileFollower;
class LoadController;
class LoadStatus;
class ProblemsDock;
class RecentFilesMenu;
class RunsView;
class WelcomePanel;
struct LoadedData;

/// The explorer's main window: the runs table over the per-run breakdown, the
/// problems dock, loading in the background, and following growing files. Its
/// menu bar is built in mainwindowmenus.cpp.
class MainWindow final : public QMainWindow
{
    Q_OBJECT
public:
    explicit MainWindow(QWidget* parent = nullptr);
    ~MainWindow() override;

    /// Loads `files` in the background, or the pipeline sample when `files` is empty.
    void openFiles(const QStringList& files);
    void openSample(BundledSample sample);
    void reload();

    LoadController* loader() const { return m_loader; }
    RunsView* runsView() const { return m_runs; }
    BreakdownView* breakdownView() const { return m_breakdown; }
    ProblemsDock* problemsDock() const { return m_problems; }
    ChartsView* chartsView() const { return m_charts; }
    WelcomePanel* welcomePanel() const { return m_welcome; }
    QTabWidget* tabs() const { return m_tabs; }
    std::shared_ptr<const LoadedData> currentData() const { return m_current; }
    /// Saves the selected runs (every shown run when none is) as a Chrome trace at
    /// `path`, as File > Open in a Trace Viewer does after asking for it; the status
    /// bar says where, or why not. False when nothing was written.
    bool saveTrace(const QString& path);

protected:
    void closeEvent(QCloseEvent* event) override;
    void dragEnterEvent(QDragEnterEvent* event) override;
    void dropEvent(QDropEvent* event) override;

private:
    // The constructor's steps, in order.
    void buildCentralWidgets();
    void addProblemsDock();
    void createMenus();
    void createFileMenu();
    void createEditMenu();
    void createViewMenu();
    void createHelpMenu();
    void createSampleActions();
    void createAppearanceMenu(QMenu* view);
    void createStatusBar();
    void connectWelcome();
    void connectLoader();
    void connectViews();
    void connectProblems();
    void restoreWindowState();

    void chooseFiles();
    void showLoaded(const std::shared_ptr<const LoadedData>& data);
    void followFiles(const LoadedData& data);
    void updateTitle();
    void onFilesChanged(const QList<int>& files);
    void copy();
    void showProblems();
    void showProblemRun(std::uint32_t run);
    void updateCharts();
    void exportSummary();
    void openInTraceViewer();
    void showFormats();
    void showAbout();
    void updateWelcome();
    void showWelcomeAgain();
    /// The loaded files, which no output may overwrite.
    static QStringList filePaths(const LoadedData& data);

    LoadController* m_loader;
    FileFollower* m_follower;
    RunsView* m_runs;
    BreakdownView* m_breakdown;
    ProblemsDock* m_problems;
    QSplitter* m_splitter;
    ChartsView* m_charts;
    QTabWidget* m_tabs;
    WelcomePanel* m_welcome;
    RecentFilesMenu* m_recentMenu = nullptr;
    QAction* m_followAction = nullptr;
    QAction* m_pipelineSampleAction = nullptr;
    QAction* m_pairedSampleAction = nullptr;
    QAction* m_historySampleAction = nullptr;
    LoadStatus* m_status = nullptr;
    std::shared_ptr<const LoadedData> m_current;
    std::optional<BundledSample> currentSample() const;
    QStringList m_requestedFiles;
    QList<int> m_pendingChanges;
};

} // namespace te
