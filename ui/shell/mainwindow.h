#pragma once

#include <QMainWindow>

#include <memory>

class QLabel;
class QMenu;
class QProgressBar;
class QSplitter;
class QTabWidget;
class QToolButton;

namespace te {

class BreakdownView;
class ChartsView;
class FileFollower;
class LoadController;
class ProblemsDock;
class RunsView;
class WelcomePanel;
struct LoadedData;

/// The explorer's main window: the runs table over the per-run breakdown, the
/// problems dock, loading in the background, and following growing files.
class MainWindow final : public QMainWindow
{
    Q_OBJECT
public:
    explicit MainWindow(QWidget* parent = nullptr);
    ~MainWindow() override;

    /// Loads `files` in the background, or the bundled sample when `files` is empty.
    void openFiles(const QStringList& files);
    void reload();
    static QString bundledSamplePath();

    LoadController* loader() const { return m_loader; }
    RunsView* runsView() const { return m_runs; }
    BreakdownView* breakdownView() const { return m_breakdown; }
    ProblemsDock* problemsDock() const { return m_problems; }
    ChartsView* chartsView() const { return m_charts; }
    WelcomePanel* welcomePanel() const { return m_welcome; }
    QTabWidget* tabs() const { return m_tabs; }
    std::shared_ptr<const LoadedData> currentData() const { return m_current; }

protected:
    void closeEvent(QCloseEvent* event) override;
    void dragEnterEvent(QDragEnterEvent* event) override;
    void dropEvent(QDropEvent* event) override;

private:
    void createMenus();
    void createStatusBar();
    void chooseFiles();
    void showLoaded(const std::shared_ptr<const LoadedData>& data);
    void showProgress(qint64 bytesRead, qint64 bytesTotal, qint64 runs);
    void setBusy(bool busy);
    void addRecentFiles(const QStringList& files);
    void rebuildRecentMenu();
    void updateTitle();
    void onFilesChanged(const QList<int>& files);
    void copy();
    void showProblems();
    void updateCharts();
    void exportSummary();
    void showFormats();
    void showAbout();
    void updateWelcome();
    void createAppearanceMenu(QMenu* view);

    LoadController* m_loader;
    FileFollower* m_follower;
    RunsView* m_runs;
    BreakdownView* m_breakdown;
    ProblemsDock* m_problems;
    QSplitter* m_splitter;
    ChartsView* m_charts;
    QTabWidget* m_tabs;
    WelcomePanel* m_welcome;
    QMenu* m_recentMenu = nullptr;
    QAction* m_followAction = nullptr;
    QLabel* m_statusText;
    QProgressBar* m_progress;
    QToolButton* m_cancel;
    QToolButton* m_problemCount;
    std::shared_ptr<const LoadedData> m_current;
    QStringList m_requestedFiles;
    QList<int> m_pendingChanges;
};

} // namespace te
