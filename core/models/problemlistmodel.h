#pragma once

#include "data/problem.h"

#include <QAbstractTableModel>

namespace te {

/// The problems of a load, one a row: severity, file, line and message.
///
/// DisplayRole is for people ("Error", the file's name, "" for a file-wide
/// problem); SortRole is raw (the severity as a number, Error highest; the line as
/// a number), so a proxy sorting on it puts errors and early lines first.
class ProblemListModel final : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column
    {
        SeverityColumn,
        FileColumn,
        LineColumn,
        MessageColumn,
        ColumnCount
    };
    enum Role
    {
        SortRole = Qt::UserRole + 1,
        ProblemIndexRole, ///< the row's position in problems(), stable under a proxy
        SeverityRole, ///< int(Problem::Severity) on every column, for filtering
    };

    explicit ProblemListModel(QObject* parent = nullptr);
    ~ProblemListModel() override;

    void setProblems(ProblemList problems);
    const ProblemList& problems() const { return m_problems; }

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    ProblemList m_problems;
};

/// "Error", "Warning", "Info", translated.
QString severityLabel(Problem::Severity severity);

} // namespace te
