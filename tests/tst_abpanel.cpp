// The compare panel driven offscreen through its own widgets: the statistic
// chosen in its combo box names the summary and the table, the table's total row
// stays last however the header sorts it, the baseline mode gives one row and one
// verdict per other group, and the slow-everywhere line names its registrations or
// says why there are none. Figures are numpy's and scipy's, not the panel's own.
#include "data/datasetlookups.h"
#include "models/abpartsmodel.h"
#include "models/baselinecomparisonmodel.h"
#include "stats/chartdata.h"
#include "testsupport.h"
#include "ui/charts/abpanel.h"
#include "ui/flame/flamegraphwidget.h"
#include "ui/flame/flameview.h"

#include <QComboBox>
#include <QHeaderView>
#include <QLabel>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTableView>

using namespace te;
using namespace te::test;

namespace {

std::shared_ptr<const TimingDataset> load(const QString& name)
{
    return std::make_shared<const TimingDataset>(loadFixtures({ name }).dataset);
}

ChartData chartOf(const TimingDataset& data)
{
    ChartRequest request;
    request.bootstrapResamples = 50; // the panel runs its own bootstrap; the chart's is not under test
    return computeChartData(data, allRuns(data), request);
}

QString cell(const QTableView* view, int row, int column)
{
    return view->model()->index(row, column).data().toString();
}

/// The row of `view` whose first column reads `text`; -1 when none does.
int rowOf(const QTableView* view, const QString& text)
{
    for (int row = 0; row < view->model()->rowCount(); ++row) {
        if (cell(view, row, 0) == text)
            return row;
    }
    return -1;
}

} // namespace

class TestAbPanel : public QObject
{
    Q_OBJECT

    std::shared_ptr<const TimingDataset> m_data;

    template <typename T> static T* child(const AbPanel& panel, const char* name)
    {
        auto* found = panel.findChild<T*>(QLatin1String(name));
        if (!found)
            qFatal("no child %s", name);
        return found;
    }

    static QComboBox* boxNamed(const AbPanel& panel, const QString& accessibleName)
    {
        for (QComboBox* box : panel.findChildren<QComboBox*>()) {
            if (box->accessibleName() == accessibleName)
                return box;
        }
        qFatal("no combo box %s", qPrintable(accessibleName));
    }

    /// Picks `text` in the combo box and waits for the comparison it starts.
    static void pick(AbPanel& panel, QComboBox* box, const QString& text)
    {
        const int index = box->findText(text);
        QVERIFY2(index >= 0, qPrintable(text));
        if (box->currentIndex() == index)
            return;
        QSignalSpy compared(&panel, &AbPanel::compared);
        box->setCurrentIndex(index);
        QVERIFY(compared.wait(10000));
    }

    /// Picks the pair B against A, which may pass through a group against itself
    /// (no comparison), and waits for the comparison of the pair.
    static void pickPair(AbPanel& panel, const QString& b, const QString& a)
    {
        QSignalSpy compared(&panel, &AbPanel::compared);
        boxNamed(panel, u"Group A"_qs)->setCurrentIndex(boxNamed(panel, u"Group A"_qs)->findText(a));
        boxNamed(panel, u"Group B"_qs)->setCurrentIndex(boxNamed(panel, u"Group B"_qs)->findText(b));
        while (panel.comparison().labelA != a || panel.comparison().labelB != b)
            QVERIFY(compared.wait(10000));
    }

    void showChart(AbPanel& panel, const std::shared_ptr<const TimingDataset>& data, const ChartData& chart)
    {
        QSignalSpy compared(&panel, &AbPanel::compared);
        panel.setChart(data, chart);
        QVERIFY(compared.wait(10000));
    }

private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        m_data = load(u"paired_10x3.jsonl"_qs);
    }

    void theStatisticNamesTheSummaryAndTheTable()
    {
        AbPanel panel;
        panel.resize(1000, 300);
        panel.show();
        showChart(panel, m_data, chartOf(*m_data));
        QCOMPARE(panel.statistic(), Statistic::Median); // the default
        pickPair(panel, u"anthropic_claude"_qs, u"openai_gpt4o"_qs);
        // numpy medians 9.8125 / 15.743 = 0.623
        QVERIFY2(panel.summaryText().contains(u"ratio of median <b>0.62×</b>"_qs),
            qPrintable(panel.summaryText()));

        pick(panel, boxNamed(panel, u"Compared statistic"_qs), u"P95"_qs);
        QCOMPARE(panel.comparison().statistic, Statistic::P95);
        // numpy.percentile(totals, 95): anthropic_claude 19.6201, openai_gpt4o 30.94355; 0.634.
        const QString summary = panel.summaryText();
        QVERIFY2(summary.contains(u"P95 B 19.6 s"_qs) && summary.contains(u"P95 A 30.9 s"_qs),
            qPrintable(summary));
        QVERIFY2(summary.contains(u"ratio of P95 <b>0.63×</b>"_qs), qPrintable(summary));
        // scipy 1.10.1 mannwhitneyu(gpt4o, claude, 'two-sided', method='asymptotic').pvalue = 0.00220
        QVERIFY2(summary.contains(u"p = 0.0022"_qs), qPrintable(summary));
        QCOMPARE(child<QLabel>(panel, "abSummary")->text(), summary);

        const auto* parts = child<QTableView>(panel, "abParts");
        QCOMPARE(parts->model()->headerData(AbPartsModel::ValueA, Qt::Horizontal).toString(),
            u"P95 A (openai_gpt4o)"_qs);
        QCOMPARE(
            parts->model()->headerData(AbPartsModel::Ratio, Qt::Horizontal).toString(), u"ratio of P95"_qs);
        const int last = parts->model()->rowCount() - 1;
        QCOMPARE(cell(parts, last, AbPartsModel::Node), u"total"_qs);
        QCOMPARE(cell(parts, last, AbPartsModel::ValueA), u"30.9 s"_qs);
        QCOMPARE(cell(parts, last, AbPartsModel::ValueB), u"19.6 s"_qs);
        QCOMPARE(cell(parts, last, AbPartsModel::Ratio), u"0.63×"_qs);
    }

    void theDifferenceFlameSitsBesideTheTable()
    {
        AbPanel panel;
        panel.resize(1000, 300);
        panel.show();
        showChart(panel, m_data, chartOf(*m_data));
        pickPair(panel, u"anthropic_claude"_qs, u"openai_gpt4o"_qs);
        const FlameView* flame = panel.differenceFlame();
        QVERIFY(flame->isVisible());
        const FlameGraphData& data = flame->graph()->data();
        QVERIFY(data.isDifference);
        QCOMPARE(data.labelA, u"openai_gpt4o"_qs);
        QCOMPARE(data.labelB, u"anthropic_claude"_qs);
        const auto meanTotal = [&](const QString& model) {
            double sum = 0;
            const auto runs = runsOfModel(*m_data, model);
            for (const std::uint32_t run : runs)
                sum += m_data->value(run, TimingDataset::kRootMetric);
            return sum / static_cast<double>(runs.size());
        };
        QVERIFY(qFuzzyCompare(data.items.front().seconds, meanTotal(u"anthropic_claude"_qs)));
        QVERIFY(qFuzzyCompare(data.items.front().secondsA, meanTotal(u"openai_gpt4o"_qs)));
        QCOMPARE(data.items.front().change, FlameChange::Faster);

        pick(panel, boxNamed(panel, u"Compare"_qs), u"all against a baseline"_qs);
        QVERIFY(!flame->isVisible()); // one difference has no place among N groups
    }

    void theTotalRowStaysLastWhenTheHeaderSorts()
    {
        AbPanel panel;
        panel.resize(1000, 300);
        panel.show();
        QVERIFY(QTest::qWaitForWindowExposed(&panel));
        showChart(panel, m_data, chartOf(*m_data));
        auto* parts = child<QTableView>(panel, "abParts");
        const int last = parts->model()->rowCount() - 1;
        QVERIFY(last > 2);
        QHeaderView* header = parts->horizontalHeader();
        const QPoint delta(header->sectionViewportPosition(AbPartsModel::Delta) + 5, header->height() / 2);
        for (int click = 0; click < 2; ++click) {
            QTest::mouseClick(header->viewport(), Qt::LeftButton, {}, delta);
            QCOMPARE(header->sortIndicatorSection(), int(AbPartsModel::Delta));
            QCOMPARE(cell(parts, last, AbPartsModel::Node), u"total"_qs);
            QVERIFY(parts->model()->index(last, 0).data(AbPartsModel::TotalRole).toBool());
            // The parts above it are sorted.
            const auto value = [&](int row) {
                return parts->model()
                    ->index(row, AbPartsModel::Delta)
                    .data(AbPartsModel::SortRole)
                    .toDouble();
            };
            for (int row = 1; row < last; ++row) {
                QVERIFY(header->sortIndicatorOrder() == Qt::AscendingOrder ? value(row - 1) <= value(row)
                                                                           : value(row - 1) >= value(row));
            }
        }
    }

    void everyGroupAgainstABaseline()
    {
        AbPanel panel;
        panel.resize(1000, 300);
        panel.show();
        showChart(panel, m_data, chartOf(*m_data));
        pick(panel, boxNamed(panel, u"Compare"_qs), u"all against a baseline"_qs);
        QCOMPARE(panel.mode(), AbPanel::Mode::Baseline);
        QVERIFY(boxNamed(panel, u"Baseline"_qs)->isVisible());
        QVERIFY(!boxNamed(panel, u"Group A"_qs)->isVisible());
        pick(panel, boxNamed(panel, u"Baseline"_qs), u"openai_gpt4o"_qs);
        const auto* table = child<QTableView>(panel, "abBaselineTable");
        QVERIFY(table->isVisible());
        QCOMPARE(table->model()->rowCount(), 2);
        QCOMPARE(rowOf(table, u"openai_gpt4o"_qs), -1); // the baseline has no row of its own
        const int gpt5 = rowOf(table, u"openai_gpt5"_qs);
        const int claude = rowOf(table, u"anthropic_claude"_qs);
        QVERIFY(gpt5 >= 0 && claude >= 0);
        // numpy medians: 15.338 / 15.743 = 0.974, 9.8125 / 15.743 = 0.623.
        QCOMPARE(cell(table, gpt5, BaselineComparisonModel::Ratio), u"0.974"_qs);
        QCOMPARE(cell(table, claude, BaselineComparisonModel::Ratio), u"0.623"_qs);
        QCOMPARE(cell(table, gpt5, BaselineComparisonModel::N), u"10"_qs);
        QCOMPARE(cell(table, gpt5, BaselineComparisonModel::VerdictColumn), u"unclear"_qs);
        QCOMPARE(cell(table, claude, BaselineComparisonModel::VerdictColumn), u"faster"_qs);
        QCOMPARE(cell(table, claude, BaselineComparisonModel::P), u"0.0022"_qs); // scipy 0.00220
        QVERIFY(panel.summaryText().contains(u"openai_gpt4o</b> (n=10, median 15.7 s)"_qs));

        pick(panel, boxNamed(panel, u"Baseline"_qs), u"anthropic_claude"_qs);
        QCOMPARE(table->model()->rowCount(), 2);
        for (int row = 0; row < 2; ++row)
            QCOMPARE(cell(table, row, BaselineComparisonModel::VerdictColumn), u"slower"_qs);

        pick(panel, boxNamed(panel, u"Compared statistic"_qs), u"P95"_qs);
        QCOMPARE(table->model()->headerData(BaselineComparisonModel::Ratio, Qt::Horizontal).toString(),
            u"ratio of P95 vs anthropic_claude"_qs);
        // numpy P95 of openai_gpt4o 30.94355 against 19.6201: 1.577.
        QCOMPARE(cell(table, rowOf(table, u"openai_gpt4o"_qs), BaselineComparisonModel::Ratio), u"1.577"_qs);

        pick(panel, boxNamed(panel, u"Compare"_qs), u"two groups"_qs);
        QVERIFY(child<QTableView>(panel, "abParts")->isVisible());
        QVERIFY(!table->isVisible());
    }

    void theRegistrationSlowEverywhere()
    {
        AbPanel panel;
        showChart(panel, m_data, chartOf(*m_data));
        const QString text = child<QLabel>(panel, "abSlow")->text();
        QVERIFY2(text.contains(u"SPUS55559"_qs), qPrintable(text)); // the slowest on every model
        QVERIFY2(text.contains(u"above its group's P90"_qs) && text.contains(u"10 runs or more"_qs),
            qPrintable(text));
    }

    void whySlowEverywhereIsEmpty_data()
    {
        QTest::addColumn<QString>("fixture");
        QTest::addColumn<int>("from");
        QTest::addColumn<int>("to");
        QTest::addColumn<int>("shift"); // the second group's runs start this many later
        QTest::addColumn<QString>("why");
        QTest::addRow("no registration ran in two groups")
            << u"paired_10x3.jsonl"_qs << 0 << 5 << 5 << u"no registration ran in two groups"_qs;
        QTest::addRow("too few runs")
            << u"paired_10x3.jsonl"_qs << 0 << 5 << 0 << u"fewer than two groups have 10 runs or more"_qs;
        // Ten runs each, but the slowest registration differs between the models.
        QTest::addRow("none slow everywhere")
            << u"paired_10x2.jsonl"_qs << 0 << 10 << 0 << u"no registration is slow in every group"_qs;
    }

    void whySlowEverywhereIsEmpty()
    {
        QFETCH(QString, fixture);
        QFETCH(int, from);
        QFETCH(int, to);
        QFETCH(int, shift);
        QFETCH(QString, why);
        const auto data = load(fixture);
        ChartData chart = chartOf(*data);
        chart.groups.resize(2);
        // Each group keeps the runs of its registrations `from` to `to` (dataset order
        // is registration order in both fixtures), the second shifted by `shift`.
        for (std::size_t g = 0; g < 2; ++g) {
            std::vector<std::uint32_t>& runs = chart.groups[g].runs;
            std::sort(runs.begin(), runs.end());
            const int offset = g == 1 ? shift : 0;
            runs = std::vector<std::uint32_t>(runs.begin() + from + offset, runs.begin() + to + offset);
        }
        AbPanel panel;
        showChart(panel, data, chart);
        const QString text = child<QLabel>(panel, "abSlow")->text();
        QVERIFY2(text.contains(why), qPrintable(text));
        QVERIFY(!text.contains(u"SPUS"_qs));
    }
};

QTEST_MAIN(TestAbPanel)
#include "tst_abpanel.moc"
