// A projected load (what `stats` does) must keep the same runs, reject the same
// lines and give the same values for what it keeps as a full load.
#include "testsupport.h"

#include <QTemporaryFile>

using namespace te;
using namespace te::test;

namespace {
// projection_pass_through.jsonl, keeping only these. Fields are kept first, so the
// metrics' tree is made after them (keepMetric then passes their nodes through).
LoadResult loadPassThroughFixture(const QStringList& metrics, const QStringList& fields = {})
{
    LoadOptions options;
    options.files = { QFINDTESTDATA("data/projection_pass_through.jsonl") };
    for (const QString& field : fields)
        options.projection.keepField(field);
    for (const QString& metric : metrics)
        options.projection.keepMetric(metric);
    return loadTimingFiles(options);
}
} // namespace

class TestLoadProjection : public QObject
{
    Q_OBJECT
private slots:
    void sameRunsAndValuesAsFullLoad_data()
    {
        QTest::addColumn<QString>("file");
        QTest::addColumn<QStringList>("metrics");
        QTest::addColumn<QStringList>("fields");
        const QStringList files { u"seed_proposed.jsonl"_qs, u"seed_option1.jsonl"_qs, u"flat.jsonl"_qs,
            u"mixed_shapes.jsonl"_qs, u"malformed.jsonl"_qs, u"string_timing.jsonl"_qs,
            u"negative_timing.jsonl"_qs, u"nonfinite_timing.jsonl"_qs, u"invalid_utf8.jsonl"_qs,
            u"unknown_shape.jsonl"_qs, u"deep_nesting.jsonl"_qs, u"deep_nesting_metadata.jsonl"_qs,
            u"parts_exceed_total.jsonl"_qs, u"legacy_wide.csv"_qs, u"summary.csv"_qs,
            u"stats_groups.jsonl"_qs, u"empty_timing_objects.jsonl"_qs, u"projection_pass_through.jsonl"_qs,
            u"deep_lists.jsonl"_qs };
        const QStringList model { u"model"_qs };
        // Fields of timing nodes and of metadata objects, a key with a dot among them.
        const QStringList nodeFields { u"model"_qs, u"phase1.status"_qs, u"phase1/sub.note"_qs,
            u"phase2.cfg.mode"_qs, u"env.os"_qs };
        for (const QString& file : files) {
            const QByteArray utf8 = file.toUtf8(); // outlives the rows below, unlike qPrintable
            const char* name = utf8.constData();
            QTest::addRow("%s: total, phase1", name)
                << file << QStringList { u"total"_qs, u"phase1"_qs } << model;
            QTest::addRow("%s: a breakdown item", name)
                << file << QStringList { u"phase1/agent_conversation"_qs } << model;
            QTest::addRow("%s: phase2 only", name) << file << QStringList { u"phase2"_qs } << model;
            // phase1 is only passed through: a missing total still needs all of it.
            QTest::addRow("%s: total and breakdown items", name)
                << file << QStringList { u"total"_qs, u"phase1/agent_conversation"_qs, u"phase1/x"_qs }
                << model;
            QTest::addRow("%s: total, fields of nodes", name)
                << file << QStringList { u"total"_qs } << nodeFields;
            // `stats` without --metric: a named node beside "*" stands for "*" too.
            QTest::addRow("%s: every phase, fields of nodes", name)
                << file << QStringList { u"total"_qs, u"*"_qs, u"phase1"_qs, u"phase2"_qs } << nodeFields;
            QTest::addRow("%s: a breakdown item of every phase", name)
                << file
                << QStringList { u"*/agent_conversation"_qs, u"phase1"_qs, u"phase2/agent_conversation"_qs }
                << model;
        }
    }

    void sameRunsAndValuesAsFullLoad()
    {
        QFETCH(QString, file);
        QFETCH(QStringList, metrics);
        QFETCH(QStringList, fields);
        LoadOptions options;
        options.files = { QFINDTESTDATA(u"data/"_qs + file) };
        const LoadResult full = loadTimingFiles(options);
        for (const QString& metric : metrics)
            options.projection.keepMetric(metric);
        for (const QString& field : fields)
            options.projection.keepField(field);
        const LoadResult projected = loadTimingFiles(options);

        QCOMPARE(projected.dataset.runCount(), full.dataset.runCount());
        QCOMPARE(projected.rejectedLines(), full.rejectedLines());
        QStringList compared = metrics;
        compared.removeAll(u"*"_qs);
        compared.removeAll(u"*/agent_conversation"_qs);
        if (metrics.contains(u"*"_qs))
            compared << u"phase1"_qs << u"phase2"_qs << u"phase3"_qs;
        if (metrics.contains(u"*/agent_conversation"_qs))
            compared << u"phase1/agent_conversation"_qs << u"phase3/agent_conversation"_qs;
        for (std::uint32_t run = 0; run < full.dataset.runCount(); ++run) {
            QCOMPARE(projected.dataset.line(run), full.dataset.line(run));
            for (const QString& field : fields) {
                const int f = full.dataset.fieldId(field);
                const int p = projected.dataset.fieldId(field);
                QCOMPARE(p < 0 ? QString() : projected.dataset.fieldValue(run, p),
                    f < 0 ? QString() : full.dataset.fieldValue(run, f));
            }
            for (const QString& metric : compared) {
                const int f = full.dataset.metricId(metric);
                const int p = projected.dataset.metricId(metric);
                const double expected = f < 0 ? std::nan("") : full.dataset.value(run, f);
                const double actual = p < 0 ? std::nan("") : projected.dataset.value(run, p);
                QVERIFY2(expected == actual || (std::isnan(expected) && std::isnan(actual)),
                    qPrintable(QStringLiteral("%1 of run %2: %3 vs %4")
                                   .arg(metric)
                                   .arg(run)
                                   .arg(actual)
                                   .arg(expected)));
                if (f >= 0 && p >= 0)
                    QCOMPARE(projected.dataset.isDerived(run, p), full.dataset.isDerived(run, f));
            }
        }
        // Fields that were not asked for are not kept.
        if (full.dataset.runCount() > 0
            && !full.dataset.fieldValue(0, TimingDataset::RegistrationId).isEmpty())
            QVERIFY(projected.dataset.fieldValue(0, TimingDataset::RegistrationId).isEmpty());
    }

    void escapedKeysWithoutTotalsAreReadOnce()
    {
        // Reading a phase twice (to derive its total) unescaped its keys twice into
        // simdjson's string buffer, past its end. Under ASan this overflowed.
        LoadOptions options;
        options.files = { QFINDTESTDATA("data/escaped_keys_no_totals.jsonl") };
        options.projection.keepMetric(u"total"_qs);
        options.projection.keepMetric(u"*"_qs);
        const LoadResult r = loadTimingFiles(options);
        QCOMPARE(r.rejectedLines(), 0);
        QCOMPARE(r.dataset.value(0, r.dataset.metricId(u"phase1")), 60.0);
        QCOMPARE(r.dataset.value(0, TimingDataset::kRootMetric), 62.0);
    }

    void totalIsDerivedThroughANodeThatIsOnlyPassedThrough()
    {
        // With "total" and "phase1/x" wanted, phase1 is on the projection's tree
        // but not wanted. Its other parts were skipped, and the missing total of
        // run A came out as x alone: 1 s instead of 3 s.
        const LoadResult r = loadPassThroughFixture({ u"total"_qs, u"phase1/x"_qs });
        QCOMPARE(r.dataset.value(0, TimingDataset::kRootMetric), 3.0);
        QCOMPARE(r.dataset.value(0, r.dataset.metricId(u"phase1/x")), 1.0);
        QCOMPARE(r.dataset.value(1, TimingDataset::kRootMetric), 10.0);
        QCOMPARE(r.dataset.value(3, TimingDataset::kRootMetric), 4.0);
        // phase1 itself was read to derive the total, not kept.
        const int phase1 = r.dataset.metricId(u"phase1");
        QVERIFY(phase1 < 0 || std::isnan(r.dataset.value(0, phase1)));
    }

    void fieldsOfTimingNodesAreKeptWhenAskedFor()
    {
        // `stats --group-by phase1.status --metric total`: run B has its own total,
        // so phase1 is not needed for a metric, yet its field is.
        const LoadResult r
            = loadPassThroughFixture({ u"total"_qs }, { u"phase1.status"_qs, u"phase1/sub.note"_qs });
        const int status = r.dataset.fieldId(u"phase1.status");
        const int note = r.dataset.fieldId(u"phase1/sub.note");
        QVERIFY(status >= 0 && note >= 0);
        QCOMPARE(r.dataset.fieldValue(0, status), u"ok"_qs);
        QCOMPARE(r.dataset.fieldValue(1, status), u"bad"_qs);
        QCOMPARE(r.dataset.fieldValue(2, status), u"retried"_qs);
        QCOMPARE(r.dataset.fieldValue(3, note), u"deep"_qs);
        QCOMPARE(r.dataset.value(1, TimingDataset::kRootMetric), 10.0);
        // Passing through phase1 keeps none of its timings.
        const int x = r.dataset.metricId(u"phase1/x");
        QVERIFY(x < 0 || std::isnan(r.dataset.value(0, x)));
    }

    void aNamedPhaseBesideTheWildcardIsStillKept()
    {
        // `stats --group-by phase1.status` without --metric keeps total and "*". The
        // field put phase1 on the tree beside "*", unwanted, and phase1 vanished.
        // With the field kept first, "*" comes after phase1 is on the tree.
        const LoadResult r = loadPassThroughFixture({ u"total"_qs, u"*"_qs }, { u"phase1.status"_qs });
        const int phase1 = r.dataset.metricId(u"phase1");
        QVERIFY(phase1 >= 0);
        QCOMPARE(r.dataset.value(5, phase1), 6.0);
        QCOMPARE(r.dataset.value(5, r.dataset.metricId(u"phase2")), 4.0);
        QCOMPARE(r.dataset.fieldValue(5, r.dataset.fieldId(u"phase1.status")), u"ok"_qs);
    }

    void unaccountedNodeKeepsEveryMetric()
    {
        LoadProjection projection;
        projection.keepMetric(u"phase1/(unaccounted)"_qs);
        QVERIFY(projection.keepsAllMetrics());
        LoadOptions options;
        options.files = { QFINDTESTDATA("data/seed_proposed.jsonl") };
        options.projection = projection;
        const LoadResult r = loadTimingFiles(options);
        QCOMPARE(valueOf(r.dataset, u"SPUS63654"_qs, u"phase1/(unaccounted)"_qs), 4.5);
    }

    void missingTotalAfterItsPartsIsStillDerived()
    {
        // The total comes after the breakdown here, so the parts have already been
        // skipped when the projection learns it needs them.
        const QByteArray line
            = "{\"registration_id\":\"X\",\"timings\":{\"phases\":{\"phase1\":{\"breakdown\":"
              "{\"a_seconds\":1.5,\"b_seconds\":2.5}},\"phase2\":{\"total_seconds\":4}}}}\n";
        QTemporaryFile file;
        QVERIFY(file.open());
        file.write(line);
        file.flush();
        LoadOptions options;
        options.files = { file.fileName() };
        options.projection.keepMetric(u"total"_qs);
        options.projection.keepMetric(u"phase1"_qs);
        const LoadResult r = loadTimingFiles(options);
        QCOMPARE(r.dataset.value(0, r.dataset.metricId(u"phase1")), 4.0);
        QCOMPARE(r.dataset.value(0, TimingDataset::kRootMetric), 8.0);
        QVERIFY(r.dataset.isDerived(0, TimingDataset::kRootMetric));
        // The parts were read to sum them up, not kept.
        const int item = r.dataset.metricId(u"phase1/a");
        QVERIFY(item < 0 || std::isnan(r.dataset.value(0, item)));
    }
};

QTEST_GUILESS_MAIN(TestLoadProjection)
#include "tst_loadprojection.moc"
