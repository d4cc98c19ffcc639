// resolveFlatKey: where a CSV column or a top-level JSON key lands in the timing
// tree, rule by rule as its header lists them, with and without a column mapping;
// and the unit suffixes it reads (splitTimeKey, isTotalKey).
#include "data/columnmapping.h"
#include "data/timingkeys.h"

#include <QTest>

using namespace te;

namespace {

/// "phase1/agent_conversation"; "" for the root; "(metadata)" when not a timing.
QString targetOf(const FlatTarget& target)
{
    if (!target.isTiming)
        return u"(metadata)"_qs;
    QStringList segments;
    for (int i = 0; i < target.segmentCount; ++i) {
        const std::string_view s = target.segments[static_cast<std::size_t>(i)];
        segments << QString::fromUtf8(s.data(), static_cast<qsizetype>(s.size()));
    }
    return segments.join(u'/');
}

ColumnMapping mapping()
{
    QString error;
    const auto parsed = ColumnMapping::parse(R"json({
        "matcher_time": "phase1/agent_conversation",
        "wall_ms": "total",
        "queue_s": "total/queue",
        "phase4_total_seconds": "phase9",
        "critic (s)": "phase1/critic",
        "durée_ms": "phase2/étape"
})json",
        u"mapping.json"_qs, &error);
    if (!parsed)
        qFatal("%s", qPrintable(error));
    return *parsed;
}

} // namespace

class TestTimingKeys : public QObject
{
    Q_OBJECT

    void addColumns()
    {
        QTest::addColumn<QString>("key");
        QTest::addColumn<QString>("target");
        QTest::addColumn<double>("toSeconds");
    }

    /// Rules 2 to 5, which hold with a mapping too for keys it does not name.
    void addUnmappedRows()
    {
        // 3. total_* is the root
        QTest::addRow("total_seconds") << u"total_seconds"_qs << QString() << 1.0;
        QTest::addRow("total_s") << u"total_s"_qs << QString() << 1.0;
        QTest::addRow("total_ms") << u"total_ms"_qs << QString() << 0.001;
        QTest::addRow("total") << u"total"_qs << QString() << 1.0;
        // 3. phaseN_total_* is phaseN, phaseN_ITEM_* is phaseN/ITEM
        QTest::addRow("phase1_total_seconds") << u"phase1_total_seconds"_qs << u"phase1"_qs << 1.0;
        QTest::addRow("phase2_total_ms") << u"phase2_total_ms"_qs << u"phase2"_qs << 0.001;
        QTest::addRow("phase1_seconds") << u"phase1_seconds"_qs << u"phase1"_qs << 1.0;
        QTest::addRow("phase12_x_ms") << u"phase12_x_ms"_qs << u"phase12/x"_qs << 0.001;
        QTest::addRow("phase1 item") << u"phase1_agent_conversation_seconds"_qs
                                     << u"phase1/agent_conversation"_qs << 1.0;
        QTest::addRow("phase item, unicode") << u"phase3_étape_s"_qs << u"phase3/étape"_qs << 1.0;
        // 2. the legacy aliases
        QTest::addRow("matcher1_critic_time_seconds")
            << u"matcher1_critic_time_seconds"_qs << u"phase1"_qs << 1.0;
        QTest::addRow("matcher1_critic_time_ms") << u"matcher1_critic_time_ms"_qs << u"phase1"_qs << 0.001;
        QTest::addRow("matcher2_time_seconds") << u"matcher2_time_seconds"_qs << u"phase2"_qs << 1.0;
        // 4. any other key with a unit suffix is a child of the root
        QTest::addRow("queue_wait_seconds") << u"queue_wait_seconds"_qs << u"queue_wait"_qs << 1.0;
        QTest::addRow("startup_ms") << u"startup_ms"_qs << u"startup"_qs << 0.001;
        QTest::addRow("x_s") << u"x_s"_qs << u"x"_qs << 1.0;
        QTest::addRow("phase without a number") << u"phase_x_seconds"_qs << u"phase_x"_qs << 1.0;
        QTest::addRow("phase digits then text") << u"phase1x_seconds"_qs << u"phase1x"_qs << 1.0;
        QTest::addRow("unicode") << u"temps_écoulé_ms"_qs << u"temps_écoulé"_qs << 0.001;
        // 5. everything else is metadata
        QTest::addRow("model") << u"model"_qs << u"(metadata)"_qs << 1.0;
        QTest::addRow("registration_id") << u"registration_id"_qs << u"(metadata)"_qs << 1.0;
        QTest::addRow("empty key") << QString() << u"(metadata)"_qs << 1.0;
        QTest::addRow("a bare suffix") << u"_seconds"_qs << u"(metadata)"_qs << 1.0;
        QTest::addRow("seconds") << u"seconds"_qs << u"(metadata)"_qs << 1.0;
        QTest::addRow("suffix not at the end") << u"total_seconds_note"_qs << u"(metadata)"_qs << 1.0;
        QTest::addRow("phase1_total") << u"phase1_total"_qs << u"(metadata)"_qs << 1.0;
    }

    static void check(const ColumnMapping* columns)
    {
        QFETCH(QString, key);
        QFETCH(QString, target);
        QFETCH(double, toSeconds);
        const std::string utf8 = key.toStdString();
        const FlatTarget resolved = resolveFlatKey(utf8, columns);
        QCOMPARE(targetOf(resolved), target);
        if (resolved.isTiming)
            QCOMPARE(resolved.toSeconds, toSeconds);
    }

private slots:
    void withoutAMapping_data()
    {
        addColumns();
        addUnmappedRows();
    }

    void withoutAMapping() { check(nullptr); }

    void withAMapping_data()
    {
        addColumns();
        // 1. a column named in the mapping goes where it says; the unit is still its suffix
        QTest::addRow("mapped, no suffix") << u"matcher_time"_qs << u"phase1/agent_conversation"_qs << 1.0;
        QTest::addRow("mapped to total") << u"wall_ms"_qs << QString() << 0.001;
        QTest::addRow("mapped to total/queue") << u"queue_s"_qs << u"queue"_qs << 1.0;
        QTest::addRow("mapping beats the phase rule") << u"phase4_total_seconds"_qs << u"phase9"_qs << 1.0;
        QTest::addRow("mapped, spaces and parentheses") << u"critic (s)"_qs << u"phase1/critic"_qs << 1.0;
        QTest::addRow("mapped, unicode") << u"durée_ms"_qs << u"phase2/étape"_qs << 0.001;
        // Keys the mapping does not name follow the other rules.
        addUnmappedRows();
        QTest::addRow("unmapped, case differs") << u"Matcher_Time"_qs << u"(metadata)"_qs << 1.0;
    }

    void withAMapping()
    {
        const ColumnMapping columns = mapping();
        check(&columns);
    }

    void anEmptyMappingChangesNothing_data()
    {
        addColumns();
        addUnmappedRows();
    }

    void anEmptyMappingChangesNothing()
    {
        QString error;
        const auto empty = ColumnMapping::parse("{}", u"empty.json"_qs, &error);
        QVERIFY2(empty, qPrintable(error));
        QVERIFY(empty->isEmpty());
        check(&*empty);
    }

    void unitSuffixes_data()
    {
        QTest::addColumn<QString>("key");
        QTest::addColumn<QString>("base");
        QTest::addColumn<double>("toSeconds");
        QTest::addColumn<bool>("hasUnitSuffix");
        QTest::addColumn<bool>("isTotal");
        QTest::addRow("_seconds") << u"phase1_seconds"_qs << u"phase1"_qs << 1.0 << true << false;
        QTest::addRow("_s") << u"phase1_s"_qs << u"phase1"_qs << 1.0 << true << false;
        QTest::addRow("_ms") << u"phase1_ms"_qs << u"phase1"_qs << 0.001 << true << false;
        QTest::addRow("none") << u"phase1"_qs << u"phase1"_qs << 1.0 << false << false;
        QTest::addRow("total") << u"total"_qs << u"total"_qs << 1.0 << false << true;
        QTest::addRow("total_seconds") << u"total_seconds"_qs << u"total"_qs << 1.0 << true << true;
        QTest::addRow("total_s") << u"total_s"_qs << u"total"_qs << 1.0 << true << true;
        QTest::addRow("total_ms") << u"total_ms"_qs << u"total"_qs << 0.001 << true << true;
        QTest::addRow("totals") << u"totals"_qs << u"totals"_qs << 1.0 << false << false;
        QTest::addRow("subtotal_s") << u"subtotal_s"_qs << u"subtotal"_qs << 1.0 << true << false;
    }

    void unitSuffixes()
    {
        QFETCH(QString, key);
        QFETCH(QString, base);
        QFETCH(double, toSeconds);
        QFETCH(bool, hasUnitSuffix);
        QFETCH(bool, isTotal);
        const std::string utf8 = key.toStdString();
        const TimeKey split = splitTimeKey(utf8);
        QCOMPARE(QString::fromUtf8(split.base.data(), static_cast<qsizetype>(split.base.size())), base);
        QCOMPARE(split.toSeconds, toSeconds);
        QCOMPARE(split.hasUnitSuffix, hasUnitSuffix);
        QCOMPARE(isTotalKey(utf8), isTotal);
    }
};

QTEST_APPLESS_MAIN(TestTimingKeys)
#include "tst_timingkeys.moc"
