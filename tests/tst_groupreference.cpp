// GroupReference: the median and P95 of every node over each run's group, and the
// marks the runs table draws from them. The figures are worked out by hand below
// (P95 by linear interpolation between the closest ranks, numpy's default).
#include "data/timingdataset.h"
#include "stats/groupreference.h"

#include <QTest>
#include <cmath>

using namespace te;

namespace {

constexpr double kNone = std::numeric_limits<double>::quiet_NaN();

struct RunSpec
{
    const char* model; ///< nullptr: no model
    const char* constellation;
    double total;
    double phase1; ///< NaN: the run has no phase1
    double x; ///< phase1/x
};

/// The runs by model, with the values each test's arithmetic starts from:
///   a: total 1 2 3 10, phase1 0.5 1 2 1.5, phase1/x 0.1 0.9 0.1 0.1
///   b: total 5 7 100, phase1 3 (none) 50
///   no model: total 4, no phase1
const RunSpec kRuns[] = {
    { "a", "c1", 1, 0.5, 0.1 },
    { "a", "c1", 2, 1, 0.9 },
    { "a", "c2", 3, 2, 0.1 },
    { "a", "c2", 10, 1.5, 0.1 },
    { "b", nullptr, 5, 3, kNone },
    { "b", nullptr, 7, kNone, kNone },
    { "b", nullptr, 100, 50, kNone },
    { nullptr, nullptr, 4, kNone, kNone },
};

TimingDataset makeDataset(const std::vector<RunSpec>& runs)
{
    TimingDataset data;
    const int phase1 = data.childMetric(TimingDataset::kRootMetric, "phase1");
    const int x = data.childMetric(phase1, "x");
    for (const RunSpec& spec : runs) {
        const std::uint32_t run = data.addRun();
        if (spec.model)
            data.setField(run, TimingDataset::Model, spec.model);
        if (spec.constellation)
            data.setField(run, TimingDataset::Constellation, spec.constellation);
        data.setValue(run, TimingDataset::kRootMetric, spec.total, false);
        if (!std::isnan(spec.phase1))
            data.setValue(run, phase1, spec.phase1, false);
        if (!std::isnan(spec.x))
            data.setValue(run, x, spec.x, false);
    }
    data.finish();
    return data;
}

TimingDataset fixture()
{
    return makeDataset(std::vector<RunSpec>(std::begin(kRuns), std::end(kRuns)));
}

} // namespace

class TestGroupReference : public QObject
{
    Q_OBJECT

    TimingDataset m_data = fixture();
    int m_phase1 = m_data.metricId(u"phase1");
    int m_x = m_data.metricId(u"phase1/x");

private slots:
    void mediansAndP95sPerModel()
    {
        const GroupReference ref = GroupReference::compute(m_data, { TimingDataset::Model });
        QVERIFY(!ref.isEmpty());
        QCOMPARE(ref.fields(), std::vector<int> { TimingDataset::Model });
        const int a = ref.groupOf(0);
        const int b = ref.groupOf(4);
        const int none = ref.groupOf(7);
        QCOMPARE(ref.label(a), u"a"_qs);
        QCOMPARE(ref.label(b), u"b"_qs);
        QCOMPARE(ref.label(none), u"(none)"_qs);
        for (std::uint32_t run = 0; run < 4; ++run)
            QCOMPARE(ref.groupOf(run), a);
        QCOMPARE(ref.groupOf(5), b);
        QCOMPARE(ref.groupOf(6), b);

        // a, total: sorted 1 2 3 10; median (2 + 3) / 2; P95 at rank 0.95 × 3 = 2.85:
        // 3 + 0.85 × (10 − 3).
        QCOMPARE(ref.median(a, TimingDataset::kRootMetric), 2.5);
        QCOMPARE(ref.p95(a, TimingDataset::kRootMetric), 8.95);
        QCOMPARE(ref.count(a, TimingDataset::kRootMetric), 4);
        // a, phase1: sorted 0.5 1 1.5 2; median 1.25; P95 1.5 + 0.85 × 0.5.
        QCOMPARE(ref.median(a, m_phase1), 1.25);
        QCOMPARE(ref.p95(a, m_phase1), 1.925);
        // b, total: sorted 5 7 100; median 7; P95 at rank 1.9: 7 + 0.9 × 93.
        QCOMPARE(ref.median(b, TimingDataset::kRootMetric), 7.0);
        QCOMPARE(ref.p95(b, TimingDataset::kRootMetric), 90.7);
        QCOMPARE(ref.count(b, TimingDataset::kRootMetric), 3);
        // b, phase1: the run without phase1 does not count: 3 50; median 26.5;
        // P95 at rank 0.95: 3 + 0.95 × 47.
        QCOMPARE(ref.median(b, m_phase1), 26.5);
        QCOMPARE(ref.p95(b, m_phase1), 47.65);
        QCOMPARE(ref.count(b, m_phase1), 2);
        // The run without a model is a group of its own, with one run.
        QCOMPARE(ref.median(none, TimingDataset::kRootMetric), 4.0);
        QCOMPARE(ref.p95(none, TimingDataset::kRootMetric), 4.0);
        QCOMPARE(ref.count(none, TimingDataset::kRootMetric), 1);
    }

    void aGroupWithoutValuesForANode()
    {
        const GroupReference ref = GroupReference::compute(m_data, { TimingDataset::Model });
        const int b = ref.groupOf(4);
        const int none = ref.groupOf(7);
        QVERIFY(std::isnan(ref.median(none, m_phase1)));
        QVERIFY(std::isnan(ref.p95(none, m_phase1)));
        QCOMPARE(ref.count(none, m_phase1), 0);
        QVERIFY(std::isnan(ref.median(b, m_x))); // no run of b has phase1/x
        // Not a group or not a metric: no figure either.
        QVERIFY(std::isnan(ref.median(-1, TimingDataset::kRootMetric)));
        QVERIFY(std::isnan(ref.median(b, m_data.metricCount())));
        QVERIFY(std::isnan(ref.p95(b, -1)));
        QCOMPARE(ref.count(b, m_data.metricCount()), 0);
        QCOMPARE(ref.groupOf(m_data.runCount()), -1);
    }

    void ratioToTheGroupMedian()
    {
        const GroupReference ref = GroupReference::compute(m_data, { TimingDataset::Model });
        QCOMPARE(ref.ratioToMedian(m_data, 3, TimingDataset::kRootMetric), 10 / 2.5);
        QCOMPARE(ref.ratioToMedian(m_data, 0, TimingDataset::kRootMetric), 1 / 2.5);
        QCOMPARE(ref.ratioToMedian(m_data, 6, m_phase1), 50 / 26.5);
        QCOMPARE(ref.ratioToMedian(m_data, 7, TimingDataset::kRootMetric), 1.0);
        QVERIFY(std::isnan(ref.ratioToMedian(m_data, 5, m_phase1))); // the run has no phase1
        QVERIFY(std::isnan(ref.ratioToMedian(m_data, 7, m_phase1))); // nor has its group
    }

    void aZeroMedianGivesNoRatio()
    {
        const TimingDataset data = makeDataset({ { "z", nullptr, 0, kNone, kNone },
            { "z", nullptr, 0, kNone, kNone }, { "z", nullptr, 1, kNone, kNone } });
        const GroupReference ref = GroupReference::compute(data, { TimingDataset::Model });
        QCOMPARE(ref.median(ref.groupOf(0), TimingDataset::kRootMetric), 0.0);
        QVERIFY(std::isnan(ref.ratioToMedian(data, 2, TimingDataset::kRootMetric))); // not infinity
    }

    void slowRunsAreAboveP95OnTheTotalOrAPhase()
    {
        const GroupReference ref = GroupReference::compute(m_data, { TimingDataset::Model });
        // a: run 3 (total 10 > 8.95) and run 2 (phase1 2 > 1.925, though total 3 is typical).
        QVERIFY(ref.isAboveP95(m_data, 3, TimingDataset::kRootMetric));
        QVERIFY(!ref.isAboveP95(m_data, 2, TimingDataset::kRootMetric));
        QVERIFY(ref.isAboveP95(m_data, 2, m_phase1));
        QVERIFY(ref.isSlowRun(m_data, 3));
        QVERIFY(ref.isSlowRun(m_data, 2));
        QVERIFY(!ref.isSlowRun(m_data, 0));
        // Run 1 is above P95 only on phase1/x (0.9 > 0.1 + 0.85 × 0.8 = 0.78), which is
        // not a phase: it is not a slow run.
        QVERIFY(ref.isAboveP95(m_data, 1, m_x));
        QVERIFY(!ref.isSlowRun(m_data, 1));
        // b: run 6 (total 100 > 90.7); run 5 has no phase1 and a typical total.
        QVERIFY(ref.isSlowRun(m_data, 6));
        QVERIFY(!ref.isSlowRun(m_data, 4));
        QVERIFY(!ref.isSlowRun(m_data, 5));
        QVERIFY(!ref.isAboveP95(m_data, 5, m_phase1));
        // A group of one run: the run is its own P95, never above it.
        QVERIFY(!ref.isSlowRun(m_data, 7));
        QVERIFY(!ref.isSlowRun(m_data, m_data.runCount()));
    }

    void noGroupFieldsIsOneGroup()
    {
        const GroupReference ref = GroupReference::compute(m_data, {});
        QVERIFY(ref.fields().empty());
        const int all = ref.groupOf(0);
        QVERIFY(all >= 0);
        QCOMPARE(ref.label(all), u"all"_qs);
        for (std::uint32_t run = 0; run < m_data.runCount(); ++run)
            QCOMPARE(ref.groupOf(run), all);
        // total over all eight runs: 1 2 3 4 5 7 10 100; median (4 + 5) / 2;
        // P95 at rank 6.65: 10 + 0.65 × 90.
        QCOMPARE(ref.median(all, TimingDataset::kRootMetric), 4.5);
        QCOMPARE(ref.p95(all, TimingDataset::kRootMetric), 68.5);
        QCOMPARE(ref.count(all, TimingDataset::kRootMetric), 8);
        // phase1 over its six values: 0.5 1 1.5 2 3 50; median (1.5 + 2) / 2.
        QCOMPARE(ref.median(all, m_phase1), 1.75);
        QCOMPARE(ref.count(all, m_phase1), 6);
        QVERIFY(ref.isSlowRun(m_data, 6));
        QVERIFY(!ref.isSlowRun(m_data, 3)); // slow for a, typical among all
    }

    void oneGroup()
    {
        const TimingDataset data = makeDataset({ { "m", nullptr, 2, 1, kNone }, { "m", nullptr, 4, 3, kNone },
            { "m", nullptr, 6, kNone, kNone } });
        const GroupReference ref = GroupReference::compute(data, { TimingDataset::Model });
        const int m = ref.groupOf(0);
        QCOMPARE(ref.label(m), u"m"_qs);
        QCOMPARE(ref.groupOf(1), m);
        QCOMPARE(ref.groupOf(2), m);
        QCOMPARE(ref.median(m, TimingDataset::kRootMetric), 4.0);
        QCOMPARE(ref.median(m, data.metricId(u"phase1")), 2.0); // (1 + 3) / 2; the third run has none
        QCOMPARE(ref.count(m, data.metricId(u"phase1")), 2);
    }

    void twoGroupFields()
    {
        const GroupReference ref
            = GroupReference::compute(m_data, { TimingDataset::Model, TimingDataset::Constellation });
        QCOMPARE(ref.label(ref.groupOf(0)), u"a × c1"_qs);
        QCOMPARE(ref.groupOf(1), ref.groupOf(0));
        QCOMPARE(ref.label(ref.groupOf(2)), u"a × c2"_qs);
        QCOMPARE(ref.label(ref.groupOf(4)), u"b × (none)"_qs);
        QCOMPARE(ref.label(ref.groupOf(7)), u"(none) × (none)"_qs);
        QCOMPARE(ref.median(ref.groupOf(0), TimingDataset::kRootMetric), 1.5); // (1 + 2) / 2
        QCOMPARE(ref.median(ref.groupOf(2), TimingDataset::kRootMetric), 6.5); // (3 + 10) / 2
    }

    void anEmptyDataset()
    {
        const TimingDataset empty;
        const GroupReference ref = GroupReference::compute(empty, { TimingDataset::Model });
        QVERIFY(ref.isEmpty());
        QCOMPARE(ref.groupOf(0), -1);
        QVERIFY(!ref.isSlowRun(empty, 0));
        QVERIFY(std::isnan(ref.ratioToMedian(empty, 0, TimingDataset::kRootMetric)));
        QVERIFY(GroupReference().isEmpty());
    }
};

QTEST_APPLESS_MAIN(TestGroupReference)
#include "tst_groupreference.moc"
