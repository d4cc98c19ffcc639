#include "ui/runs/problemsdock.h"

#include "load/rawline.h"
#include "models/problemlistmodel.h"

#include <QComboBox>
#include <QFontDatabase>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPlainTextEdit>
#include <QRegularExpression>
#include <QScrollBar>
#include <QSortFilterProxyModel>
#include <QSplitter>
#include <QStackedWidget>
#include <QTableView>
#include <QVBoxLayout>

namespace te {

ProblemsDock::ProblemsDock(QWidget* parent)
    : QDockWidget(tr("Problems"), parent)
    , m_model(new ProblemListModel(this))
    , m_proxy(new QSortFilterProxyModel(this))
{
    setObjectName(QStringLiteral("problemsDock"));
    // Docked only: a floating panel is lost behind the window, and a drag on the
    // splitter beside it must never tear it off.
    setFeatures(QDockWidget::DockWidgetClosable | QDockWidget::DockWidgetMovable);
    auto* content = new QWidget(this);
    m_severity = new QComboBox(content);
    m_stack = new QStackedWidget(content);
    m_empty = new QLabel(tr("No problems: every line loaded."), m_stack);
    auto* splitter = new QSplitter(Qt::Vertical, m_stack);
    m_table = new QTableView(splitter);
    m_rawLine = new QPlainTextEdit(splitter);

    m_proxy->setSourceModel(m_model);
    m_proxy->setSortRole(ProblemListModel::SortRole);
    m_proxy->setFilterRole(ProblemListModel::SeverityRole);
    m_proxy->setFilterKeyColumn(ProblemListModel::SeverityColumn);

    setUpSeverityFilter();
    auto* showLabel = new QLabel(tr("&Show:"), content);
    showLabel->setBuddy(m_severity);

    setUpTable();
    setUpRawLine();

    m_empty->setObjectName(QStringLiteral("problemsEmptyState"));
    m_empty->setAccessibleName(m_empty->text());
    m_empty->setAlignment(Qt::AlignCenter);

    splitter->addWidget(m_table);
    splitter->addWidget(m_rawLine);
    splitter->setStretchFactor(0, 3);
    splitter->setStretchFactor(1, 1);
    splitter->setChildrenCollapsible(false); // the table keeps its rows
    m_stack->addWidget(m_empty);
    m_stack->addWidget(splitter);

    auto* layout = new QVBoxLayout(content);
    auto* filterRow = new QHBoxLayout;
    layout->addLayout(filterRow);
    filterRow->addWidget(showLabel);
    filterRow->addWidget(m_severity);
    filterRow->addStretch(1);
    layout->addWidget(m_stack, 1);
    setWidget(content);
}

ProblemsDock::~ProblemsDock() = default;

void ProblemsDock::setUpSeverityFilter()
{
    m_severity->setObjectName(QStringLiteral("problemsSeverityFilter"));
    m_severity->setAccessibleName(tr("Show problems of severity"));
    m_severity->addItem(tr("All"), -1);
    m_severity->addItem(tr("Errors"), static_cast<int>(Problem::Severity::Error));
    m_severity->addItem(tr("Warnings"), static_cast<int>(Problem::Severity::Warning));
    m_severity->addItem(tr("Info"), static_cast<int>(Problem::Severity::Info));
    connect(m_severity, &QComboBox::currentIndexChanged, this, &ProblemsDock::applySeverityFilter);
}

void ProblemsDock::setUpTable()
{
    m_table->setObjectName(QStringLiteral("problemsTable"));
    m_table->setAccessibleName(tr("Problems"));
    m_table->setModel(m_proxy);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setTabKeyNavigation(false); // Tab leaves the table; the arrows move in it
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setWordWrap(false);
    m_table->setAlternatingRowColors(true);
    m_table->verticalHeader()->hide();
    m_table->verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    m_table->verticalHeader()->setDefaultSectionSize(m_table->fontMetrics().height() + 6);
    m_table->horizontalHeader()->setStretchLastSection(true);
    // At least kMinVisibleRows rows whatever the dock's share of the window: fewer
    // do not show a problem with its neighbours.
    m_table->setMinimumHeight(m_table->horizontalHeader()->sizeHint().height()
        + kMinVisibleRows * m_table->verticalHeader()->defaultSectionSize()
        + m_table->horizontalScrollBar()->sizeHint().height() + 2 * m_table->frameWidth());
    // No sort column at first: the loader's order (file, then line) is the natural one.
    m_table->horizontalHeader()->setSortIndicator(-1, Qt::AscendingOrder);
    m_table->setSortingEnabled(true);
    connect(m_table->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
        [this](const QModelIndex& current) { showProblem(current); });
    connect(m_table, &QAbstractItemView::doubleClicked, this, [this](const QModelIndex& index) {
        const Problem* problem = problemAt(index);
        if (!problem)
            return;
        if (problem->run >= 0)
            emit runActivated(problem->run);
        else
            emit lineActivated(*problem);
    });
}

void ProblemsDock::setUpRawLine()
{
    m_rawLine->setObjectName(QStringLiteral("problemRawLine"));
    m_rawLine->setAccessibleName(tr("The problem's line as it is in the file"));
    m_rawLine->setReadOnly(true);
    m_rawLine->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_rawLine->setWordWrapMode(QTextOption::WrapAtWordBoundaryOrAnywhere);
    m_rawLine->setPlaceholderText(tr("Click a problem to see its line as it is in the file."));
    // Two lines at least: the table's rows come first when the dock is short.
    m_rawLine->setMinimumHeight(2 * m_rawLine->fontMetrics().lineSpacing() + 2 * m_rawLine->frameWidth() + 8);
}

void ProblemsDock::setProblems(ProblemList problems)
{
    const auto count = problems.size();
    m_model->setProblems(std::move(problems));
    m_rawLine->clear();
    m_stack->setCurrentIndex(count == 0 ? 0 : 1);
    setWindowTitle(count == 0 ? tr("Problems") : tr("Problems (%1)").arg(count));
    m_table->resizeColumnToContents(ProblemListModel::SeverityColumn);
    m_table->resizeColumnToContents(ProblemListModel::FileColumn);
    m_table->resizeColumnToContents(ProblemListModel::LineColumn);
}

void ProblemsDock::applySeverityFilter()
{
    const int severity = m_severity->currentData().toInt();
    if (severity < 0)
        m_proxy->setFilterRegularExpression(QRegularExpression());
    else
        m_proxy->setFilterRegularExpression(QRegularExpression(u'^' + QString::number(severity) + u'$'));
}

const Problem* ProblemsDock::problemAt(const QModelIndex& proxyIndex) const
{
    if (!proxyIndex.isValid())
        return nullptr;
    const int row = m_proxy->mapToSource(proxyIndex).row();
    return &m_model->problems()[static_cast<std::size_t>(row)];
}

void ProblemsDock::showProblem(const QModelIndex& proxyIndex)
{
    const Problem* problem = problemAt(proxyIndex);
    if (!problem) {
        m_rawLine->clear();
        return;
    }
    if (problem->line <= 0) {
        m_rawLine->setPlainText(problem->message);
        return;
    }
    // One byte past the cap tells a line of exactly 64 KiB from a longer one.
    std::optional<QByteArray> raw = readRawLine(problem->file, problem->line, kRawLineCap + 1);
    if (!raw) {
        m_rawLine->setPlainText(
            tr("Line %1 of %2 cannot be read: the file is gone or shorter than when it was loaded.")
                .arg(problem->line)
                .arg(problem->file));
        return;
    }
    const bool truncated = raw->size() > kRawLineCap;
    raw->truncate(static_cast<qsizetype>(kRawLineCap));
    // fromUtf8 shows invalid bytes as U+FFFD, which is what the user should see.
    QString text = QString::fromUtf8(*raw);
    if (truncated)
        text += tr("… (line truncated at %1 KiB)").arg(kRawLineCap / 1024);
    m_rawLine->setPlainText(text);
}

} // namespace te
