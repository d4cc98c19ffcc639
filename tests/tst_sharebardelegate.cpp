#include "models/breakdownmodel.h"
#include "ui/runs/sharebardelegate.h"

#include <QImage>
#include <QPainter>
#include <QStandardItemModel>
#include <QStandardPaths>
#include <QTest>

using namespace te;

class TestShareBarDelegate : public QObject
{
    Q_OBJECT

    /// Paints one text-less cell 200×24 on white and returns the pixels.
    static QImage paintCell(const QVariant& share, bool highlight)
    {
        QStandardItemModel model(1, 1);
        model.setData(model.index(0, 0), share, BreakdownModel::ShareRole);
        model.setData(model.index(0, 0), highlight, BreakdownModel::HighlightRole);
        QImage image(200, 24, QImage::Format_ARGB32);
        image.fill(Qt::white);
        QPainter painter(&image);
        QStyleOptionViewItem option;
        option.rect = image.rect();
        option.state = QStyle::State_Enabled;
        ShareBarDelegate delegate;
        delegate.paint(&painter, option, model.index(0, 0));
        painter.end();
        return image;
    }

private slots:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); } // settings stay out of ~/.config

    void barIsProportionalToTheShare()
    {
        const QImage image = paintCell(0.5, false);
        const QRgb white = qRgb(255, 255, 255);
        QVERIFY(image.pixel(20, 12) != white); // inside the bar
        QVERIFY(image.pixel(95, 12) != white);
        QCOMPARE(image.pixel(105, 12), white); // past half the width
        QCOMPARE(image.pixel(20, 1), white); // the bar is thinner than the row
    }

    void noShareNoBar()
    {
        const QImage image = paintCell({}, false);
        QCOMPARE(image.pixel(20, 12), qRgb(255, 255, 255));
    }

    void highlightTintsTheWholeCellWarm()
    {
        const QImage image = paintCell({}, true);
        const QColor tinted = image.pixelColor(150, 1);
        QVERIFY(tinted != QColor(Qt::white));
        QVERIFY(tinted.red() > tinted.blue()); // amber, not the selection blue
        // Translucent: black text on it keeps most of its contrast.
        QVERIFY(tinted.lightness() > 200);
    }
};

QTEST_MAIN(TestShareBarDelegate)
#include "tst_sharebardelegate.moc"
