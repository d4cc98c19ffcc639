// Inputs the fuzzers (tests/fuzz) found to crash or to break an invariant, kept as
// fixtures (tests/data/fuzz_TARGET_REASON.*): each loads without a crash, keeps its
// good lines and reports its bad ones by file, line and reason, in a full load (the
// window, `validate`) and in a projected one (`stats`) alike.
#include "testsupport.h"
#include "util/timestampparser.h"

#include <QDir>

using namespace te;
using namespace te::test;

namespace {

struct Rejection
{
    QString file;
    qint64 line;
    QString message;
};

LoadResult loadFixture(const QString& name, bool projected)
{
    LoadOptions options;
    options.files << QFINDTESTDATA(QStringLiteral("data/") + name);
    if (projected) {
        // What `stats --group-by model,registration_id --metric total --metric phase1` keeps.
        options.projection.keepMetric(QStringLiteral("total"));
        options.projection.keepMetric(QStringLiteral("phase1"));
        options.projection.keepField(QStringLiteral("model"));
        options.projection.keepField(QStringLiteral("registration_id"));
    }
    return loadTimingFiles(options);
}

std::vector<Rejection> rejections(const LoadResult& result)
{
    std::vector<Rejection> found;
    for (const Problem& p : result.problems) {
        if (p.severity == Problem::Severity::Error)
            found.push_back({ p.file, p.line, p.message });
    }
    return found;
}

QStringList registrationIds(const LoadResult& result)
{
    QStringList ids;
    for (std::uint32_t run = 0; run < result.dataset.runCount(); ++run)
        ids << result.dataset.fieldValue(run, TimingDataset::RegistrationId);
    return ids;
}

// Both loads of `fixture` keep the runs `keptIds` and reject the `rejectedCount`
// lines after the first as malformed JSON, naming the file and line. A failure
// returns from here; it is the calling test's last check.
void verifyMalformedLinesRejected(
    const QString& fixture, const QStringList& keptIds, std::size_t rejectedCount)
{
    for (const bool projected : { false, true }) {
        const LoadResult r = loadFixture(fixture, projected);
        QCOMPARE(registrationIds(r), keptIds);
        const auto rejected = rejections(r);
        QCOMPARE(rejected.size(), rejectedCount);
        for (std::size_t i = 0; i < rejected.size(); ++i) {
            QVERIFY(rejected[i].file.endsWith(fixture));
            QCOMPARE(rejected[i].line, qint64(i) + 2);
            QVERIFY2(rejected[i].message.startsWith(u"malformed JSON"), qPrintable(rejected[i].message));
        }
    }
}

} // namespace

class TestFuzzRegressions : public QObject
{
    Q_OBJECT
private slots:
    // Every fuzz fixture: no crash, and the projected load agrees with the full one.
    void projectedLoadAgrees_data()
    {
        QTest::addColumn<QString>("fixture");
        const QDir data(QFINDTESTDATA(QStringLiteral("data")));
        const QStringList fixtures = data.entryList({ QStringLiteral("fuzz_*") }, QDir::Files);
        QVERIFY(!fixtures.isEmpty());
        for (const QString& fixture : fixtures)
            QTest::newRow(qPrintable(fixture)) << fixture;
    }

    void projectedLoadAgrees()
    {
        QFETCH(QString, fixture);
        const LoadResult full = loadFixture(fixture, false);
        const LoadResult projected = loadFixture(fixture, true);
        QCOMPARE(registrationIds(projected), registrationIds(full));
        const auto fullRejections = rejections(full);
        const auto projectedRejections = rejections(projected);
        QCOMPARE(projectedRejections.size(), fullRejections.size());
        for (std::size_t i = 0; i < fullRejections.size(); ++i) {
            QCOMPARE(projectedRejections[i].line, fullRejections[i].line);
            QCOMPARE(projectedRejections[i].message, fullRejections[i].message);
        }
        for (std::uint32_t run = 0; run < full.dataset.runCount(); ++run) {
            QCOMPARE(projected.dataset.fieldValue(run, TimingDataset::Model),
                full.dataset.fieldValue(run, TimingDataset::Model));
            QCOMPARE(projected.dataset.value(run, TimingDataset::kRootMetric),
                full.dataset.value(run, TimingDataset::kRootMetric));
        }
    }

    // fuzz_timestamp: twenty digits overflowed the epoch parser (undefined behaviour)
    // before it saw there were too many to be epoch seconds.
    void fuzz_timestamp_epoch_overflow()
    {
        for (const char* text :
            { "17368506001736850600", "99999999999999999999999", "1736850600173685060.5" })
            QVERIFY(!parseTimestamp(text));
        const QString fixture = QStringLiteral("fuzz_timestamp_epoch_overflow.jsonl");
        const LoadResult r = loadFixture(fixture, false);
        QCOMPARE(registrationIds(r), (QStringList { u"E1"_qs, u"E2"_qs, u"E3"_qs }));
        QCOMPARE(r.dataset.timestampMs(0), 1736850600000);
        QCOMPARE(r.dataset.timestampMs(1), TimingDataset::kNoTimestamp);
        QCOMPARE(r.dataset.timestampMs(2), 1736850600000);
        QCOMPARE(countProblems(r, Problem::Severity::Warning), 1);
        const auto warning = std::find_if(r.problems.begin(), r.problems.end(),
            [](const Problem& p) { return p.severity == Problem::Severity::Warning; });
        QVERIFY(warning->file.endsWith(fixture));
        QCOMPARE(warning->line, 2);
        QVERIFY2(warning->message.contains(u"unrecognised timestamp \"17368506001736850600\""),
            qPrintable(warning->message));
    }

    // fuzz_jsonl: a string value that was not read, followed by ':', was skipped by
    // simdjson as if it were a key, so a projected load kept malformed lines (and a
    // full load did too, inside a nested list).
    void fuzz_jsonl_unread_string_as_key()
    {
        verifyMalformedLinesRejected(
            QStringLiteral("fuzz_jsonl_unread_string_as_key.jsonl"), { u"K1"_qs, u"K5"_qs }, 3);
    }

    // fuzz_jsonl: simdjson types a value by its first character, so `t`, `tru`, `nul`
    // and `1x` passed for a boolean, null or number wherever they were not read, and
    // an invalid escape in a key that was not read passed too.
    void fuzz_jsonl_malformed_scalar()
    {
        // A number out of double's range is still a JSON number: L7 is kept.
        verifyMalformedLinesRejected(
            QStringLiteral("fuzz_jsonl_malformed_scalar.jsonl"), { u"L1"_qs, u"L7"_qs }, 5);
    }

    // fuzz_jsonl: a timestamp number out of double's range rejected the line in a full
    // load but not in a projected one, which skips the field; it is now an
    // unrecognised timestamp, as an unreadable string is, and the run is kept.
    void fuzz_jsonl_timestamp_out_of_range()
    {
        const QString fixture = QStringLiteral("fuzz_jsonl_timestamp_out_of_range.jsonl");
        const LoadResult r = loadFixture(fixture, false);
        QCOMPARE(r.rejectedLines(), 0);
        QCOMPARE(registrationIds(r), (QStringList { u"N1"_qs, u"N2"_qs, u"N3"_qs, QString() }));
        QCOMPARE(r.dataset.timestampMs(0), 1736850600000);
        QCOMPARE(r.dataset.timestampMs(1), TimingDataset::kNoTimestamp);
        QCOMPARE(r.dataset.fieldValue(1, TimingDataset::Timestamp), u"1e800"_qs);
        QCOMPARE(r.dataset.value(3, TimingDataset::kRootMetric), 3.0);
        QList<qint64> warnedLines;
        for (const Problem& p : r.problems) {
            if (p.message.startsWith(u"unrecognised timestamp")) {
                QVERIFY(p.file.endsWith(fixture));
                warnedLines << p.line;
            }
        }
        QCOMPARE(warnedLines, (QList<qint64> { 2, 3, 4 }));
    }

    // fuzz_jsonl: QString::fromUtf8 drops a leading byte order mark, so the node
    // "\uFEFFphase1" was named "phase1" in a full load, beside the real phase1, while
    // a projection on phase1 (which matches the bytes) did not keep it.
    void fuzz_jsonl_bom_in_key()
    {
        const QString fixture = QStringLiteral("fuzz_jsonl_bom_in_key.jsonl");
        const LoadResult r = loadFixture(fixture, false);
        QCOMPARE(r.rejectedLines(), 0);
        QCOMPARE(r.dataset.runCount(), 3u);
        const QString bomPhase1 = QChar(0xFEFF) + QStringLiteral("phase1");
        QVERIFY(r.dataset.metricId(u"phase1") != r.dataset.metricId(bomPhase1));
        QCOMPARE(valueOf(r.dataset, u"B1"_qs, u"phase1"_qs), 1.0);
        QVERIFY(std::isnan(valueOf(r.dataset, u"B2"_qs, u"phase1"_qs)));
        QCOMPARE(valueOf(r.dataset, u"B2"_qs, bomPhase1), 2.0);
        const LoadResult projected = loadFixture(fixture, true);
        QVERIFY(std::isnan(valueOf(projected.dataset, u"B2"_qs, u"phase1"_qs)));
    }

    // fuzz_jsonl: metadata inside `timings` was read by a full load only, so a
    // projected load (`stats --group-by model`) lost the run's model.
    void fuzz_jsonl_metadata_in_timings()
    {
        const QString fixture = QStringLiteral("fuzz_jsonl_metadata_in_timings.jsonl");
        for (const bool projected : { false, true }) {
            const LoadResult r = loadFixture(fixture, projected);
            QCOMPARE(r.rejectedLines(), 0);
            QCOMPARE(registrationIds(r), (QStringList { u"T1"_qs, u"T2"_qs }));
            QCOMPARE(r.dataset.fieldValue(0, TimingDataset::Model), u"m1"_qs);
            QCOMPARE(r.dataset.fieldValue(1, TimingDataset::Model), u"m2"_qs);
            QCOMPARE(r.dataset.value(1, TimingDataset::kRootMetric), 2.0);
        }
        const LoadResult full = loadFixture(fixture, false);
        QCOMPARE(full.dataset.fieldValue(1, full.dataset.fieldId(u"phase1.note")), u"n"_qs);
    }
};

QTEST_GUILESS_MAIN(TestFuzzRegressions)
#include "tst_fuzzregressions.moc"
