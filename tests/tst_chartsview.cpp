// The charts view driven offscreen: every chart kind gets the series and values
// the chart data says, a click on a box drills down to exactly its runs, and
// exports write files that read back.
#include "chartsviewsupport.h"
#include "data/datasetlookups.h"
#include "models/groupstatsmodel.h"
#include "testsupport.h"
#include "ui/charts/abpanel.h"
#include "ui/charts/chartsview.h"
#include "ui/runs/runsview.h"
#include "ui/shell/loadcontroller.h"
#include "ui/shell/mainwindow.h"

#include <QAbstractItemModelTester>
#include <QBarSeries>
#include <QBarSet>
#include <QBoxPlotSeries>
#include <QBoxSet>
#include <QChartView>
#include <QComboBox>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QLineSeries>
#include <QSettings>
#include <QSignalSpy>
#include <QStackedBarSeries>
#include <QStandardPaths>
#include <QSvgRenderer>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QToolButton>

using namespace te;
using namespace te::test;

class TestChartsView : public QObject
{
    Q_OBJECT

    std::shared_ptr<const TimingDataset> m_data;

private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true); // settings go to a test location, not ~/.config
        QCoreApplication::setOrganizationName(u"TimingExplorerTests"_qs);
        QSettings().clear();
        m_data = std::make_shared<const TimingDataset>(loadFixtures({ u"stats_groups.jsonl"_qs }).dataset);
    }

    void init() { QSettings().clear(); } // each test's view starts on the box plot, linear

    void everyKindDrawsItsGroups()
    {
        ChartsView view;
        view.resize(1000, 700);
        view.show();
        QAbstractItemModelTester tester(
            view.statsModel(), QAbstractItemModelTester::FailureReportingMode::QtTest);
        QSignalSpy updated(&view, &ChartsView::chartUpdated);
        view.setRuns(m_data, allRuns(*m_data));
        QVERIFY(updated.wait(10000));

        // Box: one box per model, the median drawn is the group's median.
        auto boxes = seriesOf<QBoxPlotSeries>(view);
        QCOMPARE(boxes.size(), 1);
        QCOMPARE(boxes.front()->count(), 2);
        QCOMPARE(boxes.front()->boxSets().at(0)->at(QBoxSet::Median), 17.04); // pandas: fast total median
        QCOMPARE(view.statsModel()->rowCount(), 2);
        QCOMPARE(
            view.statsModel()->index(0, GroupStatsModel::columnOf(Statistic::N)).data().toString(), u"13"_qs);
        QVERIFY(view.statsModel()
                    ->index(0, GroupStatsModel::columnOf(Statistic::P99))
                    .data()
                    .toString()
                    .startsWith(u"≈"_qs));

        choose(view, "Chart kind", u"Bar with 95 % interval"_qs);
        auto bars = seriesOf<QBarSeries>(view);
        QCOMPARE(bars.size(), 1);
        QCOMPARE(bars.front()->barSets().front()->at(0), 17.04);
        // An error bar per group, around the median.
        QCOMPARE(seriesOf<QLineSeries>(view).size(), 2);
        const ChartGroup& fast = view.chartData().groups.front();
        QVERIFY(fast.statistic.low <= 17.04 && 17.04 <= fast.statistic.high);

        choose(view, "Chart kind", u"Phase composition"_qs);
        auto stacks = seriesOf<QStackedBarSeries>(view);
        QCOMPARE(stacks.size(), 1);
        QCOMPARE(stacks.front()->count(), 2); // phase1, phase2
        const double meanTotal = view.chartData().groups.front().summary.mean;
        const double stacked
            = stacks.front()->barSets().at(0)->at(0) + stacks.front()->barSets().at(1)->at(0);
        QVERIFY(std::abs(stacked - meanTotal) < 0.01); // the parts' means add up to the mean total

        choose(view, "Chart kind", u"Histogram"_qs);
        QCOMPARE(seriesOf<QLineSeries>(view).size(), 2); // one outline per model
        std::int64_t counted = 0;
        for (const auto& series : view.chartData().histogram.counts) {
            for (const auto c : series)
                counted += c;
        }
        QCOMPARE(counted, 25);

        choose(view, "Metric", u"phase2"_qs);
        QCOMPARE(view.chartData().request.metric, u"phase2"_qs);
        choose(view, "Group by", u"(all runs)"_qs);
        QCOMPARE(view.chartData().groups.size(), 1u);
    }

    void theLastRequestWinsAndAClearedViewStaysEmpty()
    {
        ChartsView view;
        view.setRuns(m_data, allRuns(*m_data));
        // Changes while the first chart computes: what is shown in the end is the last request.
        for (QComboBox* box : view.findChildren<QComboBox*>()) {
            if (box->accessibleName() == u"Chart kind"_qs)
                box->setCurrentIndex(box->findData(kindName(ChartRequest::Kind::Bar)));
            if (box->accessibleName() == u"Statistic"_qs)
                box->setCurrentIndex(box->findData(statisticName(Statistic::P90)));
        }
        QTRY_VERIFY(view.chartData().request.kind == ChartRequest::Kind::Bar
            && view.chartData().request.statistic == Statistic::P90 && !view.chartData().groups.empty());
        QCOMPARE(view.request().statistic, Statistic::P90);

        // Cleared while a chart computes: no chart then, nor once the computation ends.
        view.setRuns(m_data, allRuns(*m_data));
        view.setRuns({}, {});
        QVERIFY(view.chartData().groups.empty());
        QTest::qWait(300);
        QVERIFY(view.chartData().groups.empty());
    }

    // The A/B panel opens on the two largest groups, never on a group against itself.
    void abOpensOnTheTwoLargestGroups()
    {
        QByteArray lines;
        const auto add = [&lines](const QString& model, double seconds) {
            const QJsonObject record { { u"model"_qs, model }, { u"total_seconds"_qs, seconds } };
            lines += QJsonDocument(record).toJson(QJsonDocument::Compact) + '\n';
        };
        add(u"alpha"_qs, 5);
        for (int i = 0; i < 6; ++i) {
            add(u"beta"_qs, 10 + i);
            add(u"gamma"_qs, 20 + i);
        }
        const auto data
            = std::make_shared<const TimingDataset>(loadTimingBytes(lines, u"three.jsonl"_qs, {}).dataset);
        ChartsView view;
        QSignalSpy compared(view.abPanel(), &AbPanel::compared);
        view.setRuns(data, allRuns(*data));
        QVERIFY(compared.wait(10000));
        QCOMPARE(view.abPanel()->comparison().labelA, u"beta"_qs);
        QCOMPARE(view.abPanel()->comparison().labelB, u"gamma"_qs);
    }

    void comparesTwoGroups()
    {
        ChartsView view;
        QSignalSpy compared(view.abPanel(), &AbPanel::compared);
        view.setRuns(m_data, allRuns(*m_data));
        QVERIFY(compared.wait(10000));
        // B = slow, A = fast by default: numpy medians 28.873 / 17.04; scipy p = 3.17e-05.
        const AbComparison& c = view.abPanel()->comparison();
        QCOMPARE(c.labelA, u"fast"_qs);
        QCOMPARE(c.labelB, u"slow"_qs);
        QCOMPARE(c.ratioOfMedians.estimate, 28.872999999999998 / 17.04);
        const QString summary = view.abPanel()->summaryText();
        QVERIFY2(summary.contains(u"1.69×"_qs) && summary.contains(u"unlikely to be chance"_qs),
            qPrintable(summary));
        QVERIFY(summary.contains(u"12 registrations both ran"_qs));
        // Swapping the groups inverts the ratio.
        for (QComboBox* box : view.abPanel()->findChildren<QComboBox*>()) {
            if (box->accessibleName() == u"Group B"_qs)
                box->setCurrentIndex(0);
            if (box->accessibleName() == u"Group A"_qs)
                box->setCurrentIndex(1);
        }
        QVERIFY(compared.wait(10000));
        QCOMPARE(view.abPanel()->comparison().labelB, u"fast"_qs);
        QVERIFY(view.abPanel()->comparison().ratioOfMedians.estimate < 1.0);
    }

    void exportsReadBack()
    {
        ChartsView view;
        QSignalSpy updated(&view, &ChartsView::chartUpdated);
        view.setRuns(m_data, allRuns(*m_data));
        QVERIFY(updated.wait(10000));
        QTemporaryDir dir;
        QString error;
        QVERIFY2(view.exportTo(dir.filePath(u"chart.png"_qs), QSize(800, 500), &error), qPrintable(error));
        const QImage image(dir.filePath(u"chart.png"_qs));
        QCOMPARE(image.size(), QSize(800, 500));
        QVERIFY(view.exportTo(dir.filePath(u"chart.svg"_qs), QSize(800, 500), &error));
        QSvgRenderer svg(dir.filePath(u"chart.svg"_qs));
        QVERIFY(svg.isValid());
        QVERIFY(!view.exportTo(u"/nonexistent/dir/chart.png"_qs, QSize(800, 500), &error));
        QVERIFY(error.contains(u"/nonexistent/dir/chart.png"_qs));
    }

    void clickingABoxDrillsDownToItsRuns()
    {
        MainWindow window;
        window.resize(1200, 800);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QSignalSpy loaded(window.loader(), &LoadController::loaded);
        window.openFiles({ QFINDTESTDATA("data/stats_groups.jsonl") });
        QVERIFY(loaded.wait(10000));
        QSignalSpy updated(window.chartsView(), &ChartsView::chartUpdated);
        window.tabs()->setCurrentWidget(window.chartsView());
        QVERIFY(updated.wait(10000));

        // Click the "slow" box in the middle of its interquartile range.
        QChartView* chartView = window.chartsView()->chartView();
        auto* boxes = qobject_cast<QBoxPlotSeries*>(chartView->chart()->series().front());
        QVERIFY(boxes);
        const QBoxSet* slow = boxes->boxSets().at(1);
        const QPointF inBox = chartView->chart()->mapToPosition(
            QPointF(1, (slow->at(QBoxSet::LowerQuartile) + slow->at(QBoxSet::UpperQuartile)) / 2), boxes);
        QTest::mouseClick(chartView->viewport(), Qt::LeftButton, {}, chartView->mapFromScene(inBox));

        QCOMPARE(window.tabs()->currentIndex(), 0); // back on the runs, showing exactly those
        QCOMPARE(window.runsView()->findChild<QLabel*>(u"runCount"_qs)->text(), u"Showing 12 of 25 runs"_qs);
        auto* chip = window.runsView()->findChild<QToolButton*>(u"drillDownChip"_qs);
        QVERIFY(chip->isVisible());
        QVERIFY(chip->text().contains(u"slow"_qs));
        for (const std::uint32_t run : window.runsView()->filteredRuns())
            QCOMPARE(window.currentData()->dataset->fieldValue(run, TimingDataset::Model), u"slow"_qs);
        QTest::mouseClick(chip, Qt::LeftButton);
        QCOMPARE(window.runsView()->findChild<QLabel*>(u"runCount"_qs)->text(), u"Showing 25 of 25 runs"_qs);
    }
};

QTEST_MAIN(TestChartsView)
#include "tst_chartsview.moc"
