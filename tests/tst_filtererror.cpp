// A bad filter expression says why below the filter bar, not only in a tooltip:
// the message shows while the expression does not parse, in a red that keeps its
// contrast in the light and the dark palette, and goes when it is fixed.
#include "testsupport.h"
#include "ui/runs/filterbar.h"
#include "ui/runs/runsview.h"
#include "ui/widgets/appearance.h"
#include "ui/widgets/contrast.h"
#include "windowsupport.h"

#include <QApplication>
#include <QLabel>
#include <QLineEdit>
#include <QStandardPaths>
#include <QTest>

using namespace te;
using namespace te::test;

class TestFilterError : public QObject
{
    Q_OBJECT

    std::unique_ptr<MainWindow> m_window;

    QLineEdit* expressions() const
    {
        for (QLineEdit* edit : m_window->runsView()->filterBar()->findChildren<QLineEdit*>()) {
            if (edit->accessibleName() == u"Filter expressions"_qs)
                return edit;
        }
        return nullptr;
    }

    QLabel* message() const
    {
        return m_window->runsView()->filterBar()->findChild<QLabel*>(u"filterError"_qs);
    }

private slots:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void init()
    {
        m_window = shownWindow(u"TimingExplorerFilterError"_qs, QSize(1280, 800));
        QVERIFY(m_window);
        QVERIFY(openFixtures(*m_window, { u"paired_10x2.jsonl"_qs }));
    }

    void cleanup()
    {
        m_window.reset();
        applyAppearance(Appearance::Light);
    }

    void theReasonShowsBelowTheBar()
    {
        QVERIFY(expressions() && message());
        QVERIFY(!message()->isVisible());
        QTest::keyClicks(expressions(), u"total>>3"_qs);
        QVERIFY(message()->isVisible());
        QVERIFY2(message()->text().contains(expressions()->toolTip()), qPrintable(message()->text()));
        QVERIFY(!expressions()->toolTip().isEmpty());
        // Below the bar's controls, and inside the window.
        const QPoint at = message()->mapTo(m_window->runsView()->filterBar(), QPoint(0, 0));
        QVERIFY(at.y() >= expressions()->mapTo(m_window->runsView()->filterBar(), QPoint(0, 0)).y()
                + expressions()->height());
        // Fixed: the message goes, the runs are filtered.
        expressions()->clear();
        QTest::keyClicks(expressions(), u"total>20"_qs);
        QVERIFY(!message()->isVisible());
        QVERIFY(m_window->runsView()->visibleRunCount() < 20);
    }

    void theMessageReadsInBothPalettes_data()
    {
        QTest::addColumn<int>("appearance");
        QTest::addRow("light") << int(Appearance::Light);
        QTest::addRow("dark") << int(Appearance::Dark);
    }

    void theMessageReadsInBothPalettes()
    {
        QFETCH(int, appearance);
        QTest::keyClicks(expressions(), u"nonsense"_qs);
        QVERIFY(message()->isVisible());
        applyAppearance(static_cast<Appearance>(appearance)); // after the message: it follows
        QTRY_COMPARE(
            message()->palette().color(QPalette::WindowText), errorTextColor(QApplication::palette()));
        const QPalette palette = message()->palette();
        const double ratio
            = contrastRatio(palette.color(QPalette::WindowText), palette.color(QPalette::Window));
        QVERIFY2(ratio >= 4.5, qPrintable(QString::number(ratio)));
        QCOMPARE(palette.color(QPalette::WindowText), errorTextColor(QApplication::palette()));
    }
};

QTEST_MAIN(TestFilterError)
#include "tst_filtererror.moc"
