// The runs table: sorting and filtering on index vectors in core, marks against
// each run's group, and model correctness under QAbstractItemModelTester.
#include "data/datasetlookups.h"
#include "models/runtablemodel.h"
#include "query/runquery.h"
#include "stats/groupreference.h"
#include "testsupport.h"

#include <QAbstractItemModelTester>

using namespace te;
using namespace te::test;

class TestRunTableModel : public QObject
{
    Q_OBJECT

    std::shared_ptr<const TimingDataset> m_data;
    std::shared_ptr<const GroupReference> m_reference;

    int columnOf(const RunTableModel& model, const QString& id)
    {
        const auto& columns = model.columns();
        for (std::size_t i = 0; i < columns.size(); ++i) {
            if (columns[i].id() == id)
                return static_cast<int>(i);
        }
        return -1;
    }

private slots:
    void initTestCase()
    {
        m_data = std::make_shared<const TimingDataset>(loadFixtures({ u"stats_groups.jsonl"_qs }).dataset);
        m_reference = std::make_shared<const GroupReference>(
            GroupReference::compute(*m_data, { TimingDataset::Model }));
    }

    void defaultColumnsAndModelTester()
    {
        RunTableModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setDataset(m_data, m_reference);
        model.setColumns(defaultRunColumns(*m_data));
        model.setRuns(allRuns(*m_data));
        QCOMPARE(model.rowCount(), 25);
        QStringList headers;
        for (int c = 0; c < model.columnCount(); ++c)
            headers << model.headerData(c, Qt::Horizontal).toString();
        QCOMPARE(headers,
            (QStringList { u"registration_id"_qs, u"model"_qs, u"constellation"_qs, u"timestamp"_qs,
                u"source"_qs, u"total"_qs, u"phase1"_qs, u"phase2"_qs, u"× model median"_qs }));
        // The ratio's header names what it divides by.
        model.setDataset(
            m_data, std::make_shared<const GroupReference>(GroupReference::compute(*m_data, {})));
        QCOMPARE(
            model.headerData(model.columnCount() - 1, Qt::Horizontal).toString(), u"× median of all runs"_qs);
        model.setDataset(m_data, m_reference);
        model.sort(columnOf(model, u"metric:total"_qs), Qt::DescendingOrder);
        model.setRuns({ 3, 1, 2 });
        QCOMPARE(model.rowCount(), 3);
        model.setRuns({});
        QCOMPARE(model.rowCount(), 0);
    }

    void sortsNumericallyAndTextually()
    {
        RunTableModel model;
        model.setDataset(m_data, m_reference);
        model.setColumns(defaultRunColumns(*m_data));
        model.setRuns(allRuns(*m_data));
        const int total = columnOf(model, u"metric:total"_qs);
        model.sort(total, Qt::DescendingOrder);
        double previous = std::numeric_limits<double>::infinity();
        for (int row = 0; row < model.rowCount(); ++row) {
            const double seconds = model.index(row, total).data(RunTableModel::SortRole).toDouble();
            QVERIFY(seconds <= previous);
            previous = seconds;
        }
        // Durations read as durations, sort as numbers.
        QVERIFY(model.index(0, total).data().toString().endsWith(u" s"_qs));
        model.sort(columnOf(model, u"field:model"_qs), Qt::AscendingOrder);
        QCOMPARE(model.index(0, 1).data().toString(), u"fast"_qs);
        QCOMPARE(model.index(24, 1).data().toString(), u"slow"_qs);
        // Equal keys keep file order.
        QVERIFY(model.runAt(0) < model.runAt(1));
    }

    void ratioToGroupMedianAndSlowMarks()
    {
        RunTableModel model;
        model.setDataset(m_data, m_reference);
        model.setColumns(defaultRunColumns(*m_data));
        model.setRuns(allRuns(*m_data));
        const int ratio = columnOf(model, u"ratio"_qs);
        for (int row = 0; row < model.rowCount(); ++row) {
            const std::uint32_t run = model.runAt(row);
            const int group = m_reference->groupOf(run);
            const double expected = m_data->value(run, 0) / m_reference->median(group, 0);
            QCOMPARE(model.index(row, ratio).data(RunTableModel::SortRole).toDouble(), expected);
            QCOMPARE(model.index(row, 0).data(RunTableModel::SlowRole).toBool(),
                m_reference->isSlowRun(*m_data, run));
        }
        // n=13 in "fast": the run at the maximum is above its P95.
        model.sort(columnOf(model, u"metric:total"_qs), Qt::DescendingOrder);
        QVERIFY(model.index(0, 0).data(RunTableModel::SlowRole).toBool());
        QVERIFY(model.index(0, ratio).data().toString().endsWith(u"×"_qs));
    }

    void queriesFilterInCore_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QStringList>("models");
        QTest::addColumn<double>("minTotal");
        QTest::addColumn<QString>("expression");
        QTest::addColumn<int>("expected");
        QTest::addRow("everything") << QString() << QStringList() << RunQuery::kNoLimit << QString() << 25;
        QTest::addRow("text in metadata")
            << u"SLO"_qs << QStringList() << RunQuery::kNoLimit << QString() << 12;
        QTest::addRow("registration id")
            << u"R03"_qs << QStringList() << RunQuery::kNoLimit << QString() << 2;
        QTest::addRow("model picker")
            << QString() << QStringList { u"fast"_qs } << RunQuery::kNoLimit << QString() << 13;
        QTest::addRow("range") << QString() << QStringList() << 25.0 << QString() << 11;
        QTest::addRow("expression") << QString() << QStringList() << RunQuery::kNoLimit << u"phase1>15"_qs
                                    << 11;
        QTest::addRow("all combined")
            << u"r0"_qs << QStringList { u"slow"_qs } << 25.0 << u"constellation!=c0"_qs << 7;
    }

    void queriesFilterInCore()
    {
        QFETCH(QString, text);
        QFETCH(QStringList, models);
        QFETCH(double, minTotal);
        QFETCH(QString, expression);
        QFETCH(int, expected);
        RunQuery query;
        query.text = text;
        if (!models.isEmpty())
            query.allowedValues[TimingDataset::Model] = QSet<QString>(models.begin(), models.end());
        query.minSeconds = minTotal;
        if (!expression.isEmpty())
            query.expressions.push_back(*RunFilter::parse(expression, *m_data, nullptr));
        const auto runs = query.apply(*m_data);
        // Recount by brute force over the dataset, independently of RunQuery.
        int count = 0;
        for (std::uint32_t run = 0; run < m_data->runCount(); ++run) {
            bool keep = text.isEmpty() || m_data->fieldValue(run, 0).contains(text, Qt::CaseInsensitive)
                || m_data->fieldValue(run, 1).contains(text, Qt::CaseInsensitive)
                || m_data->fieldValue(run, 2).contains(text, Qt::CaseInsensitive);
            keep = keep && (models.isEmpty() || models.contains(m_data->fieldValue(run, 1)));
            keep = keep && (std::isnan(minTotal) || m_data->value(run, 0) >= minTotal);
            if (!expression.isEmpty())
                keep = keep && RunFilter::parse(expression, *m_data, nullptr)->matches(*m_data, run);
            count += keep ? 1 : 0;
        }
        QCOMPARE(static_cast<int>(runs.size()), count);
        QCOMPARE(count, expected);
    }

    void selectionFollowsItsRunWhenSorted()
    {
        RunTableModel model;
        model.setDataset(m_data, m_reference);
        model.setColumns(defaultRunColumns(*m_data));
        model.setRuns(allRuns(*m_data));
        const QPersistentModelIndex selected = model.index(model.rowOfRun(7), 0);
        model.sort(columnOf(model, u"metric:phase2"_qs), Qt::AscendingOrder);
        QCOMPARE(model.runAt(selected.row()), 7u);
    }

    // A metric column reads in one unit for every run, chosen by its largest value.
    void aMetricColumnHasOneUnit()
    {
        const auto data
            = std::make_shared<const TimingDataset>(loadFixtures({ u"paired_10x2.jsonl"_qs }).dataset);
        RunTableModel model;
        model.setDataset(data, nullptr);
        model.setColumns({ { RunColumn::Kind::Metric, u"total"_qs } });
        model.setRuns(allRuns(*data));
        QStringList shown;
        for (int row = 0; row < model.rowCount(); ++row)
            shown << model.index(row, 0).data().toString();
        QVERIFY2(
            shown.contains(u"150.2 s"_qs) && shown.contains(u"52.0 s"_qs) && shown.contains(u"14.9 s"_qs),
            qPrintable(shown.join(u", "_qs)));
        for (const QString& text : shown)
            QVERIFY2(text.endsWith(u" s"_qs) && !text.contains(u"min"_qs), qPrintable(text));
    }

    void copiesVisibleRowsAsTsv()
    {
        RunTableModel model;
        model.setDataset(m_data, m_reference);
        model.setColumns({ { RunColumn::Kind::Field, u"registration_id"_qs },
            { RunColumn::Kind::Metric, u"total"_qs }, { RunColumn::Kind::RatioToMedian, QString() } });
        model.setRuns({ 0 });
        // Plain numbers: the ratio without its "×", so a spreadsheet reads a number.
        QCOMPARE(model.toTsv({ 0 }),
            QStringLiteral("registration_id\ttotal\t× model median\nR00\t%1\t%2\n")
                .arg(m_data->value(0, 0), 0, 'f', 3)
                .arg(m_reference->ratioToMedian(*m_data, 0, 0), 0, 'f', 2));
    }
};

QTEST_GUILESS_MAIN(TestRunTableModel)
#include "tst_runtablemodel.moc"
