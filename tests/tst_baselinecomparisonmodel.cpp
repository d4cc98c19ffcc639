// BaselineComparisonModel: the N-way table. Plain numbers for copying, numbers for
// sorting, headers naming the statistic and the baseline, a verdict a person
// reads; a QAbstractItemModelTester stays attached across every reset.
#include "models/baselinecomparisonmodel.h"
#include "testsupport.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <cmath>

using namespace te;
using namespace te::test;

namespace {

BaselineRow row(const QString& label, std::int64_t n, double value, ConfidenceInterval ratio, double p)
{
    BaselineRow r;
    r.label = label;
    r.against = u"gpt4o"_qs;
    r.againstN = 10;
    r.n = n;
    r.contrast.valueB = value;
    r.contrast.ratio = ratio;
    r.contrast.mannWhitney.p = p;
    r.verdict = verdictOf(ratio);
    return r;
}

/// Two groups against gpt4o on P95, by hand: one faster, one unclear, one with no runs.
BaselineComparison handMade()
{
    BaselineComparison c;
    c.baseline = u"gpt4o"_qs;
    c.baselineN = 10;
    c.baselineValue = 30.0;
    c.statistic = Statistic::P95;
    const double nan = std::nan("");
    c.rows = {
        row(u"claude"_qs, 10, 19.5, { 0.65, 0.5, 0.8, 2000 }, 0.0022),
        row(u"gpt5"_qs, 12, 31.25, { 31.25 / 30.0, 0.9, 1.2, 2000 }, 0.00001234),
        row(u"empty"_qs, 0, nan, { nan, nan, nan, 0 }, nan),
    };
    return c;
}

QString text(const BaselineComparisonModel& model, int row, int column)
{
    return model.index(row, column).data().toString();
}

} // namespace

class TestBaselineComparisonModel : public QObject
{
    Q_OBJECT

private slots:
    void anEmptyModel()
    {
        BaselineComparisonModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);
        QCOMPARE(model.rowCount(), 0);
        QCOMPARE(model.columnCount(), int(BaselineComparisonModel::ColumnCount));
        QCOMPARE(
            model.headerData(BaselineComparisonModel::Value, Qt::Horizontal).toString(), u"median (s)"_qs);
    }

    void headersNameTheStatisticAndTheBaseline()
    {
        BaselineComparisonModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);
        model.setComparison(handMade());
        QStringList headers;
        for (int c = 0; c < model.columnCount(); ++c)
            headers << model.headerData(c, Qt::Horizontal).toString();
        QCOMPARE(headers,
            (QStringList { u"group"_qs, u"against"_qs, u"n"_qs, u"P95 (s)"_qs, u"ratio of P95 vs gpt4o"_qs,
                u"CI low"_qs, u"CI high"_qs, u"p"_qs, u"verdict"_qs }));
        QVERIFY(!model.headerData(0, Qt::Vertical).isValid());
    }

    // Against the previous value of a field, each row names its own baseline.
    void previousValueHeaders()
    {
        BaselineComparisonModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);
        BaselineComparison c = handMade();
        c.baseline.clear();
        c.previousOf = u"git_commit"_qs;
        c.rows[0].label = u"m_a · c02"_qs;
        c.rows[0].against = u"c01"_qs;
        model.setComparison(c);
        QCOMPARE(model.headerData(BaselineComparisonModel::Group, Qt::Horizontal).toString(),
            u"group · git_commit"_qs);
        QCOMPARE(model.headerData(BaselineComparisonModel::Ratio, Qt::Horizontal).toString(),
            u"ratio of P95 vs previous git_commit"_qs);
        QCOMPARE(text(model, 0, BaselineComparisonModel::Against), u"c01"_qs);
    }

    void cellsArePlainNumbers()
    {
        BaselineComparisonModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);
        model.setComparison(handMade());
        QCOMPARE(model.rowCount(), 3);
        QCOMPARE(text(model, 0, BaselineComparisonModel::Group), u"claude"_qs);
        QCOMPARE(text(model, 0, BaselineComparisonModel::N), u"10"_qs);
        QCOMPARE(text(model, 0, BaselineComparisonModel::Against), u"gpt4o"_qs);
        QCOMPARE(model.index(0, BaselineComparisonModel::Against).data(Qt::ToolTipRole).toString(),
            u"gpt4o, n=10"_qs);
        QCOMPARE(
            text(model, 0, BaselineComparisonModel::Value), u"19.500"_qs); // no unit: it pastes as a number
        QCOMPARE(text(model, 0, BaselineComparisonModel::Ratio), u"0.650"_qs);
        QCOMPARE(text(model, 0, BaselineComparisonModel::CiLow), u"0.500"_qs);
        QCOMPARE(text(model, 0, BaselineComparisonModel::CiHigh), u"0.800"_qs);
        QCOMPARE(text(model, 0, BaselineComparisonModel::P), u"0.0022"_qs);
        QCOMPARE(text(model, 0, BaselineComparisonModel::VerdictColumn), u"faster"_qs);
        QCOMPARE(text(model, 1, BaselineComparisonModel::Ratio), u"1.042"_qs); // 31.25 / 30
        QCOMPARE(text(model, 1, BaselineComparisonModel::P), u"1.23e-05"_qs);
        QCOMPARE(text(model, 1, BaselineComparisonModel::VerdictColumn), u"unclear"_qs); // 0.9–1.2 holds 1
        // A group without runs: blanks, not "nan", and no verdict but unclear.
        for (int c = BaselineComparisonModel::Value; c <= BaselineComparisonModel::P; ++c)
            QCOMPARE(text(model, 2, c), QString());
        QCOMPARE(text(model, 2, BaselineComparisonModel::VerdictColumn), u"unclear"_qs);
    }

    void sortRoleIsTheNumber()
    {
        BaselineComparisonModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);
        model.setComparison(handMade());
        const auto value = [&](int row, int column) {
            return model.index(row, column).data(BaselineComparisonModel::SortRole);
        };
        QCOMPARE(value(1, BaselineComparisonModel::N).toLongLong(), 12);
        QCOMPARE(value(1, BaselineComparisonModel::Value).toDouble(), 31.25);
        QCOMPARE(value(1, BaselineComparisonModel::Ratio).toDouble(), 31.25 / 30.0);
        QCOMPARE(value(1, BaselineComparisonModel::P).toDouble(), 0.00001234);
        QVERIFY(std::isnan(value(2, BaselineComparisonModel::Ratio).toDouble()));
        // Numbers align right.
        QVERIFY(
            model.index(0, BaselineComparisonModel::Ratio).data(Qt::TextAlignmentRole).value<Qt::Alignment>()
            & Qt::AlignRight);
        QVERIFY(!model.data(QModelIndex()).isValid());
    }

    void theVerdictsOfAFixture()
    {
        // paired_10x3.jsonl against anthropic_claude, the fastest: both OpenAI models
        // are slower (numpy medians 15.743 and 15.338 against 9.8125).
        const LoadResult r = loadFixtures({ u"paired_10x3.jsonl"_qs });
        const TimingDataset& d = r.dataset;
        BaselineComparisonModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);
        QSignalSpy resets(&model, &QAbstractItemModel::modelReset);
        model.setComparison(compareWithBaseline(d,
            { te::test::runsOfModel(d, u"openai_gpt4o"_qs), te::test::runsOfModel(d, u"openai_gpt5"_qs),
                te::test::runsOfModel(d, u"anthropic_claude"_qs) },
            { u"openai_gpt4o"_qs, u"openai_gpt5"_qs, u"anthropic_claude"_qs }, 2, TimingDataset::kRootMetric,
            Statistic::Median));
        QCOMPARE(model.rowCount(), 2);
        QCOMPARE(text(model, 0, BaselineComparisonModel::Ratio), u"1.604"_qs); // 15.743 / 9.8125 = 1.6044
        QCOMPARE(text(model, 1, BaselineComparisonModel::Ratio), u"1.563"_qs); // 15.338 / 9.8125 = 1.5631
        QCOMPARE(text(model, 0, BaselineComparisonModel::VerdictColumn), u"slower"_qs);
        QCOMPARE(text(model, 1, BaselineComparisonModel::VerdictColumn), u"slower"_qs);
        model.setComparison({});
        QCOMPARE(model.rowCount(), 0);
        QCOMPARE(resets.count(), 2);
    }
};

QTEST_GUILESS_MAIN(TestBaselineComparisonModel)
#include "tst_baselinecomparisonmodel.moc"
