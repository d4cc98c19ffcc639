#include "mainwindow.h"

#include "timingloader.h"
#include "timingtreemodel.h"

#include <QFileDialog>
#include <QFileInfo>
#include <QHeaderView>
#include <QKeySequence>
#include <QLabel>
#include <QMenuBar>
#include <QSortFilterProxyModel>
#include <QStatusBar>
#include <QTreeView>
#include <numeric>

namespace te {

MainWindow::MainWindow(QWidget* parent)
    : QMainWindow(parent)
    , m_model(new TimingTreeModel(this))
    , m_tree(new QTreeView(this))
    , m_status(new QLabel(this))
{
    auto* proxy = new QSortFilterProxyModel(this);
    proxy->setSourceModel(m_model);
    proxy->setSortRole(TimingTreeModel::SortRole);
    m_tree->setModel(proxy);
    m_tree->setSortingEnabled(true);
    m_tree->sortByColumn(TimingTreeModel::SecondsColumn, Qt::DescendingOrder);
    m_tree->setUniformRowHeights(true);
    m_tree->setAlternatingRowColors(true);
    m_tree->setAccessibleName(tr("Runs and their phases"));
    m_tree->header()->setStretchLastSection(true);
    setCentralWidget(m_tree);
    statusBar()->addWidget(m_status, 1);

    QMenu* file = menuBar()->addMenu(tr("&File"));
    file->addAction(tr("&Open…"), QKeySequence::Open, this, &MainWindow::chooseFiles);
    file->addSeparator();
    file->addAction(tr("&Quit"), QKeySequence::Quit, this, &QWidget::close);
    resize(1000, 680);
}

MainWindow::~MainWindow() = default;

QString MainWindow::bundledSamplePath()
{
    return QStringLiteral(":/sample/timings_sample.jsonl");
}

void MainWindow::chooseFiles()
{
    const QStringList files = QFileDialog::getOpenFileNames(this, tr("Open timing files"), QString(),
        tr("Timing files (*.jsonl *.json *.ndjson *.csv *.tsv);;All files (*)"));
    if (!files.isEmpty())
        openFiles(files);
}

void MainWindow::openFiles(const QStringList& files)
{
    LoadOptions options;
    const bool sample = files.isEmpty();
    options.files = sample ? QStringList { bundledSamplePath() } : files;
    LoadResult result = loadTimingFiles(options);
    auto data = std::make_shared<const TimingDataset>(std::move(result.dataset));
    std::vector<std::uint32_t> runs(data->runCount());
    std::iota(runs.begin(), runs.end(), 0u);
    m_model->setDataset(data, std::move(runs));
    // Show where the time of the slowest run went, without a click.
    m_tree->expand(m_tree->model()->index(0, 0));
    for (int c = 0; c < TimingTreeModel::ColumnCount - 1; ++c)
        m_tree->resizeColumnToContents(c);
    m_tree->setColumnWidth(TimingTreeModel::NameColumn, std::max(m_tree->columnWidth(0), 220));

    QStringList names;
    for (const QString& f : options.files)
        names << QFileInfo(f).fileName();
    setWindowTitle(sample ? tr("Bundled sample — Timing Explorer")
                          : names.join(QStringLiteral(", ")) + tr(" — Timing Explorer"));
    m_status->setText(result.summaryLine());
}

} // namespace te
