#include "models/breakdownmodel.h"
#include "stats/groupreference.h"
#include "testsupport.h"

#include <QAbstractItemModelTester>
#include <QSortFilterProxyModel>
#include <algorithm>

using namespace te;
using namespace te::test;

class TestBreakdownModel : public QObject
{
    Q_OBJECT

    static std::shared_ptr<const TimingDataset> load(const QString& file)
    {
        return std::make_shared<const TimingDataset>(loadFixtures({ file }).dataset);
    }

    static std::uint32_t runOf(const TimingDataset& data, const QString& id, const QString& model)
    {
        for (std::uint32_t run = 0; run < data.runCount(); ++run) {
            if (data.fieldValue(run, TimingDataset::RegistrationId) == id
                && data.fieldValue(run, TimingDataset::Model) == model)
                return run;
        }
        qFatal("no run %s of %s", qPrintable(id), qPrintable(model));
    }

    /// The index of the node at `path` ("phase1/agent_conversation"), by names.
    static QModelIndex find(const QAbstractItemModel& model, const QString& path, int column = 0)
    {
        QModelIndex at = model.index(0, 0); // total
        if (path == u"total")
            return at.siblingAtColumn(column);
        for (const QString& name : path.split(u'/')) {
            QModelIndex next;
            for (int row = 0; row < model.rowCount(at); ++row) {
                if (model.index(row, 0, at).data().toString() == name)
                    next = model.index(row, 0, at);
            }
            if (!next.isValid())
                return {};
            at = next;
        }
        return at.siblingAtColumn(column);
    }

    static QString text(const BreakdownModel& model, const QString& path, int column)
    {
        return find(model, path, column).data().toString();
    }

private slots:
    void singleRunValues()
    {
        BreakdownModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        auto data = load(u"seed_proposed.jsonl"_qs);
        model.setRuns(data, { 0 }, nullptr);
        QCOMPARE(model.columnCount(), int(BreakdownModel::SingleRunColumnCount));
        QCOMPARE(model.runLabels(), QStringList { u"SPUS55557 · zai_glm4_5_air"_qs });
        QCOMPARE(model.rowCount(), 1);
        QCOMPARE(text(model, u"total"_qs, BreakdownModel::TimeColumn), u"50.4 s"_qs);

        const QModelIndex conversation = find(model, u"phase1/agent_conversation"_qs);
        QVERIFY(conversation.isValid());
        QCOMPARE(conversation.data(BreakdownModel::PathRole).toString(), u"phase1/agent_conversation"_qs);
        QCOMPARE(conversation.data(BreakdownModel::MetricRole).toInt(),
            data->metricId(u"phase1/agent_conversation"));
        QCOMPARE(conversation.siblingAtColumn(BreakdownModel::TimeColumn).data().toString(), u"33.2 s"_qs);
        QCOMPARE(conversation.siblingAtColumn(BreakdownModel::TimeColumn)
                     .data(BreakdownModel::SortRole)
                     .toDouble(),
            33.2);
        // 33.2 / 34.522 and 33.2 / 50.415, from the fixture's first line.
        const QModelIndex ofParent = conversation.siblingAtColumn(BreakdownModel::ShareOfParentColumn);
        QCOMPARE(ofParent.data().toString(), u"96.2 %"_qs);
        QCOMPARE(ofParent.data(BreakdownModel::ShareRole).toDouble(), 33.2 / 34.522);
        QCOMPARE(
            conversation.siblingAtColumn(BreakdownModel::ShareOfRunColumn).data().toString(), u"65.9 %"_qs);
        QCOMPARE(text(model, u"phase1"_qs, BreakdownModel::AgentsColumn), u"matcher1, critic"_qs);
        QCOMPARE(text(model, u"phase2"_qs, BreakdownModel::AgentsColumn), u"matcher2"_qs);
        // Without a reference there is nothing to compare with, and nothing to flag.
        QVERIFY(text(model, u"phase1"_qs, BreakdownModel::MedianColumn).isEmpty());
        QVERIFY(!conversation.data(BreakdownModel::HighlightRole).toBool());
        // The share columns carry a bar value; the time column does not.
        QVERIFY(!conversation.siblingAtColumn(BreakdownModel::TimeColumn)
                     .data(BreakdownModel::ShareRole)
                     .isValid());
    }

    void derivedTotalIsMarked()
    {
        BreakdownModel model;
        auto data = load(u"seed_proposed.jsonl"_qs);
        model.setRuns(data, { 2 }, nullptr); // SPUS70001: no totals, phase1 from its parts
        const QModelIndex total = model.index(0, BreakdownModel::TimeColumn);
        QCOMPARE(total.data().toString(), u"7.50 s Σ"_qs);
        QVERIFY(total.data(BreakdownModel::DerivedRole).toBool());
        QCOMPARE(total.data(Qt::ToolTipRole).toString(), u"Σ: not measured; the sum of its parts"_qs);
        QCOMPARE(text(model, u"phase2"_qs, BreakdownModel::TimeColumn), u"2.50 s"_qs);
    }

    void groupMedianAndHighlight()
    {
        auto data = load(u"stats_groups.jsonl"_qs);
        auto reference = std::make_shared<const GroupReference>(
            GroupReference::compute(*data, { TimingDataset::Model }));

        // The median of phase2 over the 12 "slow" runs, computed here by sorting: the
        // fixture's values are 6.22 7.729 8.244 8.265 8.917 9.436 | 10.543 10.583
        // 11.182 14.549 15.669 15.892, so the median is (9.436 + 10.543) / 2 = 9.9895.
        const int phase2 = data->metricId(u"phase2");
        std::vector<double> slow;
        for (std::uint32_t run = 0; run < data->runCount(); ++run) {
            if (data->fieldValue(run, TimingDataset::Model) == u"slow")
                slow.push_back(data->value(run, phase2));
        }
        QCOMPARE(slow.size(), std::size_t { 12 });
        std::sort(slow.begin(), slow.end());
        const double median = (slow[5] + slow[6]) / 2;
        QCOMPARE(median, 9.9895);

        // R09 on "slow" has the group's slowest phase2, 15.892 s: above the P95
        // (15.769 by linear interpolation) and 15.892 / 9.9895 = 1.59 × the median.
        BreakdownModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setRuns(data, { runOf(*data, u"R09"_qs, u"slow"_qs) }, reference);
        const QModelIndex phase2Row = find(model, u"phase2"_qs);
        QCOMPARE(
            phase2Row.siblingAtColumn(BreakdownModel::MedianColumn).data(BreakdownModel::SortRole).toDouble(),
            median);
        QCOMPARE(phase2Row.siblingAtColumn(BreakdownModel::MedianColumn).data().toString(), u"9.99 s"_qs);
        QCOMPARE(
            phase2Row.siblingAtColumn(BreakdownModel::DeltaVsMedianColumn).data().toString(), u"+5.90 s"_qs);
        const QModelIndex ratio = phase2Row.siblingAtColumn(BreakdownModel::RatioVsMedianColumn);
        QCOMPARE(ratio.data().toString(), u"1.59×"_qs);
        QCOMPARE(ratio.data(BreakdownModel::RatioRole).toDouble(), 15.892 / median);
        QVERIFY(phase2Row.data(BreakdownModel::HighlightRole).toBool());
        QVERIFY(ratio.data(Qt::ToolTipRole).toString().contains(u"slow"_qs));
        // Its phase1 (12.82 s) is below the slow median (17.625): faster than typical.
        const QModelIndex phase1Row = find(model, u"phase1"_qs);
        QVERIFY(!phase1Row.data(BreakdownModel::HighlightRole).toBool());
        QVERIFY(phase1Row.siblingAtColumn(BreakdownModel::DeltaVsMedianColumn)
                    .data()
                    .toString()
                    .startsWith(u'−'));

        // R11 has the slowest "slow" total, 31.958 s: above the P95, but only 1.11 × the
        // median (28.873), which is not worth a colour.
        const std::uint32_t r11 = runOf(*data, u"R11"_qs, u"slow"_qs);
        QVERIFY(reference->isAboveP95(*data, r11, TimingDataset::kRootMetric));
        model.setRuns(data, { r11 }, reference);
        QCOMPARE(text(model, u"total"_qs, BreakdownModel::MedianColumn), u"28.9 s"_qs);
        QCOMPARE(text(model, u"total"_qs, BreakdownModel::RatioVsMedianColumn), u"1.11×"_qs);
        QVERIFY(!model.index(0, 0).data(BreakdownModel::HighlightRole).toBool());
    }

    void twoRuns()
    {
        BreakdownModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        auto data = load(u"seed_proposed.jsonl"_qs);
        model.setRuns(data, { 0, 1 }, nullptr);
        // Node, time A, time B, Δ B, × B.
        QCOMPARE(model.columnCount(), 5);
        QCOMPARE(model.timeColumn(1), 2);
        QCOMPARE(model.deltaColumn(1), 3);
        QCOMPARE(model.ratioColumn(1), 4);
        QCOMPARE(model.headerData(1, Qt::Horizontal).toString(), u"SPUS55557 · zai_glm4_5_air"_qs);
        QCOMPARE(model.headerData(2, Qt::Horizontal).toString(), u"SPUS63654 · openai_gpt4o"_qs);
        QCOMPARE(model.columnKind(3), BreakdownModel::DeltaVsFirstKind);
        QCOMPARE(model.columnKind(4), BreakdownModel::RatioVsFirstKind);

        // 30.0 − 50.415 and 30.0 / 50.415.
        QCOMPARE(text(model, u"total"_qs, 1), u"50.4 s"_qs);
        QCOMPARE(text(model, u"total"_qs, 2), u"30.0 s"_qs);
        QCOMPARE(text(model, u"total"_qs, 3), u"−20.4 s"_qs);
        QCOMPARE(text(model, u"total"_qs, 4), u"0.60×"_qs);
        QCOMPARE(find(model, u"total"_qs, 3).data(BreakdownModel::SortRole).toDouble(), 30.0 - 50.415);
        QCOMPARE(find(model, u"total"_qs, 4).data(BreakdownModel::RatioRole).toDouble(), 30.0 / 50.415);
        QCOMPARE(find(model, u"total"_qs, 2).data(BreakdownModel::RunRole).toULongLong(), 1ull);
        // phase1/agent_conversation: 15.0 vs 33.2.
        QCOMPARE(text(model, u"phase1/agent_conversation"_qs, 3), u"−18.2 s"_qs);
        QCOMPARE(text(model, u"phase1/agent_conversation"_qs, 4), u"0.45×"_qs);

        // The union of both trees: setup only in A, (unaccounted) (20 − 15.5) only in B.
        const QModelIndex setup = find(model, u"phase1/setup"_qs);
        QVERIFY(setup.isValid());
        QCOMPARE(setup.siblingAtColumn(1).data().toString(), u"100 ms"_qs);
        QVERIFY(setup.siblingAtColumn(2).data().toString().isEmpty());
        QVERIFY(!setup.siblingAtColumn(2).data(BreakdownModel::SortRole).isValid());
        QVERIFY(setup.siblingAtColumn(3).data().toString().isEmpty());
        QVERIFY(setup.siblingAtColumn(4).data().toString().isEmpty());
        const QModelIndex unaccounted = find(model, u"phase1/(unaccounted)"_qs);
        QVERIFY(unaccounted.isValid());
        QVERIFY(unaccounted.siblingAtColumn(1).data().toString().isEmpty());
        // Not measured either: what phase1's total leaves after its measured parts.
        QCOMPARE(unaccounted.siblingAtColumn(2).data().toString(), u"4.50 s Σ"_qs);
        QCOMPARE(unaccounted.siblingAtColumn(2).data(Qt::ToolTipRole).toString(),
            u"Σ: not measured; the parent's total minus its measured parts"_qs);
        // No group highlight outside the single-run view.
        QVERIFY(!find(model, u"total"_qs).data(BreakdownModel::HighlightRole).toBool());

        // Sorted on the raw numbers through a proxy (as numbers: 0.1 < 0.5 < 0.822 < 33.2);
        // the cell A lacks has no sort value, which the proxy puts after every number.
        QSortFilterProxyModel proxy;
        QAbstractItemModelTester proxyTester(&proxy, QAbstractItemModelTester::FailureReportingMode::QtTest);
        proxy.setSourceModel(&model);
        proxy.setSortRole(BreakdownModel::SortRole);
        proxy.sort(1, Qt::AscendingOrder);
        QCOMPARE(proxy.index(0, 0, proxy.index(0, 0)).data().toString(), u"phase2"_qs); // 15.893 < 34.522
        const QModelIndex phase1Sorted = find(proxy, u"phase1"_qs);
        QStringList order;
        for (int row = 0; row < proxy.rowCount(phase1Sorted); ++row)
            order << proxy.index(row, 0, phase1Sorted).data().toString();
        QCOMPARE(order,
            (QStringList { u"setup"_qs, u"file_write"_qs, u"capacity_update"_qs, u"agent_conversation"_qs,
                u"(unaccounted)"_qs }));
    }

    void registrationAcrossModels()
    {
        // One registration on both models of stats_groups.jsonl: R00 fast, then slow.
        BreakdownModel model;
        auto data = load(u"stats_groups.jsonl"_qs);
        model.setRuns(
            data, { runOf(*data, u"R00"_qs, u"fast"_qs), runOf(*data, u"R00"_qs, u"slow"_qs) }, nullptr);
        QCOMPARE(model.runLabels(), (QStringList { u"R00 · fast"_qs, u"R00 · slow"_qs }));
        // 19.444 / 13.863 and 10.543 / 3.177.
        QCOMPARE(text(model, u"phase1"_qs, model.ratioColumn(1)), u"1.40×"_qs);
        QCOMPARE(text(model, u"phase2"_qs, model.ratioColumn(1)), u"3.32×"_qs);
        QCOMPARE(text(model, u"phase2"_qs, model.deltaColumn(1)), u"+7.37 s"_qs);
    }

    void threeRuns()
    {
        BreakdownModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        auto data = load(u"seed_proposed.jsonl"_qs);
        model.setRuns(data, { 0, 1, 2 }, nullptr);
        // Node, 3 times, then Δ and × for runs 2 and 3.
        QCOMPARE(model.columnCount(), 8);
        const QStringList headers = [&] {
            QStringList h;
            for (int c = 0; c < model.columnCount(); ++c)
                h << model.headerData(c, Qt::Horizontal).toString();
            return h;
        }();
        QCOMPARE(headers,
            (QStringList { u"Node"_qs, u"SPUS55557 · zai_glm4_5_air"_qs, u"SPUS63654 · openai_gpt4o"_qs,
                u"SPUS70001 · openai_gpt4o"_qs, u"Δ SPUS63654 · openai_gpt4o"_qs,
                u"× SPUS63654 · openai_gpt4o"_qs, u"Δ SPUS70001 · openai_gpt4o"_qs,
                u"× SPUS70001 · openai_gpt4o"_qs }));
        QCOMPARE(model.columnRunPosition(6), 2);
        // The third run's total is derived: 5.0 + 2.5.
        QCOMPARE(text(model, u"total"_qs, 3), u"7.50 s Σ"_qs);
        QCOMPARE(text(model, u"total"_qs, 6), u"−42.9 s"_qs);
        QCOMPARE(text(model, u"total"_qs, 7), u"0.15×"_qs);
        // phase2/agent_conversation only in the first run.
        QCOMPARE(text(model, u"phase2/agent_conversation"_qs, 1), u"14.9 s"_qs);
        QVERIFY(text(model, u"phase2/agent_conversation"_qs, 2).isEmpty());
        QVERIFY(text(model, u"phase2/agent_conversation"_qs, 3).isEmpty());
        QVERIFY(text(model, u"phase2/agent_conversation"_qs, 7).isEmpty());
    }

    void tsvForTheClipboard()
    {
        BreakdownModel model;
        auto data = load(u"seed_proposed.jsonl"_qs);
        model.setRuns(data, { 0 }, nullptr);
        const QStringList lines = model.toTsv().split(u'\n', Qt::SkipEmptyParts);
        QCOMPARE(lines.first(),
            u"Node\tTime\t% of parent\t% of run\tGroup median\tΔ vs median\t× median\tAgents"_qs);
        // total, phase1 + 4 items, phase2 + 3 items; depth first.
        QCOMPARE(lines.size(), 1 + 10);
        QCOMPARE(lines.at(1), u"total\t50.415\t\t1.0000\t\t\t\t"_qs);
        QCOMPARE(lines.at(2), u"  phase1\t34.522\t0.6848\t0.6848\t\t\t\tmatcher1, critic"_qs);
        QCOMPARE(lines.at(4), u"    agent_conversation\t33.200\t0.9617\t0.6585\t\t\t\t"_qs);
        QCOMPARE(lines.at(7), u"  phase2\t15.893\t0.3152\t0.3152\t\t\t\tmatcher2"_qs);

        model.setRuns(data, { 0, 1 }, nullptr);
        const QStringList ab = model.toTsv().split(u'\n', Qt::SkipEmptyParts);
        QCOMPARE(ab.first(),
            u"Node\tSPUS55557 · zai_glm4_5_air\tSPUS63654 · openai_gpt4o\tΔ SPUS63654 · openai_gpt4o\t× "
            "SPUS63654 · openai_gpt4o"_qs);
        QCOMPARE(ab.at(1), u"total\t50.415\t30.000\t-20.415\t0.595"_qs);
    }

    void resetTwiceUnderTester()
    {
        BreakdownModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QSortFilterProxyModel proxy;
        QAbstractItemModelTester proxyTester(&proxy, QAbstractItemModelTester::FailureReportingMode::QtTest);
        proxy.setSourceModel(&model);
        proxy.setSortRole(BreakdownModel::SortRole);
        proxy.sort(1, Qt::DescendingOrder);
        auto seed = load(u"seed_proposed.jsonl"_qs);
        auto groups = load(u"stats_groups.jsonl"_qs);
        auto reference = std::make_shared<const GroupReference>(
            GroupReference::compute(*groups, { TimingDataset::Model }));
        model.setRuns(seed, { 1 }, nullptr);
        QCOMPARE(model.columnCount(), int(BreakdownModel::SingleRunColumnCount));
        model.setRuns(groups, { 0, 1, 2 }, reference);
        QCOMPARE(model.columnCount(), 8);
        QCOMPARE(model.rowCount(model.index(0, 0)), 2);
        model.setRuns(groups, { 3 }, reference);
        QCOMPARE(model.columnCount(), int(BreakdownModel::SingleRunColumnCount));
        model.setRuns(seed, {}, nullptr);
        QCOMPARE(model.rowCount(), 0);
        model.setRuns(nullptr, { 0 }, nullptr);
        QCOMPARE(model.rowCount(), 0);
        QVERIFY(model.toTsv().startsWith(u"Node\t"_qs));
    }
};

QTEST_GUILESS_MAIN(TestBreakdownModel)
#include "tst_breakdownmodel.moc"
