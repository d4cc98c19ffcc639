// The window fits a small screen and uses a large one: its minimum size is at most
// 1000×680 with every control inside it, and on a 1920-pixel window the tables'
// columns reach the right edge (no empty band beside the last column).
#include "testsupport.h"
#include "ui/charts/chartsview.h"
#include "ui/runs/breakdownview.h"
#include "ui/runs/problemsdock.h"
#include "ui/runs/runsview.h"
#include "windowsupport.h"

#include <QAbstractButton>
#include <QComboBox>
#include <QHeaderView>
#include <QLineEdit>
#include <QStandardPaths>
#include <QTabWidget>
#include <QTableView>
#include <QTest>
#include <QTreeView>

using namespace te;
using namespace te::test;

namespace {

// The controls the user must reach, each wholly inside the window and not
// squeezed below what it needs to show its text.
void verifyControlsFit(QWidget* window)
{
    const QRect bounds = window->rect();
    QList<QWidget*> controls;
    for (QWidget* w : window->findChildren<QWidget*>()) {
        if (w->isVisible() && w->window() == window
            && (qobject_cast<QAbstractButton*>(w) || qobject_cast<QComboBox*>(w)
                || qobject_cast<QLineEdit*>(w)))
            controls << w;
    }
    QVERIFY(controls.size() > 10);
    for (QWidget* w : controls) {
        const QRect r(w->mapTo(window, QPoint(0, 0)), w->size());
        QVERIFY2(bounds.contains(r),
            qPrintable(QString::fromLatin1(w->metaObject()->className()) + u' ' + w->accessibleName()));
        // Clipped by a parent that is too small for it (a row cut off at the edge)?
        QWidget* parent = w->parentWidget();
        const QRect inParent(w->mapTo(parent, QPoint(0, 0)), w->size());
        QVERIFY2(parent->rect().contains(inParent), qPrintable(w->accessibleName()));
    }
}

// The columns of `header` end within a few pixels of its viewport's right edge.
void verifyColumnsFill(QHeaderView* header, const char* what)
{
    const int width = header->viewport()->width();
    QVERIFY2(header->length() >= width - 2,
        qPrintable(QStringLiteral("%1: columns end at %2 of %3")
                       .arg(QLatin1String(what))
                       .arg(header->length())
                       .arg(width)));
}

} // namespace

class TestWindowFit : public QObject
{
    Q_OBJECT

    std::unique_ptr<MainWindow> m_window;

private slots:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void init()
    {
        m_window = shownWindow(u"TimingExplorerWindowFit"_qs, QSize(1280, 800));
        QVERIFY(m_window);
        QVERIFY(openFixtures(*m_window, { u"paired_10x2.jsonl"_qs }));
    }

    void cleanup() { m_window.reset(); }

    void minimumIsAtMost1000By680_data()
    {
        QTest::addColumn<int>("tab");
        QTest::addColumn<bool>("problems");
        QTest::addRow("runs") << 0 << false;
        QTest::addRow("charts") << 1 << false;
        QTest::addRow("runs with the Problems dock") << 0 << true;
    }

    void minimumIsAtMost1000By680()
    {
        QFETCH(int, tab);
        QFETCH(bool, problems);
        m_window->problemsDock()->setVisible(problems);
        m_window->tabs()->setCurrentIndex(tab);
        if (tab == 1)
            QVERIFY(QSignalSpy(m_window->chartsView(), &ChartsView::chartUpdated).wait(10000));
        // With the Problems dock open, its six rows need more: it still fits 1280×800.
        const QSize fits = problems ? QSize(1280, 800) : QSize(1000, 680);
        const QSize minimum = m_window->minimumSizeHint();
        QVERIFY2(minimum.width() <= fits.width() && minimum.height() <= fits.height(),
            qPrintable(QStringLiteral("%1×%2").arg(minimum.width()).arg(minimum.height())));
        m_window->resize(fits);
        QTRY_COMPARE(m_window->size(), fits);
        QCoreApplication::processEvents(); // the layouts' pending relayout
        verifyControlsFit(m_window.get());
    }

    void columnsStretchOnAWideWindow()
    {
        m_window->resize(1920, 1080);
        QTRY_COMPARE(m_window->size(), QSize(1920, 1080));
        QCoreApplication::processEvents();
        verifyColumnsFill(m_window->runsView()->table()->horizontalHeader(), "runs");
        verifyColumnsFill(m_window->breakdownView()->tree()->header(), "breakdown");
        // Narrow again: the registration column goes back to what it needs, no more.
        const int wide = m_window->runsView()->table()->columnWidth(0);
        m_window->resize(1000, 680);
        QTRY_VERIFY(m_window->runsView()->table()->columnWidth(0) < wide);

        QSignalSpy updated(m_window->chartsView(), &ChartsView::chartUpdated);
        m_window->resize(1920, 1080);
        m_window->tabs()->setCurrentWidget(m_window->chartsView());
        QVERIFY(updated.wait(10000));
        QCoreApplication::processEvents();
        auto* stats = m_window->chartsView()->findChild<QTableView*>(u"groupStats"_qs);
        QVERIFY(stats);
        verifyColumnsFill(stats->horizontalHeader(), "statistics");
        const int wideGroup = stats->columnWidth(0);
        m_window->resize(1000, 680);
        QTRY_VERIFY(stats->columnWidth(0) < wideGroup);
    }
};

QTEST_MAIN(TestWindowFit)
#include "tst_windowfit.moc"
