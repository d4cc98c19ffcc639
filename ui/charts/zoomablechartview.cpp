#include "ui/charts/zoomablechartview.h"

#include <QKeyEvent>
#include <QMouseEvent>
#include <QRubberBand>
#include <QToolButton>
#include <QValueAxis>
#include <QWheelEvent>
#include <algorithm>
#include <cmath>

namespace te {

namespace {

// A drag shorter than this is a click.
constexpr int kBandThreshold = 6;
// One wheel notch (120 eighths of a degree) shows this share of the range.
constexpr double kWheelZoom = 0.8;
// An arrow key pans by this share of what is in view.
constexpr double kKeyPan = 0.1;
// Zooming in stops at this share of the full range.
constexpr double kMinimumShare = 1e-6;

} // namespace

ZoomableChartView::ZoomableChartView(QWidget* parent)
    : QChartView(parent)
    , m_band(new QRubberBand(QRubberBand::Rectangle, this))
    , m_reset(new QToolButton(this))
{
    setFocusPolicy(Qt::StrongFocus);
    m_reset->setText(tr("Reset zoom"));
    m_reset->setToolTip(tr("Show the whole range again (Home, or double-click the chart)"));
    m_reset->setObjectName(QStringLiteral("resetZoom"));
    m_reset->hide();
    connect(m_reset, &QToolButton::clicked, this, &ZoomableChartView::resetZoom);
    connect(this, &ZoomableChartView::zoomChanged, m_reset, &QWidget::setVisible);
}

ZoomableChartView::~ZoomableChartView() = default;

void ZoomableChartView::setZoomEnabled(bool enabled)
{
    m_enabled = enabled;
    setToolTip(enabled ? tr("Drag or turn the wheel to zoom; drag with the middle button or press the "
                            "arrow keys to pan; double-click or press Home to reset")
                       : QString());
    m_reset->setVisible(enabled && isZoomed());
}

QValueAxis* ZoomableChartView::xAxis() const
{
    if (!chart())
        return nullptr;
    const auto axes = chart()->axes(Qt::Horizontal);
    return axes.isEmpty() ? nullptr : qobject_cast<QValueAxis*>(axes.front());
}

std::pair<double, double> ZoomableChartView::home()
{
    QValueAxis* axis = xAxis();
    if (axis && m_homeChart != chart()) {
        m_homeChart = chart();
        m_home = { axis->min(), axis->max() };
    }
    return m_home;
}

bool ZoomableChartView::isZoomed() const
{
    const QValueAxis* axis = xAxis();
    return axis && m_homeChart == chart() && (axis->min() != m_home.first || axis->max() != m_home.second);
}

void ZoomableChartView::zoomX(double lo, double hi)
{
    QValueAxis* axis = xAxis();
    if (!axis || !(hi > lo))
        return;
    const auto [first, last] = home();
    const double full = last - first;
    const double width = std::clamp(hi - lo, full * kMinimumShare, full);
    const double start = std::clamp(lo, first, last - width);
    axis->setRange(start, start + width);
    emit zoomChanged(isZoomed());
}

void ZoomableChartView::resetZoom()
{
    if (!xAxis())
        return;
    const auto [first, last] = home();
    zoomX(first, last);
}

double ZoomableChartView::valueAtPixel(double px) const
{
    const QValueAxis* axis = xAxis();
    const QRectF plot = chart()->plotArea();
    const double share = plot.width() > 0 ? (px - plot.left()) / plot.width() : 0.5;
    return axis->min() + share * (axis->max() - axis->min());
}

void ZoomableChartView::panBy(double fraction)
{
    const QValueAxis* axis = xAxis();
    const double shift = (axis->max() - axis->min()) * fraction;
    zoomX(axis->min() + shift, axis->max() + shift);
}

void ZoomableChartView::mousePressEvent(QMouseEvent* event)
{
    const bool inPlot = m_enabled && xAxis() && chart()->plotArea().contains(event->position());
    if (inPlot && event->button() == Qt::MiddleButton) {
        m_panning = true;
        m_lastPan = event->position().toPoint();
        event->accept();
        return;
    }
    if (inPlot && event->button() == Qt::LeftButton) {
        m_pressed = true;
        m_origin = event->position().toPoint();
    }
    QChartView::mousePressEvent(event); // a click on a mark still reaches it
}

void ZoomableChartView::mouseMoveEvent(QMouseEvent* event)
{
    const QPoint at = event->position().toPoint();
    if (m_panning && xAxis()) {
        const double width = chart()->plotArea().width();
        if (width > 0)
            panBy(-(at.x() - m_lastPan.x()) / width);
        m_lastPan = at;
        event->accept();
        return;
    }
    if (m_pressed && (m_band->isVisible() || std::abs(at.x() - m_origin.x()) >= kBandThreshold)) {
        const QRectF plot = chart()->plotArea();
        const int left = std::max(std::min(at.x(), m_origin.x()), static_cast<int>(plot.left()));
        const int right = std::min(std::max(at.x(), m_origin.x()), static_cast<int>(plot.right()));
        m_band->setGeometry(QRect(
            QPoint(left, static_cast<int>(plot.top())), QPoint(right, static_cast<int>(plot.bottom()))));
        m_band->show();
    }
    QChartView::mouseMoveEvent(event);
}

void ZoomableChartView::mouseReleaseEvent(QMouseEvent* event)
{
    if (m_panning && event->button() == Qt::MiddleButton) {
        m_panning = false;
        event->accept();
        return;
    }
    if (m_pressed && event->button() == Qt::LeftButton) {
        m_pressed = false;
        if (m_band->isVisible()) {
            m_band->hide();
            const QRect band = m_band->geometry();
            if (band.width() >= kBandThreshold && xAxis())
                zoomX(valueAtPixel(band.left()), valueAtPixel(band.right()));
        }
    }
    QChartView::mouseReleaseEvent(event);
}

void ZoomableChartView::mouseDoubleClickEvent(QMouseEvent* event)
{
    if (m_enabled && event->button() == Qt::LeftButton && isZoomed()) {
        resetZoom();
        event->accept();
        return;
    }
    QChartView::mouseDoubleClickEvent(event);
}

void ZoomableChartView::wheelEvent(QWheelEvent* event)
{
    QValueAxis* axis = xAxis();
    if (!m_enabled || !axis || event->angleDelta().y() == 0) {
        QChartView::wheelEvent(event);
        return;
    }
    // The value under the cursor stays where it is.
    const double pivot = valueAtPixel(event->position().x());
    const double factor = std::pow(kWheelZoom, event->angleDelta().y() / 120.0);
    zoomX(pivot - (pivot - axis->min()) * factor, pivot + (axis->max() - pivot) * factor);
    event->accept();
}

void ZoomableChartView::keyPressEvent(QKeyEvent* event)
{
    if (m_enabled && xAxis()) {
        switch (event->key()) {
        case Qt::Key_Left:
            panBy(-kKeyPan);
            return;
        case Qt::Key_Right:
            panBy(kKeyPan);
            return;
        case Qt::Key_Home:
            resetZoom();
            return;
        default:
            break;
        }
    }
    QChartView::keyPressEvent(event);
}

void ZoomableChartView::resizeEvent(QResizeEvent* event)
{
    QChartView::resizeEvent(event);
    placeResetButton();
}

void ZoomableChartView::placeResetButton()
{
    m_reset->adjustSize();
    m_reset->move(width() - m_reset->width() - 8, 8);
}

} // namespace te
