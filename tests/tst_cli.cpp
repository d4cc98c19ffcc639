// The headless command line, run as a user would: the built binary through QProcess.
#include "clisupport.h"

#include <QImage>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>
#include <cmath>
#include <vector>

class TestCli : public QObject
{
    Q_OBJECT

    using Run = te::test::CliRun;

    static Run run(const QStringList& arguments) { return te::test::runCli(arguments); }

    static QString data(const char* name)
    {
        return QFINDTESTDATA(QStringLiteral("data/") + QLatin1String(name));
    }

private slots:
    void versionAndHelp()
    {
        const Run version = run({ u"--version"_qs });
        QCOMPARE(version.exitCode, 0);
        QVERIFY(version.out.startsWith(u"timing-explorer "));
        const Run help = run({ u"--help"_qs });
        QCOMPARE(help.exitCode, 0);
        QVERIFY(help.out.contains(u"stats"));
        QVERIFY(help.out.contains(u"validate"));
        const Run statsHelp = run({ u"stats"_qs, u"--help"_qs });
        QCOMPARE(statsHelp.exitCode, 0);
        QVERIFY(statsHelp.out.contains(u"--group-by"));
    }

    void statsCsvMatchesPandas()
    {
        // pandas 1.5.3 on stats_groups.jsonl: fast total median 17.04, q.95 21.181999999999995; slow
        // mean 28.011166666666668
        const Run r = run({ u"stats"_qs, data("stats_groups.jsonl"), u"--group-by"_qs, u"model"_qs,
            u"--metric"_qs, u"total"_qs, u"--format"_qs, u"csv"_qs });
        QCOMPARE(r.exitCode, 0);
        const QStringList lines = r.out.trimmed().split(u'\n');
        QCOMPARE(lines.size(), 3);
        QCOMPARE(lines[0], u"model,metric,n,mean,median,p90,p95,p99,min,max,stddev"_qs);
        // Compared as numbers: pandas' pairwise summation may differ in the last bit of the mean.
        const auto expectRow = [](const QString& line, const QStringList& text,
                                   const std::vector<double>& numbers) {
            const QStringList cells = line.split(u',');
            QCOMPARE(cells.size(), 11);
            QCOMPARE(cells.mid(0, 3), text);
            for (std::size_t i = 0; i < numbers.size(); ++i) {
                const double actual = cells[3 + static_cast<qsizetype>(i)].toDouble();
                QVERIFY2(std::abs(actual - numbers[i]) <= 1e-12 * std::abs(numbers[i]), qPrintable(line));
            }
        };
        expectRow(lines[1], { u"fast"_qs, u"total"_qs, u"13"_qs },
            { 17.06438461538461, 17.04, 19.922, 21.181999999999995, 22.691599999999998, 10.68, 23.069,
                3.056854143790681 });
        expectRow(lines[2], { u"slow"_qs, u"total"_qs, u"12"_qs },
            { 28.011166666666668, 28.872999999999998, 30.559, 31.210549999999998, 31.80851, 20.652, 31.958,
                3.096220007256159 });
    }

    void statsReadsAJsonArrayAsItsJsonLines()
    {
        // The same 10 × 2 table as a JSON array of flat records and as JSON Lines of
        // the proposed structure: the same medians (numpy: 21.75 s and 91.75 s).
        const QStringList options
            = { u"--group-by"_qs, u"model"_qs, u"--metric"_qs, u"total"_qs, u"--format"_qs, u"csv"_qs };
        const Run array = run(QStringList { u"stats"_qs, data("paired_10x2.json") } + options);
        const Run lines = run(QStringList { u"stats"_qs, data("paired_10x2.jsonl") } + options);
        QCOMPARE(array.exitCode, 0);
        QCOMPARE(lines.exitCode, 0);
        QCOMPARE(array.out, lines.out);
        const QStringList rows = array.out.trimmed().split(u'\n');
        QCOMPARE(rows.size(), 3);
        QCOMPARE(rows[1].section(u',', 0, 4),
            u"openai_gpt4o,total,10,"_qs + rows[1].section(u',', 3, 3) + u",21.75"_qs);
        QCOMPARE(rows[2].section(u',', 4, 4), u"91.75"_qs);
    }

    void statsReadsOpenTelemetryTracesAsTheirJsonLines()
    {
        // The same 10 × 2 table as OTLP/JSON traces, root span = total, child spans = phases.
        const QStringList options = { u"--group-by"_qs, u"model"_qs, u"--metric"_qs, u"total"_qs,
            u"--metric"_qs, u"phase1"_qs, u"--format"_qs, u"csv"_qs };
        const Run traces = run(QStringList { u"stats"_qs, data("otlp_paired_10x2.jsonl") } + options);
        const Run lines = run(QStringList { u"stats"_qs, data("paired_10x2.jsonl") } + options);
        QCOMPARE(traces.exitCode, 0);
        QCOMPARE(traces.out, lines.out);
    }

    void sameNameSpansOption()
    {
        const QStringList options = { u"--metric"_qs, u"tool_call"_qs, u"--format"_qs, u"csv"_qs };
        const Run summed
            = run(QStringList { u"stats"_qs, data("otlp_document.json"), u"--same-name-spans"_qs, u"sum"_qs }
                + options);
        QCOMPARE(summed.exitCode, 0);
        QVERIFY2(summed.out.contains(u"\ntool_call,1,6,6,"), qPrintable(summed.out + summed.err));
        const Run bad = run({ u"stats"_qs, data("otlp_document.json"), u"--same-name-spans"_qs, u"add"_qs });
        QCOMPARE(bad.exitCode, 2);
        QVERIFY2(
            bad.err.contains(u"unknown --same-name-spans \"add\"; use number or sum"), qPrintable(bad.err));
        const Run validate
            = run({ u"validate"_qs, data("otlp_bad_no_end.jsonl"), u"--same-name-spans"_qs, u"sum"_qs });
        QCOMPARE(validate.exitCode, 1);
        QVERIFY2(
            validate.out.startsWith(data("otlp_bad_no_end.jsonl") + u":2: error: span \"phase1\" (spanId "),
            qPrintable(validate.out));
    }

    void statsDefaultsToTotalAndPhases()
    {
        const Run r = run({ u"stats"_qs, data("stats_groups.jsonl") });
        QCOMPARE(r.exitCode, 0);
        QVERIFY(r.out.contains(u"all    total"));
        QVERIFY(r.out.contains(u"phase2"));
        QVERIFY(r.out.contains(u"* too few runs")); // n=25 < 100 for P99
        const Run json = run({ u"stats"_qs, data("stats_groups.jsonl"), u"--format"_qs, u"json"_qs,
            u"--filter"_qs, u"model=slow"_qs, u"--metric"_qs, u"phase1"_qs });
        QCOMPARE(json.exitCode, 0);
        QVERIFY(json.out.contains(u"\"n\": 12"));
    }

    void statsOnEverySeedFormat_data()
    {
        QTest::addColumn<QString>("file");
        QTest::addColumn<QString>("expectedRow");
        QTest::addRow("proposed") << data("seed_proposed.jsonl") << u"total,3,29.304999999999996,30,"_qs;
        QTest::addRow("option 1") << data("seed_option1.jsonl") << u"phase1,2,33.311,33.311,"_qs;
        QTest::addRow("flat csv") << data("flat.csv") << u"phase1,2,9,9,11.4,"_qs;
        QTest::addRow("legacy") << data("legacy_wide.csv") << u"phase2,2,15.0465,15.0465,"_qs;
        QTest::addRow("summary") << data("summary.csv") << u"total,3,36.321666666666665,46.3,"_qs;
    }

    void statsOnEverySeedFormat()
    {
        QFETCH(QString, file);
        QFETCH(QString, expectedRow);
        const Run r = run({ u"stats"_qs, file, u"--format"_qs, u"csv"_qs });
        QCOMPARE(r.exitCode, 0);
        QVERIFY2(r.out.contains(u'\n' + expectedRow), qPrintable(r.out));
    }

    void statsBadUsage_data()
    {
        QTest::addColumn<QStringList>("arguments");
        QTest::addColumn<QString>("messagePart");
        QTest::addRow("unknown field")
            << QStringList { u"--group-by"_qs, u"modle"_qs } << u"the fields are: registration_id"_qs;
        QTest::addRow("unknown metric")
            << QStringList { u"--metric"_qs, u"phase9"_qs } << u"the metrics are: total"_qs;
        QTest::addRow("bad filter") << QStringList { u"--filter"_qs, u"nothing"_qs }
                                    << u"expected FIELD=VALUE"_qs;
        QTest::addRow("bad format") << QStringList { u"--format"_qs, u"xml"_qs } << u"unknown --format"_qs;
        QTest::addRow("unknown option") << QStringList { u"--frobnicate"_qs } << u"frobnicate"_qs;
    }

    void statsBadUsage()
    {
        QFETCH(QStringList, arguments);
        QFETCH(QString, messagePart);
        const Run r = run(QStringList { u"stats"_qs, data("seed_proposed.jsonl") } + arguments);
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(r.err.contains(messagePart), qPrintable(r.err));
    }

    void validateListsEveryProblem()
    {
        const Run r = run({ u"validate"_qs, data("malformed.jsonl"), data("duplicates.jsonl") });
        QCOMPARE(r.exitCode, 1);
        const QStringList lines = r.out.trimmed().split(u'\n');
        QVERIFY2(lines.first().startsWith(data("malformed.jsonl") + u":2: error: malformed JSON"),
            qPrintable(lines.first()));
        QVERIFY(r.out.contains(data("duplicates.jsonl") + u":2: warning: duplicate of duplicates.jsonl:1"));
        QCOMPARE(lines.last(), u"7 runs loaded, 4 lines rejected, 1 warnings"_qs);
    }

    void validateExitCodes_data()
    {
        QTest::addColumn<QString>("file");
        QTest::addColumn<int>("exitCode");
        QTest::addRow("clean") << data("seed_proposed.jsonl") << 0;
        QTest::addRow("warnings only") << data("missing_registration_id.jsonl") << 0;
        QTest::addRow("incomplete last line") << data("incomplete_last_line.jsonl") << 0;
        QTest::addRow("empty") << data("empty.jsonl") << 0;
        QTest::addRow("rejected line") << data("ragged.csv") << 1;
        QTest::addRow("binary") << data("binary.jsonl") << 1;
        QTest::addRow("missing file") << u"/nonexistent/x.jsonl"_qs << 1;
    }

    void validateExitCodes()
    {
        QFETCH(QString, file);
        QFETCH(int, exitCode);
        const Run r = run({ u"validate"_qs, file });
        QCOMPARE(r.exitCode, exitCode);
        QVERIFY(r.out.trimmed().split(u'\n').last().contains(u"runs loaded"));
    }

    void chartWritesPngAndSvgHeadless_data()
    {
        QTest::addColumn<QString>("kind");
        for (const char* kind : { "box", "bar", "stacked", "histogram", "trend" })
            QTest::addRow("%s", kind) << QString::fromLatin1(kind);
    }

    void chartWritesPngAndSvgHeadless()
    {
        QFETCH(QString, kind);
        QTemporaryDir dir;
        const QString png = dir.filePath(kind + u".png"_qs);
        const Run r = run({ u"chart"_qs, data("seed_proposed.jsonl"), u"--kind"_qs, kind, u"--group-by"_qs,
            u"model"_qs, u"--metric"_qs, u"total"_qs, u"--target"_qs, u"30"_qs, u"-o"_qs, png, u"--size"_qs,
            u"640x400"_qs });
        QCOMPARE(r.exitCode, 0);
        QCOMPARE(QImage(png).size(), QSize(640, 400));
        const QString svg = dir.filePath(kind + u".svg"_qs);
        QCOMPARE(
            run({ u"chart"_qs, data("seed_proposed.jsonl"), u"--kind"_qs, kind, u"-o"_qs, svg }).exitCode, 0);
        QFile file(svg);
        QVERIFY(file.open(QIODevice::ReadOnly));
        QVERIFY(file.readAll().contains("<svg"));
    }

    void chartBadUsage()
    {
        QCOMPARE(
            run({ u"chart"_qs, data("seed_proposed.jsonl"), u"--kind"_qs, u"pie"_qs, u"-o"_qs, u"x.png"_qs })
                .exitCode,
            2);
        QCOMPARE(run({ u"chart"_qs, data("seed_proposed.jsonl"), u"--kind"_qs, u"box"_qs }).exitCode, 2);
        const Run metric = run({ u"chart"_qs, data("seed_proposed.jsonl"), u"--metric"_qs, u"phase9"_qs,
            u"-o"_qs, u"x.png"_qs });
        QCOMPARE(metric.exitCode, 2);
        QVERIFY(metric.err.contains(u"the metrics are"_qs));
        const Run unwritable
            = run({ u"chart"_qs, data("seed_proposed.jsonl"), u"-o"_qs, u"/nonexistent/dir/x.png"_qs });
        QCOMPARE(unwritable.exitCode, 1);
        QVERIFY(unwritable.err.contains(u"/nonexistent/dir/x.png"_qs));
    }

    void compareGroups()
    {
        // scipy 1.10.1 mannwhitneyu(fast, slow, 'two-sided', method='asymptotic').pvalue
        // = 3.167857100134274e-05
        const Run table = run(
            { u"compare"_qs, data("stats_groups.jsonl"), u"--a"_qs, u"fast"_qs, u"--b"_qs, u"slow"_qs });
        QCOMPARE(table.exitCode, 0);
        QVERIFY2(table.out.contains(u"ratio of medians B/A    1.694"_qs), qPrintable(table.out));
        QVERIFY(table.out.contains(u"p = 3.17e-05"_qs));
        QVERIFY(table.out.contains(u"12 registrations ran on both"_qs));
        const Run csv = run({ u"compare"_qs, data("stats_groups.jsonl"), u"--a"_qs, u"fast"_qs, u"--b"_qs,
            u"slow"_qs, u"--format"_qs, u"csv"_qs, u"--metric"_qs, u"total"_qs });
        QCOMPARE(csv.exitCode, 0);
        QVERIFY(csv.out.startsWith(
            u"node,depth,median_a,median_b,delta,ratio\ntotal,0,17.04,28.872999999999998,"_qs));
        const Run json = run({ u"compare"_qs, data("stats_groups.jsonl"), u"--a"_qs, u"fast"_qs, u"--b"_qs,
            u"slow"_qs, u"--format"_qs, u"json"_qs });
        QCOMPARE(json.exitCode, 0);
        QVERIFY(json.out.contains(u"\"p_two_sided\": 3.1678571001342"_qs)); // scipy's p to 13 digits
        const Run missing = run(
            { u"compare"_qs, data("stats_groups.jsonl"), u"--a"_qs, u"fast"_qs, u"--b"_qs, u"nope"_qs });
        QCOMPARE(missing.exitCode, 2);
        QVERIFY(missing.err.contains(u"the groups are: fast, slow"_qs));
    }

    void mappingOption()
    {
        const Run r = run(
            { u"stats"_qs, data("legacy_custom_columns.csv"), u"--mapping"_qs, data("legacy_mapping.json"),
                u"--metric"_qs, u"phase3/validation"_qs, u"--format"_qs, u"csv"_qs });
        QCOMPARE(r.exitCode, 0);
        QVERIFY2(r.out.contains(u"\nphase3/validation,1,1.5,1.5,"), qPrintable(r.out + r.err));
        const Run bad = run(
            { u"stats"_qs, data("legacy_custom_columns.csv"), u"--mapping"_qs, data("bad_mapping.json") });
        QCOMPARE(bad.exitCode, 2);
        QVERIFY(bad.err.contains(data("bad_mapping.json")));
    }

    void convertCommand()
    {
        QTemporaryDir dir;
        const QString out = dir.filePath(u"legacy.jsonl"_qs);
        const Run r = run({ u"convert"_qs, data("legacy_wide.csv"), u"-o"_qs, out });
        QCOMPARE(r.exitCode, 0);
        QCOMPARE(r.err, u"converted 2 runs from 1 files to "_qs + out + u'\n');
        // The statistics of the converted file are those of the CSV, to the last bit,
        // and its runs keep the CSV's name as their source.
        const QStringList statsArguments { u"--group-by"_qs, u"source"_qs, u"--format"_qs, u"csv"_qs,
            u"--metric"_qs, u"total,phase1,phase1/agent_conversation,phase2"_qs };
        const Run fromCsv = run(QStringList { u"stats"_qs, data("legacy_wide.csv") } + statsArguments);
        const Run fromJsonl = run(QStringList { u"stats"_qs, out } + statsArguments);
        QCOMPARE(fromCsv.exitCode, 0);
        QCOMPARE(fromJsonl.exitCode, 0);
        QVERIFY(fromCsv.out.contains(u"legacy_wide.csv,phase1/agent_conversation,2,"));
        QCOMPARE(fromJsonl.out, fromCsv.out);
        QCOMPARE(run({ u"validate"_qs, out }).exitCode, 0);

        // To stdout, with a mapping and a filter.
        const Run toStdout = run(
            { u"convert"_qs, data("legacy_custom_columns.csv"), u"--mapping"_qs, data("legacy_mapping.json"),
                u"--filter"_qs, u"registration_id=SPUS55557"_qs, u"-o"_qs, u"-"_qs });
        QCOMPARE(toStdout.exitCode, 0);
        const QStringList lines = toStdout.out.trimmed().split(u'\n');
        QCOMPARE(lines.size(), 1);
        QVERIFY2(lines[0].startsWith(u"{\"run_metadata\":{\"registration_id\":\"SPUS55557\""),
            qPrintable(lines[0]));
        QVERIFY(lines[0].contains(u"\"phase3\":{\"total_seconds\":1.5"));
        QVERIFY(toStdout.err.endsWith(u"to stdout\n"));

        // Bad options.
        QCOMPARE(run({ u"convert"_qs, data("legacy_wide.csv") }).exitCode, 2); // no -o
        QCOMPARE(run({ u"convert"_qs, u"-o"_qs, out }).exitCode, 2); // no input
        QCOMPARE(run({ u"convert"_qs, data("legacy_wide.csv"), u"-o"_qs, out, u"--filter"_qs, u"nothing"_qs })
                     .exitCode,
            2);
        QCOMPARE(
            run({ u"convert"_qs, data("legacy_wide.csv"), u"-o"_qs, out, u"--frobnicate"_qs }).exitCode, 2);
        QVERIFY(run({ u"convert"_qs, u"--help"_qs }).out.contains(u"--output"));

        // Writing fails: the message names the file; an input is never written.
        const Run unwritable
            = run({ u"convert"_qs, data("legacy_wide.csv"), u"-o"_qs, u"/nonexistent/dir/x.jsonl"_qs });
        QCOMPARE(unwritable.exitCode, 1);
        QVERIFY2(unwritable.err.contains(u"/nonexistent/dir/x.jsonl"_qs), qPrintable(unwritable.err));
        const Run overInput = run({ u"convert"_qs, out, u"-o"_qs, out });
        QCOMPARE(overInput.exitCode, 1);
        QVERIFY2(overInput.err.contains(u"cannot write "_qs + out + u": it is the input file"_qs),
            qPrintable(overInput.err));
        QCOMPARE(run(QStringList { u"stats"_qs, out } + statsArguments).out, fromCsv.out); // unchanged
        const Run missing
            = run({ u"convert"_qs, data("legacy_wide.csv"), u"/nonexistent/x.csv"_qs, u"-o"_qs, out });
        QCOMPARE(missing.exitCode, 1);
    }

    void summaryCommand()
    {
        // -o - writes exactly the summary preset's golden file to stdout, BOM included.
        QProcess process;
        process.start(QStringLiteral(TIMING_EXPLORER_BINARY),
            { u"summary"_qs, data("export_input.jsonl"), u"-o"_qs, u"-"_qs });
        QVERIFY(process.waitForFinished(60000));
        QCOMPARE(process.exitCode(), 0);
        QFile golden(data("export/summary.csv"));
        QVERIFY(golden.open(QIODevice::ReadOnly));
        const QByteArray expected = golden.readAll();
        QCOMPARE(process.readAllStandardOutput(), expected);

        // To a file: the same bytes, and a note of what was written.
        QTemporaryDir dir;
        const QString out = dir.filePath(u"summary.csv"_qs);
        const Run toFile = run(
            { u"summary"_qs, data("export_input.jsonl"), u"-o"_qs, out, u"--preset"_qs, u"summary"_qs });
        QCOMPARE(toFile.exitCode, 0);
        QCOMPARE(toFile.err, u"wrote "_qs + out + u" (8 rows)\n"_qs);
        QFile written(out);
        QVERIFY(written.open(QIODevice::ReadOnly));
        QCOMPARE(written.readAll(), expected);

        // Per group, against the figures statsCsvMatchesPandas checks (pandas 1.5.3).
        const Run perGroup
            = run({ u"summary"_qs, data("stats_groups.jsonl"), u"--per-group"_qs, u"model"_qs, u"--stats"_qs,
                u"n,median,p95"_qs, u"--metric"_qs, u"total"_qs, u"--no-bom"_qs, u"-o"_qs, u"-"_qs });
        QCOMPARE(perGroup.exitCode, 0);
        QCOMPARE(perGroup.out,
            u"model,total_n,total_median_seconds,total_p95_seconds\nfast,13,17.040,21.182\nslow,12,28.873,31.211\n"_qs);

        // A decimal comma switches the delimiter to ';', and says so.
        const Run comma = run({ u"summary"_qs, data("stats_groups.jsonl"), u"--per-group"_qs, u"model"_qs,
            u"--stats"_qs, u"median"_qs, u"--metric"_qs, u"total"_qs, u"--no-bom"_qs, u"--decimal"_qs,
            u","_qs, u"--readable-headers"_qs, u"-o"_qs, u"-"_qs });
        QCOMPARE(comma.exitCode, 0);
        QVERIFY2(comma.err.contains(u"the delimiter is ';'"_qs), qPrintable(comma.err));
        QCOMPARE(comma.out, u"Model;Total · median (s)\nfast;17,040\nslow;28,873\n"_qs);

        // Long layout with machine column names, filtered.
        const Run longLayout = run({ u"summary"_qs, data("seed_proposed.jsonl"), u"--long"_qs, u"--metric"_qs,
            u"phase2"_qs, u"--filter"_qs, u"model=openai_gpt4o"_qs, u"--no-bom"_qs, u"-o"_qs, u"-"_qs });
        QCOMPARE(longLayout.exitCode, 0);
        QCOMPARE(longLayout.out.count(u'\n'), 3);
        QVERIFY(
            longLayout.out.startsWith(u"registration_id,model,constellation,timestamp,source,node,seconds\n"
                                      "SPUS63654,openai_gpt4o,p1m1m2c,2025-01-14T10:31:00.000Z,"
                                      "seed_proposed.jsonl,phase2,10.000\n"_qs));
        const Run columns = run({ u"summary"_qs, data("seed_proposed.jsonl"), u"--columns"_qs,
            u"registration_id,phase1_agent_conversation_seconds,phase1/file_write"_qs, u"--ms"_qs,
            u"--precision"_qs, u"0"_qs, u"--no-bom"_qs, u"-o"_qs, u"-"_qs });
        QCOMPARE(columns.out.split(u'\n').mid(0, 2),
            QStringList({ u"registration_id,phase1_agent_conversation_ms,phase1_file_write_ms"_qs,
                u"SPUS55557,33200,500"_qs }));
    }

    void summaryBadUsage_data()
    {
        QTest::addColumn<QStringList>("arguments");
        QTest::addColumn<QString>("messagePart");
        QTest::addRow("unknown column")
            << QStringList { u"--columns"_qs, u"registration_id,frobnicate"_qs }
            << u"unknown column \"frobnicate\"; the columns are: registration_id"_qs;
        QTest::addRow("--stats without --per-group")
            << QStringList { u"--stats"_qs, u"median"_qs } << u"--stats needs --per-group"_qs;
        QTest::addRow("unknown statistic") << QStringList { u"--per-group"_qs, u"model"_qs, u"--stats"_qs,
            u"p50"_qs } << u"the statistics are: n, mean, median"_qs;
        QTest::addRow("unknown group field")
            << QStringList { u"--per-group"_qs, u"modle"_qs } << u"the fields are: registration_id"_qs;
        QTest::addRow("bad delimiter")
            << QStringList { u"--delimiter"_qs, u"|"_qs } << u"--delimiter must be"_qs;
        QTest::addRow("precision too high") << QStringList { u"--precision"_qs, u"13"_qs } << u"0 to 12"_qs;
        QTest::addRow("unknown preset") << QStringList { u"--preset"_qs, u"everything"_qs }
                                        << u"the presets are: summary, phases, all"_qs;
        QTest::addRow("two layouts") << QStringList { u"--per-group"_qs, u"model"_qs, u"--long"_qs }
                                     << u"choose one"_qs;
    }

    void summaryBadUsage()
    {
        QFETCH(QStringList, arguments);
        QFETCH(QString, messagePart);
        const Run r
            = run(QStringList { u"summary"_qs, data("seed_proposed.jsonl"), u"-o"_qs, u"-"_qs } + arguments);
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(r.err.contains(messagePart), qPrintable(r.err));
        QVERIFY(r.out.isEmpty());
    }

    void summaryWriteFailures()
    {
        QCOMPARE(run({ u"summary"_qs, data("seed_proposed.jsonl") }).exitCode,
            2); // no -o: bad usage, not a failure
        const Run unwritable
            = run({ u"summary"_qs, data("seed_proposed.jsonl"), u"-o"_qs, u"/nonexistent/dir/x.csv"_qs });
        QCOMPARE(unwritable.exitCode, 1);
        QVERIFY2(unwritable.err.contains(u"cannot write /nonexistent/dir/x.csv: the directory"_qs),
            qPrintable(unwritable.err));
        QTemporaryDir dir;
        const QString input = dir.filePath(u"input.jsonl"_qs);
        QVERIFY(QFile::copy(data("seed_proposed.jsonl"), input));
        const Run overInput = run({ u"summary"_qs, input, u"-o"_qs,
            dir.filePath(u"./../"_qs) + QFileInfo(dir.path()).fileName() + u"/input.jsonl"_qs });
        QCOMPARE(overInput.exitCode, 1);
        QVERIFY2(overInput.err.contains(u"it is the input file"_qs), qPrintable(overInput.err));
        QCOMPARE(QFileInfo(input).size(), QFileInfo(data("seed_proposed.jsonl")).size());
    }
};

QTEST_GUILESS_MAIN(TestCli)
#include "tst_cli.moc"
