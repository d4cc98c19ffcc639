// ElidingComboBox: a long group name is elided in the middle when the box is
// narrow, shown whole when it is wide, always whole in the tooltip and the popup.
#include "ui/widgets/elidingcombobox.h"

#include <QAbstractItemView>
#include <QApplication>
#include <QHelpEvent>
#include <QTest>

using namespace te;

namespace {

const QString kLong = QStringLiteral("anthropic_claude_3_5_sonnet_20241022 · p1m1m2c");
const QString kShort = QStringLiteral("gpt4o");

} // namespace

class TestElidingComboBox : public QObject
{
    Q_OBJECT

private slots:
    void narrowElidesInTheMiddle()
    {
        ElidingComboBox box;
        box.addItems({ kShort, kLong });
        box.setCurrentIndex(1);
        box.setFixedWidth(120);
        box.show();
        QVERIFY(QTest::qWaitForWindowExposed(&box));
        const QString shown = box.displayedText();
        QVERIFY2(shown.contains(QChar(0x2026)), qPrintable(shown));
        QVERIFY2(shown.startsWith(u'a') && shown.endsWith(u'c'), qPrintable(shown)); // the middle went
        QVERIFY(shown.size() < kLong.size());
        QCOMPARE(box.toolTip(), kLong);
        // The layout is not widened to the longest name.
        QVERIFY(box.sizeHint().width() < box.fontMetrics().horizontalAdvance(kLong));
    }

    void wideShowsTheWholeName()
    {
        ElidingComboBox box;
        box.addItems({ kShort, kLong });
        box.setCurrentIndex(1);
        box.setFixedWidth(box.fontMetrics().horizontalAdvance(kLong) + 120);
        box.show();
        QVERIFY(QTest::qWaitForWindowExposed(&box));
        QCOMPARE(box.displayedText(), kLong);
        box.setCurrentIndex(0);
        QCOMPARE(box.displayedText(), kShort);
        QCOMPARE(box.toolTip(), kShort);
    }

    void theTipFollowsItemsChangedSilently()
    {
        ElidingComboBox box;
        {
            const QSignalBlocker blocker(&box); // as a view refilling its choices does
            box.addItems({ kLong, kShort });
        }
        box.show();
        QVERIFY(QTest::qWaitForWindowExposed(&box));
        QHelpEvent help(QEvent::ToolTip, QPoint(5, 5), box.mapToGlobal(QPoint(5, 5)));
        QApplication::sendEvent(&box, &help);
        QCOMPARE(box.toolTip(), kLong);
    }

    void thePopupFitsTheLongestName()
    {
        ElidingComboBox box;
        box.addItems({ kShort, kLong });
        box.setFixedWidth(100);
        box.show();
        QVERIFY(QTest::qWaitForWindowExposed(&box));
        box.showPopup();
        QVERIFY(box.view()->minimumWidth() > box.view()->fontMetrics().horizontalAdvance(kLong));
        box.hidePopup();
    }
};

QTEST_MAIN(TestElidingComboBox)
#include "tst_elidingcombobox.moc"
