// RunQuery: the runs view's filter bar evaluated in core. Each part alone, their
// combinations (AND), empty results, a drill-down and a sort order, over five runs
// built by hand so that every expected list can be read off the table below.
#include "data/timingdataset.h"
#include "query/runquery.h"

#include <QTest>
#include <functional>

using namespace te;

namespace {

constexpr qint64 kT0 = 1736848800000; // 2025-01-14T10:00:00Z
constexpr qint64 kHour = qint64 { 3600 } * 1000;

/// run  registration_id  model         constellation  total  phase1  timestamp  warning  host
///  0   SPUS1            openai_gpt4o  p1m1c          10     4       T0         -        -
///  1   SPUS2            zai_glm       p1m1c          20     -       T0+1h      yes      -
///  2   SPUS3            openai_gpt4o  -              30     12      -          -        -
///  3   été-run          -             -              5      1       T0+2h      yes      -
///  4   SPUS5            Modèle-Été    -              -      7       T0+3h      -        alpha
TimingDataset makeDataset()
{
    TimingDataset data;
    const int phase1 = data.childMetric(TimingDataset::kRootMetric, "phase1");
    const int host = data.internField("host");
    struct Spec
    {
        const char* id;
        const char* model;
        const char* constellation;
        double total;
        double phase1;
        qint64 timestamp;
        bool warning;
    };
    const Spec specs[] = {
        { "SPUS1", "openai_gpt4o", "p1m1c", 10, 4, kT0, false },
        { "SPUS2", "zai_glm", "p1m1c", 20, -1, kT0 + kHour, true },
        { "SPUS3", "openai_gpt4o", "", 30, 12, TimingDataset::kNoTimestamp, false },
        { "été-run", "", "", 5, 1, kT0 + 2 * kHour, true },
        { "SPUS5", "Modèle-Été", "", -1, 7, kT0 + 3 * kHour, false },
    };
    for (const Spec& spec : specs) {
        const std::uint32_t run = data.addRun();
        data.setField(run, TimingDataset::RegistrationId, spec.id);
        data.setField(run, TimingDataset::Model, spec.model);
        data.setField(run, TimingDataset::Constellation, spec.constellation);
        if (spec.total >= 0)
            data.setValue(run, TimingDataset::kRootMetric, spec.total, false);
        if (spec.phase1 >= 0)
            data.setValue(run, phase1, spec.phase1, false);
        if (spec.timestamp != TimingDataset::kNoTimestamp)
            data.setTimestamp(run, spec.timestamp);
        if (spec.warning)
            data.markWarning(run);
    }
    data.setField(4, host, "alpha");
    data.finish();
    return data;
}

RunFilter filter(const QString& expression, const TimingDataset& data)
{
    QString error;
    auto parsed = RunFilter::parse(expression, data, &error);
    if (!parsed)
        qFatal("%s", qPrintable(error));
    return *parsed;
}

QList<int> toList(const std::vector<std::uint32_t>& runs)
{
    return { runs.begin(), runs.end() };
}

} // namespace

/// Sets up one query against the dataset (RunFilter needs the dataset to parse).
struct QuerySetup
{
    std::function<void(RunQuery&, const TimingDataset&)> apply;
};
Q_DECLARE_METATYPE(QuerySetup)

class TestRunQuery : public QObject
{
    Q_OBJECT

    const TimingDataset m_data = makeDataset();

    static void row(
        const char* name, std::function<void(RunQuery&, const TimingDataset&)> setup, const QList<int>& runs)
    {
        QTest::addRow("%s", name) << QuerySetup { std::move(setup) } << runs;
    }

private slots:
    void matchingRuns_data()
    {
        QTest::addColumn<QuerySetup>("setup");
        QTest::addColumn<QList<int>>("runs");
        using Q = RunQuery;
        using D = TimingDataset;
        row("empty query: every run", [](Q&, const D&) {}, { 0, 1, 2, 3, 4 });
        // Text: registration_id or any metadata value, case-insensitive, trimmed.
        row("text: id prefix", [](Q& q, const D&) { q.text = u"spus"_qs; }, { 0, 1, 2, 4 });
        row("text: model, other case", [](Q& q, const D&) { q.text = u"GPT4O"_qs; }, { 0, 2 });
        row("text: trimmed", [](Q& q, const D&) { q.text = u"  gpt4o \t"_qs; }, { 0, 2 });
        row("text: unicode case", [](Q& q, const D&) { q.text = u"ÉTÉ"_qs; }, { 3, 4 });
        row("text: any field", [](Q& q, const D&) { q.text = u"alph"_qs; }, { 4 });
        row("text: constellation", [](Q& q, const D&) { q.text = u"p1m1c"_qs; }, { 0, 1 });
        row("text: not a timestamp", [](Q& q, const D&) { q.text = u"2025"_qs; }, {});
        row("text: only spaces", [](Q& q, const D&) { q.text = u"   "_qs; }, { 0, 1, 2, 3, 4 });
        row("text: literal, not a pattern", [](Q& q, const D&) { q.text = u".*"_qs; }, {});
        row("text: no match", [](Q& q, const D&) { q.text = u"no-such-run"_qs; }, {});
        // Allowed values per field.
        row("one model", [](Q& q, const D&) { q.allowedValues[D::Model] = { u"openai_gpt4o"_qs }; },
            { 0, 2 });
        row("two models",
            [](Q& q, const D&) {
                q.allowedValues[D::Model] = { u"openai_gpt4o"_qs, u"zai_glm"_qs };
            },
            { 0, 1, 2 });
        row("(none) is the empty string", [](Q& q, const D&) { q.allowedValues[D::Model] = { QString() }; },
            { 3 });
        row("a model no run has", [](Q& q, const D&) { q.allowedValues[D::Model] = { u"gemini"_qs }; }, {});
        row("values are exact", [](Q& q, const D&) { q.allowedValues[D::Model] = { u"OPENAI_GPT4O"_qs }; },
            {});
        row("two fields, AND",
            [](Q& q, const D&) {
                q.allowedValues[D::Model] = { u"openai_gpt4o"_qs };
                q.allowedValues[D::Constellation] = { u"p1m1c"_qs };
            },
            { 0 });
        row("an unknown field id", [](Q& q, const D&) { q.allowedValues[99] = { u"x"_qs }; },
            { 0, 1, 2, 3, 4 });
        // A range of seconds; a run without the value is out.
        row("min total", [](Q& q, const D&) { q.minSeconds = 10; }, { 0, 1, 2 });
        row("max total", [](Q& q, const D&) { q.maxSeconds = 10; }, { 0, 3 });
        row("min = max, inclusive", [](Q& q, const D&) { q.minSeconds = q.maxSeconds = 10; }, { 0 });
        row("between",
            [](Q& q, const D&) {
                q.minSeconds = 11;
                q.maxSeconds = 25;
            },
            { 1 });
        row("range on phase1",
            [](Q& q, const D& d) {
                q.rangeMetric = d.metricId(u"phase1");
                q.minSeconds = 4;
            },
            { 0, 2, 4 });
        row("an empty range", [](Q& q, const D&) { q.minSeconds = 1e9; }, {});
        // Timestamps; a run without one is out when either end is set.
        row("from", [](Q& q, const D&) { q.fromMs = kT0 + kHour; }, { 1, 3, 4 });
        row("to", [](Q& q, const D&) { q.toMs = kT0 + kHour; }, { 0, 1 });
        row("from = to, inclusive", [](Q& q, const D&) { q.fromMs = q.toMs = kT0 + kHour; }, { 1 });
        row("from before every run", [](Q& q, const D&) { q.fromMs = 0; }, { 0, 1, 3, 4 });
        // Warnings, expressions, a drill-down.
        row("only problems", [](Q& q, const D&) { q.onlyProblems = true; }, { 1, 3 });
        row("expression on a field",
            [](Q& q, const D& d) { q.expressions.push_back(filter(u"model=zai_glm"_qs, d)); }, { 1 });
        row("expression on a metric",
            [](Q& q, const D& d) { q.expressions.push_back(filter(u"total>15"_qs, d)); }, { 1, 2 });
        row("two expressions, AND",
            [](Q& q, const D& d) {
                q.expressions.push_back(filter(u"total>15"_qs, d));
                q.expressions.push_back(filter(u"model~gpt"_qs, d));
            },
            { 2 });
        row("restrict to",
            [](Q& q, const D&) {
                q.restrictTo = std::vector<std::uint32_t> { 1, 2, 3 };
            },
            { 1, 2, 3 });
        row("restrict to nothing", [](Q& q, const D&) { q.restrictTo = std::vector<std::uint32_t> {}; }, {});
        row("restrict to a run that does not exist",
            [](Q& q, const D&) {
                q.restrictTo = std::vector<std::uint32_t> { 4, 99 };
            },
            { 4 });
        // Combinations.
        row("text and range",
            [](Q& q, const D&) {
                q.text = u"gpt4o"_qs;
                q.minSeconds = 15;
            },
            { 2 });
        row("text and problems",
            [](Q& q, const D&) {
                q.text = u"gpt4o"_qs;
                q.onlyProblems = true;
            },
            {});
        row("model, timestamp and drill-down",
            [](Q& q, const D&) {
                q.allowedValues[D::Constellation] = { u"p1m1c"_qs, QString() };
                q.fromMs = kT0;
                q.restrictTo = std::vector<std::uint32_t> { 0, 3, 4 };
            },
            { 0, 3, 4 });
        row("everything at once",
            [](Q& q, const D& d) {
                q.text = u"spus"_qs;
                q.allowedValues[D::Constellation] = { u"p1m1c"_qs };
                q.minSeconds = 5;
                q.maxSeconds = 25;
                q.fromMs = kT0 + kHour;
                q.onlyProblems = true;
                q.expressions.push_back(filter(u"model!=openai_gpt4o"_qs, d));
                q.restrictTo = std::vector<std::uint32_t> { 0, 1 };
            },
            { 1 });
    }

    void matchingRuns()
    {
        QFETCH(QuerySetup, setup);
        QFETCH(QList<int>, runs);
        RunQuery query;
        setup.apply(query, m_data);
        QCOMPARE(toList(query.apply(m_data)), runs);
        // The same runs when they come sorted: filtering a sorted list keeps its order.
        const std::vector<std::uint32_t> reversed { 4, 3, 2, 1, 0 };
        QList<int> expectedReversed(runs.rbegin(), runs.rend());
        QCOMPARE(toList(query.apply(m_data, &reversed)), expectedReversed);
    }

    void isEmptyOnlyWithoutParts()
    {
        RunQuery query;
        QVERIFY(query.isEmpty());
        const std::function<void(RunQuery&)> parts[] = {
            [](RunQuery& q) { q.text = u"x"_qs; },
            [](RunQuery& q) { q.allowedValues[TimingDataset::Model] = { u"x"_qs }; },
            [](RunQuery& q) { q.minSeconds = 0; },
            [](RunQuery& q) { q.maxSeconds = 0; },
            [](RunQuery& q) { q.fromMs = 0; },
            [](RunQuery& q) { q.toMs = 0; },
            [](RunQuery& q) { q.onlyProblems = true; },
            [this](RunQuery& q) { q.expressions.push_back(filter(u"total>1"_qs, m_data)); },
            [](RunQuery& q) { q.restrictTo = std::vector<std::uint32_t> {}; },
        };
        for (std::size_t i = 0; i < std::size(parts); ++i) {
            RunQuery q;
            parts[i](q);
            QVERIFY2(!q.isEmpty(), qPrintable(QString::number(i)));
        }
    }

    void anOrderIsKeptAndCanHoldAnyRuns()
    {
        RunQuery query;
        const std::vector<std::uint32_t> order { 3, 0, 99, 1 }; // 99 is no run
        QCOMPARE(toList(query.apply(m_data, &order)), (QList<int> { 3, 0, 1 }));
        query.restrictTo = std::vector<std::uint32_t> { 0, 3 };
        QCOMPARE(toList(query.apply(m_data, &order)), (QList<int> { 3, 0 }));
        const std::vector<std::uint32_t> none;
        QVERIFY(query.apply(m_data, &none).empty());
    }

    void anEmptyDataset()
    {
        const TimingDataset empty;
        RunQuery query;
        QVERIFY(query.apply(empty).empty());
        query.text = u"spus"_qs;
        query.allowedValues[TimingDataset::Model] = { QString() };
        query.minSeconds = 1;
        QVERIFY(query.apply(empty).empty());
    }
};

QTEST_APPLESS_MAIN(TestRunQuery)
#include "tst_runquery.moc"
