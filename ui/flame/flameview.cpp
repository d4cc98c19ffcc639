#include "ui/flame/flameview.h"

#include "ui/flame/flamegraphwidget.h"
#include "util/durationformat.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QVBoxLayout>

namespace te {

FlameView::FlameView(QWidget* parent)
    : QWidget(parent)
    , m_graph(new FlameGraphWidget(this))
    , m_caption(new QLabel(this))
    , m_breadcrumbs(new QLabel(this))
    , m_search(new QLineEdit(this))
    , m_share(new QLabel(this))
    , m_hint(new QLabel(this))
{
    m_caption->setObjectName(QStringLiteral("flameCaption"));
    m_breadcrumbs->setObjectName(QStringLiteral("flameBreadcrumbs"));
    m_breadcrumbs->setTextFormat(Qt::RichText);
    m_breadcrumbs->setTextInteractionFlags(Qt::LinksAccessibleByMouse | Qt::LinksAccessibleByKeyboard);
    m_breadcrumbs->setToolTip(tr("Click a node to zoom into it; a name here, or Escape, zooms back out"));
    m_search->setObjectName(QStringLiteral("flameSearch"));
    m_search->setPlaceholderText(tr("Search nodes"));
    m_search->setAccessibleName(tr("Search flame graph nodes"));
    m_search->setClearButtonEnabled(true);
    m_search->setMaximumWidth(220);
    m_share->setObjectName(QStringLiteral("flameSearchShare"));

    auto* bar = new QHBoxLayout;
    bar->setContentsMargins(0, 0, 0, 0);
    bar->addWidget(m_caption);
    bar->addWidget(m_breadcrumbs);
    bar->addStretch(1);
    bar->addWidget(m_share);
    bar->addWidget(m_search);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(4);
    layout->addLayout(bar);
    layout->addWidget(m_graph);
    m_hint->setText(tr("Click a node to zoom into it, Escape to zoom out; right-click for its slowest runs "
                       "or to copy the graph as TSV."));
    m_hint->setObjectName(QStringLiteral("flameHint"));
    m_hint->setEnabled(false); // the palette's disabled text: a hint, not content
    m_hint->setWordWrap(true);
    layout->addWidget(m_hint);
    layout->addStretch(1);

    connect(m_graph, &FlameGraphWidget::zoomChanged, this, &FlameView::updateBreadcrumbs);
    connect(m_graph, &FlameGraphWidget::slowestRunsRequested, this, &FlameView::slowestRunsRequested);
    connect(m_breadcrumbs, &QLabel::linkActivated, this, [this](const QString& link) {
        // The link is how many steps up from the zoomed node.
        int item = m_graph->zoomItem();
        for (int up = link.toInt(); up > 0 && item > 0; --up)
            item = m_graph->data().items[static_cast<std::size_t>(item)].parent;
        m_graph->zoomTo(item);
    });
    connect(m_search, &QLineEdit::textChanged, this, &FlameView::search);
    updateBreadcrumbs();
}

void FlameView::setData(FlameGraphData data, const QString& caption)
{
    m_caption->setText(caption);
    m_caption->setVisible(!caption.isEmpty());
    m_graph->setData(std::move(data));
    search(m_search->text());
}

void FlameView::setSearchAndHintShown(bool shown)
{
    m_search->setVisible(shown);
    m_hint->setVisible(shown);
}

void FlameView::updateBreadcrumbs()
{
    const QStringList names = m_graph->breadcrumbs();
    QStringList parts;
    for (qsizetype i = 0; i < names.size(); ++i) {
        const qsizetype up = names.size() - 1 - i;
        parts << (up == 0 ? QStringLiteral("<b>%1</b>").arg(names[i].toHtmlEscaped())
                          : QStringLiteral("<a href=\"%1\">%2</a>").arg(up).arg(names[i].toHtmlEscaped()));
    }
    m_breadcrumbs->setText(parts.join(QStringLiteral(" › ")));
    m_breadcrumbs->setVisible(names.size() > 1); // only once zoomed
}

void FlameView::search(const QString& text)
{
    const double share = m_graph->setSearch(text);
    m_share->setVisible(!text.trimmed().isEmpty());
    m_share->setText(tr("matches: %1 of the whole").arg(formatPercent(share)));
}

} // namespace te
