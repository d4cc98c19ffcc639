// The trend chart in the charts view, driven offscreen: the X choice switches
// between time, run order and a field; the axis reads core's ticks; the day
// between two clusters of runs is marked; the wheel, a rubber band, the arrow
// keys and Home zoom, pan and reset; and a click on a point chooses its run.
#include "chartsviewsupport.h"
#include "data/datasetlookups.h"
#include "testsupport.h"
#include "ui/charts/chartsview.h"
#include "ui/charts/zoomablechartview.h"

#include <QApplication>
#include <QCategoryAxis>
#include <QDateTime>
#include <QGraphicsSimpleTextItem>
#include <QScatterSeries>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTimeZone>
#include <QToolButton>
#include <QWheelEvent>

using namespace te;
using namespace te::test;

namespace {

QCategoryAxis* xAxisOf(const ChartsView& view)
{
    return qobject_cast<QCategoryAxis*>(view.chartView()->chart()->axes(Qt::Horizontal).value(0));
}

// The x axis's labels as drawn, without the marks that keep equal ones apart.
QStringList drawnLabels(const ChartsView& view)
{
    QStringList labels = xAxisOf(view)->categoriesLabels();
    for (QString& label : labels)
        label.remove(QChar(0x200B));
    return labels;
}

QStringList labelsOf(const std::vector<AxisTick>& ticks)
{
    QStringList labels;
    for (const AxisTick& tick : ticks)
        labels << tick.label;
    return labels;
}

// The viewport position of x (in axis values) at the middle of the plot's height.
QPoint pixelAt(const ChartsView& view, double x)
{
    QChart* chart = view.chartView()->chart();
    const QRectF plot = chart->plotArea();
    const QValueAxis* axis = xAxisOf(view);
    const double px = plot.left() + (x - axis->min()) / (axis->max() - axis->min()) * plot.width();
    return view.chartView()->mapFromScene(chart->mapToScene(QPointF(px, plot.center().y())));
}

void sendMouse(QWidget* to, QEvent::Type type, QPoint at, Qt::MouseButton button, Qt::MouseButtons held)
{
    QMouseEvent event(type, at, to->mapToGlobal(at), button, held, Qt::NoModifier);
    QApplication::sendEvent(to, &event);
}

} // namespace

class TestTrendView : public QObject
{
    Q_OBJECT

    std::shared_ptr<const TimingDataset> m_data;

    // A shown charts view of the two-day fixture on the trend chart.
    void openTrend(ChartsView& view)
    {
        showWithRuns(view, m_data);
        choose(view, "Chart kind", u"Trend over time"_qs);
        QCOMPARE(view.chartData().request.kind, ChartRequest::Kind::Trend);
    }

private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QCoreApplication::setOrganizationName(u"TimingExplorerTests"_qs);
        QSettings().clear();
        m_data = std::make_shared<const TimingDataset>(loadFixtures({ u"trend_two_days.jsonl"_qs }).dataset);
    }

    void init() { QSettings().clear(); }

    void xChoiceSwitchesTheAxisAndIsRemembered()
    {
        {
            ChartsView view;
            openTrend(view);
            QCOMPARE(view.chartData().trendAxis.mode, TrendAxis::Mode::Time);
            QCOMPARE(drawnLabels(view), labelsOf(view.chartData().trendAxis.ticks));

            choose(view, "Trend x axis", u"Run order"_qs);
            QCOMPARE(view.chartData().trendAxis.mode, TrendAxis::Mode::Order);
            QCOMPARE(drawnLabels(view), (QStringList { u"5"_qs, u"10"_qs, u"15"_qs, u"20"_qs }));

            choose(view, "Trend x axis", u"git_commit"_qs);
            QCOMPARE(view.chartData().trendAxis.mode, TrendAxis::Mode::Field);
            QCOMPARE(drawnLabels(view),
                (QStringList { u"c857d44"_qs, u"a1b2c3d"_qs, u"9f8e7d6"_qs, u"4e5f6a7"_qs }));
        }
        ChartsView again; // the next start keeps the choice, on a file that has the field
        openTrend(again);
        QCOMPARE(again.chartData().trendAxis.mode, TrendAxis::Mode::Field);
        QCOMPARE(again.chartData().trendAxis.field, u"git_commit"_qs);
    }

    void theDayBetweenIsMarked()
    {
        ChartsView view;
        openTrend(view);
        QCOMPARE(view.chartData().trendAxis.gaps.size(), 1u);
        int marks = 0;
        for (QAbstractSeries* series : view.chartView()->chart()->series())
            marks += series->property("gap").isValid() ? 1 : 0;
        QCOMPARE(marks, 1);
        QStringList texts;
        for (QGraphicsItem* item : view.chartView()->chart()->childItems()) {
            if (auto* text = dynamic_cast<QGraphicsSimpleTextItem*>(item); text && text->isVisible())
                texts << text->text();
        }
        QVERIFY2(texts.contains(u"⋯ 23 h 33 min"_qs), qPrintable(texts.join(u'|')));
    }

    void wheelBandKeysZoomPanAndReset()
    {
        ChartsView view;
        openTrend(view);
        ZoomableChartView* zoom = view.zoomableView();
        QWidget* viewport = zoom->viewport();
        QCategoryAxis* axis = xAxisOf(view);
        const double lo = axis->min();
        const double hi = axis->max();
        QVERIFY(!zoom->isZoomed());
        QVERIFY(!zoom->resetButton()->isVisible());

        // One notch in around the middle: a narrower range around it, relabelled.
        const double middle = (lo + hi) / 2;
        const QPoint at = pixelAt(view, middle);
        QWheelEvent wheel(at, viewport->mapToGlobal(at), {}, { 0, 120 }, Qt::NoButton, Qt::NoModifier,
            Qt::NoScrollPhase, false);
        QApplication::sendEvent(viewport, &wheel);
        QVERIFY(zoom->isZoomed());
        QVERIFY(axis->max() - axis->min() < 0.9 * (hi - lo));
        QVERIFY(axis->min() > lo && axis->max() < hi);
        QVERIFY(zoom->resetButton()->isVisible());
        QCOMPARE(
            drawnLabels(view), labelsOf(trendTicks(view.chartData().trendAxis, axis->min(), axis->max())));

        QTest::keyClick(zoom, Qt::Key_Home);
        QCOMPARE(axis->min(), lo);
        QCOMPARE(axis->max(), hi);
        QCOMPARE(drawnLabels(view), labelsOf(view.chartData().trendAxis.ticks));

        // A rubber band over the first cluster's first quarter shows just that.
        const double from = lo + (hi - lo) * 0.1;
        const double to = lo + (hi - lo) * 0.3;
        sendMouse(viewport, QEvent::MouseButtonPress, pixelAt(view, from), Qt::LeftButton, Qt::LeftButton);
        sendMouse(viewport, QEvent::MouseMove, pixelAt(view, to), Qt::NoButton, Qt::LeftButton);
        sendMouse(viewport, QEvent::MouseButtonRelease, pixelAt(view, to), Qt::LeftButton, Qt::NoButton);
        const double pixel = (hi - lo) / view.chartView()->chart()->plotArea().width();
        QVERIFY(std::abs(axis->min() - from) < 2 * pixel);
        QVERIFY(std::abs(axis->max() - to) < 2 * pixel);

        // The arrow keys pan by a tenth of the view.
        const double width = axis->max() - axis->min();
        const double before = axis->min();
        QTest::keyClick(zoom, Qt::Key_Right);
        QCOMPARE(axis->min(), before + width * 0.1);

        zoom->resetButton()->click();
        QCOMPARE(axis->min(), lo);
        QCOMPARE(axis->max(), hi);
        QVERIFY(!zoom->resetButton()->isVisible());
    }

    // 3,000 runs a minute apart draw 800 points; a tenth of them in view draws
    // every one of those 300, not the 80 of the 800 that fall there.
    void zoomDrawsEveryRunInView()
    {
        QByteArray text;
        const QByteArray line = test::readAll(QFINDTESTDATA("data/trend_two_days.jsonl")).split('\n').front();
        for (int i = 0; i < 3000; ++i) {
            const QString at
                = QDateTime::fromMSecsSinceEpoch(1'741'082'400'000LL + i * 60'000LL, QTimeZone::utc())
                      .toString(Qt::ISODate);
            QByteArray record = line;
            record.replace("2025-03-04T10:00:00Z", at.toUtf8());
            record.replace("SPUS50000", QByteArray::number(i));
            const QByteArray total = "\"total_seconds\": " + QByteArray::number(10 + i % 7);
            record.replace("\"total_seconds\": 18.6", total);
            text += record + '\n';
        }
        QTemporaryDir dir;
        QVERIFY(test::writeFile(dir.filePath(u"big.jsonl"_qs), text));
        ChartsView view;
        view.resize(1100, 750);
        view.show();
        QSignalSpy updated(&view, &ChartsView::chartUpdated);
        LoadOptions options;
        options.files << dir.filePath(u"big.jsonl"_qs);
        const auto big = std::make_shared<const TimingDataset>(loadTimingFiles(options).dataset);
        QCOMPARE(big->runCount(), 3000u);
        view.setRuns(big, allRuns(*big));
        QVERIFY(updated.wait(10000));
        choose(view, "Chart kind", u"Trend over time"_qs);
        QScatterSeries* points = seriesOf<QScatterSeries>(view).front();
        QCOMPARE(points->count(), 800);

        const TrendAxis& axis = view.chartData().trendAxis;
        const double from = 1000.0 * 60'000;
        const double to = 1299.5 * 60'000;
        QSignalSpy redrawn(points, &QXYSeries::pointsReplaced);
        view.zoomableView()->zoomX(from, to);
        QVERIFY(redrawn.wait(5000));
        QCOMPARE(points->count(), 300);
        for (const QPointF& p : points->points())
            QVERIFY(p.x() >= from && p.x() <= to);
        QCOMPARE(axis.missing, 0u);
    }

    void clickOnAPointChoosesItsRun()
    {
        ChartsView view;
        openTrend(view);
        QScatterSeries* points = nullptr;
        for (auto* s : seriesOf<QScatterSeries>(view)) {
            if (s->property("group").toInt() == 1)
                points = s;
        }
        QVERIFY(points);
        const TrendPoint& p = view.chartData().groups[1].trend[3];
        QCOMPARE(points->at(3).x(), p.x);
        QChart* chart = view.chartView()->chart();
        const QPoint at
            = view.chartView()->mapFromScene(chart->mapToScene(chart->mapToPosition(points->at(3), points)));
        QSignalSpy chosen(&view, &ChartsView::runChosen);
        QTest::mouseClick(view.chartView()->viewport(), Qt::LeftButton, {}, at);
        QCOMPARE(chosen.size(), 1);
        QCOMPARE(chosen.front().front().value<std::uint32_t>(), p.run);
    }
};

QTEST_MAIN(TestTrendView)
#include "tst_trendview.moc"
