// The steps of a trend along git_commit, in core and in the charts view, on
// tests/data/history_12x2.jsonl (model_a 60 % slower from c07, model_b only noise,
// 40 runs a commit): the chart marks the one step where `changes` reports it, its
// label and line carry the figures, a click on the label opens the A/B panel on
// the runs before the step against those after it, and the N-way table compares
// each commit with the previous one.
#include "chartsviewsupport.h"
#include "data/datasetlookups.h"
#include "models/baselinecomparisonmodel.h"
#include "regress/trendsteps.h"
#include "stats/statistic.h"
#include "testsupport.h"
#include "ui/charts/abpanel.h"
#include "ui/charts/chartbuilder.h"
#include "ui/charts/chartsview.h"

#include <QGraphicsSimpleTextItem>
#include <QLineSeries>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTabWidget>
#include <QTableView>

using namespace te;
using namespace te::test;

namespace {

// The median of `runs` on total, numpy-linear, from the dataset itself.
double medianOf(const TimingDataset& data, const std::vector<std::uint32_t>& runs)
{
    return statisticOf(Statistic::Median, metricValues(data, runs, data.metricId(u"total"_qs)));
}

// The step labels over the plot: the chart's text items that take a click.
QList<QGraphicsSimpleTextItem*> stepLabels(const ChartsView& view)
{
    QList<QGraphicsSimpleTextItem*> labels;
    for (QGraphicsItem* item : view.chartView()->chart()->childItems())
        if (auto* text = dynamic_cast<QGraphicsSimpleTextItem*>(item);
            text && text->cursor().shape() == Qt::PointingHandCursor)
            labels << text;
    return labels;
}

} // namespace

class TestTrendSteps : public QObject
{
    Q_OBJECT

    std::shared_ptr<const TimingDataset> m_data;

    // A shown charts view of the history, as a trend along git_commit by model,
    // once its steps are marked.
    void openHistory(ChartsView& view)
    {
        showWithRuns(view, m_data);
        choose(view, "Group by", u"model"_qs);
        choose(view, "Chart kind", u"Trend over time"_qs);
        QSignalSpy found(&view, &ChartsView::stepsFound);
        choose(view, "Trend x axis", u"git_commit"_qs);
        QVERIFY(found.count() > 0 || found.wait(20000));
    }

private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QCoreApplication::setOrganizationName(u"TimingExplorerTests"_qs);
        QSettings().clear();
        m_data = std::make_shared<const TimingDataset>(loadFixtures({ u"history_12x2.jsonl"_qs }).dataset);
    }

    void init() { QSettings().clear(); }

    void coreFindsTheStepWhereChangesDoes()
    {
        ChartRequest request;
        request.kind = ChartRequest::Kind::Trend;
        request.groupBy = QStringList { u"model"_qs };
        request.trendX = u"git_commit"_qs;
        const ChartData chart = computeChartData(*m_data, allRuns(*m_data), request);
        QCOMPARE(chart.trendAxis.categories.size(), 12);
        QCOMPARE(chart.trendAxis.categories.front(), u"c01"_qs);
        const std::vector<TrendStep> steps = findTrendSteps(*m_data, chart);
        QCOMPARE(steps.size(), 1u);
        const TrendStep& step = steps.front();
        QCOMPARE(chart.groups[static_cast<std::size_t>(step.group)].label, u"model_a"_qs);
        QCOMPARE(chart.trendAxis.categories[step.point.at], u"c07"_qs);
        QCOMPARE(step.point.from, 0);
        QCOMPARE(step.point.to, 12);
        const auto [before, after] = runsAroundStep(*m_data, chart, step);
        QCOMPARE(before.size(), 240u);
        QCOMPARE(after.size(), 240u);
        QCOMPARE(step.point.medianBefore, medianOf(*m_data, before));
        QCOMPARE(step.point.medianAfter, medianOf(*m_data, after));
        // No steps on a chart that is no trend along a field.
        request.trendX = u"time"_qs;
        QVERIFY(findTrendSteps(*m_data, computeChartData(*m_data, allRuns(*m_data), request)).empty());
        // A cancelled search finds nothing.
        std::atomic<bool> cancel { true };
        QVERIFY(findTrendSteps(*m_data, chart, &cancel).empty());
    }

    void theChartMarksTheStep()
    {
        ChartsView view;
        openHistory(view);
        QCOMPARE(view.trendSteps().size(), 1u);
        const QList<QGraphicsSimpleTextItem*> labels = stepLabels(view);
        QCOMPARE(labels.size(), 1);
        QVERIFY2(labels.front()->text().startsWith(u"↑ ×1."_qs), qPrintable(labels.front()->text()));
        QVERIFY(labels.front()->text().endsWith(u"model_a"_qs));
        QVERIFY(labels.front()->isVisible());
        QVERIFY(labels.front()->toolTip().contains(u"git_commit = c07"_qs));
        QVERIFY(labels.front()->toolTip().contains(u"n=240"_qs));
        // Its dashed line sits between c06 and c07.
        bool line = false;
        for (QLineSeries* series : seriesOf<QLineSeries>(view))
            line = line || (series->count() == 2 && series->at(0).x() == 5.5 && series->at(1).x() == 5.5);
        QVERIFY(line);
    }

    void clickingTheStepComparesBeforeWithAfter()
    {
        ChartsView view;
        openHistory(view);
        QGraphicsSimpleTextItem* label = stepLabels(view).value(0);
        QVERIFY(label);
        QSignalSpy compared(view.abPanel(), &AbPanel::compared);
        const QPointF centre = label->mapToScene(label->boundingRect().center());
        QTest::mouseClick(
            view.chartView()->viewport(), Qt::LeftButton, {}, view.chartView()->mapFromScene(centre));
        QVERIFY(compared.wait(20000));
        const AbPanel* panel = view.abPanel();
        QCOMPARE(panel->mode(), AbPanel::Mode::TwoGroups);
        const AbComparison& c = panel->comparison();
        QCOMPARE(c.labelA, u"model_a, before c07 (from c01)"_qs);
        QCOMPARE(c.labelB, u"model_a, from c07 (to c12)"_qs);
        QCOMPARE(c.nA, 240);
        QCOMPARE(c.nB, 240);
        const TrendStep& step = view.trendSteps().front();
        QCOMPARE(c.medianA, step.point.medianBefore);
        QCOMPARE(c.medianB, step.point.medianAfter);
        QVERIFY(c.ratioOfMedians.estimate > 1.45 && c.ratioOfMedians.estimate < 1.75);
        QVERIFY(c.mannWhitney.p < 1e-6);
        // The panel is what the tabs below the chart now show.
        const auto* tabs = view.findChild<QTabWidget*>();
        QVERIFY(tabs);
        QCOMPARE(tabs->currentWidget(), static_cast<QWidget*>(view.abPanel()));
    }

    void baselineCanBeThePreviousCommit()
    {
        ChartsView view;
        openHistory(view);
        AbPanel* panel = view.abPanel();
        QSignalSpy compared(panel, &AbPanel::compared);
        QVERIFY(panel->choosePreviousValueBaseline(u"git_commit"_qs));
        QVERIFY(compared.wait(20000));
        const BaselineComparison& b = panel->baselineComparison();
        QCOMPARE(b.previousOf, u"git_commit"_qs);
        QCOMPARE(b.rows.size(), 22u); // 11 pairs of commits in each of the two models
        QCOMPARE(b.rows.front().label, u"model_a · c02"_qs);
        QCOMPARE(b.rows.front().against, u"c01"_qs);
        QCOMPARE(b.rows.front().n, 40);
        QCOMPARE(b.rows.front().againstN, 40);
        int slower = 0;
        for (const BaselineRow& row : b.rows) {
            if (row.verdict == Verdict::Slower) {
                ++slower;
                QCOMPARE(row.label, u"model_a · c07"_qs); // the step, and only it
            }
        }
        QCOMPARE(slower, 1);
        const auto* table = view.findChild<QTableView*>(u"abBaselineTable"_qs);
        QVERIFY(table && !table->isColumnHidden(BaselineComparisonModel::Against));
        QCOMPARE(table->model()->headerData(BaselineComparisonModel::Ratio, Qt::Horizontal).toString(),
            u"ratio of median vs previous git_commit"_qs);
    }

    void anExportedChartKeepsTheMarks()
    {
        ChartsView view;
        openHistory(view);
        std::unique_ptr<QChart> chart(buildChart(view.chartData(), view.trendSteps()));
        int dashed = 0;
        for (QAbstractSeries* s : chart->series())
            if (auto* line = qobject_cast<QLineSeries*>(s); line && line->pen().style() == Qt::DashLine)
                ++dashed;
        QCOMPARE(dashed, 1);
    }
};

QTEST_MAIN(TestTrendSteps)
#include "tst_trendsteps.moc"
