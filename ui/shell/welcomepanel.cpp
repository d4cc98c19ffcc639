#include "ui/shell/welcomepanel.h"

#include <QHBoxLayout>
#include <QIcon>
#include <QLabel>
#include <QPushButton>
#include <QStyle>
#include <QToolButton>
#include <QVBoxLayout>

namespace te {

WelcomePanel::WelcomePanel(QWidget* parent)
    : QFrame(parent)
    , m_text(new QLabel(this))
{
    setObjectName(QStringLiteral("welcomePanel"));
    setAccessibleName(tr("Welcome"));
    // palette() references keep the panel readable in light and dark schemes.
    setStyleSheet(QStringLiteral("QFrame#welcomePanel { background: palette(alternate-base); "
                                 "border: 1px solid palette(mid); border-radius: 6px; }"));

    auto* icon = new QLabel(this);
    icon->setPixmap(QIcon(QStringLiteral(":/icons/timing-explorer.svg")).pixmap(48, 48));
    icon->setAlignment(Qt::AlignTop);

    m_text->setWordWrap(true);
    m_text->setTextFormat(Qt::RichText);
    m_text->setTextInteractionFlags(Qt::LinksAccessibleByMouse | Qt::LinksAccessibleByKeyboard);
    m_text->setObjectName(QStringLiteral("welcomeText"));
    connect(m_text, &QLabel::linkActivated, this, [this](const QString& link) {
        if (link == QStringLiteral("export"))
            emit exportRequested();
        else if (link == QStringLiteral("formats"))
            emit formatsRequested();
        else if (link == QStringLiteral("paired"))
            emit sampleRequested(BundledSample::Paired);
        else if (link == QStringLiteral("pipeline"))
            emit sampleRequested(BundledSample::Pipeline);
    });
    setSampleFacts(BundledSample::Pipeline, 0, {});

    auto* open = new QPushButton(tr("&Open Your File…"), this);
    open->setObjectName(QStringLiteral("welcomeOpen"));
    open->setDefault(true);
    auto* formats = new QPushButton(tr("Input &Formats"), this);
    auto* close = new QToolButton(this);
    close->setObjectName(QStringLiteral("welcomeClose"));
    close->setIcon(style()->standardIcon(QStyle::SP_TitleBarCloseButton));
    close->setAutoRaise(true);
    close->setToolTip(tr("Hide the welcome (Help > Welcome shows it again)"));
    close->setAccessibleName(tr("Hide the welcome"));
    connect(open, &QPushButton::clicked, this, &WelcomePanel::openRequested);
    connect(formats, &QPushButton::clicked, this, &WelcomePanel::formatsRequested);
    connect(close, &QToolButton::clicked, this, [this] {
        hide();
        emit dismissed();
    });

    auto* buttons = new QVBoxLayout;
    buttons->addWidget(open);
    buttons->addWidget(formats);
    buttons->addStretch(1);
    auto* layout = new QHBoxLayout(this);
    layout->setContentsMargins(12, 10, 6, 10);
    layout->setSpacing(12);
    layout->addWidget(icon, 0, Qt::AlignTop);
    layout->addWidget(m_text, 1);
    layout->addLayout(buttons);
    layout->addWidget(close, 0, Qt::AlignTop);
}

void WelcomePanel::setSampleFacts(BundledSample sample, qint64 runs, const QStringList& models)
{
    // Spelled out: without a translation loaded, tr()'s %n gives "6 model(s)".
    const QString modelCount = models.size() == 1 ? tr("1 model") : tr("%1 models").arg(models.size());
    QString about;
    if (sample == BundledSample::History) {
        about = tr(
            "This is the <b>history sample</b>: %L1 runs of %2 over 12 commits (<code>git_commit</code>), "
            "one of which gets slower at the 7th. Charts &gt; Trend with X: git_commit shows it; on the "
            "command line, <code>timing-explorer changes FILE --by git_commit</code> finds the step and "
            "<code>check</code> gates CI on it.")
                    .arg(runs)
                    .arg(modelCount);
    } else if (sample == BundledSample::Paired) {
        about = tr("This is the <b>paired sample</b>: %L1 runs in which every registration ran once on each "
                   "of %2, the shape of a benchmark that compares models on the same inputs. Charts &gt; "
                   "Paired draws one line per registration across the models. The "
                   "<a href=\"pipeline\">larger sample</a> has many runs a model.")
                    .arg(runs)
                    .arg(modelCount);
    } else {
        about = runs > 0
            ? tr("This is the <b>bundled sample</b>: %L1 runs of a multi-phase LLM agent pipeline (agents "
                 "such as matcher1, critic and matcher2) on %2, one JSON record per run.")
                  .arg(runs)
                  .arg(modelCount)
            : tr(
                "This is the <b>bundled sample</b>: runs of an LLM agent pipeline, one JSON record per run.");
        about
            += tr(" The <a href=\"paired\">paired sample</a> is a small benchmark of 10 registrations, each "
                  "run on 3 models.");
    }
    setIntroduction(about
        + tr(" To look at your own benchmark, open its JSON Lines or CSV file, or drop it on the window "
             "(<a href=\"formats\">what the files look like</a>)."));
}

void WelcomePanel::setOwnFilesOpen()
{
    setIntroduction(tr("The two samples are under Help: the <a href=\"pipeline\">bundled sample</a> of 400 "
                       "runs and the <a href=\"paired\">paired sample</a> of 10 registrations × 3 models. "
                       "More files open with "
                       "File &gt; Open (Ctrl+O), or drop them on the window "
                       "(<a href=\"formats\">what the files look like</a>)."));
}

void WelcomePanel::setIntroduction(const QString& introduction)
{
    m_text->setText(tr("<p style=\"margin-top:0\"><b>Welcome to Timing Explorer.</b> %1</p>"
                       "<p style=\"margin-bottom:0\">"
                       "<b>Runs</b>: sort and filter the runs; click one to see where its time went, phase "
                       "by phase, against the median of its model. Slow runs are tinted.<br>"
                       "<b>Charts</b>: compare the models: distributions, phase composition, trends, and "
                       "which differences are significant.<br>"
                       "<b>Export</b>: <a href=\"export\">File &gt; Export Summary</a> (Ctrl+E) writes a "
                       "per-model CSV that spreadsheets read as numbers.</p>")
                        .arg(introduction));
}

} // namespace te
