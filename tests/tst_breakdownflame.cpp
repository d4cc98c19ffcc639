// The breakdown's Flame view in the real window: a clicked run shows its own flame
// graph, with its group's medians in the tooltips; Ctrl+click on a second run shows
// the second against the first; "Runs where this node is slowest" drills the runs
// view down to the runs with that node, slowest by it first.
#include "data/timingdataset.h"
#include "models/runtablemodel.h"
#include "ui/flame/flamegraphwidget.h"
#include "ui/flame/flameview.h"
#include "ui/runs/breakdownview.h"
#include "ui/runs/runsview.h"
#include "windowsupport.h"
#include "workspace/loadeddata.h"

#include <QSignalSpy>
#include <QStandardPaths>
#include <QTableView>
#include <QTest>
#include <QToolButton>

using namespace te;
using namespace te::test;

class TestBreakdownFlame : public QObject
{
    Q_OBJECT

    std::unique_ptr<MainWindow> m_window;

    void clickRow(int row, Qt::KeyboardModifiers modifiers = {}) { clickRunRow(*m_window, row, modifiers); }
    std::uint32_t runOfRow(int row) const { return runOfRunRow(*m_window, row); }
    const TimingDataset& data() const { return *m_window->currentData()->dataset; }
    FlameGraphWidget* graph() const { return m_window->breakdownView()->flame()->graph(); }

private slots:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void init()
    {
        m_window = shownWindow(u"TimingExplorerBreakdownFlame"_qs, QSize(1280, 800));
        QVERIFY(m_window);
        QVERIFY(openFixtures(*m_window, { u"paired_10x2.jsonl"_qs }));
    }

    void cleanup() { m_window.reset(); }

    void aClickedRunShowsItsFlame()
    {
        BreakdownView* breakdown = m_window->breakdownView();
        QVERIFY(!breakdown->isFlameShown()); // the tree first
        QTest::mouseClick(breakdown->findChild<QToolButton*>(u"breakdownFlameButton"_qs), Qt::LeftButton);
        QVERIFY(breakdown->isFlameShown());
        QVERIFY(breakdown->flame()->isVisible());
        clickRow(2);
        const std::uint32_t run = runOfRow(2);
        const FlameGraphData& flame = graph()->data();
        QVERIFY(!flame.isDifference);
        QCOMPARE(flame.items.front().seconds, data().value(run, TimingDataset::kRootMetric));
        // Its tooltip puts the run beside the median of its model.
        const QString model = data().fieldValue(run, TimingDataset::Model);
        QVERIFY(!graph()->boxes().empty());
        const QString tip = graph()->tipFor(graph()->boxes().front());
        QVERIFY2(tip.contains(u"median of "_qs + model), qPrintable(tip));

        // The choice is remembered by the next window.
        m_window.reset();
        m_window = std::make_unique<MainWindow>();
        QVERIFY(m_window->breakdownView()->isFlameShown());
    }

    void aSecondRunShowsTheDifference()
    {
        m_window->breakdownView()->setFlameShown(true);
        clickRow(1);
        clickRow(4, Qt::ControlModifier);
        const FlameGraphData& flame = graph()->data();
        QVERIFY(flame.isDifference);
        const std::uint32_t a = runOfRow(1);
        const std::uint32_t b = runOfRow(4);
        QVERIFY2(flame.labelA.startsWith(data().fieldValue(a, TimingDataset::RegistrationId)),
            qPrintable(flame.labelA));
        QCOMPARE(flame.items.front().secondsA, data().value(a, TimingDataset::kRootMetric));
        QCOMPARE(flame.items.front().seconds, data().value(b, TimingDataset::kRootMetric));
    }

    void slowestRunsOfANode()
    {
        clickRow(0);
        QSignalSpy asked(m_window->breakdownView(), &BreakdownView::slowestRunsRequested);
        emit m_window->breakdownView()->flame()->slowestRunsRequested(u"phase2"_qs);
        QCOMPARE(asked.count(), 1);
        const RunTableModel* model = m_window->runsView()->model();
        QCOMPARE(model->rowCount(), 20); // every run has phase2
        const int phase2 = data().metricId(u"phase2"_qs);
        double slowest = 0;
        for (std::uint32_t run = 0; run < data().runCount(); ++run)
            slowest = std::max(slowest, data().value(run, phase2));
        QCOMPARE(data().value(model->runAt(0), phase2), slowest);
    }
};

QTEST_MAIN(TestBreakdownFlame)
#include "tst_breakdownflame.moc"
