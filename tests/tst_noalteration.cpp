// Input files are only ever read: every operation (load, follow, export, the CLI's
// summary, stats, convert and chart) leaves every input byte for byte as it was,
// with the same size, modification time and inode; and every way of writing onto
// an input (another spelling of its path, a symbolic or a hard link) is refused
// with an error that names the path, at the core API and through the CLI.
#include "data/datasetlookups.h"
#include "export/csvexport.h"
#include "export/csvfilewriter.h"
#include "export/exportcolumns.h"
#include "export/jsonlwriter.h"
#include "export/safewrite.h"
#include "follow/filefollower.h"
#include "followsupport.h"
#include "load/appendnewlines.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFileInfo>
#include <QProcess>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <atomic>
#include <fcntl.h>
#include <map>
#include <sys/stat.h>
#include <thread>
#include <unistd.h>

using namespace te;
using namespace te::test;

namespace {

// What must not change about an input. Not the link count nor the change time:
// the test itself adds hard links to the inputs.
struct Fingerprint
{
    QByteArray sha256;
    qint64 size = -1;
    qint64 modifiedNs = -1;
    quint64 inode = 0;
    quint64 device = 0;
    quint32 mode = 0;
    bool operator==(const Fingerprint&) const = default;

    QString toString() const
    {
        return QStringLiteral("sha256 %1, %2 bytes, mtime %3 ns, inode %4, mode %5")
            .arg(QString::fromLatin1(sha256.toHex().left(16)))
            .arg(size)
            .arg(modifiedNs)
            .arg(inode)
            .arg(mode, 0, 8);
    }
};

Fingerprint fingerprintOf(const QString& path)
{
    Fingerprint print;
    struct stat status
    {
    };
    if (::stat(QFile::encodeName(path).constData(), &status) != 0)
        return print;
    print.size = status.st_size;
    print.modifiedNs = qint64 { status.st_mtim.tv_sec } * 1000000000 + status.st_mtim.tv_nsec;
    print.inode = status.st_ino;
    print.device = status.st_dev;
    print.mode = status.st_mode;
    QFile file(path);
    QCryptographicHash hash(QCryptographicHash::Sha256);
    if (file.open(QIODevice::ReadOnly) && hash.addData(&file))
        print.sha256 = hash.result();
    return print;
}

// A time no operation of the test can produce, so that any rewrite shows in the
// modification time even when it restores the same bytes.
bool setOldModificationTime(const QString& path)
{
    const timespec times[2] = { { 1622548800, 123456789 }, { 1622548800, 123456789 } }; // 2021-06-01
    return ::utimensat(AT_FDCWD, QFile::encodeName(path).constData(), times, 0) == 0;
}

bool makeHardLink(const QString& existing, const QString& link)
{
    return QFileInfo::exists(link)
        || ::link(QFile::encodeName(existing).constData(), QFile::encodeName(link).constData()) == 0;
}

// The fixtures copied into the test's own directory, so that a failure cannot damage tests/data.
const char* const kFixtures[] = { "seed_proposed.jsonl", "mixed_shapes.jsonl", "malformed.jsonl",
    "incomplete_last_line.jsonl", "bom_crlf.jsonl", "export_input.jsonl", "legacy_wide.csv",
    "legacy_custom_columns.csv", "legacy_mapping.json", "semicolon_decimal_comma.csv", "flat.csv",
    "runtime_gpt4o.csv", "tab_separated.csv", "paired_10x2.json", "pretty_objects_one_bad.json",
    "paired_10x2_utf16.txt", "bad_surrogate.txt", "utf32le.jsonl" };

struct CliRun
{
    int exitCode = -1;
    QString out;
    QString err;
};

} // namespace

class TestNoAlteration : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    QString m_inputs; ///< the inputs' directory, also the working directory of the test and the CLI
    QString m_outputs;
    QString m_links;
    QString m_previousDirectory;
    std::map<QString, Fingerprint> m_fingerprints; ///< every input, as it was at the start
    std::map<QString, QByteArray> m_pristine; ///< their bytes, to undo a failed test's damage

    QString input(const QString& name) const { return m_inputs + u'/' + name; }
    QString output(const QString& name) const { return m_outputs + u'/' + name; }

    // Why some input differs from its first fingerprint; empty when none does.
    QString changedInputs() const
    {
        QStringList changes;
        for (const auto& [path, before] : m_fingerprints) {
            const Fingerprint now = fingerprintOf(path);
            if (now != before)
                changes << QStringLiteral("%1 changed: was %2, is %3")
                               .arg(path, before.toString(), now.toString());
        }
        return changes.join(u"; ");
    }

    // `input` spelled as `how`, relative to the working directory (the inputs'
    // directory) where the spelling is relative. Creates the links it needs; they
    // keep the input's suffix, so a chart's output may be one (it must end in .png).
    QString spelled(const QString& how, const QString& input) const
    {
        QString name = QFileInfo(input).fileName();
        const QString directory = QFileInfo(input).absolutePath();
        QString link = m_links + u'/' + how + u'-' + name;
        if (how == u"absolute")
            return input;
        if (how == u"bare name")
            return name;
        if (how == u"dot slash")
            return u"./"_qs + name;
        if (how == u"dot segment")
            return directory + u"/./"_qs + name;
        if (how == u"dot-dot segment")
            return directory + u"/../"_qs + QFileInfo(directory).fileName() + u'/' + name;
        if (how == u"relative dot-dot")
            return u"../"_qs + QFileInfo(directory).fileName() + u"/./"_qs + name;
        if (how == u"double slashes")
            return u'/' + directory + u"//"_qs + name;
        if (how == u"proc self cwd")
            return u"/proc/self/cwd/"_qs + name;
        if (how == u"symlink") {
            QFile::link(input, link);
            return link;
        }
        if (how == u"relative symlink") {
            QFile::link(QDir(m_links).relativeFilePath(input), link);
            return link;
        }
        if (how == u"symlink to a symlink") {
            const QString first = spelled(u"symlink"_qs, input);
            QFile::link(first, link);
            return link;
        }
        if (how == u"symlinked directory") {
            const QString directoryLink = m_dir.filePath(u"inputs-link"_qs);
            QFile::link(directory, directoryLink);
            return directoryLink + u'/' + name;
        }
        if (how == u"hard link") {
            makeHardLink(input, link);
            return link;
        }
        if (how == u"symlink to a hard link") {
            const QString hard = spelled(u"hard link"_qs, input);
            QFile::link(hard, link);
            return link;
        }
        qFatal("unknown spelling %s", qPrintable(how));
    }

    static QStringList spellings()
    {
        QStringList all { u"absolute"_qs, u"bare name"_qs, u"dot slash"_qs, u"dot segment"_qs,
            u"dot-dot segment"_qs, u"relative dot-dot"_qs, u"double slashes"_qs, u"symlink"_qs,
            u"relative symlink"_qs, u"symlink to a symlink"_qs, u"symlinked directory"_qs, u"hard link"_qs,
            u"symlink to a hard link"_qs };
        if (QFileInfo::exists(u"/proc/self/cwd"_qs))
            all << u"proc self cwd"_qs;
        return all;
    }

    // The entries of the directories an output could land in, to show nothing was left behind.
    QStringList directoryEntries() const
    {
        QStringList entries;
        for (const QString& directory : { m_inputs, m_links, m_outputs }) {
            for (const QString& entry :
                QDir(directory).entryList(QDir::AllEntries | QDir::NoDotAndDotDot | QDir::System))
                entries << directory + u'/' + entry;
        }
        return entries;
    }

    CliRun runCli(const QStringList& arguments, const QString& standardOutputFile = {}) const
    {
        QProcess process;
        process.setWorkingDirectory(m_inputs);
        QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
        environment.remove(u"DISPLAY"_qs); // subcommands need no display
        environment.remove(u"QT_QPA_PLATFORM"_qs);
        process.setProcessEnvironment(environment);
        if (!standardOutputFile.isEmpty())
            process.setStandardOutputFile(standardOutputFile);
        process.start(QStringLiteral(TIMING_EXPLORER_BINARY), arguments);
        if (!process.waitForFinished(120000))
            qFatal("timing-explorer did not finish");
        return { process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1,
            QString::fromUtf8(process.readAllStandardOutput()),
            QString::fromUtf8(process.readAllStandardError()) };
    }

    static std::shared_ptr<const TimingDataset> load(const QStringList& files)
    {
        return std::make_shared<const TimingDataset>(loadTimingFiles(optionsFor(files)).dataset);
    }

    static CsvExporter exporter(const std::shared_ptr<const TimingDataset>& data,
        CsvExportRequest::Layout layout = CsvExportRequest::Layout::PerRun)
    {
        CsvExportRequest request;
        request.layout = layout;
        if (layout == CsvExportRequest::Layout::PerRun)
            request.columns = *presetColumns(u"all"_qs, *data);
        if (layout == CsvExportRequest::Layout::PerGroup)
            request.groupBy = QStringList { u"model"_qs };
        QString error;
        auto made = CsvExporter::create(data, allRuns(*data), request, &error);
        if (!made)
            qFatal("cannot export: %s", qPrintable(error));
        return std::move(*made);
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        m_inputs = m_dir.filePath(u"inputs"_qs);
        m_outputs = m_dir.filePath(u"outputs"_qs);
        m_links = m_dir.filePath(u"links"_qs);
        for (const QString& directory : { m_inputs, m_outputs, m_links })
            QVERIFY(QDir().mkpath(directory));
        QStringList inputs;
        for (const char* fixture : kFixtures) {
            const QString source = QFINDTESTDATA(QStringLiteral("data/") + QLatin1String(fixture));
            QVERIFY2(!source.isEmpty(), fixture);
            QVERIFY(QFile::copy(source, input(QLatin1String(fixture))));
            inputs << input(QLatin1String(fixture));
        }
        // A JSON Lines file named like an image: the loader goes by the contents, and
        // `chart` must refuse to draw over it (its output must end in .png or .svg).
        QVERIFY(QFile::copy(input(u"seed_proposed.jsonl"_qs), input(u"timings.png"_qs)));
        inputs << input(u"timings.png"_qs);
        // Larger than the size the loader splits across threads (8 MiB).
        QByteArray large;
        for (int i = 0; large.size() < qsizetype { 9 } * 1024 * 1024; ++i)
            large += jsonlRecord(i, 1 + (i % 997) / 10.0, i % 5) + '\n';
        QVERIFY(writeBytes(input(u"large.jsonl"_qs), large, false));
        inputs << input(u"large.jsonl"_qs);

        for (const QString& path : inputs) {
            QVERIFY(QFile::setPermissions(
                path, QFile::ReadOwner | QFile::WriteOwner | QFile::ReadGroup | QFile::ReadOther));
            QVERIFY(setOldModificationTime(path));
            m_fingerprints[path] = fingerprintOf(path);
            m_pristine[path] = readAll(path);
            QVERIFY(!m_fingerprints[path].sha256.isEmpty());
        }
        m_previousDirectory = QDir::currentPath();
        QVERIFY(QDir::setCurrent(m_inputs));
    }

    void cleanupTestCase() { QDir::setCurrent(m_previousDirectory); }

    // An input a failed test damaged is put back, so that the next test reports only its own damage.
    void init()
    {
        for (auto& [path, before] : m_fingerprints) {
            if (fingerprintOf(path) == before)
                continue;
            QVERIFY(writeBytes(path, m_pristine.at(path), false));
            QVERIFY(setOldModificationTime(path));
            before = fingerprintOf(path);
        }
    }

    void loadingReadsOnly_data()
    {
        QTest::addColumn<QStringList>("files");
        QTest::addColumn<QString>("mapping");
        QTest::addRow("jsonl") << QStringList { u"seed_proposed.jsonl"_qs, u"mixed_shapes.jsonl"_qs }
                               << QString();
        QTest::addRow("jsonl with bad lines")
            << QStringList { u"malformed.jsonl"_qs, u"incomplete_last_line.jsonl"_qs, u"bom_crlf.jsonl"_qs }
            << QString();
        QTest::addRow("jsonl on several threads") << QStringList { u"large.jsonl"_qs } << QString();
        QTest::addRow("csv") << QStringList { u"legacy_wide.csv"_qs, u"flat.csv"_qs, u"runtime_gpt4o.csv"_qs,
            u"tab_separated.csv"_qs }
                             << QString();
        QTest::addRow("csv, decimal commas")
            << QStringList { u"semicolon_decimal_comma.csv"_qs } << QString();
        QTest::addRow("csv with a mapping")
            << QStringList { u"legacy_custom_columns.csv"_qs } << u"legacy_mapping.json"_qs;
        QTest::addRow("json array and objects over lines")
            << QStringList { u"paired_10x2.json"_qs, u"pretty_objects_one_bad.json"_qs } << QString();
        QTest::addRow("utf-16 and utf-32, decoded")
            << QStringList { u"paired_10x2_utf16.txt"_qs, u"bad_surrogate.txt"_qs, u"utf32le.jsonl"_qs }
            << QString();
        QTest::addRow("jsonl named .png") << QStringList { u"timings.png"_qs } << QString();
    }

    void loadingReadsOnly()
    {
        QFETCH(QStringList, files);
        QFETCH(QString, mapping);
        LoadOptions options = optionsFor(files);
        if (!mapping.isEmpty()) {
            QString error;
            options.mapping = ColumnMapping::load(mapping, &error);
            QVERIFY2(options.mapping, qPrintable(error));
        }
        const LoadResult full = loadTimingFiles(options);
        QVERIFY(full.dataset.runCount() > 0);
        // A projected load (what `stats` does) reads the files differently.
        options.projection.keepMetric(u"total"_qs);
        options.projection.keepField(u"model"_qs);
        QCOMPARE(loadTimingFiles(options).dataset.runCount(), full.dataset.runCount());
        const QString changes = changedInputs();
        QVERIFY2(changes.isEmpty(), qPrintable(changes));
    }

    // A reader following a file another process appends to: the file ends up exactly
    // as the writer wrote it, and once the writer stops, reading changes nothing at all.
    void followingReadsOnly()
    {
        const QString path = output(u"followed.jsonl"_qs);
        QVERIFY(writeBytes(path, jsonlRecord(0, 1) + '\n', false));
        const LoadOptions options = optionsFor({ path });
        LoadResult result = loadTimingFiles(options);
        const quint64 inode = fingerprintOf(path).inode;

        // The writer: whole records in two write() calls each, on its own thread.
        QByteArray written = jsonlRecord(0, 1) + '\n';
        std::atomic<bool> done = false;
        std::thread writer([&] {
            const int fd = ::open(QFile::encodeName(path).constData(), O_WRONLY | O_APPEND | O_CLOEXEC);
            QByteArray mine = written;
            for (int i = 1; i <= 3000; ++i) {
                const QByteArray line = jsonlRecord(i, i / 100.0, i % 3) + '\n';
                const qsizetype half = line.size() / 2;
                if (::write(fd, line.constData(), static_cast<size_t>(half)) != half
                    || ::write(fd, line.constData() + half, static_cast<size_t>(line.size() - half))
                        != line.size() - half)
                    break;
                mine += line;
                if (i % 100 == 0)
                    std::this_thread::sleep_for(std::chrono::milliseconds(5));
            }
            ::close(fd);
            written = mine;
            done = true;
        });
        FileFollower follower;
        follower.setFiles({ path });
        follower.setEnabled(true);
        int updates = 0;
        QObject::connect(&follower, &FileFollower::filesChanged, &follower, [&] {
            ++updates;
            if (!appendNewLines(result, 0, options))
                result = loadTimingFiles(options);
        });
        while (!done) {
            QVERIFY(appendNewLines(result, 0, options));
            QTest::qWait(2);
        }
        writer.join();
        QVERIFY(appendNewLines(result, 0, options));
        QCOMPARE(result.dataset.runCount(), 3001u);
        QCOMPARE(readAll(path), written);
        QCOMPARE(fingerprintOf(path).inode, inode);

        // The writer has stopped: from now on nothing may change, not even the time.
        const Fingerprint settled = fingerprintOf(path);
        QTest::qWait(1200); // the follower's last report
        QVERIFY(appendNewLines(result, 0, options));
        QCOMPARE(loadTimingFiles(options).dataset.runCount(), 3001u);
        QCOMPARE(fingerprintOf(path), settled);
        QVERIFY(updates >= 1);
    }

    void exportingReadsOnly()
    {
        const auto data = load({ input(u"seed_proposed.jsonl"_qs), input(u"legacy_wide.csv"_qs) });
        const QStringList loaded { input(u"seed_proposed.jsonl"_qs), input(u"legacy_wide.csv"_qs) };
        QString error;
        for (const auto layout : { CsvExportRequest::Layout::PerRun, CsvExportRequest::Layout::PerGroup,
                 CsvExportRequest::Layout::Long }) {
            const QString out = output(QStringLiteral("export-%1.csv").arg(int(layout)));
            QVERIFY2(writeCsvFile(out, exporter(data, layout), loaded, &error), qPrintable(error));
            QVERIFY(QFileInfo(out).size() > 0);
        }
        // The summary beside the JSON Lines file, as the export dialog offers it.
        QVERIFY2(writeCsvFile(input(u"timings_summary.csv"_qs), exporter(data), loaded, &error),
            qPrintable(error));
        QVERIFY(QFile::remove(input(u"timings_summary.csv"_qs)));
        QVERIFY2(convertToJsonlFile(*data, allRuns(*data), output(u"converted.jsonl"_qs), loaded, &error),
            qPrintable(error));
        const QString changes = changedInputs();
        QVERIFY2(changes.isEmpty(), qPrintable(changes));
    }

    void commandLineReadsOnly_data()
    {
        QTest::addColumn<QStringList>("arguments");
        QTest::addColumn<QString>("written"); ///< the file the command writes, in the outputs
        QTest::addColumn<bool>("toStandardOutput"); ///< the output file is standard output, redirected
        const QString jsonl = u"seed_proposed.jsonl"_qs; // relative: the CLI runs in the inputs' directory
        const QString csv = u"legacy_custom_columns.csv"_qs;
        QTest::addRow("summary") << QStringList { u"summary"_qs, jsonl, u"mixed_shapes.jsonl"_qs, u"-o"_qs,
            output(u"summary.csv"_qs) }
                                 << u"summary.csv"_qs << false;
        QTest::addRow("summary per group") << QStringList { u"summary"_qs, jsonl, u"--per-group"_qs,
            u"model"_qs, u"--stats"_qs, u"n,median,p95"_qs, u"-o"_qs, output(u"per_group.csv"_qs) }
                                           << u"per_group.csv"_qs << false;
        QTest::addRow("summary long, mapped csv") << QStringList { u"summary"_qs, csv, u"--mapping"_qs,
            u"legacy_mapping.json"_qs, u"--long"_qs, u"-o"_qs, output(u"long.csv"_qs) }
                                                  << u"long.csv"_qs << false;
        QTest::addRow("summary to stdout")
            << QStringList { u"summary"_qs, jsonl, u"-o"_qs, u"-"_qs } << u"stdout.csv"_qs << true;
        QTest::addRow("stats") << QStringList { u"stats"_qs, jsonl, u"legacy_wide.csv"_qs, u"--group-by"_qs,
            u"model"_qs } << u"stats.txt"_qs
                               << true;
        QTest::addRow("stats csv, several threads")
            << QStringList { u"stats"_qs, u"large.jsonl"_qs, u"--format"_qs, u"csv"_qs } << u"stats.csv"_qs
            << true;
        QTest::addRow("validate") << QStringList { u"validate"_qs, u"malformed.jsonl"_qs,
            u"bom_crlf.jsonl"_qs } << u"validate.txt"_qs
                                  << true;
        QTest::addRow("convert csv to jsonl") << QStringList { u"convert"_qs, csv, u"--mapping"_qs,
            u"legacy_mapping.json"_qs, u"runtime_gpt4o.csv"_qs, u"-o"_qs, output(u"converted.jsonl"_qs) }
                                              << u"converted.jsonl"_qs << false;
        QTest::addRow("chart png") << QStringList { u"chart"_qs, jsonl, u"-o"_qs, output(u"chart.png"_qs) }
                                   << u"chart.png"_qs << false;
        QTest::addRow("chart svg") << QStringList { u"chart"_qs, u"timings.png"_qs, u"--kind"_qs, u"bar"_qs,
            u"-o"_qs, output(u"chart.svg"_qs) }
                                   << u"chart.svg"_qs << false;
        QTest::addRow("compare") << QStringList { u"compare"_qs, jsonl, u"--a"_qs, u"openai_gpt4o"_qs,
            u"--b"_qs, u"zai_glm4_5_air"_qs }
                                 << u"compare.txt"_qs << true;
    }

    void commandLineReadsOnly()
    {
        QFETCH(QStringList, arguments);
        QFETCH(QString, written);
        QFETCH(bool, toStandardOutput);
        const CliRun run = runCli(arguments, toStandardOutput ? output(written) : QString());
        // validate exits 1 for the rejected lines it reports; everything else succeeds.
        QVERIFY2(run.exitCode == 0 || (arguments.first() == u"validate" && run.exitCode == 1),
            qPrintable(run.err));
        QVERIFY2(QFileInfo(output(written)).size() > 0, qPrintable(run.err));
        const QString changes = changedInputs();
        QVERIFY2(changes.isEmpty(), qPrintable(changes));
    }

    // protectedInputFor, writeCsvFile and convertToJsonlFile refuse an input however
    // either path is spelled: the output (`target`), or the input as it was loaded
    // (`loadedAs`).
    void coreRefusesEveryPathOfAnInput_data()
    {
        QTest::addColumn<QString>("target");
        QTest::addColumn<QString>("loadedAs");
        const QString jsonl = input(u"export_input.jsonl"_qs);
        for (const QString& how : spellings()) {
            QTest::addRow("written as %s", qPrintable(how)) << spelled(how, jsonl) << jsonl;
            QTest::addRow("loaded as %s", qPrintable(how)) << jsonl << spelled(how, jsonl);
        }
        QTest::addRow("the mapping, through a symlink")
            << spelled(u"symlink"_qs, input(u"legacy_mapping.json"_qs)) << input(u"legacy_mapping.json"_qs);
    }

    void coreRefusesEveryPathOfAnInput()
    {
        QFETCH(QString, target);
        QFETCH(QString, loadedAs);
        const auto data = load({ input(u"export_input.jsonl"_qs) });
        const QStringList protectedInputs { input(u"seed_proposed.jsonl"_qs), loadedAs };
        const QStringList before = directoryEntries();

        QCOMPARE(protectedInputFor(target, protectedInputs), loadedAs);
        QString error;
        QVERIFY(!writeCsvFile(target, exporter(data), protectedInputs, &error));
        QVERIFY2(error.contains(target) && error.contains(u"it is the input file "_qs + loadedAs),
            qPrintable(error));
        error.clear();
        QVERIFY(!convertToJsonlFile(*data, allRuns(*data), target, protectedInputs, &error));
        QVERIFY2(error.contains(target) && error.contains(u"it is the input file "_qs + loadedAs),
            qPrintable(error));

        QCOMPARE(directoryEntries(), before); // no temporary file left behind either
        const QString changes = changedInputs();
        QVERIFY2(changes.isEmpty(), qPrintable(changes));
    }

    void commandLineRefusesEveryPathOfAnInput_data()
    {
        QTest::addColumn<QStringList>("arguments"); ///< without the output
        QTest::addColumn<QString>("target");
        const QString jsonl = input(u"export_input.jsonl"_qs);
        const QString csv = input(u"legacy_wide.csv"_qs);
        const QString image = input(u"timings.png"_qs);
        const QString mapping = input(u"legacy_mapping.json"_qs);
        for (const QString& how : spellings()) {
            QTest::addRow("summary onto its input, %s", qPrintable(how)) << QStringList { u"summary"_qs,
                u"export_input.jsonl"_qs, u"--preset"_qs, u"all"_qs } << spelled(how, jsonl);
            QTest::addRow("convert onto its input, %s", qPrintable(how))
                << QStringList { u"convert"_qs, u"seed_proposed.jsonl"_qs, csv } << spelled(how, csv);
            QTest::addRow("chart onto its input, %s", qPrintable(how))
                << QStringList { u"chart"_qs, u"timings.png"_qs } << spelled(how, image);
        }
        // The input given in another spelling, the output plainly.
        for (const QString& how : { u"relative dot-dot"_qs, u"symlink"_qs, u"hard link"_qs }) {
            QTest::addRow("summary, input given as %s", qPrintable(how))
                << QStringList { u"summary"_qs, spelled(how, jsonl) } << jsonl;
            QTest::addRow("convert, input given as %s", qPrintable(how))
                << QStringList { u"convert"_qs, spelled(how, csv) } << csv;
            QTest::addRow("chart, input given as %s", qPrintable(how))
                << QStringList { u"chart"_qs, spelled(how, image) } << image;
        }
        // The mapping is an input too.
        QTest::addRow("summary onto the mapping") << QStringList { u"summary"_qs,
            u"legacy_custom_columns.csv"_qs, u"--mapping"_qs, u"legacy_mapping.json"_qs }
                                                  << spelled(u"dot segment"_qs, mapping);
        QTest::addRow("convert onto the mapping") << QStringList { u"convert"_qs,
            u"legacy_custom_columns.csv"_qs, u"--mapping"_qs, u"legacy_mapping.json"_qs }
                                                  << spelled(u"hard link"_qs, mapping);
    }

    void commandLineRefusesEveryPathOfAnInput()
    {
        QFETCH(QStringList, arguments);
        QFETCH(QString, target);
        const QStringList before = directoryEntries();
        const CliRun run = runCli(arguments + QStringList { u"-o"_qs, target });
        QVERIFY2(
            run.exitCode == 1, qPrintable(QStringLiteral("exit code %1: %2").arg(run.exitCode).arg(run.err)));
        QVERIFY2(run.err.contains(u"error: "_qs) && run.err.contains(target)
                && run.err.contains(u"it is the input file"_qs),
            qPrintable(run.err));
        QCOMPARE(directoryEntries(), before);
        const QString changes = changedInputs();
        QVERIFY2(changes.isEmpty(), qPrintable(changes));
    }

    // The check goes by the file, not its name: another file of the same name is written.
    void anotherFileOfTheSameNameIsWritten()
    {
        const auto data = load({ input(u"export_input.jsonl"_qs) });
        const QString sameName = output(u"export_input.jsonl"_qs);
        QVERIFY(writeBytes(sameName, "old\n", false));
        QString error;
        QVERIFY2(writeCsvFile(sameName, exporter(data), { input(u"export_input.jsonl"_qs) }, &error),
            qPrintable(error));
        QVERIFY(readAll(sameName) != "old\n");
        const QString image = output(u"timings.png"_qs);
        const CliRun run = runCli({ u"chart"_qs, u"timings.png"_qs, u"-o"_qs, image });
        QVERIFY2(run.exitCode == 0, qPrintable(run.err));
        QVERIFY(readAll(image).startsWith("\x89PNG"));
        const QString changes = changedInputs();
        QVERIFY2(changes.isEmpty(), qPrintable(changes));
    }
};

QTEST_GUILESS_MAIN(TestNoAlteration)
#include "tst_noalteration.moc"
