// What the window draws on a real report's shape (10 registrations on 2 models):
// value axes labelled with core's ticks in time units, a log scale's statistic as
// points, the composition in percent, a tip on every mark, the 95 % CI column,
// and clicks on a run's point and on a paired line.
#include "chartsviewsupport.h"
#include "data/datasetlookups.h"
#include "models/groupstatsmodel.h"
#include "testsupport.h"
#include "ui/charts/chartsview.h"
#include "ui/charts/charttips.h"

#include <QAbstractItemModelTester>
#include <QBarSeries>
#include <QBarSet>
#include <QBoxPlotSeries>
#include <QBoxSet>
#include <QCategoryAxis>
#include <QChartView>
#include <QCheckBox>
#include <QComboBox>
#include <QLineSeries>
#include <QScatterSeries>
#include <QSettings>
#include <QSignalSpy>
#include <QStackedBarSeries>
#include <QStandardPaths>
#include <QTest>
#include <cmath>

using namespace te;
using namespace te::test;

class TestChartMarks : public QObject
{
    Q_OBJECT

    std::shared_ptr<const TimingDataset> m_data;

    static QCategoryAxis* valueAxisOf(const ChartsView& view, Qt::Orientation orientation)
    {
        for (QAbstractAxis* axis : view.chartView()->chart()->axes(orientation)) {
            if (auto* category = qobject_cast<QCategoryAxis*>(axis))
                return category;
        }
        return nullptr;
    }

    void show(ChartsView& view) { showWithRuns(view, m_data, { 1000, 700 }); }

private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QSettings().clear(); // the charts view starts on the box plot, on a linear scale
        m_data = std::make_shared<const TimingDataset>(loadFixtures({ u"paired_10x2.jsonl"_qs }).dataset);
    }

    void init() { QSettings().clear(); } // each test's view starts on the box plot, linear

    void valueAxesCarryCoresTicks()
    {
        ChartsView view;
        show(view);
        for (const QString& kind : { u"Box plot"_qs, u"Paired runs"_qs, u"Bar with 95 % interval"_qs }) {
            for (const QString& scale : { u"Linear"_qs, u"Log"_qs }) {
                choose(view, "Chart kind", kind);
                choose(view, "Scale", scale);
                QCategoryAxis* axis = valueAxisOf(view, Qt::Vertical);
                QVERIFY2(axis, qPrintable(kind));
                QStringList expected;
                for (const AxisTick& tick : view.chartData().valueAxis.ticks)
                    expected << tick.label;
                QCOMPARE(axis->categoriesLabels(), expected);
                QVERIFY2(expected.size() >= 4, qPrintable(kind + u' ' + scale));
            }
        }
        // The log box: 1-2-5 ticks in time units, each where its value lies.
        choose(view, "Chart kind", u"Box plot"_qs);
        QCategoryAxis* log = valueAxisOf(view, Qt::Vertical);
        QVERIFY(log->categoriesLabels().contains(u"1 min"_qs));
        QCOMPARE(log->endValue(u"1 min"_qs), std::log10(60.0));
        const QBoxSet* fast = seriesOf<QBoxPlotSeries>(view).front()->boxSets().front();
        QCOMPARE(fast->at(QBoxSet::Median), std::log10(21.75)); // numpy: median of the fast model
        // Histograms and ECDFs put seconds along the bottom.
        choose(view, "Chart kind", u"ECDF"_qs);
        QVERIFY(valueAxisOf(view, Qt::Horizontal));
        QVERIFY(valueAxisOf(view, Qt::Horizontal)->categoriesLabels().size() >= 4);
    }

    void aLogScaleDrawsTheStatisticAsPoints()
    {
        ChartsView view;
        show(view);
        choose(view, "Chart kind", u"Bar with 95 % interval"_qs);
        choose(view, "Scale", u"Log"_qs);
        QVERIFY(seriesOf<QBarSeries>(view).isEmpty()); // a bar needs a baseline a log axis lacks
        QList<double> points;
        for (const QScatterSeries* s : seriesOf<QScatterSeries>(view))
            points << s->at(0).y();
        QCOMPARE(points, (QList<double> { std::log10(21.75), std::log10(91.75) }));
        QCOMPARE(seriesOf<QLineSeries>(view).size(), 2); // a whisker per group
        choose(view, "Scale", u"Linear"_qs);
        QCOMPARE(seriesOf<QBarSeries>(view).size(), 1);
    }

    void theCompositionHasAPercentMode()
    {
        ChartsView view;
        show(view);
        choose(view, "Chart kind", u"Phase composition"_qs);
        auto* percent = view.findChild<QCheckBox*>(u"percent"_qs);
        QVERIFY(percent && percent->isEnabled());
        QSignalSpy updated(&view, &ChartsView::chartUpdated);
        percent->setChecked(true);
        QVERIFY(updated.wait(10000));
        const QStackedBarSeries* stack = seriesOf<QStackedBarSeries>(view).front();
        for (int group = 0; group < 2; ++group) {
            const double phase1 = stack->barSets().at(0)->at(group);
            QCOMPARE(phase1 + stack->barSets().at(1)->at(group), 100.0);
            QVERIFY(std::abs(phase1 - 68.0) < 0.05); // phase1 is 68 % of each model's mean
        }
        QCOMPARE(valueAxisOf(view, Qt::Vertical)->categoriesLabels().last(), u"100 %"_qs);
    }

    void everyMarkHasATip()
    {
        ChartsView view;
        show(view);
        const ChartData& chart = view.chartData();
        QVERIFY(charttips::boxTip(chart, 0).contains(u"median 21.75 s"_qs));
        QVERIFY(charttips::boxTip(chart, 1).contains(u"Q3 117.30 s"_qs));
        QVERIFY(charttips::boxTip(chart, 2).isEmpty());
        const QString bar = charttips::statisticTip(chart, 0);
        QVERIFY2(bar.contains(u"median 21.75 s"_qs) && bar.contains(u"95 % CI"_qs), qPrintable(bar));
        const ChartPoint slowest = chart.groups[1].points.back();
        const QString run = charttips::runTip(*m_data, chart, 1, slowest.run);
        QVERIFY2(run.startsWith(u"SPUS55557\nopenai_gpt5\ntotal 150.2 s"_qs), qPrintable(run));
        choose(view, "Chart kind", u"Histogram"_qs);
        const QString bin = charttips::binTip(view.chartData(), 0);
        QVERIFY2(
            bin.contains(u"openai_gpt4o: "_qs) && bin.contains(u"openai_gpt5: 0 runs"_qs), qPrintable(bin));
        choose(view, "Chart kind", u"ECDF"_qs);
        QCOMPARE(charttips::ecdfTip(view.chartData(), 0, 21.1).split(u'\n').last(),
            u"50.0 % of runs took 21.1 s or less"_qs);
        choose(view, "Chart kind", u"Paired runs"_qs);
        const QString pair = charttips::pairTip(view.chartData(), 0);
        QVERIFY2(pair.startsWith(
                     u"SPUS55557\nopenai_gpt4o: 21.1 s\nopenai_gpt5: 150.2 s\nslowest ÷ fastest: 7.12×"_qs),
            qPrintable(pair));
    }

    void theStatisticsTableGivesTheInterval()
    {
        ChartsView view;
        QAbstractItemModelTester tester(
            view.statsModel(), QAbstractItemModelTester::FailureReportingMode::QtTest);
        show(view);
        choose(view, "Statistic", u"P95"_qs);
        const GroupStatsModel* stats = view.statsModel();
        QCOMPARE(stats->headerData(GroupStatsModel::Interval, Qt::Horizontal).toString(), u"P95 95 % CI"_qs);
        const ConfidenceInterval& ci = view.chartData().groups[0].statistic;
        QVERIFY(ci.low <= ci.estimate && ci.estimate <= ci.high && ci.low < ci.high);
        const QString text = stats->index(0, GroupStatsModel::Interval).data().toString();
        QCOMPARE(text,
            u"%1 – %2 s"_qs.arg(ci.low, 0, 'f', 1).arg(ci.high, 0, 'f', 1)); // the column's one unit, once
        QVERIFY(stats->toTsv().section(u'\n', 0, 0).contains(u"P95 95 % CI low\tP95 95 % CI high"_qs));
    }

    void clickingAPointChoosesItsRunAndALineItsRegistration()
    {
        ChartsView view;
        show(view);
        QSignalSpy chosen(&view, &ChartsView::runChosen);
        for (QScatterSeries* strip : seriesOf<QScatterSeries>(view)) {
            if (strip->property("group").toInt() == 1 && strip->property("strip").isValid()) {
                emit strip->clicked(strip->at(strip->count() - 1)); // the slowest run of the slow model
                break;
            }
        }
        QCOMPARE(chosen.size(), 1);
        const auto run = chosen.front().front().value<std::uint32_t>();
        QCOMPARE(m_data->fieldValue(run, TimingDataset::RegistrationId), u"SPUS55557"_qs);
        QCOMPARE(m_data->value(run, 0), 150.2);

        choose(view, "Chart kind", u"Paired runs"_qs);
        QSignalSpy registration(&view, &ChartsView::registrationChosen);
        QLineSeries* second = nullptr;
        for (QLineSeries* line : seriesOf<QLineSeries>(view)) {
            if (line->property("pair").toInt() == 1)
                second = line;
        }
        QVERIFY(second);
        emit second->clicked(second->at(0));
        QCOMPARE(registration.size(), 1);
        const auto paired = registration.front().front().value<std::uint32_t>();
        QCOMPARE(m_data->fieldValue(paired, TimingDataset::RegistrationId),
            view.chartData().paired.registrations[1].registrationId);
    }
};

QTEST_MAIN(TestChartMarks)
#include "tst_chartmarks.moc"
