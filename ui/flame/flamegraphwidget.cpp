#include "ui/flame/flamegraphwidget.h"

#include "ui/flame/flamecolors.h"

#include <QApplication>
#include <QClipboard>
#include <QContextMenuEvent>
#include <QHelpEvent>
#include <QMenu>
#include <QMouseEvent>
#include <QPainter>
#include <QToolTip>

namespace te {

namespace {

bool isDarkPalette(const QPalette& palette)
{
    return palette.color(QPalette::Window).lightness() < 128;
}

} // namespace

FlameGraphWidget::FlameGraphWidget(QWidget* parent)
    : QWidget(parent)
{
    setObjectName(QStringLiteral("flameGraph"));
    setAccessibleName(tr("Flame graph"));
    setMouseTracking(true);
    setFocusPolicy(Qt::StrongFocus);
    setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Preferred);
}

void FlameGraphWidget::setData(FlameGraphData data)
{
    m_data = std::move(data);
    m_zoom = 0;
    setSearch(m_search);
    relayout();
    updateGeometry();
    emit zoomChanged();
}

void FlameGraphWidget::setReference(QHash<QString, double> secondsByPath, QString label)
{
    m_reference = std::move(secondsByPath);
    m_referenceLabel = std::move(label);
}

void FlameGraphWidget::setFullWidthSeconds(double seconds)
{
    m_fullWidthSeconds = seconds;
    relayout();
}

void FlameGraphWidget::zoomTo(int item)
{
    if (item < 0 || item >= static_cast<int>(m_data.items.size()))
        item = 0;
    if (item == m_zoom)
        return;
    m_zoom = item;
    relayout();
    emit zoomChanged();
}

QStringList FlameGraphWidget::breadcrumbs() const
{
    QStringList names;
    for (int item = m_data.isEmpty() ? -1 : m_zoom; item >= 0;
         item = m_data.items[static_cast<std::size_t>(item)].parent)
        names.prepend(m_data.items[static_cast<std::size_t>(item)].name);
    return names;
}

double FlameGraphWidget::setSearch(const QString& text)
{
    m_search = text.trimmed();
    m_matches.assign(m_data.items.size(), false);
    m_searchShare = 0;
    if (!m_search.isEmpty()) {
        double matched = 0;
        for (std::size_t i = 0; i < m_data.items.size(); ++i) {
            const auto& item = m_data.items[i];
            m_matches[i] = item.name.contains(m_search, Qt::CaseInsensitive);
            bool insideMatch = false;
            for (int up = item.parent; up >= 0 && !insideMatch;
                 up = m_data.items[static_cast<std::size_t>(up)].parent)
                insideMatch = m_matches[static_cast<std::size_t>(up)]; // parents come first
            if (m_matches[i] && !insideMatch)
                matched += item.seconds;
        }
        m_searchShare = m_data.rootSeconds() > 0 ? matched / m_data.rootSeconds() : 0;
    }
    update();
    return m_searchShare;
}

bool FlameGraphWidget::isMatch(int item) const
{
    return item >= 0 && static_cast<std::size_t>(item) < m_matches.size()
        && m_matches[static_cast<std::size_t>(item)];
}

int FlameGraphWidget::rowHeight() const
{
    return fontMetrics().height() + 8;
}

QSize FlameGraphWidget::sizeHint() const
{
    return { 480, (m_data.maxDepth() + 1) * rowHeight() + 1 };
}

QSize FlameGraphWidget::minimumSizeHint() const
{
    return { 160, (m_data.maxDepth() + 1) * rowHeight() + 1 };
}

void FlameGraphWidget::relayout()
{
    const double root = m_data.rootSeconds();
    const bool shared = m_zoom == 0 && m_fullWidthSeconds > root && root > 0;
    m_boxes
        = layoutFlame(m_data, m_zoom, shared ? width() * root / m_fullWidthSeconds : width(), rowHeight());
    update();
}

const FlameBox* FlameGraphWidget::boxAt(const QPointF& position) const
{
    for (const FlameBox& box : m_boxes) {
        if (box.rect.contains(position))
            return &box;
    }
    return nullptr;
}

QColor FlameGraphWidget::fillOf(const FlameBox& box, bool dark) const
{
    if (box.item < 0)
        return flameMutedColor(dark);
    const auto& item = m_data.items[static_cast<std::size_t>(box.item)];
    QColor fill = m_data.isDifference ? flameDifferenceColor(item.change, item.intensity, dark)
        : item.unaccounted            ? flameMutedColor(dark)
                                      : flameNodeColor(item.name, dark);
    if (!m_search.isEmpty() && !isMatch(box.item)) // what the search does not match fades back
        fill = QColor::fromHslF(fill.hslHueF(), fill.hslSaturationF() * 0.15f, dark ? 0.25f : 0.88f);
    return fill;
}

void FlameGraphWidget::paintBox(QPainter& painter, const FlameBox& box, bool dark) const
{
    const QRectF rect = box.rect.adjusted(0, 0, -1, -1); // a 1 px gap shows the background between boxes
    if (rect.width() < 0.5)
        return;
    const QColor fill = fillOf(box, dark);
    painter.fillRect(rect, box.isAncestor ? fill.lighter(dark ? 80 : 110) : fill);
    const bool unaccounted = box.item >= 0 && m_data.items[static_cast<std::size_t>(box.item)].unaccounted;
    if (unaccounted)
        painter.fillRect(
            rect, QBrush(dark ? QColor(0xb0, 0xb0, 0xb0) : QColor(0x80, 0x80, 0x80), Qt::BDiagPattern));
    if (isMatch(box.item)) {
        painter.setPen(QPen(palette().color(QPalette::Highlight), 2));
        painter.drawRect(rect.adjusted(1, 1, -1, -1));
    }
    if (rect.width() < 3 * fontMetrics().averageCharWidth())
        return;
    const QString text
        = box.item < 0 ? QStringLiteral("…") : m_data.items[static_cast<std::size_t>(box.item)].name;
    const QRectF textRect = rect.adjusted(4, 0, -3, 0);
    const QString label = fontMetrics().elidedText(text, Qt::ElideRight, static_cast<int>(textRect.width()));
    if (box.item >= 0 && label == QStringLiteral("…"))
        return; // a lone ellipsis would read as a box of merged nodes
    painter.setPen(flameTextColor(fill));
    painter.drawText(textRect, Qt::AlignVCenter | Qt::AlignLeft, label);
}

void FlameGraphWidget::paintEvent(QPaintEvent* /*event*/)
{
    QPainter painter(this);
    painter.fillRect(rect(), palette().color(QPalette::Base));
    const bool dark = isDarkPalette(palette());
    for (const FlameBox& box : m_boxes)
        paintBox(painter, box, dark);
    if (hasFocus()) {
        painter.setPen(QPen(palette().color(QPalette::Highlight), 1, Qt::DotLine));
        painter.drawRect(rect().adjusted(0, 0, -1, -1));
    }
}

void FlameGraphWidget::resizeEvent(QResizeEvent* event)
{
    QWidget::resizeEvent(event);
    relayout();
}

void FlameGraphWidget::mousePressEvent(QMouseEvent* event)
{
    setFocus(Qt::MouseFocusReason);
    if (event->button() != Qt::LeftButton)
        return;
    const FlameBox* box = boxAt(event->position());
    if (box && box->item >= 0)
        zoomTo(box->item); // an ancestor zooms back out to it
}

void FlameGraphWidget::keyPressEvent(QKeyEvent* event)
{
    if (event->key() == Qt::Key_Escape && m_zoom != 0) {
        resetZoom();
        return;
    }
    QWidget::keyPressEvent(event);
}

void FlameGraphWidget::contextMenuEvent(QContextMenuEvent* event)
{
    QMenu menu(this);
    const FlameBox* box = boxAt(event->pos());
    if (box && box->item > 0 && !m_data.isDifference) {
        const QString path = m_data.items[static_cast<std::size_t>(box->item)].path;
        menu.addAction(
            tr("Runs Where \"%1\" Is Slowest").arg(m_data.items[static_cast<std::size_t>(box->item)].name),
            this, [this, path] { emit slowestRunsRequested(path); });
    }
    menu.addAction(tr("Copy as TSV"), this, [this] { QApplication::clipboard()->setText(toTsv()); });
    if (m_zoom != 0)
        menu.addAction(tr("Reset Zoom"), this, &FlameGraphWidget::resetZoom);
    menu.exec(event->globalPos());
}

bool FlameGraphWidget::event(QEvent* event)
{
    if (event->type() == QEvent::ToolTip) {
        const auto* help = static_cast<QHelpEvent*>(event);
        if (const FlameBox* box = boxAt(help->pos()))
            QToolTip::showText(help->globalPos(), tipFor(*box), this, box->rect.toRect());
        else
            QToolTip::hideText();
        return true;
    }
    return QWidget::event(event);
}

void FlameGraphWidget::changeEvent(QEvent* event)
{
    if (event->type() == QEvent::FontChange) {
        relayout();
        updateGeometry();
    }
    QWidget::changeEvent(event);
}

} // namespace te
