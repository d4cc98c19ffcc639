#include "models/problemlistmodel.h"

#include <QFileInfo>

namespace te {

ProblemListModel::ProblemListModel(QObject* parent)
    : QAbstractTableModel(parent)
{ }

ProblemListModel::~ProblemListModel() = default;

void ProblemListModel::setProblems(ProblemList problems)
{
    beginResetModel();
    m_problems = std::move(problems);
    endResetModel();
}

int ProblemListModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_problems.size());
}

int ProblemListModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant ProblemListModel::data(const QModelIndex& index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid))
        return {};
    const Problem& problem = m_problems[static_cast<std::size_t>(index.row())];
    switch (role) {
    case Qt::DisplayRole:
        switch (index.column()) {
        case SeverityColumn:
            return severityLabel(problem.severity);
        case FileColumn:
            return QFileInfo(problem.file).fileName();
        case LineColumn:
            return problem.line > 0 ? QString::number(problem.line) : QString();
        case MessageColumn:
            return problem.message;
        }
        break;
    case SortRole:
        switch (index.column()) {
        case SeverityColumn:
            return static_cast<int>(problem.severity);
        case FileColumn:
            return QFileInfo(problem.file).fileName();
        case LineColumn:
            return problem.line;
        case MessageColumn:
            return problem.message;
        }
        break;
    case Qt::ToolTipRole:
        switch (index.column()) {
        case FileColumn:
            return problem.file;
        case LineColumn:
            if (problem.line <= 0)
                return tr("The whole file");
            if (problem.column > 0)
                return tr("Line %1, column %2").arg(problem.line).arg(problem.column);
            break;
        case MessageColumn:
            return problem.toString();
        }
        break;
    case Qt::TextAlignmentRole:
        if (index.column() == LineColumn)
            return QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter);
        break;
    case ProblemIndexRole:
        return index.row();
    case SeverityRole:
        return static_cast<int>(problem.severity);
    }
    return {};
}

QVariant ProblemListModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case SeverityColumn:
        return tr("Severity");
    case FileColumn:
        return tr("File");
    case LineColumn:
        return tr("Line");
    case MessageColumn:
        return tr("Message");
    }
    return {};
}

QString severityLabel(Problem::Severity severity)
{
    switch (severity) {
    case Problem::Severity::Info:
        return ProblemListModel::tr("Info");
    case Problem::Severity::Warning:
        return ProblemListModel::tr("Warning");
    case Problem::Severity::Error:
        return ProblemListModel::tr("Error");
    }
    return {};
}

} // namespace te
