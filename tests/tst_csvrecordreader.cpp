// CsvRecordReader and sniffCsvDelimiter: RFC 4180 records from a buffer that holds
// part of a file: quoting, doubled quotes, embedded newlines, CRLF, delimiters,
// records that do not fit the buffer yet, and records far longer than a block.
#include "load/csv/csvrecordreader.h"

#include <QTest>
#include <string>
#include <vector>

using namespace te;

namespace {

using Records = std::vector<std::vector<std::string>>;

std::vector<std::string> fieldsOf(const CsvRecordReader& reader)
{
    std::vector<std::string> fields;
    for (std::size_t i = 0; i < reader.fieldCount(); ++i)
        fields.push_back(reader.field(i));
    return fields;
}

/// Reads every record of `text` as a loader does: the buffer holds only the first
/// `available` bytes until the reader asks for more, `chunk` bytes at a time.
Records readInChunks(const std::string& text, char delimiter, std::size_t chunk, int* lines = nullptr)
{
    CsvRecordReader reader(delimiter);
    Records records;
    std::size_t start = 0;
    std::size_t available = std::min(chunk, text.size());
    int newlineTotal = 0;
    while (start < text.size()) {
        const std::string_view data(text.data() + start, available - start);
        const bool atEnd = available == text.size();
        std::size_t consumed = 0;
        int newlines = 0;
        const auto status = reader.next(data, atEnd, consumed, newlines);
        if (status == CsvRecordReader::Status::NeedMoreData) {
            if (atEnd)
                break; // would loop forever: the contract says this cannot happen
            available = std::min(available + chunk, text.size());
            continue;
        }
        if (status == CsvRecordReader::Status::UnterminatedQuote)
            break;
        records.push_back(fieldsOf(reader));
        start += consumed;
        newlineTotal += newlines;
        if (consumed == 0)
            break;
    }
    if (lines)
        *lines = newlineTotal;
    return records;
}

} // namespace

class TestCsvRecordReader : public QObject
{
    Q_OBJECT

private slots:
    void sniffsTheDelimiter_data()
    {
        QTest::addColumn<QByteArray>("header");
        QTest::addColumn<char>("expected");
        QTest::addRow("commas") << QByteArray("registration_id,model,total_seconds") << ',';
        QTest::addRow("semicolons") << QByteArray("registration_id;model;total_seconds") << ';';
        QTest::addRow("tabs") << QByteArray("registration_id\tmodel\ttotal_seconds") << '\t';
        QTest::addRow("none: one column") << QByteArray("total_seconds") << ',';
        QTest::addRow("none: empty") << QByteArray() << ',';
        QTest::addRow("more semicolons than commas") << QByteArray("a,b;c;d") << ';';
        QTest::addRow("more commas than tabs") << QByteArray("a\tb,c,d") << ',';
        const QByteArray bom = "\xEF\xBB\xBF";
        QTest::addRow("after a byte order mark") << bom + "a;b;c" << ';';
        // Inside quotes a delimiter is text: the header names its columns.
        QTest::addRow("quoted semicolons") << QByteArray("\"a;b;c\",d,e") << ',';
        QTest::addRow("quoted commas") << QByteArray("\"x,y,z,w\";a;b") << ';';
        QTest::addRow("quoted tabs") << QByteArray("\"\t\t\t\"\ta,b,c") << ',';
    }

    void sniffsTheDelimiter()
    {
        QFETCH(QByteArray, header);
        QFETCH(char, expected);
        QCOMPARE(
            sniffCsvDelimiter(std::string_view(header.constData(), static_cast<std::size_t>(header.size()))),
            expected);
    }

    // One record from a buffer that holds all of it.
    void readsOneRecord_data()
    {
        QTest::addColumn<QByteArray>("data");
        QTest::addColumn<char>("delimiter");
        QTest::addColumn<QByteArrayList>("fields");
        QTest::addColumn<int>("consumed");
        QTest::addColumn<int>("newlines");
        const auto row = [](const char* name, const QByteArray& data, char delimiter,
                             const QByteArrayList& fields, int consumed, int newlines) {
            QTest::addRow("%s", name) << data << delimiter << fields << consumed << newlines;
        };
        row("plain", "a,b,c\nnext", ',', { "a", "b", "c" }, 6, 1);
        row("CRLF", "a,b,c\r\nnext", ',', { "a", "b", "c" }, 7, 1);
        row("empty fields", ",,\n", ',', { "", "", "" }, 3, 1);
        row("blank line", "\nnext", ',', { "" }, 1, 1);
        row("quoted delimiter", "\"a,b\",c\n", ',', { "a,b", "c" }, 8, 1);
        row("doubled quotes", "\"say \"\"hi\"\"\",x\n", ',', { "say \"hi\"", "x" }, 15, 1);
        row("quoted empty", "\"\",x\n", ',', { "", "x" }, 5, 1);
        row("only a doubled quote", "\"\"\"\"\n", ',', { "\"" }, 5, 1);
        row("embedded LF", "\"line1\nline2\",x\n", ',', { "line1\nline2", "x" }, 16, 2);
        row("embedded CRLF kept", "\"line1\r\nline2\",x\r\n", ',', { "line1\r\nline2", "x" }, 18, 2);
        row("quoted then CRLF", "a,\"b\"\r\n", ',', { "a", "b" }, 7, 1);
        row("stray quote kept", "12\"5,x\n", ',', { "12\"5", "x" }, 7, 1);
        row("semicolon", "a;b,c;d\n", ';', { "a", "b,c", "d" }, 8, 1);
        row("tab", "a\tb c\t\n", '\t', { "a", "b c", "" }, 7, 1);
        row("unicode", "modèle,日本語,🚀\n", ',', { "modèle", "日本語", "🚀" }, 23, 1);
        row("spaces kept", " a , b \n", ',', { " a ", " b " }, 8, 1);
    }

    void readsOneRecord()
    {
        QFETCH(QByteArray, data);
        QFETCH(char, delimiter);
        QFETCH(QByteArrayList, fields);
        QFETCH(int, consumed);
        QFETCH(int, newlines);
        CsvRecordReader reader(delimiter);
        std::size_t gotConsumed = 0;
        int gotNewlines = 0;
        const auto status
            = reader.next(std::string_view(data.constData(), static_cast<std::size_t>(data.size())), false,
                gotConsumed, gotNewlines);
        QCOMPARE(status, CsvRecordReader::Status::Record);
        QByteArrayList got;
        for (std::size_t i = 0; i < reader.fieldCount(); ++i)
            got << QByteArray::fromStdString(reader.field(i));
        QCOMPARE(got, fields);
        QCOMPARE(gotConsumed, static_cast<std::size_t>(consumed));
        QCOMPARE(gotNewlines, newlines);
    }

    // A record with no newline yet: more data may come, unless the file ends there.
    void anIncompleteRecord_data()
    {
        QTest::addColumn<QByteArray>("data");
        QTest::addColumn<QByteArrayList>("lastRecord");
        QTest::addColumn<int>("newlines");
        QTest::addRow("no newline") << QByteArray("a,b") << QByteArrayList { "a", "b" } << 0;
        QTest::addRow("closing quote last") << QByteArray("a,\"b\"") << QByteArrayList { "a", "b" } << 0;
        QTest::addRow("trailing CR") << QByteArray("a,b\r") << QByteArrayList { "a", "b" } << 0;
        QTest::addRow("quote over a newline")
            << QByteArray("a,\"b\nc\"") << QByteArrayList { "a", "b\nc" } << 1;
    }

    void anIncompleteRecord()
    {
        QFETCH(QByteArray, data);
        QFETCH(QByteArrayList, lastRecord);
        QFETCH(int, newlines);
        const std::string_view view(data.constData(), static_cast<std::size_t>(data.size()));
        CsvRecordReader reader(',');
        std::size_t consumed = 12345;
        int gotNewlines = 0;
        QCOMPARE(reader.next(view, false, consumed, gotNewlines), CsvRecordReader::Status::NeedMoreData);
        QCOMPARE(reader.next(view, true, consumed, gotNewlines), CsvRecordReader::Status::Record);
        QCOMPARE(consumed, view.size());
        QCOMPARE(gotNewlines, newlines);
        QByteArrayList got;
        for (std::size_t i = 0; i < reader.fieldCount(); ++i)
            got << QByteArray::fromStdString(reader.field(i));
        QCOMPARE(got, lastRecord);
    }

    void aQuoteAtTheBufferEndWaitsForTheNextByte()
    {
        // `"a"` then `"` could be a doubled quote or the end of the field.
        CsvRecordReader reader(',');
        std::size_t consumed = 0;
        int newlines = 0;
        QCOMPARE(reader.next("\"a\"", false, consumed, newlines), CsvRecordReader::Status::NeedMoreData);
        QCOMPARE(reader.next("\"a\"\"", false, consumed, newlines), CsvRecordReader::Status::NeedMoreData);
        QCOMPARE(reader.next("\"a\"\"b\"\n", false, consumed, newlines), CsvRecordReader::Status::Record);
        QCOMPARE(reader.field(0), std::string("a\"b"));
    }

    void anUnterminatedQuoteAtTheEnd()
    {
        const std::string_view data = "a,\"never closed\nb,c\n";
        CsvRecordReader reader(',');
        std::size_t consumed = 0;
        int newlines = 0;
        QCOMPARE(reader.next(data, false, consumed, newlines), CsvRecordReader::Status::NeedMoreData);
        QCOMPARE(reader.next(data, true, consumed, newlines), CsvRecordReader::Status::UnterminatedQuote);
        QCOMPARE(consumed, data.size());
    }

    void aShortRecordAfterALongOneHasOnlyItsFields()
    {
        CsvRecordReader reader(',');
        std::size_t consumed = 0;
        int newlines = 0;
        QCOMPARE(reader.next("a,b,c,d,e\n", false, consumed, newlines), CsvRecordReader::Status::Record);
        QCOMPARE(reader.fieldCount(), 5u);
        QCOMPARE(reader.next("x,y\n", false, consumed, newlines), CsvRecordReader::Status::Record);
        QCOMPARE(reader.fieldCount(), 2u);
        QCOMPARE(reader.field(0), std::string("x"));
        QCOMPARE(reader.field(1), std::string("y"));
        QCOMPARE(reader.next("\"\"\n", false, consumed, newlines), CsvRecordReader::Status::Record);
        QCOMPARE(reader.fieldCount(), 1u);
        QCOMPARE(reader.field(0), std::string()); // not "x" left from before
    }

    // The same records whatever the buffer holds when next() is called.
    void recordsDoNotDependOnWhereTheBufferEnds_data()
    {
        QTest::addColumn<int>("chunk");
        for (const int chunk : { 1, 2, 3, 5, 7, 16, 1000 })
            QTest::addRow("%d bytes", chunk) << chunk;
    }

    void recordsDoNotDependOnWhereTheBufferEnds()
    {
        QFETCH(int, chunk);
        const std::string text = "registration_id,model,total_seconds\r\n"
                                 "SPUS1,\"gpt, 4o\",12.5\r\n"
                                 "\"SPUS\"\"2\",\"multi\r\nline\",\"\"\r\n"
                                 ",,\n"
                                 "SPUS3,été,7";
        const Records expected = {
            { "registration_id", "model", "total_seconds" },
            { "SPUS1", "gpt, 4o", "12.5" },
            { "SPUS\"2", "multi\r\nline", "" },
            { "", "", "" },
            { "SPUS3", "été", "7" },
        };
        int lines = 0;
        QCOMPARE(readInChunks(text, ',', static_cast<std::size_t>(chunk), &lines), expected);
        QCOMPARE(lines, 5); // four record ends and the newline inside a quote
    }

    void aRecordFarLongerThanABlock()
    {
        // A 4 MiB quoted field with newlines and doubled quotes, then a normal record.
        std::string big;
        for (int i = 0; i < 256 * 1024; ++i)
            big += i % 1000 == 999 ? "line\"\"\n.." : "0123456789abcd,.";
        std::string expectedBig;
        for (int i = 0; i < 256 * 1024; ++i)
            expectedBig += i % 1000 == 999 ? "line\"\n.." : "0123456789abcd,.";
        const std::string text = "id,\"" + big + "\",end\nnext,x,y\n";
        const Records records = readInChunks(text, ',', 1 << 16);
        QCOMPARE(records.size(), 2u);
        QCOMPARE(records[0].size(), 3u);
        QCOMPARE(records[0][0], std::string("id"));
        QVERIFY(records[0][1] == expectedBig);
        QCOMPARE(records[0][2], std::string("end"));
        QCOMPARE(records[1], (std::vector<std::string> { "next", "x", "y" }));
    }

    void tenThousandFields()
    {
        std::string text;
        for (int i = 0; i < 10000; ++i)
            text += (i ? "," : "") + std::to_string(i);
        text += "\n";
        const Records records = readInChunks(text, ',', 4096);
        QCOMPARE(records.size(), 1u);
        QCOMPARE(records[0].size(), 10000u);
        QCOMPARE(records[0][9999], std::string("9999"));
    }
};

QTEST_APPLESS_MAIN(TestCsvRecordReader)
#include "tst_csvrecordreader.moc"
