#pragma once

#include <QChartView>
#include <QPointer>
#include <utility>

class QRubberBand;
class QToolButton;
class QValueAxis;

namespace te {

/// A chart view whose horizontal axis zooms and pans, while zoom is enabled:
/// drag a rubber band with the left button (a plain click still reaches the
/// chart's marks), turn the wheel to zoom around the cursor, drag with the middle
/// button or press the arrow keys to pan, and double-click, press Home or the
/// "Reset zoom" button to see the whole range again. It acts on a numeric bottom
/// axis (a QValueAxis, such as a QCategoryAxis), never beyond the range the chart
/// was built with; a new chart starts unzoomed.
class ZoomableChartView final : public QChartView
{
    Q_OBJECT
public:
    explicit ZoomableChartView(QWidget* parent = nullptr);
    ~ZoomableChartView() override;

    void setZoomEnabled(bool enabled);
    bool zoomEnabled() const { return m_enabled; }
    /// Shows [lo, hi] of the x axis, kept within its full range.
    void zoomX(double lo, double hi);
    void resetZoom();
    bool isZoomed() const;
    QToolButton* resetButton() const { return m_reset; }

signals:
    void zoomChanged(bool zoomed);

protected:
    void mousePressEvent(QMouseEvent* event) override;
    void mouseMoveEvent(QMouseEvent* event) override;
    void mouseReleaseEvent(QMouseEvent* event) override;
    void mouseDoubleClickEvent(QMouseEvent* event) override;
    void wheelEvent(QWheelEvent* event) override;
    void keyPressEvent(QKeyEvent* event) override;
    void resizeEvent(QResizeEvent* event) override;

private:
    QValueAxis* xAxis() const;
    /// The full range of the current chart's x axis, taken before its first zoom.
    std::pair<double, double> home();
    /// The x value at the view's horizontal pixel `px`.
    double valueAtPixel(double px) const;
    void panBy(double fraction);
    void placeResetButton();

    bool m_enabled = false;
    QRubberBand* m_band;
    QToolButton* m_reset;
    QPoint m_origin;
    bool m_pressed = false; ///< left button down in the plot: maybe a rubber band
    bool m_panning = false;
    QPoint m_lastPan;
    QPointer<QChart> m_homeChart;
    std::pair<double, double> m_home { 0, 1 };
};

} // namespace te
