// writeCsvFile: atomic writes, clear errors, and never an input overwritten.
#include "data/datasetlookups.h"
#include "export/csvexport.h"
#include "export/csvfilewriter.h"
#include "export/exportcolumns.h"
#include "testsupport.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <memory>
#include <unistd.h>

using namespace te;
using namespace te::test;

namespace {

CsvExporter summaryExporter(const QString& input)
{
    LoadOptions options;
    options.files = { input };
    const auto data = std::make_shared<const TimingDataset>(loadTimingFiles(options).dataset);
    CsvExportRequest request;
    request.columns = *presetColumns(u"summary"_qs, *data);
    return *CsvExporter::create(data, allRuns(*data), request, nullptr);
}

} // namespace

class TestCsvFileWriter : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    QString m_input; ///< a copy of a fixture, so a failing test cannot damage the fixture
    QByteArray m_inputBytes;

    QString path(const QString& name) const { return m_dir.filePath(name); }

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        QVERIFY(QDir(m_dir.path()).mkdir(u"sub"_qs));
        m_input = path(u"sub/input.jsonl"_qs);
        QVERIFY(QFile::copy(QFINDTESTDATA("data/export_input.jsonl"), m_input));
        m_inputBytes = readAll(m_input);
        QVERIFY(!m_inputBytes.isEmpty());
    }

    void writesTheExportersBytes()
    {
        const CsvExporter exporter = summaryExporter(m_input);
        const QString out = path(u"out.csv"_qs);
        QString error;
        QVERIFY2(writeCsvFile(out, exporter, { m_input }, &error), qPrintable(error));
        QCOMPARE(readAll(out), exporter.preview(1000));
        QCOMPARE(readAll(out), readAll(QFINDTESTDATA("data/export/summary.csv")));
        // Writing again replaces the file.
        QVERIFY(writeFile(out, "old contents, much longer than the export would be ......................."));
        QVERIFY(writeCsvFile(out, exporter, { m_input }, &error));
        QCOMPARE(readAll(out), exporter.preview(1000));
    }

    // Every other spelling of an input (links, hard links, /proc/self/cwd) is
    // refused by writeSafely, whose test covers them all.
    void refusesToOverwriteAnInput()
    {
        const QString target = path(u"sub/../sub/./input.jsonl"_qs);
        QString error;
        QVERIFY(!writeCsvFile(target, summaryExporter(m_input), { m_input }, &error));
        QVERIFY2(error.contains(target) && error.contains(u"it is the input file"_qs), qPrintable(error));
        QCOMPARE(readAll(m_input), m_inputBytes);
    }

    void errorsNameTheFileAndTheReason_data()
    {
        QTest::addColumn<QString>("target");
        QTest::addColumn<QString>("reason");
        QTest::addRow("missing directory") << path(u"nowhere/out.csv"_qs) << u"does not exist"_qs;
        QTest::addRow("a directory") << path(u"sub"_qs) << u"it is a directory"_qs;
        QTest::addRow("under a file") << path(u"sub/input.jsonl/out.csv"_qs) << u"is not a directory"_qs;
        // /dev/full accepts the open and fails every write: QSaveFile is not used for
        // devices, and the failed write must surface, not pass silently.
        QTest::addRow("disk full") << u"/dev/full"_qs << u"No space left on device"_qs;
    }

    void errorsNameTheFileAndTheReason()
    {
        QFETCH(QString, target);
        QFETCH(QString, reason);
        if (target == u"/dev/full" && !QFileInfo::exists(target))
            QSKIP("no /dev/full here");
        QString error;
        QVERIFY(!writeCsvFile(target, summaryExporter(m_input), { m_input }, &error));
        QVERIFY2(error.startsWith(u"cannot write "_qs + target + u": "_qs) && error.contains(reason),
            qPrintable(error));
        if (target == u"/dev/full")
            QVERIFY(!QFileInfo(target).isFile()); // still the device, not a file renamed over it
    }

    void permissionDenied()
    {
        if (::geteuid() == 0)
            QSKIP("root ignores file permissions");
        const QString locked = path(u"locked"_qs);
        QVERIFY(QDir().mkpath(locked));
        QVERIFY(writeFile(locked + u"/out.csv"_qs, "old\n"));
        QFile::setPermissions(locked, QFile::ReadOwner | QFile::ExeOwner);
        QString error;
        const bool written = writeCsvFile(locked + u"/out.csv"_qs, summaryExporter(m_input), {}, &error);
        QFile::setPermissions(locked, QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner);
        QVERIFY(!written);
        QVERIFY2(error.contains(locked + u"/out.csv"_qs) && error.contains(u"ermission denied"_qs),
            qPrintable(error));
        QCOMPARE(readAll(locked + u"/out.csv"_qs), QByteArray("old\n"));
    }

    void cancelledWriteLeavesTheOldFile()
    {
        const QString out = path(u"keep.csv"_qs);
        QVERIFY(writeFile(out, "old,contents\n"));
        const QStringList before = QDir(m_dir.path()).entryList(QDir::Files);
        QString error;
        QVERIFY(
            !writeCsvFile(out, summaryExporter(m_input), {}, &error, [](qint64, qint64) { return false; }));
        QVERIFY2(error.contains(out) && error.contains(u"cancelled"_qs), qPrintable(error));
        QCOMPARE(readAll(out), QByteArray("old,contents\n"));
        QCOMPARE(QDir(m_dir.path()).entryList(QDir::Files), before); // no temporary file left behind
        // A new file that is cancelled does not appear at all.
        QVERIFY(!writeCsvFile(
            path(u"new.csv"_qs), summaryExporter(m_input), {}, &error, [](qint64, qint64) { return false; }));
        QVERIFY(!QFileInfo::exists(path(u"new.csv"_qs)));
    }
};

QTEST_GUILESS_MAIN(TestCsvFileWriter)
#include "tst_csvfilewriter.moc"
