// Chrome Trace Event JSON: X events and B/E pairs, nested by time within a thread,
// cut into a run per process or per top-level event. The same table as
// paired_10x2.jsonl, written as a trace, gives the same figures, and what `convert
// --to chrome-trace` writes reads back as the runs it was written from.
#include "clisupport.h"
#include "stats/summarystats.h"
#include "testsupport.h"

#include <QStringList>
#include <QTemporaryDir>
#include <map>

using namespace te;
using namespace te::test;

class TestChromeLoading : public QObject
{
    Q_OBJECT

    static double value(const TimingDataset& data, std::uint32_t run, const QString& path)
    {
        const int id = data.metricId(path);
        return id < 0 || !data.values(id).has(run) ? std::nan("") : data.value(run, id);
    }

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

    static LoadResult load(const QString& fixture, ChromeRuns runs = ChromeRuns::Process,
        SameNameSpans sameNameSpans = SameNameSpans::Number)
    {
        LoadOptions options;
        options.files = { QFINDTESTDATA(u"data/"_qs + fixture) };
        options.chromeRuns = runs;
        options.sameNameSpans = sameNameSpans;
        return loadTimingFiles(options);
    }

private slots:
    void completeEventsNestByTime()
    {
        const LoadResult r = load(u"chrome_complete.json"_qs);
        QCOMPARE(r.files.front().format, u"Chrome trace"_qs);
        QVERIFY2(r.problems.empty(), qPrintable(messagesOf(r).join(u'\n')));
        const TimingDataset& d = r.dataset;
        // Named "REG · MODEL" by process_name; otherwise by pid.
        QCOMPARE(idsOf(d), (QStringList { u"r01"_qs, u"2"_qs }));
        QCOMPARE(d.fieldValue(0, TimingDataset::Model), u"model-a"_qs);
        QCOMPARE(d.fieldValue(1, TimingDataset::Model), QString());
        // The one top-level event that covers the process is the total.
        QCOMPARE(value(d, 0, u"total"_qs), 10.0);
        QCOMPARE(value(d, 0, u"phase1"_qs), 4.0);
        QCOMPARE(value(d, 0, u"phase1/tool_call#1"_qs), 1.0);
        QCOMPARE(value(d, 0, u"phase1/tool_call#2"_qs), 0.5000005);
        QCOMPARE(value(d, 0, u"phase2"_qs), 3.0);
        QCOMPARE(value(d, 0, u"(unaccounted)"_qs), 3.0);
        QVERIFY(d.isDerived(0, d.metricId(u"(unaccounted)"_qs)));
        // Its args are the run's metadata; instants and counters are no nodes.
        QCOMPARE(fieldOf(d, 0, u"attempt"_qs), u"3"_qs);
        QCOMPARE(fieldOf(d, 0, u"cached"_qs), u"true"_qs);
        QCOMPARE(fieldOf(d, 0, u"tags"_qs), u"a, b"_qs);
        QCOMPARE(fieldOf(d, 0, u"config.retries"_qs), u"2"_qs);
        QCOMPARE(d.metricId(u"step"_qs), -1);
        QCOMPARE(d.metricId(u"tokens"_qs), -1);
        QCOMPARE(d.line(0), 6);
        // Without a covering event, the total runs from the first start to the last end.
        QCOMPARE(value(d, 1, u"total"_qs), 3.0);
        QCOMPARE(value(d, 1, u"phase1"_qs), 2.0);
        QCOMPARE(value(d, 1, u"phase2"_qs), 1.0);
        QCOMPARE(fieldOf(d, 1, u"parallel"_qs), QString());
    }

    void sameNameSiblingsCanBeSummed()
    {
        const LoadResult r = load(u"chrome_complete.json"_qs, ChromeRuns::Process, SameNameSpans::Sum);
        QVERIFY2(r.problems.empty(), qPrintable(messagesOf(r).join(u'\n')));
        QCOMPARE(value(r.dataset, 0, u"phase1/tool_call"_qs), 1.5000005);
        QCOMPARE(r.dataset.metricId(u"phase1/tool_call#1"_qs), -1);
    }

    void beginEndPairsInABareArray()
    {
        const LoadResult r = load(u"chrome_begin_end.json"_qs);
        QCOMPARE(r.files.front().format, u"Chrome trace"_qs);
        QVERIFY2(r.problems.empty(), qPrintable(messagesOf(r).join(u'\n')));
        const TimingDataset& d = r.dataset;
        // The root's args name the run before its process does.
        QCOMPARE(idsOf(d), (QStringList { u"reg-7"_qs }));
        QCOMPARE(d.fieldValue(0, TimingDataset::Model), u"gpt-x"_qs);
        QCOMPARE(value(d, 0, u"total"_qs), 0.005);
        QCOMPARE(value(d, 0, u"plan"_qs), 0.001);
        QCOMPARE(value(d, 0, u"act"_qs), 0.001);
        QCOMPARE(d.agents(0, d.metricId(u"act"_qs)), u"coder"_qs);
        QCOMPARE(d.line(0), 3);
    }

    void aRunPerProcessOrPerTopLevelEvent()
    {
        const LoadResult perProcess = load(u"chrome_top_level.json"_qs);
        QVERIFY2(perProcess.problems.empty(), qPrintable(messagesOf(perProcess).join(u'\n')));
        const TimingDataset& p = perProcess.dataset;
        QCOMPARE(p.runCount(), 1u);
        QCOMPARE(idsOf(p), (QStringList { u"session-9"_qs }));
        QCOMPARE(value(p, 0, u"total"_qs), 8.0);
        QCOMPARE(value(p, 0, u"turn#1"_qs), 3.0);
        QCOMPARE(value(p, 0, u"turn#2/llm"_qs), 1.5);
        QCOMPARE(value(p, 0, u"turn#3/tool#2"_qs), 0.25);
        QCOMPARE(value(p, 0, u"(unaccounted)"_qs), 2.0);

        const LoadResult perEvent = load(u"chrome_top_level.json"_qs, ChromeRuns::TopLevel);
        QVERIFY2(perEvent.problems.empty(), qPrintable(messagesOf(perEvent).join(u'\n')));
        const TimingDataset& e = perEvent.dataset;
        QCOMPARE(e.runCount(), 3u);
        // Numbered, as they would otherwise be duplicates of one another.
        QCOMPARE(idsOf(e), (QStringList { u"session-9#1"_qs, u"session-9#2"_qs, u"session-9#3"_qs }));
        QCOMPARE(e.fieldValue(2, TimingDataset::Model), u"model-b"_qs);
        QCOMPARE(value(e, 0, u"total"_qs), 3.0);
        QCOMPARE(value(e, 0, u"llm"_qs), 2.0);
        QCOMPARE(value(e, 0, u"tool"_qs), 0.5);
        QCOMPARE(value(e, 1, u"total"_qs), 2.0);
        QCOMPARE(value(e, 2, u"tool#1"_qs), 0.25);
        QCOMPARE(value(e, 2, u"tool#2"_qs), 0.25);
        QCOMPARE(fieldOf(e, 1, u"turn"_qs), u"2"_qs);
        QCOMPARE(e.line(2), 8);
    }

    void overlappingThreadsAreParallelOnTheWallClock()
    {
        const LoadResult r = load(u"chrome_parallel.json"_qs);
        QVERIFY2(r.problems.empty(), qPrintable(messagesOf(r).join(u'\n')));
        const TimingDataset& d = r.dataset;
        QCOMPARE(idsOf(d), (QStringList { u"par-1"_qs }));
        QCOMPARE(fieldOf(d, 0, u"parallel"_qs), u"true"_qs);
        QCOMPARE(value(d, 0, u"total"_qs), 10.0);
        QCOMPARE(value(d, 0, u"worker#1"_qs), 5.0);
        QCOMPARE(value(d, 0, u"worker#2"_qs), 5.0);
        // 10 s, less plan (0-1) and the workers (1-8) as one stretch of the clock.
        QCOMPARE(value(d, 0, u"(unaccounted)"_qs), 2.0);
        QCOMPARE(countProblems(r, Problem::Severity::Warning), 0);
    }

    void badEventsCostOnlyThemselves_data()
    {
        QTest::addColumn<QString>("file");
        QTest::addColumn<QString>("message");
        QTest::addRow("no ts") << u"chrome_bad_missing_ts.json"_qs
                               << u"event 4 (\"step\", ph \"X\"): no \"ts\"; left out"_qs;
        QTest::addRow("negative dur") << u"chrome_bad_negative_dur.json"_qs
                                      << u"event 4 (\"step\", ph \"X\"): negative \"dur\" (-5); left out"_qs;
        QTest::addRow("E without B") << u"chrome_bad_e_without_b.json"_qs
                                     << u"event 4 (\"step\", ph \"E\"): an \"E\" event with no \"B\" open on "
                                        u"its thread (pid 2, tid 9); "
                                        "left out"_qs;
        QTest::addRow("B without E")
            << u"chrome_bad_b_without_e.json"_qs
            << u"event 4 (\"step\", ph \"B\"): no \"E\" ends it on its thread (pid 2, "
               "tid 9); left out"_qs;
        QTest::addRow("not an object")
            << u"chrome_bad_not_object.json"_qs << u"event 4: not a JSON object; left out"_qs;
        QTest::addRow("malformed") << u"chrome_bad_malformed.json"_qs
                                   << u"event 4: malformed JSON; left out"_qs;
    }

    void badEventsCostOnlyThemselves()
    {
        QFETCH(QString, file);
        QFETCH(QString, message);
        const LoadResult r = load(file);
        QCOMPARE(messagesOf(r), QStringList { u"5:"_qs + message });
        QCOMPARE(r.problems.front().severity, Problem::Severity::Error);
        // The events around it, in its process and others, are all read; an
        // unknown phase is no problem.
        QCOMPARE(idsOf(r.dataset), (QStringList { u"1"_qs, u"2"_qs, u"3"_qs }));
        QCOMPARE(value(r.dataset, 0, u"total"_qs), 1.0);
        QCOMPARE(value(r.dataset, 0, u"part"_qs), 0.4);
        QCOMPARE(value(r.dataset, 1, u"total"_qs), 2.0);
        QCOMPARE(value(r.dataset, 2, u"total"_qs), 1.0);
    }

    void theSameTableAsJsonLinesGivesTheSameFigures()
    {
        const LoadResult chrome = load(u"chrome_paired_10x2.json"_qs);
        const LoadResult jsonl = loadFixtures({ u"paired_10x2.jsonl"_qs });
        QVERIFY2(chrome.problems.empty(), qPrintable(messagesOf(chrome).join(u'\n')));
        QCOMPARE(chrome.dataset.runCount(), 20u);
        QCOMPARE(idsOf(chrome.dataset), idsOf(jsonl.dataset));
        // From numpy (percentile, linear; std with ddof=1) over paired_10x2.jsonl.
        struct Expected
        {
            const char* metric;
            const char* model;
            double median, mean, p95, stddev;
        };
        const Expected expected[] = {
            { "total", "openai_gpt4o", 21.75, 21.849999999999998, 28.455, 4.802603460624248 },
            { "phase1", "openai_gpt4o", 14.79, 14.858, 19.3494, 3.2657703532244886 },
            { "total", "openai_gpt5", 91.75, 95.97, 143.35999999999999, 32.22583677044795 },
            { "phase1", "openai_gpt5", 62.39, 65.2596, 97.48479999999998, 21.91356900390461 },
        };
        for (const Expected& e : expected) {
            const SummaryStats s
                = statsOf(chrome, QString::fromLatin1(e.metric)).at(QString::fromLatin1(e.model));
            QCOMPARE(s.n, 10);
            QCOMPARE(s.median, e.median);
            QCOMPARE(s.mean, e.mean);
            QCOMPARE(s.p95, e.p95);
            QCOMPARE(s.stddev, e.stddev);
        }
        // Every node, its derived rest and agents, and the metadata agree.
        for (const QString& path : jsonl.dataset.metricPaths()) {
            const int a = jsonl.dataset.metricId(path);
            const int b = chrome.dataset.metricId(path);
            QVERIFY2(b >= 0, qPrintable(path));
            for (std::uint32_t run = 0; run < 20; ++run) {
                QCOMPARE(chrome.dataset.value(run, b), jsonl.dataset.value(run, a));
                QCOMPARE(chrome.dataset.isDerived(run, b), jsonl.dataset.isDerived(run, a));
                QCOMPARE(chrome.dataset.agents(run, b), jsonl.dataset.agents(run, a));
            }
        }
        for (std::uint32_t run = 0; run < 20; ++run) {
            QCOMPARE(chrome.dataset.timestampMs(run), jsonl.dataset.timestampMs(run));
            for (const QString& name : { u"model"_qs, u"constellation"_qs, u"git_commit"_qs })
                QCOMPARE(fieldOf(chrome.dataset, run, name), fieldOf(jsonl.dataset, run, name));
        }
    }

    void convertWritesATraceThatReadsBack()
    {
        QTemporaryDir dir;
        const QString input = QFINDTESTDATA("data/paired_10x2.jsonl");
        const QString output = dir.filePath(u"trace.json"_qs);
        const QByteArray before = readAll(input);
        const CliRun run = runCli({ u"convert"_qs, input, u"--to"_qs, u"chrome-trace"_qs, u"-o"_qs, output });
        QVERIFY2(run.exitCode == 0, qPrintable(run.err));
        QCOMPARE(readAll(input), before);
        const QByteArray trace = readAll(output);
        QVERIFY(trace.startsWith("{\"traceEvents\":["));
        QVERIFY(trace.contains(
            R"("name":"process_name","ph":"M","pid":1,"tid":1,"args":{"name":"SPUS55557 · openai_gpt4o"}})"));

        LoadOptions options;
        options.files = { output };
        const LoadResult back = loadTimingFiles(options);
        const LoadResult jsonl = loadFixtures({ u"paired_10x2.jsonl"_qs });
        QCOMPARE(back.files.front().format, u"Chrome trace"_qs);
        QVERIFY2(back.problems.empty(), qPrintable(messagesOf(back).join(u'\n')));
        QCOMPARE(idsOf(back.dataset), idsOf(jsonl.dataset));
        for (const QString& path : jsonl.dataset.metricPaths()) {
            const int a = jsonl.dataset.metricId(path);
            const int b = back.dataset.metricId(path);
            QVERIFY2(b >= 0, qPrintable(path));
            for (std::uint32_t r = 0; r < 20; ++r) {
                // Microseconds in the file: within a microsecond of the record.
                QVERIFY2(
                    std::abs(back.dataset.value(r, b) - jsonl.dataset.value(r, a)) < 1e-6, qPrintable(path));
                QCOMPARE(back.dataset.agents(r, b), jsonl.dataset.agents(r, a));
            }
        }
        for (std::uint32_t r = 0; r < 20; ++r) {
            QCOMPARE(back.dataset.timestampMs(r), jsonl.dataset.timestampMs(r));
            for (const QString& name : { u"model"_qs, u"constellation"_qs, u"git_commit"_qs })
                QCOMPARE(fieldOf(back.dataset, r, name), fieldOf(jsonl.dataset, r, name));
        }
        // Read per top-level event, the trace gives the same runs: one event a run.
        LoadOptions perEvent = options;
        perEvent.chromeRuns = ChromeRuns::TopLevel;
        QCOMPARE(idsOf(loadTimingFiles(perEvent).dataset), idsOf(jsonl.dataset));
    }

    void convertRefusesAnUnknownFormat()
    {
        const CliRun run = runCli({ u"convert"_qs, QFINDTESTDATA("data/paired_10x2.jsonl"), u"--to"_qs,
            u"flame"_qs, u"-o"_qs, u"-"_qs });
        QCOMPARE(run.exitCode, 2);
        QVERIFY2(run.err.contains(u"unknown --to \"flame\""_qs), qPrintable(run.err));
    }

    void everyCutOfATraceLoadsWithoutCrashing()
    {
        const QByteArray trace = readAll(QFINDTESTDATA("data/chrome_complete.json"));
        for (qsizetype end = 0; end <= trace.size(); ++end) {
            const LoadResult r = loadTimingBytes(trace.left(end), u"cut.json"_qs, LoadOptions());
            if (!r.files.empty() && r.files.front().format == u"Chrome trace"_qs)
                QVERIFY(r.dataset.runCount() <= 2);
        }
    }
};

QTEST_GUILESS_MAIN(TestChromeLoading)
#include "tst_chromeloading.moc"
