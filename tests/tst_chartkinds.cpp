// The data behind every chart kind, on the shape real reports have (10
// registrations on 2 models) and on a large generated file: every run shown or
// each group binned, readable ticks, ECDF steps, pairs with their ratios.
#include "data/datasetlookups.h"
#include "stats/chartdata.h"
#include "testsupport.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>
#include <cmath>
#include <set>

using namespace te;

namespace {

ChartData chartOf(const TimingDataset& data, ChartRequest::Kind kind, bool logScale = false,
    QStringList groupBy = { QStringLiteral("model") })
{
    ChartRequest request;
    request.kind = kind;
    request.logScale = logScale;
    request.groupBy = std::move(groupBy);
    request.bootstrapResamples = 200;
    return computeChartData(data, allRuns(data), request);
}

QStringList tickLabels(const ValueAxis& axis)
{
    QStringList labels;
    for (const AxisTick& tick : axis.ticks)
        labels << tick.label;
    return labels;
}

// Many runs in many groups: `groups` registration ids, `perGroup` runs each.
TimingDataset generated(int groups, int perGroup)
{
    QByteArray lines;
    for (int g = 0; g < groups; ++g) {
        for (int r = 0; r < perGroup; ++r) {
            const double seconds = 10.0 + g % 7 + std::fmod(r * 0.618, 5.0);
            const QJsonObject record { { u"registration_id"_qs, u"R%1"_qs.arg(g) },
                { u"model"_qs, u"m%1"_qs.arg(r % 2) }, { u"total_seconds"_qs, seconds } };
            lines += QJsonDocument(record).toJson(QJsonDocument::Compact) + '\n';
        }
    }
    return loadTimingBytes(lines, QStringLiteral("generated.jsonl"), {}).dataset;
}

} // namespace

class TestChartKinds : public QObject
{
    Q_OBJECT

    TimingDataset m_paired;

private slots:
    void initTestCase() { m_paired = test::loadFixtures({ QStringLiteral("paired_10x2.jsonl") }).dataset; }

    void boxShowsEveryRun()
    {
        const ChartData chart = chartOf(m_paired, ChartRequest::Kind::Box);
        QCOMPARE(chart.groups.size(), std::size_t { 2 });
        for (const ChartGroup& g : chart.groups) {
            QCOMPARE(g.points.size(), std::size_t { 10 });
            std::set<double> offsets;
            for (const ChartPoint& p : g.points) {
                QCOMPARE(p.value, m_paired.value(p.run, 0));
                QVERIFY(std::fabs(p.offset) <= 0.3);
                offsets.insert(p.offset);
            }
            QVERIFY(offsets.size() > 5); // a strip, not a line
        }
        QCOMPARE(chart.groups[0].points.front().value, 14.9);
        // The same points on every computation: nothing random between redraws.
        QCOMPARE(chartOf(m_paired, ChartRequest::Kind::Box).groups[1].points.back().offset,
            chart.groups[1].points.back().offset);
    }

    void histogramBinsEachGroup()
    {
        for (const bool logScale : { false, true }) {
            const ChartData chart = chartOf(m_paired, ChartRequest::Kind::Histogram, logScale);
            for (std::size_t g = 0; g < chart.groups.size(); ++g) {
                int occupied = 0;
                for (const auto count : chart.histogram.counts[g])
                    occupied += count > 0;
                QVERIFY2(occupied >= 3, qPrintable(chart.groups[g].label));
            }
        }
    }

    void axesAreLabelledInTimeUnits()
    {
        const ChartData log = chartOf(m_paired, ChartRequest::Kind::Box, true);
        QVERIFY(log.valueAxis.logScale);
        QCOMPARE(
            tickLabels(log.valueAxis), (QStringList { u"20 s"_qs, u"50 s"_qs, u"1 min"_qs, u"2 min"_qs }));
        const ChartData linear = chartOf(m_paired, ChartRequest::Kind::Box);
        QCOMPARE(tickLabels(linear.valueAxis),
            (QStringList { u"0 s"_qs, u"50 s"_qs, u"100 s"_qs, u"150 s"_qs, u"200 s"_qs }));
        const ChartData bars = chartOf(m_paired, ChartRequest::Kind::Bar);
        QCOMPARE(bars.valueAxis.min, 0.0); // a bar needs its baseline
        QVERIFY(bars.valueAxis.max >= bars.groups[1].statistic.high);
    }

    void ecdfEndsAtOne()
    {
        const ChartData chart = chartOf(m_paired, ChartRequest::Kind::Ecdf);
        QCOMPARE(chart.groups[0].ecdf.size(), std::size_t { 10 });
        QCOMPARE(chart.groups[0].ecdf.back().value, 29.4);
        QCOMPARE(chart.groups[0].ecdf.back().fraction, 1.0);
        QCOMPARE(chart.groups[1].ecdf.front().value, 52.0);
        QCOMPARE(chart.groups[1].ecdf.front().fraction, 0.1);
    }

    void pairedShowsTheRegistrationsAndTheirRatios()
    {
        const ChartData chart = chartOf(m_paired, ChartRequest::Kind::Paired);
        QCOMPARE(chart.paired.registrations.size(), std::size_t { 10 });
        QCOMPARE(chart.paired.registrations.front().registrationId, u"SPUS55557"_qs);
        QCOMPARE(chart.paired.registrations.front().ratio, 150.2 / 21.1);
        QCOMPARE(chart.paired.groups, (QStringList { u"openai_gpt4o"_qs, u"openai_gpt5"_qs }));
    }

    void kindsHaveNames()
    {
        for (const auto kind : { ChartRequest::Kind::Ecdf, ChartRequest::Kind::Paired })
            QCOMPARE(kindFromName(kindName(kind)), std::optional(kind));
        QCOMPARE(kindNameList(), u"box, bar, stacked, histogram, trend, ecdf or paired"_qs);
    }

    void thousandsOfGroupsDrawTheLargest()
    {
        const TimingDataset data = generated(3000, 2);
        const ChartData chart = chartOf(data, ChartRequest::Kind::Box, false, { u"registration_id"_qs });
        QCOMPARE(chart.groups.size(), kMaxChartGroups);
        QCOMPARE(chart.omittedGroups, 3000 - static_cast<int>(kMaxChartGroups));
    }

    void largeGroupsShowTheBoxOnly()
    {
        const TimingDataset data = generated(2, 3000); // two models of 3,000 runs each
        const ChartData chart = chartOf(data, ChartRequest::Kind::Box);
        QCOMPARE(chart.groups.size(), std::size_t { 2 });
        for (const ChartGroup& g : chart.groups) {
            QCOMPARE(g.runs.size(), std::size_t { 3000 });
            QVERIFY(g.points.empty());
        }
        const ChartData histogram = chartOf(data, ChartRequest::Kind::Histogram);
        QVERIFY(histogram.histogram.edges.size() > 5);
        QVERIFY(tickLabels(histogram.valueAxis).size() >= 4);
    }
};

QTEST_GUILESS_MAIN(TestChartKinds)
#include "tst_chartkinds.moc"
