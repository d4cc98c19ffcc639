// Tab reaches every control of the window and leaves the tables: the filter bar,
// the runs table, "Compare within", the breakdown, and on the Charts tab the chart's
// controls ("Group by") and the statistics table.
#include "testsupport.h"
#include "ui/charts/chartsview.h"
#include "ui/runs/breakdownview.h"
#include "ui/runs/filterbar.h"
#include "ui/runs/runsview.h"
#include "windowsupport.h"

#include <QApplication>
#include <QComboBox>
#include <QLineEdit>
#include <QStandardPaths>
#include <QTabWidget>
#include <QTableView>
#include <QTest>
#include <QTreeView>

using namespace te;
using namespace te::test;

class TestTabFocus : public QObject
{
    Q_OBJECT

    std::unique_ptr<MainWindow> m_window;

    // The widgets Tab visits from `start`, once round (at most `limit` presses).
    static QList<QWidget*> tabChain(QWidget* start, int limit = 80)
    {
        start->setFocus(Qt::TabFocusReason);
        QList<QWidget*> chain { QApplication::focusWidget() };
        for (int i = 0; i < limit; ++i) {
            QTest::keyClick(QApplication::focusWidget(), Qt::Key_Tab);
            QWidget* now = QApplication::focusWidget();
            if (now == chain.front())
                break;
            chain << now;
        }
        return chain;
    }

    template <typename T> T* byAccessibleName(const QString& name) const
    {
        for (T* w : m_window->findChildren<T*>()) {
            if (w->accessibleName() == name)
                return w;
        }
        return nullptr;
    }

private slots:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void init()
    {
        m_window = shownWindow(u"TimingExplorerTabFocus"_qs, QSize(1280, 800));
        QVERIFY(m_window);
        QVERIFY(openFixtures(*m_window, { u"paired_10x2.jsonl"_qs }));
        QApplication::setActiveWindow(m_window.get());
        QCOMPARE(m_window->runsView()->selectedRuns().size(), 1u); // the breakdown shows a run
    }

    void cleanup() { m_window.reset(); }

    void tabLeavesTheRunsTableAtOnce()
    {
        QTableView* table = m_window->runsView()->table();
        table->setFocus(Qt::TabFocusReason);
        QVERIFY(table->hasFocus());
        const QModelIndex before = table->currentIndex();
        QTest::keyClick(table, Qt::Key_Tab);
        QVERIFY(!table->hasFocus());
        QCOMPARE(table->currentIndex(), before); // Tab did not walk the cells
        QTest::keyClick(QApplication::focusWidget(), Qt::Key_Tab, Qt::ShiftModifier);
        QVERIFY(table->hasFocus());
        // Shift is let go: the next window's first selection must not extend a range.
        QTest::keyRelease(table, Qt::Key_Shift);
    }

    void tabReachesTheRunsTabsControls()
    {
        auto* search = byAccessibleName<QLineEdit>(u"Search runs"_qs);
        QVERIFY(search);
        const QList<QWidget*> chain = tabChain(search);
        auto* expressions = byAccessibleName<QLineEdit>(u"Filter expressions"_qs);
        auto* compareWithin = byAccessibleName<QComboBox>(u"Compare each run within"_qs);
        QVERIFY(expressions && compareWithin);
        for (QWidget* expected : std::initializer_list<QWidget*> { expressions, m_window->runsView()->table(),
                 compareWithin, m_window->breakdownView()->tree() })
            QVERIFY2(chain.contains(expected), qPrintable(expected->accessibleName()));
        // In reading order: the filter, then the table, then what is below it.
        QVERIFY(chain.indexOf(expressions) < chain.indexOf(m_window->runsView()->table()));
        QVERIFY(chain.indexOf(m_window->runsView()->table()) < chain.indexOf(compareWithin));
        QVERIFY(chain.indexOf(compareWithin) < chain.indexOf(m_window->breakdownView()->tree()));
    }

    // The runs, problems, statistics and A/B tables: none walks its cells on Tab.
    void noTableKeepsTab()
    {
        const QList<QTableView*> tables = m_window->findChildren<QTableView*>();
        QVERIFY(tables.size() >= 4);
        for (QTableView* table : tables)
            QVERIFY2(!table->tabKeyNavigation(), qPrintable(table->accessibleName()));
    }

    void tabReachesTheChartControls()
    {
        QSignalSpy updated(m_window->chartsView(), &ChartsView::chartUpdated);
        m_window->tabs()->setCurrentWidget(m_window->chartsView());
        QVERIFY(updated.wait(10000));
        auto* kind = byAccessibleName<QComboBox>(u"Chart kind"_qs);
        QVERIFY(kind);
        const QList<QWidget*> chain = tabChain(kind);
        for (const QString& name :
            { u"Group by"_qs, u"Metric"_qs, u"Scale"_qs, u"Statistics per group"_qs }) {
            const bool reached = std::any_of(
                chain.begin(), chain.end(), [&](QWidget* w) { return w && w->accessibleName() == name; });
            QVERIFY2(reached, qPrintable(name));
        }
    }
};

QTEST_MAIN(TestTabFocus)
#include "tst_tabfocus.moc"
