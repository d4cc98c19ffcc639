// RecordDraft: one record's timing tree before it joins a dataset: committing
// values, totals derived from their parts, the "(unaccounted)" rest, the problems
// it reports (rejections and warnings), reuse from record to record, projections.
#include "data/timingdataset.h"
#include "data/timingkeys.h"
#include "load/loadprojection.h"
#include "load/src/recorddraft.h"

#include <QTest>
#include <cmath>
#include <limits>

using namespace te;

class TestRecordDraft : public QObject
{
    Q_OBJECT

    static double valueAt(const TimingDataset& data, std::uint32_t run, const QString& path)
    {
        const int metric = data.metricId(path);
        return metric < 0 ? std::nan("") : data.value(run, metric);
    }

    static bool derivedAt(const TimingDataset& data, std::uint32_t run, const QString& path)
    {
        const int metric = data.metricId(path);
        return metric >= 0 && data.isDerived(run, metric);
    }

    static QString joined(const std::vector<QString>& w)
    {
        return QStringList(w.begin(), w.end()).join(u"; "_qs);
    }

    /// A draft with a registration id, so that its absence is not the warning.
    static RecordDraft identified()
    {
        RecordDraft draft;
        draft.reset();
        draft.addMetadata("registration_id", "SPUS1");
        return draft;
    }

private slots:
    void givenValuesAreCommitted()
    {
        RecordDraft draft = identified();
        draft.setValue(RecordDraft::kRoot, 10.0);
        const int phase1 = draft.node(RecordDraft::kRoot, "phase1");
        draft.setValue(phase1, 6.0);
        const int conversation = draft.node(phase1, "agent_conversation");
        draft.setValue(conversation, 6.0);
        draft.setValue(draft.node(RecordDraft::kRoot, "phase2"), 4.0);
        draft.setAgents(phase1, "matcher1, critic");
        draft.addMetadata("model", "openai_gpt4o");
        QVERIFY(draft.hasTimings());
        QVERIFY(!draft.isRejected());

        TimingDataset data;
        std::vector<QString> warnings;
        const auto run = draft.commit(data, 42, warnings);
        QVERIFY(run);
        QCOMPARE(*run, 0u);
        QCOMPARE(data.runCount(), 1u);
        QVERIFY2(warnings.empty(), qPrintable(joined(warnings)));
        QVERIFY(!data.hasWarning(*run));
        QCOMPARE(data.line(*run), 42);
        QCOMPARE(valueAt(data, *run, u"total"_qs), 10.0);
        QCOMPARE(valueAt(data, *run, u"phase1"_qs), 6.0);
        QCOMPARE(valueAt(data, *run, u"phase1/agent_conversation"_qs), 6.0);
        QCOMPARE(valueAt(data, *run, u"phase2"_qs), 4.0);
        QVERIFY(!derivedAt(data, *run, u"total"_qs));
        QVERIFY(!derivedAt(data, *run, u"phase1"_qs));
        QCOMPARE(data.metricId(u"(unaccounted)"), -1); // the parts add up: no rest
        QCOMPARE(data.agents(*run, data.metricId(u"phase1")), u"matcher1, critic"_qs);
        QCOMPARE(data.fieldValue(*run, TimingDataset::RegistrationId), u"SPUS1"_qs);
        QCOMPARE(data.fieldValue(*run, TimingDataset::Model), u"openai_gpt4o"_qs);
    }

    void missingTotalsAreDerivedBottomUp()
    {
        RecordDraft draft = identified();
        const int phase1 = draft.node(RecordDraft::kRoot, "phase1");
        draft.setValue(draft.node(phase1, "a"), 1.25);
        draft.setValue(draft.node(phase1, "b"), 2.5);
        draft.setValue(draft.node(RecordDraft::kRoot, "phase2"), 4.0);
        TimingDataset data;
        std::vector<QString> warnings;
        const auto run = draft.commit(data, 1, warnings);
        QVERIFY(run);
        QCOMPARE(valueAt(data, *run, u"phase1"_qs), 3.75);
        QVERIFY(derivedAt(data, *run, u"phase1"_qs));
        QCOMPARE(valueAt(data, *run, u"total"_qs), 7.75);
        QVERIFY(derivedAt(data, *run, u"total"_qs));
        QVERIFY(!derivedAt(data, *run, u"phase2"_qs));
        QVERIFY(!derivedAt(data, *run, u"phase1/a"_qs));
        QVERIFY(warnings.empty());
    }

    // The rest of a whole beyond its parts is an "(unaccounted)" part, unless it is rounding.
    void theUnaccountedRest_data()
    {
        QTest::addColumn<double>("total");
        QTest::addColumn<double>("parts");
        QTest::addColumn<double>("unaccounted"); // NaN: none
        QTest::addRow("parts add up") << 10.0 << 10.0 << std::nan("");
        QTest::addRow("within 1 ms") << 10.0 << 9.9995 << std::nan("");
        QTest::addRow("within 0.5 %%") << 10.0 << 9.96 << std::nan("");
        QTest::addRow("beyond both") << 10.0 << 9.0 << 1.0;
        QTest::addRow("small whole, beyond 1 ms") << 0.1 << 0.09 << 0.01;
        QTest::addRow("small whole, within 1 ms") << 0.1 << 0.0995 << std::nan("");
    }

    void theUnaccountedRest()
    {
        QFETCH(double, total);
        QFETCH(double, parts);
        QFETCH(double, unaccounted);
        RecordDraft draft = identified();
        draft.setValue(RecordDraft::kRoot, total);
        draft.setValue(draft.node(RecordDraft::kRoot, "phase1"), parts / 2);
        draft.setValue(draft.node(RecordDraft::kRoot, "phase2"), parts / 2);
        TimingDataset data;
        std::vector<QString> warnings;
        const auto run = draft.commit(data, 1, warnings);
        QVERIFY(run);
        QVERIFY(warnings.empty());
        const double rest = valueAt(data, *run, u"(unaccounted)"_qs);
        if (std::isnan(unaccounted)) {
            QVERIFY2(std::isnan(rest), qPrintable(QString::number(rest)));
        } else {
            QVERIFY(std::fabs(rest - unaccounted) < 1e-9);
            QVERIFY(derivedAt(data, *run, u"(unaccounted)"_qs));
        }
    }

    void partsThatExceedTheirWholeAreAWarning()
    {
        RecordDraft draft = identified();
        draft.setValue(RecordDraft::kRoot, 10.0);
        draft.setValue(draft.node(RecordDraft::kRoot, "phase1"), 8.0);
        draft.setValue(draft.node(RecordDraft::kRoot, "phase2"), 4.0);
        TimingDataset data;
        std::vector<QString> warnings;
        const auto run = draft.commit(data, 1, warnings);
        QVERIFY(run); // the run is kept, with its values as given
        QCOMPARE(valueAt(data, *run, u"total"_qs), 10.0);
        QCOMPARE(warnings.size(), 1u);
        QVERIFY2(warnings[0].contains(u"\"total\""_qs) && warnings[0].contains(u"more than its total"_qs),
            qPrintable(warnings[0]));
        QVERIFY2(warnings[0].contains(u"12.0 s"_qs) && warnings[0].contains(u"10.0 s"_qs),
            qPrintable(warnings[0]));
        QVERIFY(data.hasWarning(*run));
        QCOMPARE(data.metricId(u"(unaccounted)"), -1);
    }

    void aTotalListedAsDerivedIsNotChecked()
    {
        // `convert` writes derived totals as numbers and lists them in timings.derived.
        RecordDraft draft = identified();
        draft.markDerived("phase1"); // before the node exists
        const int phase1 = draft.node(RecordDraft::kRoot, "phase1");
        draft.setValue(phase1, 2.0);
        draft.setValue(draft.node(phase1, "x"), 3.0);
        TimingDataset data;
        std::vector<QString> warnings;
        const auto run = draft.commit(data, 1, warnings);
        QVERIFY(run);
        QVERIFY(derivedAt(data, *run, u"phase1"_qs));
        QCOMPARE(valueAt(data, *run, u"phase1"_qs), 2.0);
        QVERIFY2(warnings.empty(), qPrintable(joined(warnings)));
    }

    void badValuesRejectTheRecord_data()
    {
        QTest::addColumn<double>("seconds");
        QTest::addColumn<QString>("reason");
        QTest::addRow("negative") << -1.5 << u"timing \"phase1/x\" is negative (-1.5)"_qs;
        QTest::addRow("NaN") << std::nan("") << u"timing \"phase1/x\" is not a finite number"_qs;
        QTest::addRow("infinite") << std::numeric_limits<double>::infinity()
                                  << u"timing \"phase1/x\" is not a finite number"_qs;
        QTest::addRow("minus infinity")
            << -std::numeric_limits<double>::infinity() << u"timing \"phase1/x\" is not a finite number"_qs;
    }

    void badValuesRejectTheRecord()
    {
        QFETCH(double, seconds);
        QFETCH(QString, reason);
        RecordDraft draft = identified();
        const int x = draft.node(draft.node(RecordDraft::kRoot, "phase1"), "x");
        draft.setValue(x, seconds, 7);
        QVERIFY(draft.isRejected());
        QCOMPARE(draft.rejectReason(), reason);
        QCOMPARE(draft.rejectColumn(), 7);
        QVERIFY(!draft.hasValue(x));
    }

    void theFirstReasonWins()
    {
        RecordDraft draft = identified();
        draft.reject(u"first"_qs, 3);
        draft.reject(u"second"_qs, 9);
        draft.setValue(RecordDraft::kRoot, -1.0, 11);
        QCOMPARE(draft.rejectReason(), u"first"_qs);
        QCOMPARE(draft.rejectColumn(), 3);
    }

    void aRecordWithoutTimingsIsRejected()
    {
        // {"timings":{"x":{}}}: a node, but no number in it.
        RecordDraft draft = identified();
        draft.node(RecordDraft::kRoot, "x");
        QVERIFY(!draft.hasTimings());
        TimingDataset data;
        std::vector<QString> warnings;
        QVERIFY(!draft.commit(data, 1, warnings));
        QCOMPARE(data.runCount(), 0u);
        QVERIFY(draft.isRejected());
        QVERIFY2(
            draft.rejectReason().contains(u"no timing values found"_qs), qPrintable(draft.rejectReason()));
    }

    void warningsAboutTheRun()
    {
        RecordDraft draft;
        draft.reset();
        draft.setValue(RecordDraft::kRoot, 1.0);
        draft.addMetadata("registration_id", ""); // empty is no id
        draft.addTimestamp("timestamp", "next tuesday", std::nullopt);
        TimingDataset data;
        std::vector<QString> warnings;
        const auto run = draft.commit(data, 5, warnings);
        QVERIFY(run);
        QCOMPARE(warnings.size(), 2u);
        QCOMPARE(
            warnings[0], u"unrecognised timestamp \"next tuesday\" (expected ISO 8601 or epoch seconds)"_qs);
        QCOMPARE(warnings[1], u"no registration_id"_qs);
        QVERIFY(data.hasWarning(*run));
        QCOMPARE(data.fieldValue(*run, TimingDataset::Timestamp), u"next tuesday"_qs); // kept as written
        QCOMPARE(data.timestampMs(*run), TimingDataset::kNoTimestamp);
    }

    void aParsedTimestampIsANumber()
    {
        RecordDraft draft = identified();
        draft.setValue(RecordDraft::kRoot, 1.0);
        draft.addTimestamp("timestamp", "2025-01-14T10:30:00Z", qint64(1736850600000));
        TimingDataset data;
        std::vector<QString> warnings;
        const auto run = draft.commit(data, 1, warnings);
        QVERIFY(run);
        QVERIFY(warnings.empty());
        QCOMPARE(data.timestampMs(*run), qint64(1736850600000));
    }

    void nodesAndPaths()
    {
        RecordDraft draft;
        draft.reset();
        const int phase1 = draft.node(RecordDraft::kRoot, "phase1");
        const int x = draft.node(phase1, "x");
        QCOMPARE(draft.node(RecordDraft::kRoot, "phase1"), phase1); // found, not created again
        QCOMPARE(draft.node(phase1, "x"), x);
        const int otherX = draft.node(draft.node(RecordDraft::kRoot, "phase2"), "x");
        QVERIFY(otherX != x); // the same name under another parent is another node
        QCOMPARE(draft.pathOf(RecordDraft::kRoot), std::string("total"));
        QCOMPARE(draft.pathOf(phase1), std::string("phase1"));
        QCOMPARE(draft.pathOf(x), std::string("phase1/x"));
        QCOMPARE(draft.pathOf(otherX), std::string("phase2/x"));
        // A flat key's target: "phase1_agent_conversation_seconds" is phase1/agent_conversation.
        const int flat = draft.flatNode(resolveFlatKey("phase1_agent_conversation_seconds", nullptr));
        QCOMPARE(draft.pathOf(flat), std::string("phase1/agent_conversation"));
        QCOMPARE(draft.flatNode(resolveFlatKey("phase1_x_ms", nullptr)), x);
        QCOMPARE(draft.flatNode(resolveFlatKey("total_seconds", nullptr)), int(RecordDraft::kRoot));
    }

    void aNodeNotStoredStillCountsTowardsItsParent()
    {
        RecordDraft draft = identified();
        const int phase1 = draft.node(RecordDraft::kRoot, "phase1");
        draft.setValue(draft.node(phase1, "kept"), 1.0);
        draft.setValue(draft.node(phase1, "helper", false), 2.0);
        TimingDataset data;
        std::vector<QString> warnings;
        const auto run = draft.commit(data, 1, warnings);
        QVERIFY(run);
        QCOMPARE(valueAt(data, *run, u"phase1"_qs), 3.0);
        QCOMPARE(valueAt(data, *run, u"phase1/kept"_qs), 1.0);
        QVERIFY(std::isnan(valueAt(data, *run, u"phase1/helper"_qs)));
    }

    void aGivenUnaccountedNodeKeepsItsValue()
    {
        // {"timings":{"total":10,"phase1":5,"(unaccounted)":1}}: the file names the
        // node commit() would add. The run must have one value there, as given.
        RecordDraft draft = identified();
        draft.setValue(RecordDraft::kRoot, 10.0);
        draft.setValue(draft.node(RecordDraft::kRoot, "phase1"), 5.0);
        draft.setValue(draft.node(RecordDraft::kRoot, "(unaccounted)"), 1.0);
        TimingDataset data;
        std::vector<QString> warnings;
        const auto run = draft.commit(data, 1, warnings);
        QVERIFY(run);
        const int unaccounted = data.metricId(u"(unaccounted)");
        QVERIFY(unaccounted >= 0);
        int values = 0;
        data.values(unaccounted).forEach([&](std::uint32_t, double) { ++values; });
        const double before = data.value(*run, unaccounted);
        data.finish();
        const double after = data.value(*run, unaccounted);
        const bool derived = data.isDerived(*run, unaccounted);
        // The rest (10 - 6 = 4) is not set over it; the gap is told instead.
        const QString seen = u"%1 values, %2 then %3"_qs.arg(values).arg(before).arg(after);
        QVERIFY2(values == 1 && before == 1.0 && after == 1.0 && !derived, qPrintable(seen));
        QCOMPARE(warnings.size(), std::size_t { 1 });
        QVERIFY2(warnings.front().contains(u"less than its total"_qs), qPrintable(warnings.front()));
    }

    void resetStartsAFreshRecord()
    {
        TimingDataset data;
        std::vector<QString> warnings;
        RecordDraft draft = identified();
        const int phase1 = draft.node(RecordDraft::kRoot, "phase1");
        draft.setValue(phase1, 5.0);
        draft.setAgents(phase1, "critic");
        draft.addMetadata("model", "first");
        draft.markDerived("phase1");
        QVERIFY(draft.commit(data, 1, warnings));

        draft.reset();
        QVERIFY(!draft.hasTimings());
        QVERIFY(!draft.isRejected());
        draft.reject(u"bad"_qs);
        draft.reset();
        QVERIFY(!draft.isRejected());
        QVERIFY(draft.rejectReason().isEmpty());
        draft.addMetadata("registration_id", "SPUS2");
        draft.setValue(draft.node(RecordDraft::kRoot, "phase2"), 2.0);
        warnings.clear();
        const auto second = draft.commit(data, 2, warnings);
        QVERIFY(second);
        QCOMPARE(*second, 1u);
        QVERIFY(warnings.empty());
        QVERIFY(std::isnan(valueAt(data, 1, u"phase1"_qs))); // nothing left from the first record
        QCOMPARE(valueAt(data, 1, u"phase2"_qs), 2.0);
        QCOMPARE(valueAt(data, 1, u"total"_qs), 2.0);
        QCOMPARE(data.agents(1, data.metricId(u"phase1")), QString());
        QCOMPARE(data.fieldValue(1, TimingDataset::Model), QString());
        QCOMPARE(data.fieldValue(1, TimingDataset::RegistrationId), u"SPUS2"_qs);
        QVERIFY(derivedAt(data, 0, u"phase1"_qs));
        QVERIFY(!derivedAt(data, 1, u"phase2"_qs));
        QCOMPARE(valueAt(data, 0, u"phase1"_qs), 5.0);
    }

    void aProjectionKeepsWhatItWants()
    {
        // `stats --metric total` with a model field: phases only help derive the total,
        // and parts are not checked against it.
        LoadProjection projection;
        projection.keepMetric(u"total"_qs);
        projection.keepField(u"model"_qs);
        RecordDraft draft;
        draft.setProjection(&projection);
        draft.reset();
        draft.addMetadata("registration_id", "SPUS1");
        draft.addMetadata("model", "m");
        draft.addMetadata("constellation", "p1m1c");
        draft.setValue(draft.flatNode(resolveFlatKey("phase1_total_seconds", nullptr)), 3.0);
        draft.setValue(draft.flatNode(resolveFlatKey("phase2_total_seconds", nullptr)), 4.0);
        TimingDataset data;
        std::vector<QString> warnings;
        const auto run = draft.commit(data, 1, warnings);
        QVERIFY(run);
        QCOMPARE(valueAt(data, *run, u"total"_qs), 7.0);
        QVERIFY(derivedAt(data, *run, u"total"_qs));
        QVERIFY(std::isnan(valueAt(data, *run, u"phase1"_qs)));
        QCOMPARE(data.fieldValue(*run, TimingDataset::Model), u"m"_qs);
        QCOMPARE(data.fieldValue(*run, TimingDataset::Constellation), QString());
        QVERIFY2(warnings.empty(), qPrintable(joined(warnings))); // the id was seen, though not kept

        // A given total smaller than its parts: no check under a projection.
        draft.reset();
        draft.addMetadata("registration_id", "SPUS2");
        draft.setValue(RecordDraft::kRoot, 1.0);
        draft.setValue(draft.flatNode(resolveFlatKey("phase1_total_seconds", nullptr)), 3.0);
        warnings.clear();
        QVERIFY(draft.commit(data, 2, warnings));
        QVERIFY(warnings.empty());
        QCOMPARE(valueAt(data, 1, u"total"_qs), 1.0);
    }
};

QTEST_APPLESS_MAIN(TestRecordDraft)
#include "tst_recorddraft.moc"
