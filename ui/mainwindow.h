#pragma once

#include <QMainWindow>
#include <memory>

class QLabel;
class QTreeView;

namespace te {

class TimingTreeModel;

/// The explorer's main window. For now: the runs as a tree of their phases.
class MainWindow final : public QMainWindow
{
    Q_OBJECT
public:
    explicit MainWindow(QWidget* parent = nullptr);
    ~MainWindow() override;

    /// Loads `files`, or the bundled sample when `files` is empty.
    void openFiles(const QStringList& files);

    static QString bundledSamplePath();

private:
    void chooseFiles();

    TimingTreeModel* m_model;
    QTreeView* m_tree;
    QLabel* m_status;
};

} // namespace te
