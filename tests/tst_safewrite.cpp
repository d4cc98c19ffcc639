// writeSafely: atomic replacement, devices written in place, one set of messages,
// and never a loaded input overwritten.
#include "export/safewrite.h"
#include "testsupport.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QIODevice>
#include <QTemporaryDir>
#include <unistd.h>

using namespace te;
using namespace te::test;

namespace {

// A writer that writes `bytes`, checking the write as every writer must.
ContentWriter writing(const QByteArray& bytes)
{
    return [bytes](QIODevice& device, QString* reason) {
        if (device.write(bytes) == bytes.size())
            return true;
        *reason = device.errorString();
        return false;
    };
}

} // namespace

class TestSafeWrite : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    QString m_input;
    const QByteArray m_inputBytes = "{\"run_metadata\": {}}\n";

    QString path(const QString& name) const { return m_dir.filePath(name); }
    QStringList files() const { return QDir(m_dir.path()).entryList(QDir::Files | QDir::System); }

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        QVERIFY(QDir(m_dir.path()).mkdir(u"sub"_qs));
        m_input = path(u"sub/input.jsonl"_qs);
        QVERIFY(writeFile(m_input, m_inputBytes));
    }

    void replacesARegularFileAtomically()
    {
        const QString out = path(u"out.csv"_qs);
        QVERIFY(writeFile(out, "old contents\n"));
        const QStringList before = files();
        QString error;
        const auto write = [&](QIODevice& device, QString* reason) {
            // Until the whole file is written, the old one is still there as it was.
            return readAll(out) == "old contents\n" && writing("new\n")(device, reason);
        };
        QVERIFY2(writeSafely(out, { m_input }, write, &error), qPrintable(error));
        QCOMPARE(readAll(out), QByteArray("new\n"));
        QCOMPARE(files(), before); // no temporary file left beside it
        QVERIFY2(writeSafely(path(u"new.csv"_qs), {}, writing("a\n"), &error), qPrintable(error));
        QCOMPARE(readAll(path(u"new.csv"_qs)), QByteArray("a\n"));
    }

    void refusesToOverwriteAnInput_data()
    {
        QTest::addColumn<QString>("target");
        QTest::addRow("same path") << path(u"sub/input.jsonl"_qs);
        QTest::addRow("dot-dot spelling") << path(u"sub/../sub/./input.jsonl"_qs);
        QTest::addRow("symlink") << path(u"link.jsonl"_qs);
        QTest::addRow("symlinked directory") << path(u"sublink/input.jsonl"_qs);
        QTest::addRow("hard link") << path(u"hardlink.jsonl"_qs);
        QTest::addRow("through /proc/self/cwd")
            << u"/proc/self/cwd/"_qs + QDir::current().relativeFilePath(m_input);
    }

    void refusesToOverwriteAnInput()
    {
        QFETCH(QString, target);
        QFile::link(m_input, path(u"link.jsonl"_qs));
        QFile::link(path(u"sub"_qs), path(u"sublink"_qs));
        if (!QFileInfo::exists(path(u"hardlink.jsonl"_qs)))
            QCOMPARE(::link(QFile::encodeName(m_input).constData(),
                         QFile::encodeName(path(u"hardlink.jsonl"_qs)).constData()),
                0);
        if (target.startsWith(u"/proc/") && !QFileInfo::exists(target))
            QSKIP("no /proc/self/cwd here");
        bool called = false;
        const auto write = [&](QIODevice&, QString*) { return called = true; };
        QString error;
        QVERIFY(!writeSafely(target, { m_input }, write, &error));
        QCOMPARE(error,
            u"cannot write %1: it is the input file %2, which is only ever read"_qs.arg(target, m_input));
        QVERIFY(!called);
        QCOMPARE(readAll(m_input), m_inputBytes);
        QCOMPARE(protectedInputFor(target, { path(u"other.jsonl"_qs), m_input }), m_input);
    }

    void errorsNameTheFileAndTheReason_data()
    {
        QTest::addColumn<QString>("target");
        QTest::addColumn<QString>("reason");
        QTest::addRow("no name") << QString() << u"no file name given"_qs;
        QTest::addRow("a directory") << path(u"sub"_qs) << u"it is a directory"_qs;
        QTest::addRow("missing directory")
            << path(u"nowhere/out.csv"_qs) << u"the directory %1 does not exist"_qs.arg(path(u"nowhere"_qs));
        QTest::addRow("under a file")
            << path(u"sub/input.jsonl/out.csv"_qs) << u"%1 is not a directory"_qs.arg(m_input);
    }

    void errorsNameTheFileAndTheReason()
    {
        QFETCH(QString, target);
        QFETCH(QString, reason);
        bool called = false;
        const auto write = [&](QIODevice&, QString*) { return called = true; };
        QString error;
        QVERIFY(!writeSafely(target, { m_input }, write, &error));
        QCOMPARE(error, u"cannot write %1: %2"_qs.arg(target, reason));
        QVERIFY(!called);
        QVERIFY(!QFileInfo::exists(path(u"nowhere"_qs)));
        QVERIFY(!writeSafely(target, {}, write, nullptr)); // no message asked for
    }

    void permissionDenied()
    {
        if (::geteuid() == 0)
            QSKIP("root ignores file permissions");
        const QString locked = path(u"locked"_qs);
        QVERIFY(QDir().mkpath(locked));
        QFile::setPermissions(locked, QFile::ReadOwner | QFile::ExeOwner);
        QString error;
        const bool written = writeSafely(locked + u"/out.csv"_qs, {}, writing("x\n"), &error);
        QFile::setPermissions(locked, QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner);
        QVERIFY(!written);
        QVERIFY2(error.startsWith(u"cannot write "_qs + locked + u"/out.csv: "_qs)
                && error.contains(u"ermission denied"_qs),
            qPrintable(error));
    }

    void diskFullIsReported()
    {
        if (!QFileInfo::exists(u"/dev/full"_qs))
            QSKIP("no /dev/full here");
        QString error;
        QVERIFY(!writeSafely(u"/dev/full"_qs, {}, writing("rows\n"), &error));
        QVERIFY2(
            error.startsWith(u"cannot write /dev/full: "_qs) && error.contains(u"No space left on device"_qs),
            qPrintable(error));
        // A writer that ignores a failed write does not hide it either.
        const auto careless = [](QIODevice& device, QString*) {
            device.write("rows\n");
            return true;
        };
        error.clear();
        QVERIFY(!writeSafely(u"/dev/full"_qs, {}, careless, &error));
        QVERIFY2(error.contains(u"No space left on device"_qs), qPrintable(error));
        QVERIFY(!QFileInfo(u"/dev/full"_qs).isFile()); // still the device, not a file renamed over it
    }

    void writesADeviceInPlace()
    {
        if (!QFileInfo::exists(u"/dev/stdout"_qs))
            QSKIP("no /dev/stdout here");
        if (QFileInfo(u"/dev/stdout"_qs).isFile())
            QSKIP("standard output is a file here, which a write to /dev/stdout would replace");
        QString error;
        QVERIFY2(writeSafely(u"/dev/stdout"_qs, {}, writing("# written through /dev/stdout\n"), &error),
            qPrintable(error));
        QVERIFY(!QFileInfo(u"/dev/stdout"_qs).isFile());
    }

    void writesStandardOutput()
    {
        QString error;
        QVERIFY2(writeToStandardOutput(writing("# written to standard output\n"), &error), qPrintable(error));
        const auto failing = [](QIODevice&, QString* reason) {
            *reason = u"the rows ran out"_qs;
            return false;
        };
        QVERIFY(!writeToStandardOutput(failing, &error));
        QCOMPARE(error, u"cannot write to standard output: the rows ran out"_qs);
    }

    void cancelledWriteLeavesTheOldFile()
    {
        const QString out = path(u"keep.csv"_qs);
        QVERIFY(writeFile(out, "old,contents\n"));
        const QStringList before = files();
        const auto cancelling = [](QIODevice& device, QString* reason) {
            device.write("half a file");
            *reason = kWriteCancelled;
            return false;
        };
        QString error;
        QVERIFY(!writeSafely(out, {}, cancelling, &error));
        QCOMPARE(error, u"cannot write %1: cancelled; the file was left as it was"_qs.arg(out));
        QCOMPARE(readAll(out), QByteArray("old,contents\n"));
        QCOMPARE(files(), before); // no temporary file left behind
        // A new file that is cancelled does not appear at all.
        QVERIFY(!writeSafely(path(u"cancelled.csv"_qs), {}, cancelling, &error));
        QVERIFY(!QFileInfo::exists(path(u"cancelled.csv"_qs)));
    }

    void failedWriteLeavesTheOldFile()
    {
        const QString out = path(u"kept.csv"_qs);
        QVERIFY(writeFile(out, "old\n"));
        const auto failing = [](QIODevice& device, QString*) {
            device.write("partial");
            return false; // no reason given
        };
        QString error;
        QVERIFY(!writeSafely(out, {}, failing, &error));
        QCOMPARE(error, u"cannot write %1: write failed"_qs.arg(out));
        QCOMPARE(readAll(out), QByteArray("old\n"));
    }
};

QTEST_GUILESS_MAIN(TestSafeWrite)
#include "tst_safewrite.moc"
