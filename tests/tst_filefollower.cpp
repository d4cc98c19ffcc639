// Following growing files: appendNewLines reads only what was appended and ends up
// where a fresh load of the file would; FileFollower says when to call it.
#include "follow/filefollower.h"
#include "followsupport.h"
#include "load/appendnewlines.h"
#include "load/src/loadpart.h"

#include <QElapsedTimer>
#include <QRandomGenerator>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <filesystem>

using namespace te;
using namespace te::test;

namespace {

bool listHas(const QSignalSpy& spy, int index)
{
    for (const auto& arguments : spy) {
        if (arguments.at(0).value<QList<int>>().contains(index))
            return true;
    }
    return false;
}

} // namespace

class TestFileFollower : public QObject
{
    Q_OBJECT
private slots:
    void appendedJsonlLinesArriveAndOnlyNewBytesAreRead()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(u"a.jsonl"_qs);
        const QByteArray start
            = jsonlRecord(1, 10) + '\n' + jsonlRecord(2, 20) + '\n' + jsonlRecord(3, 30) + '\n';
        QVERIFY(writeBytes(path, start, false));
        LoadOptions options = optionsFor({ path });
        qint64 bytesRead = 0;
        options.progress = [&](const LoadProgress& p) {
            bytesRead = std::max(bytesRead, p.bytesRead);
            return true;
        };
        LoadResult r = loadTimingFiles(options);
        QCOMPARE(r.dataset.runCount(), 3u);
        QCOMPARE(r.files[0].completeBytes, start.size());
        QCOMPARE(r.files[0].headSignature, start);

        // Nothing new: nothing to do.
        QVERIFY(appendNewLines(r, 0, options));
        QCOMPARE(r.dataset.runCount(), 3u);

        const QByteArray more = jsonlRecord(4, 40.5) + '\n' + jsonlRecord(5, 50.25) + '\n';
        QVERIFY(writeBytes(path, more));
        bytesRead = 0;
        QVERIFY(appendNewLines(r, 0, options));
        QCOMPARE(bytesRead, more.size()); // only the appended bytes
        QCOMPARE(r.dataset.runCount(), 5u);
        QCOMPARE(valueOf(r.dataset, u"R4"_qs, u"total"_qs), 40.5);
        QCOMPARE(valueOf(r.dataset, u"R5"_qs, u"phase1"_qs), 25.125);
        QCOMPARE(r.dataset.line(3), 4);
        QCOMPARE(r.dataset.line(4), 5);
        QCOMPARE(r.dataset.fieldValue(4, TimingDataset::Source), u"a.jsonl"_qs);
        QCOMPARE(r.files[0].completeBytes, start.size() + more.size());
        QCOMPARE(r.files[0].bytes, start.size() + more.size());
        QCOMPARE(r.files[0].lines, 5);
        QCOMPARE(r.files[0].runs, 5);
        QVERIFY(r.problems.empty());

        // A bad appended line is a problem on its own line; a repeat is a duplicate.
        QVERIFY(writeBytes(
            path, "{\"registration_id\": \"R6\", \"total_seconds\": }\n" + jsonlRecord(2, 20) + '\n'));
        QVERIFY(appendNewLines(r, 0, options));
        QCOMPARE(r.dataset.runCount(), 6u);
        QCOMPARE(r.files[0].rejectedLines, 1);
        QCOMPARE(r.files[0].warnings, 1);
        QCOMPARE(r.problems.size(), 2u);
        QCOMPARE(r.problems[0].line, 6);
        QCOMPARE(r.problems[1].line, 7);
        QCOMPARE(r.problems[1].run, 5);
        QVERIFY(r.problems[1].message.contains(u"duplicate of a.jsonl:2"));
        QVERIFY(r.dataset.hasWarning(5));
        compareWithFreshLoad(r, options);
    }

    void halfWrittenLineLoadsOnceCompleted()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(u"a.jsonl"_qs);
        const QByteArray full = jsonlRecord(1, 1) + '\n' + jsonlRecord(2, 2) + '\n';
        const QByteArray third = jsonlRecord(3, 3.5);
        QVERIFY(writeBytes(path, full + third.left(20), false));
        const LoadOptions options = optionsFor({ path });
        LoadResult r = loadTimingFiles(options);
        QCOMPARE(r.dataset.runCount(), 2u);
        QCOMPARE(r.files[0].completeBytes, full.size());
        QCOMPARE(r.problems.size(), 1u);
        QCOMPARE(r.problems[0].severity, Problem::Severity::Info);

        // Still half written: the incomplete note is replaced, not repeated.
        QVERIFY(writeBytes(path, third.mid(20, 30)));
        QVERIFY(appendNewLines(r, 0, options));
        QCOMPARE(r.dataset.runCount(), 2u);
        QCOMPARE(r.problems.size(), 1u);
        QCOMPARE(r.problems[0].line, 3);
        QCOMPARE(r.files[0].completeBytes, full.size());
        QCOMPARE(r.files[0].lines, 3);

        // The whole record but no newline: kept, as the loader keeps it.
        QVERIFY(writeBytes(path, third.mid(50)));
        QVERIFY(appendNewLines(r, 0, options));
        QCOMPARE(r.dataset.runCount(), 3u);
        QVERIFY(r.files[0].lastRunUnterminated);
        QCOMPARE(r.files[0].completeBytes, full.size());
        compareWithFreshLoad(r, options);

        // Completed: the run is there once, with its value and line, and no warning.
        QVERIFY(writeBytes(path, '\n' + jsonlRecord(4, 4) + '\n'));
        QVERIFY(appendNewLines(r, 0, options));
        QCOMPARE(r.dataset.runCount(), 4u);
        QCOMPARE(runsWithId(r.dataset, u"R3"_qs), 1);
        QCOMPARE(valueOf(r.dataset, u"R3"_qs, u"total"_qs), 3.5);
        QCOMPARE(r.dataset.line(2), 3);
        QCOMPARE(r.dataset.line(3), 4);
        QVERIFY(!r.dataset.hasWarning(2));
        QVERIFY(!r.files[0].lastRunUnterminated);
        QCOMPARE(r.files[0].lines, 4);
        QCOMPARE(r.files[0].warnings, 0);
        QVERIFY(r.problems.empty());
        compareWithFreshLoad(r, options);
    }

    void truncatedOrReplacedFileNeedsAReload()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(u"a.jsonl"_qs);
        const QByteArray start = jsonlRecord(1, 1) + '\n' + jsonlRecord(2, 2) + '\n';
        QVERIFY(writeBytes(path, start, false));
        const LoadOptions options = optionsFor({ path });
        LoadResult r = loadTimingFiles(options);

        QVERIFY(writeBytes(path, jsonlRecord(1, 1) + '\n', false));
        QVERIFY(!appendNewLines(r, 0, options));
        QCOMPARE(r.dataset.runCount(), 2u);
        QCOMPARE(r.files[0].bytes, start.size());

        // Same length and more, other first bytes: another file.
        QVERIFY(writeBytes(
            path, jsonlRecord(7, 1) + '\n' + jsonlRecord(8, 2) + '\n' + jsonlRecord(9, 3) + '\n', false));
        QVERIFY(!appendNewLines(r, 0, options));
        QCOMPARE(r.dataset.runCount(), 2u);
        QCOMPARE(r.dataset.fieldValue(0, TimingDataset::RegistrationId), u"R1"_qs);

        QVERIFY(QFile::remove(path));
        QVERIFY(!appendNewLines(r, 0, options));
        QCOMPARE(r.dataset.runCount(), 2u);
    }

    void aFileOfNoKnownFormatNeedsAReload()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(u"a.jsonl"_qs);
        QVERIFY(writeBytes(path, jsonlRecord(1, 1) + '\n', false));
        const LoadOptions options = optionsFor({ path });
        LoadResult r = loadTimingFiles(options);
        QCOMPARE(r.files[0].format, u"JSON Lines"_qs);

        QVERIFY(writeBytes(path, jsonlRecord(2, 2) + '\n'));
        r.files[0].format = u"no such format"_qs; // as if its reader could not append
        QVERIFY(!appendNewLines(r, 0, options));
        QCOMPARE(r.dataset.runCount(), 1u);
        r.files[0].format = u"JSON Lines"_qs;
        QVERIFY(appendNewLines(r, 0, options));
        QCOMPARE(r.dataset.runCount(), 2u);
    }

    void aPinnedInputReadsTheFileItFirstOpened()
    {
        // A load opens its input to sniff it, then once per reader. A file renamed
        // over the path in between (a rotating log) must not be read as the rest of
        // the first: every open of a pinned input reads the file first opened.
        QTemporaryDir dir;
        const QString path = dir.filePath(u"a.jsonl"_qs);
        const QByteArray first = jsonlRecord(1, 1) + '\n';
        const QByteArray second = jsonlRecord(7, 7) + '\n' + jsonlRecord(8, 8) + '\n';
        QVERIFY(writeBytes(path, first, false));
        loader::Input input { path };
        input.pin();
        QVERIFY(writeBytes(dir.filePath(u"next.jsonl"_qs), second, false));
        std::filesystem::rename(dir.filePath(u"next.jsonl"_qs).toStdString(), path.toStdString());

        QCOMPARE(input.size(), first.size());
        QCOMPARE(input.open()->readAll(), first);
        // Each reader has its own offset: readers run on several threads.
        const auto a = input.open();
        const auto b = input.open();
        QVERIFY(a->seek(2));
        QCOMPARE(b->read(2), first.first(2));
        QCOMPARE(a->read(2), first.sliced(2, 2));
        // A new load reads what is at the path now.
        QCOMPARE(loader::Input { path }.open()->readAll(), second);
    }

    void csvAppends_data()
    {
        QTest::addColumn<char>("delimiter");
        QTest::addRow("comma") << ',';
        QTest::addRow("semicolon, decimal comma") << ';';
    }

    void csvAppends()
    {
        QFETCH(char, delimiter);
        QTemporaryDir dir;
        const QString path = dir.filePath(u"a.csv"_qs);
        QVERIFY(writeBytes(path, csvHeader(delimiter) + csvRecord(1, 1.5, delimiter) + '\n', false));
        const LoadOptions options = optionsFor({ path });
        LoadResult r = loadTimingFiles(options);
        QCOMPARE(r.dataset.runCount(), 1u);

        // A row cut short is ragged for now: rejected until it is complete.
        const QByteArray second = csvRecord(2, 2.25, delimiter);
        QVERIFY(writeBytes(path, second.left(12)));
        QVERIFY(appendNewLines(r, 0, options));
        QCOMPARE(r.dataset.runCount(), 1u);
        QCOMPARE(r.files[0].rejectedLines, 1);
        QVERIFY(writeBytes(path, second.mid(12) + '\n' + csvRecord(3, 3.125, delimiter) + '\n'));
        QVERIFY(appendNewLines(r, 0, options));
        QCOMPARE(r.dataset.runCount(), 3u);
        QCOMPARE(r.files[0].rejectedLines, 0);
        QVERIFY(r.problems.empty());
        QCOMPARE(valueOf(r.dataset, u"R2"_qs, u"total"_qs), 2.25);
        QCOMPARE(valueOf(r.dataset, u"R3"_qs, u"phase1"_qs), 1.5625);
        QCOMPARE(r.dataset.fieldValue(2, TimingDataset::Model), u"m0"_qs);
        QCOMPARE(r.dataset.line(1), 3);
        QCOMPARE(r.dataset.line(2), 4);
        compareWithFreshLoad(r, options);

        // A header cut short when loaded cannot be followed.
        const QString other = dir.filePath(u"b.csv"_qs);
        QVERIFY(writeBytes(other, csvHeader(delimiter).left(20), false));
        const LoadOptions otherOptions = optionsFor({ other });
        LoadResult partial = loadTimingFiles(otherOptions);
        QVERIFY(writeBytes(other, csvHeader(delimiter).mid(20) + csvRecord(1, 1, delimiter) + '\n'));
        QVERIFY(!appendNewLines(partial, 0, otherOptions));
    }

    void onlyTheLastFileWithRunsGrowsInPlace()
    {
        QTemporaryDir dir;
        const QString a = dir.filePath(u"a.jsonl"_qs);
        const QString b = dir.filePath(u"b.jsonl"_qs);
        const QString c = dir.filePath(u"c.jsonl"_qs);
        QVERIFY(writeBytes(a, jsonlRecord(1, 1) + '\n', false));
        QVERIFY(writeBytes(b, jsonlRecord(2, 2) + '\n', false));
        QVERIFY(writeBytes(c, "{\"registration_id\": \"R3\"}\n", false)); // no timing: no run
        const LoadOptions options = optionsFor({ a, b, c });
        LoadResult r = loadTimingFiles(options);
        QCOMPARE(r.dataset.runCount(), 2u);

        QVERIFY(writeBytes(a, jsonlRecord(4, 4) + '\n'));
        QVERIFY(!appendNewLines(r, 0, options));
        QCOMPARE(r.dataset.runCount(), 2u);
        QCOMPARE(r.files[0].bytes, jsonlRecord(1, 1).size() + 1);

        // b is followed by a file without runs: its new runs still go last.
        QVERIFY(writeBytes(b, jsonlRecord(5, 5) + '\n'));
        QVERIFY(appendNewLines(r, 1, options));
        QCOMPARE(r.dataset.runCount(), 3u);
        QCOMPARE(r.dataset.fieldValue(2, TimingDataset::RegistrationId), u"R5"_qs);
        QCOMPARE(r.dataset.fieldValue(2, TimingDataset::Source), u"b.jsonl"_qs);
        QCOMPARE(r.dataset.line(2), 2);
        QCOMPARE(r.files[1].runs, 2);
        QVERIFY(!appendNewLines(r, 3, options));
    }

    // Chunks cut at random points, an update after each, against fresh loads.
    void soakRandomChunks_data()
    {
        QTest::addColumn<int>("format"); // 0 JSONL, else the CSV delimiter
        QTest::addRow("jsonl") << 0;
        QTest::addRow("csv") << int(',');
        QTest::addRow("csv semicolon") << int(';');
    }

    void soakRandomChunks()
    {
        QFETCH(int, format);
        const char delimiter = static_cast<char>(format);
        QRandomGenerator random(20251114u + static_cast<quint32>(format));
        QByteArray content = format ? csvHeader(delimiter) : QByteArray();
        for (int i = 1; i <= 2000; ++i) {
            const int kind = random.bounded(100);
            const double total = random.bounded(100000) / 1000.0;
            if (kind < 2)
                content += format ? QByteArray("R" + QByteArray::number(i) + delimiter + "m1")
                                  : QByteArray(R"({"registration_id": "R", ])");
            else if (kind < 4)
                content += format ? csvRecord(i / 2, total, delimiter, 1, i / 2)
                                  : jsonlRecord(i / 2, total, 1, i / 2);
            else if (kind < 5)
                content += "  ";
            else
                content += format ? csvRecord(i, total, delimiter, i % 3) : jsonlRecord(i, total, i % 3);
            content += '\n';
        }

        QTemporaryDir dir;
        const QString path = dir.filePath(format ? u"soak.csv"_qs : u"soak.jsonl"_qs);
        QVERIFY(writeBytes(path, {}, false));
        const LoadOptions options = optionsFor({ path });
        LoadResult r;
        qsizetype written = 0;
        int steps = 0;
        int reloads = 0;
        while (written < content.size()) {
            // Mostly random cuts; some just before or after a newline, to leave a whole
            // record unterminated or none.
            qsizetype end = std::min(content.size(), written + 1 + random.bounded(300));
            const int cut = random.bounded(10);
            const qsizetype newline = content.indexOf('\n', end);
            if (cut == 0 && newline > written)
                end = newline;
            else if (cut == 1 && newline >= 0)
                end = newline + 1;
            QVERIFY(writeBytes(path, content.mid(written, end - written)));
            written = end;
            ++steps;
            if (r.files.empty() || !appendNewLines(r, 0, options)) {
                // Only a file that was not usable yet (a header cut short) needs a full load.
                QVERIFY2(r.files.empty() || r.files[0].completeBytes == 0 || !r.files[0].readable,
                    qPrintable(QStringLiteral("reload at step %1").arg(steps)));
                r = loadTimingFiles(options);
                ++reloads;
            }
            if (steps % 40 == 0) {
                compareWithFreshLoad(r, options);
                if (QTest::currentTestFailed())
                    QFAIL(qPrintable(QStringLiteral("differs from a fresh load at step %1").arg(steps)));
            }
        }
        QVERIFY(reloads <= 3);
        QVERIFY(r.dataset.runCount() > 1800);
        compareWithFreshLoad(r, options);
    }

    void followerReportsAppendsAndReplacements()
    {
        QTemporaryDir dir;
        const QString a = dir.filePath(u"a.jsonl"_qs);
        const QString b = dir.filePath(u"b.jsonl"_qs);
        QVERIFY(writeBytes(a, jsonlRecord(1, 1) + '\n', false));
        QVERIFY(writeBytes(b, jsonlRecord(2, 2) + '\n', false));
        FileFollower follower;
        QSignalSpy spy(&follower, &FileFollower::filesChanged);
        follower.setFiles({ a, b });
        follower.setEnabled(true);

        QVERIFY(writeBytes(b, jsonlRecord(3, 3) + '\n'));
        QVERIFY(spy.wait(2000));
        QVERIFY(listHas(spy, 1));
        QVERIFY(!listHas(spy, 0));

        // Replaced by a rename, as editors and log rotation do; then appended to.
        spy.clear();
        const QString temporary = dir.filePath(u"a.jsonl.new"_qs);
        QVERIFY(writeBytes(temporary, jsonlRecord(7, 7) + '\n', false));
        std::filesystem::rename(temporary.toStdString(), a.toStdString());
        QVERIFY(spy.wait(2000));
        QVERIFY(listHas(spy, 0));
        spy.clear();
        QVERIFY(writeBytes(a, jsonlRecord(8, 8) + '\n'));
        QVERIFY(spy.wait(2000));
        QVERIFY(listHas(spy, 0));

        // Disabled: nothing; enabled again: what changed meanwhile.
        follower.setEnabled(false);
        spy.clear();
        QVERIFY(writeBytes(a, jsonlRecord(9, 9) + '\n'));
        QVERIFY(!spy.wait(1500));
        follower.setEnabled(true);
        QVERIFY(spy.wait(2000));
        QVERIFY(listHas(spy, 0));
        QVERIFY(!listHas(spy, 1));
    }

    // The window gives the follower its files again after every update. A change made
    // while the update ran, after it had read the file, must still be reported: else
    // the last lines a writer appends before it stops are never read.
    void givingTheSameFilesAgainKeepsAnUnreportedChange()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(u"a.jsonl"_qs);
        QVERIFY(writeBytes(path, jsonlRecord(1, 1) + '\n', false));
        FileFollower follower;
        QSignalSpy spy(&follower, &FileFollower::filesChanged);
        follower.setFiles({ path });
        follower.setEnabled(true);
        QVERIFY(writeBytes(path, jsonlRecord(2, 2) + '\n'));
        follower.setFiles({ path }); // before the change was reported
        QVERIFY(spy.wait(2000));
        QVERIFY(listHas(spy, 0));

        // A file not followed before starts from its current state.
        spy.clear();
        const QString other = dir.filePath(u"b.jsonl"_qs);
        QVERIFY(writeBytes(other, jsonlRecord(3, 3) + '\n', false));
        follower.setFiles({ path, other });
        QVERIFY(!spy.wait(1500));
        QVERIFY(writeBytes(other, jsonlRecord(4, 4) + '\n'));
        QVERIFY(spy.wait(2000));
        QVERIFY(listHas(spy, 1));
        QVERIFY(!listHas(spy, 0));
    }

    void burstOfAppendsGivesFewSignalsAndEveryLine()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(u"a.jsonl"_qs);
        QVERIFY(writeBytes(path, jsonlRecord(0, 1) + '\n', false));
        const LoadOptions options = optionsFor({ path });
        LoadResult r = loadTimingFiles(options);
        FileFollower follower;
        follower.setFiles({ path });
        follower.setEnabled(true);
        int updates = 0;
        connect(&follower, &FileFollower::filesChanged, this, [&](const QList<int>& indexes) {
            ++updates;
            QVERIFY(indexes == QList<int> { 0 });
            QVERIFY(appendNewLines(r, 0, options));
        });

        // Up to 5,000 lines a second, one write each, for 1.2 s.
        int next = 1;
        QTimer writer;
        writer.setInterval(1);
        connect(&writer, &QTimer::timeout, this, [&] {
            for (int i = 0; i < 5; ++i, ++next)
                writeBytes(path, jsonlRecord(next, next) + '\n');
        });
        QTimer stop;
        stop.setSingleShot(true);
        connect(&stop, &QTimer::timeout, &writer, &QTimer::stop);
        QSignalSpy stopped(&stop, &QTimer::timeout);
        QSignalSpy changes(&follower, &FileFollower::filesChanged);
        QElapsedTimer elapsed;
        elapsed.start();
        writer.start();
        stop.start(1200);
        QVERIFY(stopped.wait(5000));
        while (r.dataset.runCount() < static_cast<std::uint32_t>(next) && changes.wait(2000)) { }
        // Reports are at least 250 ms apart, however busy the machine.
        QVERIFY2(updates <= elapsed.elapsed() / 250 + 1,
            qPrintable(QStringLiteral("%1 updates in %2 ms").arg(updates).arg(elapsed.elapsed())));
        QVERIFY(updates >= 1);
        QCOMPARE(r.dataset.runCount(), static_cast<std::uint32_t>(next));
        compareWithFreshLoad(r, options);
    }
};

QTEST_GUILESS_MAIN(TestFileFollower)
#include "tst_filefollower.moc"
