#include "ui/shell/loadstatus.h"

#include <QLabel>
#include <QLocale>
#include <QProgressBar>
#include <QStatusBar>
#include <QToolButton>

namespace te {

ProblemCounts countProblems(const ProblemList& problems)
{
    ProblemCounts counts;
    for (const Problem& p : problems) {
        counts.errors += p.severity == Problem::Severity::Error ? 1 : 0;
        counts.warnings += p.severity == Problem::Severity::Warning ? 1 : 0;
    }
    return counts;
}

LoadStatus::LoadStatus(QStatusBar* bar)
    : QObject(bar)
    , m_message(new QLabel(bar))
    , m_progress(new QProgressBar(bar))
    , m_cancel(new QToolButton(bar))
    , m_problemCount(new QToolButton(bar))
{
    m_progress->setMaximumWidth(220);
    m_progress->setTextVisible(true);
    m_progress->setAccessibleName(tr("Loading progress"));
    m_cancel->setText(tr("Cancel"));
    m_cancel->setAccessibleName(tr("Cancel loading"));
    m_cancel->setObjectName(QStringLiteral("cancelLoad"));
    m_message->setObjectName(QStringLiteral("statusMessage"));
    m_problemCount->setAutoRaise(true);
    m_problemCount->setAccessibleName(tr("Problems"));
    m_problemCount->setObjectName(QStringLiteral("problemCount"));
    connect(m_cancel, &QToolButton::clicked, this, &LoadStatus::cancelRequested);
    connect(m_problemCount, &QToolButton::clicked, this, &LoadStatus::problemsRequested);
    bar->addWidget(m_message, 1);
    bar->addPermanentWidget(m_problemCount);
    bar->addPermanentWidget(m_progress);
    bar->addPermanentWidget(m_cancel);
    setBusy(false);
}

void LoadStatus::setMessage(const QString& message)
{
    m_message->setText(message);
}

void LoadStatus::setBusy(bool busy)
{
    m_progress->setVisible(busy);
    m_cancel->setVisible(busy);
    if (busy) {
        m_progress->setRange(0, 0);
        m_progress->setFormat(tr("Loading…"));
    }
}

void LoadStatus::showProgress(qint64 bytesRead, qint64 bytesTotal, qint64 runs)
{
    setBusy(true);
    const QLocale locale;
    m_progress->setRange(0, 1000);
    m_progress->setValue(bytesTotal > 0 ? static_cast<int>(bytesRead * 1000 / bytesTotal) : 0);
    m_progress->setFormat(tr("%1 of %2 · %3 runs")
                              .arg(locale.formattedDataSize(bytesRead), locale.formattedDataSize(bytesTotal),
                                  locale.toString(runs)));
}

void LoadStatus::showProblemCounts(ProblemCounts counts)
{
    m_problemCount->setText(counts.errors + counts.warnings == 0
            ? tr("No problems")
            : tr("⚠ %1 rejected · %2 warnings").arg(counts.errors).arg(counts.warnings));
    m_problemCount->setToolTip(tr("Show the problems found while loading"));
}

} // namespace te
