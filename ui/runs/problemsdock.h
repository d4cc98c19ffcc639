#pragma once

#include "data/problem.h"

#include <QDockWidget>

class QComboBox;
class QLabel;
class QModelIndex;
class QPlainTextEdit;
class QSortFilterProxyModel;
class QStackedWidget;
class QTableView;

namespace te {

class ProblemListModel;

/// The problems of the last load: a sortable table, filtered by severity, and
/// below it the clicked problem's line exactly as it is in the file.
class ProblemsDock final : public QDockWidget
{
    Q_OBJECT
public:
    /// Raw lines are shown up to this many bytes.
    static constexpr qint64 kRawLineCap = qint64 { 64 } * 1024;
    /// The table is never shorter than this many rows.
    static constexpr int kMinVisibleRows = 6;

    explicit ProblemsDock(QWidget* parent = nullptr);
    ~ProblemsDock() override;

    void setProblems(ProblemList problems);
    const ProblemListModel* model() const { return m_model; }

signals:
    /// A problem about a kept run was double-clicked; `run` is its dataset index.
    void runActivated(qint64 run);
    /// A problem without a kept run (a rejected line) was double-clicked.
    void lineActivated(const te::Problem& problem);

private:
    void setUpSeverityFilter();
    void setUpTable();
    void setUpRawLine();
    void applySeverityFilter();
    void showProblem(const QModelIndex& proxyIndex);
    const Problem* problemAt(const QModelIndex& proxyIndex) const;

    ProblemListModel* m_model;
    QSortFilterProxyModel* m_proxy;
    QComboBox* m_severity;
    QStackedWidget* m_stack;
    QLabel* m_empty;
    QTableView* m_table;
    QPlainTextEdit* m_rawLine;
};

} // namespace te
