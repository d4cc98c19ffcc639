#pragma once

#include "data/problem.h"

#include <QObject>

class QLabel;
class QProgressBar;
class QStatusBar;
class QToolButton;

namespace te {

/// How many of the problems found while loading rejected a line, and how many only warn.
struct ProblemCounts
{
    qint64 errors = 0;
    qint64 warnings = 0;
};
ProblemCounts countProblems(const ProblemList& problems);

/// The main window's status bar: a message, the count of problems found while
/// loading, and while a load runs its progress and a Cancel button.
class LoadStatus final : public QObject
{
    Q_OBJECT
public:
    /// Adds its widgets to `bar`, which owns them.
    explicit LoadStatus(QStatusBar* bar);

    void setMessage(const QString& message);
    /// Shows or hides the progress and Cancel; busy starts as an indefinite "Loading…".
    void setBusy(bool busy);
    void showProgress(qint64 bytesRead, qint64 bytesTotal, qint64 runs);
    void showProblemCounts(ProblemCounts counts);

signals:
    void cancelRequested();
    void problemsRequested();

private:
    QLabel* m_message;
    QProgressBar* m_progress;
    QToolButton* m_cancel;
    QToolButton* m_problemCount;
};

} // namespace te
