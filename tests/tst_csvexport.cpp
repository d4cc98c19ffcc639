// The CSV export engine: golden files byte for byte, Excel's rules cell by cell,
// per-group statistics against computeGroupStats, the preview against the file.
// TE_UPDATE_GOLDEN=1 rewrites tests/data/export/*.csv from the engine; inspect the
// diff (cat -A) before committing it.
#include "data/datasetlookups.h"
#include "export/csvexport.h"
#include "export/exportcolumns.h"
#include "stats/groupstats.h"
#include "testsupport.h"

#include <QBuffer>
#include <QFile>
#include <functional>
#include <memory>

using namespace te;
using namespace te::test;

Q_DECLARE_METATYPE(te::CsvExportRequest)

namespace {

std::shared_ptr<const TimingDataset> exportInput()
{
    static const auto data = std::make_shared<const TimingDataset>(
        loadFixtures({ QStringLiteral("export_input.jsonl") }).dataset);
    return data;
}

CsvExporter makeExporter(CsvExportRequest request)
{
    const auto data = exportInput();
    if (request.layout == CsvExportRequest::Layout::PerRun && request.columns.empty())
        request.columns = *presetColumns(QStringLiteral("all"), *data);
    QString error;
    auto exporter = CsvExporter::create(data, allRuns(*data), std::move(request), &error);
    if (!exporter)
        qFatal("%s", qPrintable(error));
    return std::move(*exporter);
}

// One cell through the engine, as the only cell of a row, without the line end.
QString cell(const CsvFormat& format, const std::function<void(CsvRowWriter&)>& add)
{
    CsvRowWriter row(format);
    add(row);
    row.endRow();
    return QString::fromUtf8(row.bytes()).chopped(1);
}

} // namespace

class TestCsvExport : public QObject
{
    Q_OBJECT
private slots:
    void goldenFiles_data()
    {
        QTest::addColumn<CsvExportRequest>("request");
        QTest::addColumn<QString>("golden");
        const auto perRun = [](const std::function<void(CsvFormat&)>& change) {
            CsvExportRequest request;
            change(request.format);
            return request;
        };
        QTest::addRow("default: BOM, comma") << perRun([](CsvFormat&) {}) << u"default.csv"_qs;
        QTest::addRow("no BOM") << perRun([](CsvFormat& f) { f.bom = false; }) << u"no_bom.csv"_qs;
        QTest::addRow("semicolon, decimal comma") << perRun([](CsvFormat& f) {
            f.delimiter = u';';
            f.decimal = u',';
        }) << u"semicolon_decimal_comma.csv"_qs;
        QTest::addRow("tab") << perRun([](CsvFormat& f) { f.delimiter = u'\t'; }) << u"tab.csv"_qs;
        QTest::addRow("CRLF") << perRun([](CsvFormat& f) { f.crlf = true; }) << u"crlf.csv"_qs;
        QTest::addRow("injection guard off")
            << perRun([](CsvFormat& f) { f.injectionGuard = false; }) << u"no_injection_guard.csv"_qs;
        QTest::addRow("readable headers")
            << perRun([](CsvFormat& f) { f.headers = CsvFormat::Headers::Readable; })
            << u"readable_headers.csv"_qs;
        QTest::addRow("milliseconds, precision 0") << perRun([](CsvFormat& f) {
            f.milliseconds = true;
            f.precision = 0;
        }) << u"milliseconds.csv"_qs;
        QTest::addRow("Excel timestamps")
            << perRun([](CsvFormat& f) { f.timestamps = CsvFormat::Timestamps::Excel; })
            << u"excel_timestamps.csv"_qs;

        CsvExportRequest summary;
        summary.columns = *presetColumns(u"summary"_qs, *exportInput());
        QTest::addRow("summary preset") << summary << u"summary.csv"_qs;
        CsvExportRequest ratio;
        ratio.columns = { { RunColumn::Kind::Field, u"registration_id"_qs }, { RunColumn::Kind::Line, {} },
            { RunColumn::Kind::RatioToMedian, {} }, { RunColumn::Kind::Metric, u"phase1/file_write"_qs } };
        ratio.format.precision = 4;
        QTest::addRow("line, ratio to model median, precision 4") << ratio << u"ratio_line.csv"_qs;

        CsvExportRequest perGroup;
        perGroup.layout = CsvExportRequest::Layout::PerGroup;
        perGroup.groupBy = QStringList { u"model"_qs };
        perGroup.metrics = QStringList { u"total"_qs, u"phase1"_qs };
        perGroup.statistics = QStringList { u"n"_qs, u"mean"_qs, u"median"_qs, u"p95"_qs, u"stddev"_qs };
        QTest::addRow("per group") << perGroup << u"per_group.csv"_qs;
        perGroup.groupBy = QStringList { u"model"_qs, u"constellation"_qs };
        perGroup.statistics = QStringList { u"n"_qs, u"p90"_qs, u"min"_qs, u"max"_qs };
        perGroup.format.headers = CsvFormat::Headers::Readable;
        perGroup.format.milliseconds = true;
        QTest::addRow("per group, two fields, readable, ms") << perGroup << u"per_group_readable_ms.csv"_qs;

        CsvExportRequest longLayout;
        longLayout.layout = CsvExportRequest::Layout::Long;
        QTest::addRow("long, every node") << longLayout << u"long.csv"_qs;
    }

    void goldenFiles()
    {
        QFETCH(CsvExportRequest, request);
        QFETCH(QString, golden);
        const CsvExporter exporter = makeExporter(request);
        QByteArray written;
        QBuffer buffer(&written);
        QVERIFY(buffer.open(QIODevice::WriteOnly));
        QString error;
        QVERIFY2(exporter.write(buffer, {}, &error), qPrintable(error));
        if (qEnvironmentVariableIsSet("TE_UPDATE_GOLDEN")) {
            const QString target = QFINDTESTDATA("data/export") + u'/' + golden;
            QVERIFY(writeFile(target, written));
            qWarning("rewrote %s", qPrintable(target));
        }
        const QString path = QFINDTESTDATA(u"data/export/"_qs + golden);
        QVERIFY2(!path.isEmpty(), qPrintable(golden + u" is missing; run with TE_UPDATE_GOLDEN=1"_qs));
        QCOMPARE(written, readAll(path));
        // The preview is exactly the start of the file, row by row.
        for (int rows = 0; rows <= exporter.rowCount(); ++rows)
            QVERIFY(written.startsWith(exporter.preview(rows)));
        QCOMPARE(exporter.preview(static_cast<int>(exporter.rowCount())), written);
        QCOMPARE(exporter.preview(1000), written);
    }

    void previewEndsAtRowBoundaries()
    {
        CsvExportRequest request;
        const CsvExporter exporter = makeExporter(request);
        const QByteArray header = exporter.preview(0);
        QVERIFY(header.startsWith("\xEF\xBB\xBF"
                                  "registration_id,model,"));
        QVERIFY(header.endsWith(",phase2_total_seconds\n"));
        QCOMPARE(header.count('\n'), 1);
        // Row 3's registration id holds a newline: the preview still ends after a whole row.
        QVERIFY(exporter.preview(3).endsWith(",7.891\n"));
        QVERIFY(exporter.preview(2).endsWith(",4.875\n"));
    }

    void textCells_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QChar>("delimiter");
        QTest::addColumn<bool>("guard");
        QTest::addColumn<QString>("expected");
        QTest::addRow("plain") << u"abc"_qs << QChar(u',') << true << u"abc"_qs;
        QTest::addRow("formula") << u"=1+2"_qs << QChar(u',') << true << u"'=1+2"_qs;
        QTest::addRow("formula, guard off") << u"=1+2"_qs << QChar(u',') << false << u"=1+2"_qs;
        QTest::addRow("plus") << u"+cmd"_qs << QChar(u',') << true << u"'+cmd"_qs;
        QTest::addRow("at") << u"@SUM(A1)"_qs << QChar(u',') << true << u"'@SUM(A1)"_qs;
        QTest::addRow("minus, an expression") << u"-2+3"_qs << QChar(u',') << true << u"'-2+3"_qs;
        // A text that is a plain number is read as that number and cannot run: kept.
        QTest::addRow("minus, a number") << u"-5"_qs << QChar(u',') << true << u"-5"_qs;
        QTest::addRow("plus, a number") << u"+1e3"_qs << QChar(u',') << true << u"+1e3"_qs;
        QTest::addRow("lone minus") << u"-"_qs << QChar(u',') << true << u"'-"_qs;
        QTest::addRow("tab, comma delimiter") << u"\tx"_qs << QChar(u',') << true << u"'\tx"_qs;
        QTest::addRow("tab, tab delimiter") << u"\tx"_qs << QChar(u'\t') << true << u"\"'\tx\""_qs;
        QTest::addRow("CR") << u"\rx"_qs << QChar(u',') << true << u"\"'\rx\""_qs;
        QTest::addRow("quote doubled") << u"a\"b"_qs << QChar(u',') << true << u"\"a\"\"b\""_qs;
        QTest::addRow("delimiter") << u"a,b"_qs << QChar(u',') << true << u"\"a,b\""_qs;
        QTest::addRow("other delimiter not quoted") << u"a,b"_qs << QChar(u';') << true << u"a,b"_qs;
        QTest::addRow("newline") << u"a\nb"_qs << QChar(u',') << true << u"\"a\nb\""_qs;
        QTest::addRow("guarded and quoted") << u"=\"x\""_qs << QChar(u',') << true << u"\"'=\"\"x\"\"\""_qs;
        QTest::addRow("empty is one empty cell") << QString() << QChar(u',') << true << u"\"\""_qs;
    }

    void textCells()
    {
        QFETCH(QString, text);
        QFETCH(QChar, delimiter);
        QFETCH(bool, guard);
        QFETCH(QString, expected);
        CsvFormat format;
        format.delimiter = delimiter;
        format.injectionGuard = guard;
        QCOMPARE(cell(format, [&](CsvRowWriter& row) { row.addText(text); }), expected);
    }

    void numberCells_data()
    {
        QTest::addColumn<double>("seconds");
        QTest::addColumn<int>("precision");
        QTest::addColumn<QChar>("decimal");
        QTest::addColumn<bool>("milliseconds");
        QTest::addColumn<QString>("expected");
        QTest::addRow("default") << 12.5 << 3 << QChar(u'.') << false << u"12.500"_qs;
        QTest::addRow("no thousands separator")
            << 1234567.891 << 3 << QChar(u'.') << false << u"1234567.891"_qs;
        QTest::addRow("decimal comma") << 1234567.891 << 2 << QChar(u',') << false << u"1234567,89"_qs;
        QTest::addRow("milliseconds") << 0.0125 << 1 << QChar(u'.') << true << u"12.5"_qs;
        QTest::addRow("precision 0") << 2.5001 << 0 << QChar(u'.') << false << u"3"_qs;
        QTest::addRow("precision 12") << 0.1 << 12 << QChar(u'.') << false << u"0.100000000000"_qs;
        QTest::addRow("missing") << std::nan("") << 3 << QChar(u'.') << false << u"\"\""_qs;
        // Numbers are never guarded: a negative number stays a number.
        QTest::addRow("negative") << -1.5 << 3 << QChar(u'.') << false << u"-1.500"_qs;
    }

    void numberCells()
    {
        QFETCH(double, seconds);
        QFETCH(int, precision);
        QFETCH(QChar, decimal);
        QFETCH(bool, milliseconds);
        QFETCH(QString, expected);
        CsvFormat format;
        format.precision = precision;
        format.decimal = decimal;
        format.milliseconds = milliseconds;
        format.delimiter = u';';
        QCOMPARE(cell(format, [&](CsvRowWriter& row) { row.addDuration(seconds); }), expected);
    }

    void perGroupAgreesWithComputeGroupStats()
    {
        CsvExportRequest request;
        request.layout = CsvExportRequest::Layout::PerGroup;
        request.groupBy = QStringList { u"model"_qs };
        request.metrics = QStringList { u"total"_qs, u"phase1/agent_conversation"_qs };
        request.format.precision = 12;
        request.format.bom = false;
        const CsvExporter exporter = makeExporter(request);
        const TimingDataset& data = *exportInput();
        const auto expected
            = computeGroupStats(data, groupRuns(data, allRuns(data), { TimingDataset::Model }),
                { TimingDataset::kRootMetric, data.metricId(u"phase1/agent_conversation") });
        const QStringList lines = QString::fromUtf8(exporter.preview(100)).trimmed().split(u'\n');
        QCOMPARE(lines.size(), 1 + 3); // fast, modèle ü, slow
        QCOMPARE(lines[0].split(u',').size(), 1 + 2 * 9);
        for (qsizetype g = 0; g < 3; ++g) {
            const QStringList cells = lines[g + 1].split(u',');
            QCOMPARE(cells[0], expected[static_cast<std::size_t>(2 * g)].key.front());
            for (qsizetype m = 0; m < 2; ++m) {
                const SummaryStats& s = expected[static_cast<std::size_t>(2 * g + m)].stats;
                const double values[] = { static_cast<double>(s.n), s.mean, s.median, s.p90, s.p95, s.p99,
                    s.min, s.max, s.stddev };
                for (qsizetype i = 0; i < 9; ++i) {
                    const QString& text = cells[1 + m * 9 + i];
                    if (std::isnan(values[i]))
                        QVERIFY(text.isEmpty()); // stddev of one run
                    else
                        QVERIFY2(std::abs(text.toDouble() - values[i]) <= 5e-13 * std::max(1.0, values[i]),
                            qPrintable(lines[g + 1]));
                }
            }
        }
    }

    void badRequests_data()
    {
        QTest::addColumn<CsvExportRequest>("request");
        QTest::addColumn<QString>("messagePart");
        CsvExportRequest r;
        r.layout = CsvExportRequest::Layout::PerGroup;
        r.statistics = QStringList { u"p50"_qs };
        QTest::addRow("unknown statistic") << r << u"the statistics are: n, mean, median"_qs;
        r.statistics.clear();
        r.groupBy = QStringList { u"modle"_qs };
        QTest::addRow("unknown group field") << r << u"the fields are: registration_id"_qs;
        r.groupBy.clear();
        r.metrics = QStringList { u"phase9"_qs };
        QTest::addRow("unknown metric") << r << u"the metrics are: total"_qs;
        CsvExportRequest column;
        column.columns = { { RunColumn::Kind::Metric, u"phase9"_qs } };
        QTest::addRow("unknown column") << column << u"the metrics are: total"_qs;
        column.columns = { { RunColumn::Kind::Field, u"model"_qs } };
        column.format.precision = 13;
        QTest::addRow("precision") << column << u"precision"_qs;
        column.format.precision = 3;
        column.format.delimiter = u'"';
        QTest::addRow("quote delimiter") << column << u"delimiter"_qs;
    }

    void badRequests()
    {
        QFETCH(CsvExportRequest, request);
        QFETCH(QString, messagePart);
        QString error;
        QVERIFY(!CsvExporter::create(exportInput(), allRuns(*exportInput()), request, &error));
        QVERIFY2(error.contains(messagePart), qPrintable(error));
    }

    void progressAndCancel()
    {
        const CsvExporter exporter = makeExporter({});
        QByteArray bytes;
        QBuffer buffer(&bytes);
        buffer.open(QIODevice::WriteOnly);
        qint64 lastDone = -1;
        QVERIFY(exporter.write(buffer, [&](qint64 done, qint64 total) {
            lastDone = done;
            return total == 8;
        }));
        QCOMPARE(lastDone, 8);
        QString error;
        QVERIFY(!exporter.write(
            buffer, [](qint64, qint64) { return false; }, &error));
        QCOMPARE(error, u"cancelled"_qs);
    }
};

QTEST_GUILESS_MAIN(TestCsvExport)
#include "tst_csvexport.moc"
