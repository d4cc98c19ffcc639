// OpenTelemetry traces in OTLP/JSON: each trace is a run, its root span the total
// and the spans below it the nodes. The same table as paired_10x2.jsonl, written as
// the Collector's file exporter writes traces, gives the same figures.
#include "stats/summarystats.h"
#include "testsupport.h"

#include <QStringList>
#include <map>

using namespace te;
using namespace te::test;

class TestOtlpLoading : public QObject
{
    Q_OBJECT

    // n, median, mean and P95 of one metric, per model.
    static std::map<QString, SummaryStats> statsOf(const LoadResult& r, const QString& metric)
    {
        std::map<QString, std::vector<double>> values;
        const int id = r.dataset.metricId(metric);
        for (std::uint32_t run = 0; run < r.dataset.runCount(); ++run)
            values[r.dataset.fieldValue(run, TimingDataset::Model)].push_back(r.dataset.value(run, id));
        std::map<QString, SummaryStats> stats;
        for (auto& [model, v] : values)
            stats[model] = summarize(v);
        return stats;
    }

    static LoadResult loadDocument(SameNameSpans sameNameSpans, std::optional<ColumnMapping> mapping = {})
    {
        LoadOptions options;
        options.files = { QFINDTESTDATA("data/otlp_document.json") };
        options.sameNameSpans = sameNameSpans;
        options.mapping = std::move(mapping);
        return loadTimingFiles(options);
    }

    // The line of the object that holds `text` in a pretty-printed file: the '{'
    // line just before the line that holds it.
    static qint64 objectLineOf(const QString& fixture, const QByteArray& text)
    {
        const QList<QByteArray> lines = readAll(QFINDTESTDATA(u"data/"_qs + fixture)).split('\n');
        for (qsizetype i = 0; i < lines.size(); ++i)
            if (lines[i].contains(text))
                return i; // the line before, counted from 1
        return -1;
    }

private slots:
    void theSameTableAsJsonLinesGivesTheSameFigures()
    {
        const LoadResult otlp = loadFixtures({ u"otlp_paired_10x2.jsonl"_qs });
        const LoadResult jsonl = loadFixtures({ u"paired_10x2.jsonl"_qs });
        QCOMPARE(otlp.files.front().format, u"OTLP/JSON"_qs);
        QVERIFY2(otlp.problems.empty(), qPrintable(messagesOf(otlp).join(u'\n')));
        QCOMPARE(otlp.dataset.runCount(), 20u);
        // Traces split over requests (every fourth run's phase2 comes last) are whole.
        QCOMPARE(idsOf(otlp.dataset), idsOf(jsonl.dataset));
        for (const QString& metric : { u"total"_qs, u"phase1"_qs }) {
            const auto expected = statsOf(jsonl, metric);
            const auto got = statsOf(otlp, metric);
            QCOMPARE(got.size(), 2u);
            for (const auto& [model, stats] : expected) {
                QCOMPARE(got.at(model).n, 10);
                QCOMPARE(got.at(model).median, stats.median);
                QCOMPARE(got.at(model).mean, stats.mean);
                QCOMPARE(got.at(model).p95, stats.p95);
            }
        }
        // numpy: the medians of the totals.
        QCOMPARE(statsOf(otlp, u"total"_qs).at(u"openai_gpt4o"_qs).median, 21.75);
        QCOMPARE(statsOf(otlp, u"total"_qs).at(u"openai_gpt5"_qs).median, 91.75);
        // Every node, its derived "(unaccounted)" rest, agents and metadata agree.
        for (const QString& path : jsonl.dataset.metricPaths()) {
            const int a = jsonl.dataset.metricId(path);
            const int b = otlp.dataset.metricId(path);
            QVERIFY2(b >= 0, qPrintable(path));
            for (std::uint32_t run = 0; run < 20; ++run) {
                QCOMPARE(otlp.dataset.value(run, b), jsonl.dataset.value(run, a));
                QCOMPARE(otlp.dataset.isDerived(run, b), jsonl.dataset.isDerived(run, a));
                QCOMPARE(otlp.dataset.agents(run, b), jsonl.dataset.agents(run, a));
            }
        }
        for (std::uint32_t run = 0; run < 20; ++run) {
            QCOMPARE(otlp.dataset.timestampMs(run), jsonl.dataset.timestampMs(run));
            for (const QString& name : { u"model"_qs, u"constellation"_qs, u"git_commit"_qs })
                QCOMPARE(fieldOf(otlp.dataset, run, name), fieldOf(jsonl.dataset, run, name));
            QCOMPARE(fieldOf(otlp.dataset, run, u"service.name"_qs), u"benchmark-pipeline"_qs);
            QCOMPARE(fieldOf(otlp.dataset, run, u"parallel"_qs), QString());
        }
        // Two traces share the first line; each run's line is its root span's.
        QCOMPARE(otlp.dataset.line(0), 1);
        QCOMPARE(otlp.dataset.line(1), 1);
        QCOMPARE(otlp.dataset.line(2), 2);
    }

    void aPrettyPrintedDocumentIsRead()
    {
        const LoadResult r = loadDocument(SameNameSpans::Number);
        QCOMPARE(r.files.front().format, u"OTLP/JSON"_qs);
        // Overlapping children are no problem: their parent is "parallel".
        QVERIFY2(r.problems.empty(), qPrintable(messagesOf(r).join(u'\n')));
        QCOMPARE(idsOf(r.dataset), (QStringList { u"R1"_qs, u"0af7651916cd43dd8448eb211c80319c"_qs }));
        const TimingDataset& d = r.dataset;
        QCOMPARE(d.line(0), objectLineOf(u"otlp_document.json"_qs, "\"traceId\": \"4bf92f3577b34da6"));
        QCOMPARE(d.line(1), objectLineOf(u"otlp_document.json"_qs, "\"traceId\": \"0af7651916cd43dd"));
        QCOMPARE(d.timestampMs(0), Q_INT64_C(1700000000000));
        QCOMPARE(d.timestampMs(1), Q_INT64_C(1700000020000));
        // Resource and root attributes, every AnyValue kind.
        QCOMPARE(fieldOf(d, 0, u"service.name"_qs), u"agent-bench"_qs);
        QCOMPARE(fieldOf(d, 0, u"host.name"_qs), u"ci-1"_qs);
        QCOMPARE(fieldOf(d, 0, u"attempt"_qs), u"3"_qs);
        QCOMPARE(fieldOf(d, 0, u"temperature"_qs), u"0.5"_qs);
        QCOMPARE(fieldOf(d, 0, u"cached"_qs), u"true"_qs);
        QCOMPARE(fieldOf(d, 0, u"tags"_qs), u"a, b"_qs);
        QCOMPARE(fieldOf(d, 0, u"config.retries"_qs), u"2"_qs);
        QCOMPARE(fieldOf(d, 0, u"trace_id"_qs), u"4bf92f3577b34da6a3ce929d0e0e4736"_qs);
        QCOMPARE(d.fieldValue(0, TimingDataset::Model), u"m1"_qs);
        // The run without a model of its own takes the one most of its spans name.
        QCOMPARE(d.fieldValue(1, TimingDataset::Model), u"m2"_qs);
    }

    void siblingsOfOneNameAreNumberedInStartOrder()
    {
        const LoadResult r = loadDocument(SameNameSpans::Number);
        // tool_call spans run 1-3 s, 2-5 s and 6-7 s, written out of order.
        QCOMPARE(valueOf(r.dataset, u"R1"_qs, u"tool_call#1"_qs), 2.0);
        QCOMPARE(valueOf(r.dataset, u"R1"_qs, u"tool_call#2"_qs), 3.0);
        QCOMPARE(valueOf(r.dataset, u"R1"_qs, u"tool_call#3"_qs), 1.0);
        QCOMPARE(valueOf(r.dataset, u"R1"_qs, u"tool_call#2/http"_qs), 2.0);
        QCOMPARE(valueOf(r.dataset, u"R1"_qs, u"plan"_qs), 1.0);
        QVERIFY(r.dataset.metricId(u"tool_call") < 0);
        const QString b = u"0af7651916cd43dd8448eb211c80319c"_qs;
        QCOMPARE(valueOf(r.dataset, b, u"step#1"_qs), 2.0);
        QCOMPARE(valueOf(r.dataset, b, u"step#3"_qs), 1.0);
    }

    void siblingsOfOneNameCanBeSummed()
    {
        const LoadResult r = loadDocument(SameNameSpans::Sum);
        QVERIFY2(r.problems.empty(), qPrintable(messagesOf(r).join(u'\n')));
        QCOMPARE(valueOf(r.dataset, u"R1"_qs, u"tool_call"_qs), 6.0);
        QCOMPARE(valueOf(r.dataset, u"R1"_qs, u"tool_call/http"_qs), 2.0);
        QCOMPARE(valueOf(r.dataset, u"0af7651916cd43dd8448eb211c80319c"_qs, u"step"_qs), 5.0);
        for (const QString& path : r.dataset.metricPaths())
            QVERIFY2(!path.contains(u'#'), qPrintable(path));
        // The wall clock does not change with the naming.
        QCOMPARE(valueOf(r.dataset, u"R1"_qs, u"(unaccounted)"_qs), 3.0);
    }

    void overlappingChildrenAreParallelAndLeaveTheWallClockRest()
    {
        const LoadResult r = loadDocument(SameNameSpans::Number);
        const TimingDataset& d = r.dataset;
        // R1: 10 s; its children add up to 8 s but cover 0-5, 6-7 and 8-9 s: 7 s.
        QCOMPARE(fieldOf(d, 0, u"parallel"_qs), u"true"_qs);
        QCOMPARE(valueOf(d, u"R1"_qs, u"total"_qs), 10.0);
        QCOMPARE(valueOf(d, u"R1"_qs, u"(unaccounted)"_qs), 3.0);
        QVERIFY(d.isDerived(0, d.metricId(u"(unaccounted)")));
        // tool_call#2 (2-5 s) and its http child (2-4 s): 1 s of its own.
        QCOMPARE(valueOf(d, u"R1"_qs, u"tool_call#2/(unaccounted)"_qs), 1.0);
        QVERIFY(!d.hasWarning(0));
        // The second run's steps follow one another: not parallel, 1 s unaccounted.
        QCOMPARE(fieldOf(d, 1, u"parallel"_qs), QString());
        QCOMPARE(valueOf(d, u"0af7651916cd43dd8448eb211c80319c"_qs, u"(unaccounted)"_qs), 1.0);
    }

    void theMappingPlacesSpans()
    {
        QString error;
        auto mapping = ColumnMapping::parse(
            R"({"tool_call": "tools/call", "plan": "planning"})", u"m.json"_qs, &error);
        QVERIFY2(mapping, qPrintable(error));
        const LoadResult r = loadDocument(SameNameSpans::Number, mapping);
        QCOMPARE(valueOf(r.dataset, u"R1"_qs, u"planning"_qs), 1.0);
        QCOMPARE(valueOf(r.dataset, u"R1"_qs, u"tools/call#2"_qs), 3.0);
        QCOMPARE(valueOf(r.dataset, u"R1"_qs, u"tools"_qs), 6.0); // the sum of its parts
        QVERIFY(r.dataset.isDerived(0, r.dataset.metricId(u"tools")));
    }

    void badInputsKeepTheRestOfTheTrace_data()
    {
        QTest::addColumn<QString>("file");
        QTest::addColumn<QStringList>("ids");
        QTest::addColumn<qint64>("line"); // of the one error
        QTest::addColumn<QStringList>("messageParts");
        const QString phase1 = u"span \"phase1\" (spanId 9f747cc1d1d39676)"_qs;
        QTest::addRow("no end") << u"otlp_bad_no_end.jsonl"_qs << QStringList { u"G1"_qs, u"B1"_qs }
                                << qint64(2)
                                << QStringList { phase1, u"no endTimeUnixNano"_qs,
                                       u"its own time is left out"_qs };
        QTest::addRow("end before start")
            << u"otlp_bad_end_before_start.jsonl"_qs << QStringList { u"G1"_qs, u"B1"_qs } << qint64(2)
            << QStringList { phase1, u"it ends before it starts"_qs };
        QTest::addRow("unknown parent")
            << u"otlp_bad_unknown_parent.jsonl"_qs << QStringList { u"G1"_qs, u"B1"_qs } << qint64(2)
            << QStringList { phase1,
                   u"its parent eeeeeeeeeeeeeeee is not in trace "
                   "22222222222222222222222222222222"_qs,
                   u"left out with its descendants"_qs };
        QTest::addRow("missing traceId")
            << u"otlp_bad_missing_trace_id.jsonl"_qs << QStringList { u"G1"_qs, u"B1"_qs } << qint64(2)
            << QStringList { phase1, u"no traceId; left out"_qs };
        QTest::addRow("malformed line")
            << u"otlp_bad_malformed_line.jsonl"_qs << QStringList { u"G1"_qs, u"G3"_qs } << qint64(2)
            << QStringList { u"malformed JSON"_qs, u"the line was not read"_qs };
    }

    void badInputsKeepTheRestOfTheTrace()
    {
        QFETCH(QString, file);
        QFETCH(QStringList, ids);
        QFETCH(qint64, line);
        QFETCH(QStringList, messageParts);
        const QString path = QFINDTESTDATA(u"data/"_qs + file);
        const QByteArray before = readAll(path);
        const LoadResult r = loadFixtures({ file });
        QCOMPARE(r.files.front().format, u"OTLP/JSON"_qs);
        QVERIFY(r.files.front().readable);
        QCOMPARE(idsOf(r.dataset), ids);
        QCOMPARE(countProblems(r, Problem::Severity::Error), 1);
        QCOMPARE(r.problems.size(), 1u);
        const Problem& error = r.problems.front();
        QVERIFY2(error.file.endsWith(file), qPrintable(error.file));
        QCOMPARE(error.line, line);
        for (const QString& part : messageParts)
            QVERIFY2(error.message.contains(part), qPrintable(error.message));
        QCOMPARE(readAll(path), before); // only ever read
        if (ids.contains(u"B1"_qs)) {
            // The bad span's time is gone; the rest of its trace is kept.
            QCOMPARE(valueOf(r.dataset, u"B1"_qs, u"total"_qs), 10.0);
            QCOMPARE(valueOf(r.dataset, u"B1"_qs, u"phase2"_qs), 3.0);
            QVERIFY(std::isnan(valueOf(r.dataset, u"B1"_qs, u"phase1"_qs)));
        }
    }

    void aTraceWithoutARootIsOneProblem()
    {
        const QByteArray bytes = R"({"resourceSpans":[{"scopeSpans":[{"spans":[
{"traceId":"aa","spanId":"01","parentSpanId":"02","name":"x","startTimeUnixNano":1,"endTimeUnixNano":2}]}]}]})";
        const LoadResult r = loadTimingBytes(bytes, u"orphans.json"_qs, LoadOptions());
        QCOMPARE(r.files.front().format, u"OTLP/JSON"_qs);
        QCOMPARE(r.dataset.runCount(), 0u);
        QCOMPARE(messagesOf(r).size(), 1);
        QVERIFY2(messagesOf(r).join(u'\n').contains(u"trace aa has no root span"_qs),
            qPrintable(messagesOf(r).join(u'\n')));
    }

    void aLoopOfParentsIsAProblemAndTheRootStays()
    {
        const QByteArray bytes = R"({"resourceSpans":[{"scopeSpans":[{"spans":[
{"traceId":"aa","spanId":"01","name":"run","startTimeUnixNano":"1000000000","endTimeUnixNano":"3000000000"},
{"traceId":"aa","spanId":"02","parentSpanId":"03","name":"x","startTimeUnixNano":1,"endTimeUnixNano":2},
{"traceId":"aa","spanId":"03","parentSpanId":"02","name":"y","startTimeUnixNano":1,"endTimeUnixNano":2}]}]}]})";
        const LoadResult r = loadTimingBytes(bytes, u"loop.json"_qs, LoadOptions());
        QCOMPARE(r.dataset.runCount(), 1u);
        QCOMPARE(r.dataset.value(0, TimingDataset::kRootMetric), 2.0);
        QCOMPARE(messagesOf(r),
            (QStringList {
                u"3:span \"x\" (spanId 02): its parents lead back to it (a loop of parentSpanIds); "
                "left out"_qs,
                u"4:span \"y\" (spanId 03): its parents lead back to it (a loop of parentSpanIds); left out"_qs }));
    }

    void numbersAndHeadsThatAreStillOtlp_data()
    {
        QTest::addColumn<QByteArray>("bytes");
        QTest::addColumn<double>("total");
        // Times as JSON numbers, ids in upper case, a head with blanks before the key.
        QTest::addRow("numbers") << QByteArray(
            R"(  { "resourceSpans": [{"scopeSpans": [{"spans": [{"traceId": "AB",
 "spanId": "01", "name": "run", "startTimeUnixNano": 1000000000, "endTimeUnixNano": 3500000000}]}]}]})")
                                 << 2.5;
        QTest::addRow("strings on one line") << QByteArray(
            R"({"resourceSpans":[{"scopeSpans":[{"spans":[{"traceId":"ab","spanId":"01","name":"run","startTimeUnixNano":"1000000000","endTimeUnixNano":"1250000000"}]}]}]})"
            "\n") << 0.25;
    }

    void numbersAndHeadsThatAreStillOtlp()
    {
        QFETCH(QByteArray, bytes);
        QFETCH(double, total);
        const LoadResult r = loadTimingBytes(bytes, u"trace.json"_qs, LoadOptions());
        QCOMPARE(r.files.front().format, u"OTLP/JSON"_qs);
        QVERIFY2(r.problems.empty(), qPrintable(messagesOf(r).join(u'\n')));
        QCOMPARE(r.dataset.runCount(), 1u);
        QCOMPARE(r.dataset.value(0, TimingDataset::kRootMetric), total);
        QCOMPARE(r.dataset.fieldValue(0, TimingDataset::RegistrationId), u"ab"_qs);
    }

    void everyCutOfTheDocumentLoadsWithoutCrashing()
    {
        const QByteArray document = readAll(QFINDTESTDATA("data/otlp_document.json"));
        for (qsizetype end = 0; end < document.size(); end += 37) {
            const LoadResult r = loadTimingBytes(document.left(end), u"cut.json"_qs, LoadOptions());
            QVERIFY(r.dataset.runCount() <= 2);
        }
    }
};

QTEST_GUILESS_MAIN(TestOtlpLoading)
#include "tst_otlploading.moc"
