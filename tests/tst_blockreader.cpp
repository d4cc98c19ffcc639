// BlockReader: a byte range of a device streamed block by block, the unread tail of
// a block kept in front of the next, zero padding after the data, file offsets; and
// lines cut at block boundaries reassembled by a reader that uses it as the loaders do.
#include "load/src/blockreader.h"

#include <QBuffer>
#include <QTest>
#include <cstring>

using namespace te;

namespace {

struct Line
{
    QByteArray text; ///< without its newline
    qint64 offset = 0; ///< of its first byte in the device
    bool operator==(const Line&) const = default;
};

/// Splits [begin, end) of `bytes` into lines with a BlockReader, as a loader does:
/// take every complete line in the buffer, then read more; at the end the rest is
/// the last line. Checks the padding after every read.
QList<Line> readLines(const QByteArray& bytes, qint64 begin, qint64 end, std::size_t blockSize,
    std::size_t padding = 0, bool* paddingZero = nullptr)
{
    QBuffer device;
    device.setData(bytes);
    device.open(QIODevice::ReadOnly);
    BlockReader reader(device, begin, end, blockSize, padding);
    QList<Line> lines;
    if (paddingZero)
        *paddingZero = true;
    while (true) {
        const std::string_view view = reader.unreadView();
        const auto newline = view.find('\n');
        if (newline != std::string_view::npos) {
            lines.append({ QByteArray(view.data(), static_cast<qsizetype>(newline)), reader.offset() });
            reader.consume(newline + 1);
            continue;
        }
        if (reader.readMore() > 0) {
            if (paddingZero) {
                const char* tail = reader.unread() + reader.unreadSize();
                *paddingZero
                    = *paddingZero && reader.capacityFrom(reader.unread()) >= reader.unreadSize() + padding;
                for (std::size_t i = 0; i < padding; ++i)
                    *paddingZero = *paddingZero && tail[i] == 0;
            }
            continue;
        }
        if (reader.unreadSize() > 0) {
            lines.append({ QByteArray(reader.unread(), static_cast<qsizetype>(reader.unreadSize())),
                reader.offset() });
            reader.consume(reader.unreadSize());
        }
        return lines;
    }
}

/// The lines of [begin, end) of `bytes`, split directly.
QList<Line> expectedLines(const QByteArray& bytes, qint64 begin, qint64 end)
{
    QList<Line> lines;
    qint64 at = begin;
    while (at < end) {
        qint64 newline = bytes.indexOf('\n', at);
        if (newline < 0 || newline >= end)
            newline = end;
        lines.append({ bytes.mid(at, newline - at), at });
        at = newline + 1;
    }
    return lines;
}

} // namespace

class TestBlockReader : public QObject
{
    Q_OBJECT

private slots:
    void linesAcrossBlockBoundaries_data()
    {
        QTest::addColumn<QByteArray>("bytes");
        QTest::addColumn<int>("blockSize");
        const QByteArray plain = "first line\nsecond\n\nfourth after a blank\n";
        const QByteArray crlf = "a,b\r\nc,d\r\n\r\ne,f\r\n";
        const QByteArray noNewline = "one\ntwo\nthe last has no newline";
        const QByteArray longLine
            = "short\n" + QByteArray(10000, 'x') + "\nshort again\n" + QByteArray(5000, 'y');
        const QByteArray unicode = "modèle\n日本語\n🚀🚀\n";
        for (const int block : { 1, 2, 3, 7, 64, 4096, 1 << 20 }) {
            QTest::addRow("plain, %d", block) << plain << block;
            QTest::addRow("CRLF, %d", block) << crlf << block;
            QTest::addRow("no trailing newline, %d", block) << noNewline << block;
            QTest::addRow("lines longer than a block, %d", block) << longLine << block;
            QTest::addRow("unicode, %d", block) << unicode << block;
        }
        QTest::addRow("only a newline") << QByteArray("\n") << 4;
        QTest::addRow("empty") << QByteArray() << 4;
    }

    void linesAcrossBlockBoundaries()
    {
        QFETCH(QByteArray, bytes);
        QFETCH(int, blockSize);
        bool paddingZero = false;
        const QList<Line> lines
            = readLines(bytes, 0, bytes.size(), static_cast<std::size_t>(blockSize), 64, &paddingZero);
        QCOMPARE(lines, expectedLines(bytes, 0, bytes.size()));
        QVERIFY2(paddingZero, "the padding after the data is not zero");
    }

    void aCrlfSplitByABlockBoundaryStaysTogether()
    {
        // Block size 4: "abc\r" | "\ndef" | "\r\n".
        const QByteArray bytes = "abc\r\ndef\r\n";
        const QList<Line> lines = readLines(bytes, 0, bytes.size(), 4);
        QCOMPARE(lines.size(), 2);
        QCOMPARE(lines[0].text, QByteArray("abc\r"));
        QCOMPARE(lines[1].text, QByteArray("def\r"));
        QCOMPARE(lines[1].offset, 5);
    }

    // A part of a file: only [begin, end) is read, though the device has more.
    void aByteRange_data()
    {
        QTest::addColumn<qint64>("begin");
        QTest::addColumn<qint64>("end");
        QTest::addRow("from a line start") << qint64(6) << qint64(18);
        QTest::addRow("ends mid-line") << qint64(0) << qint64(9);
        QTest::addRow("starts mid-line") << qint64(8) << qint64(24);
        QTest::addRow("nothing") << qint64(10) << qint64(10);
    }

    void aByteRange()
    {
        QFETCH(qint64, begin);
        QFETCH(qint64, end);
        const QByteArray bytes = "line0\nline1\nline2\nline3\nline4\n";
        for (const std::size_t block : { std::size_t { 1 }, std::size_t { 5 }, std::size_t { 100 } }) {
            const QList<Line> lines = readLines(bytes, begin, end, block);
            QCOMPARE(lines, expectedLines(bytes, begin, end));
        }
    }

    void readsBlockByBlockAndKeepsTheUnreadTail()
    {
        QByteArray bytes;
        for (int i = 0; i < 100; ++i)
            bytes.append(static_cast<char>('A' + i % 26));
        QBuffer device(&bytes);
        QVERIFY(device.open(QIODevice::ReadOnly));
        BlockReader reader(device, 10, 100, 32, 8);
        QVERIFY(!reader.failed());
        QVERIFY(!reader.atEnd());
        QCOMPARE(reader.offset(), 10);
        QCOMPARE(reader.unreadSize(), 0u);

        QCOMPARE(reader.readMore(), 32);
        QCOMPARE(reader.unreadView(), std::string_view(bytes.constData() + 10, 32));
        reader.consume(30); // two bytes left unread
        QCOMPARE(reader.offset(), 40);
        QCOMPARE(reader.readMore(), 32);
        QCOMPARE(reader.unreadView(), std::string_view(bytes.constData() + 40, 34));
        QCOMPARE(reader.offset(), 40);
        reader.consume(34);
        QCOMPARE(reader.readMore(), 26); // the range's last 26 bytes
        QVERIFY(reader.atEnd());
        QCOMPARE(reader.unreadView(), std::string_view(bytes.constData() + 74, 26));
        QVERIFY(reader.capacityFrom(reader.unread()) >= 26 + 8);
        QCOMPARE(std::memcmp(reader.unread() + 26, "\0\0\0\0\0\0\0\0", 8), 0);
        QCOMPARE(reader.readMore(), 0);
        QCOMPARE(reader.unreadSize(), 26u); // reading at the end loses nothing
        reader.consume(26);
        QCOMPARE(reader.offset(), 100);
        QVERIFY(!reader.failed());
    }

    void aFileThatEndsBeforeTheRange()
    {
        // The file shrank (or was cut) after the range was chosen: it ends where the data does.
        const QByteArray bytes = "abc\ndef";
        QBuffer device;
        device.setData(bytes);
        QVERIFY(device.open(QIODevice::ReadOnly));
        BlockReader reader(device, 0, 1000, 4, 0);
        qint64 total = 0;
        for (qint64 got; (got = reader.readMore()) > 0;)
            total += got;
        QCOMPARE(total, bytes.size());
        QVERIFY(reader.atEnd());
        QVERIFY(!reader.failed());
        QCOMPARE(reader.unreadView(), std::string_view("abc\ndef"));
        QCOMPARE(reader.readMore(), 0);
    }

    void thePaddingStaysZeroWhenTheFileEndsEarly()
    {
        // The range runs past the data (a followed file that shrank). The last read
        // moves the unread tail to the front and then finds nothing more: the bytes
        // after the tail must still be zero padding, not what the buffer held before.
        const QByteArray bytes = "abcdefg";
        QBuffer device;
        device.setData(bytes);
        QVERIFY(device.open(QIODevice::ReadOnly));
        constexpr std::size_t padding = 4;
        BlockReader reader(device, 0, 1000, 4, padding);
        QCOMPARE(reader.readMore(), 4); // "abcd"
        reader.consume(1);
        QCOMPARE(reader.readMore(), 3); // "bcd" + "efg"
        reader.consume(1);
        QCOMPARE(reader.readMore(), 0); // moves "cdefg" to the front, reads nothing
        QVERIFY(reader.atEnd());
        QCOMPARE(reader.unreadView(), std::string_view("cdefg"));
        QVERIFY(reader.capacityFrom(reader.unread()) >= reader.unreadSize() + padding);
        const QByteArray after(reader.unread() + reader.unreadSize(), padding);
        // The move left the old tail's 'g' there; the padding is zeroed all the same.
        QCOMPARE(after, QByteArray(padding, '\0'));
    }

    void aDeviceThatCannotSeekFails()
    {
        QBuffer device; // never opened
        QTest::ignoreMessage(QtWarningMsg, QRegularExpression(u"QIODevice::seek.*not open"_qs));
        BlockReader reader(device, 0, 10, 4, 0);
        QVERIFY(reader.failed());
        QCOMPARE(reader.readMore(), 0);
        QCOMPARE(reader.unreadSize(), 0u);
    }

    void aVeryLongLine()
    {
        // One 3 MiB line read in 64 KiB blocks: the buffer grows to hold all of it.
        const QByteArray bytes = QByteArray(3 << 20, 'z') + "\nend\n";
        const QList<Line> lines = readLines(bytes, 0, bytes.size(), 1 << 16);
        QCOMPARE(lines.size(), 2);
        QCOMPARE(lines[0].text.size(), 3 << 20);
        QVERIFY(lines[0].text == QByteArray(3 << 20, 'z'));
        QCOMPARE(lines[1], (Line { "end", (3 << 20) + 1 }));
    }
};

QTEST_APPLESS_MAIN(TestBlockReader)
#include "tst_blockreader.moc"
