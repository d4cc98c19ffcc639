// Follow mode against a live writer: soak_writer appends thousands of records a
// second in pieces cut at random points, truncates the file once and rotates it
// once, while the window's follow path (FileFollower, appendNewLines or a reload,
// the snapshot the loading thread prepares, and the item models) keeps up. After
// every update the dataset must be exactly the first records of one file, and at
// the end exactly the final file: nothing lost, nothing twice, no half-written line
// taken for a bad one.
#include "data/datasetlookups.h"
#include "follow/filefollower.h"
#include "follow/followupdate.h"
#include "followsupport.h"
#include "models/breakdownmodel.h"
#include "models/groupstatsmodel.h"
#include "models/problemlistmodel.h"
#include "models/runtablemodel.h"
#include "query/runcolumn.h"
#include "soakrecord.h"
#include "stats/chartdata.h"
#include "stats/groupreference.h"

#include <QAbstractItemModelTester>
#include <QElapsedTimer>
#include <QFileInfo>
#include <QFutureWatcher>
#include <QProcess>
#include <QRandomGenerator>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QtConcurrent/QtConcurrentRun>
#include <memory>
#include <set>

using namespace te;
using namespace te::test;

namespace {

// The writer's phases. Bounded by time, not by count, so that the test takes as
// long under the sanitizers as without them; the writer then writes fewer records.
constexpr int kPhaseMs[3] = { 2200, 2200, 2600 };
constexpr int kRecordsPerSecond = 3000;

// One snapshot as the window holds it (LoadedData in ui/loadcontroller.h): the
// loader's result plus what the loading thread prepares for the views.
struct Snapshot
{
    std::shared_ptr<const TimingDataset> dataset;
    std::shared_ptr<const GroupReference> reference;
    ProblemList problems;
    std::vector<FileSummary> files;
    std::vector<std::uint32_t> sortedRuns; ///< slowest first, as the runs table starts
    bool reloaded = false; ///< the update had to load the file again
};

const RunColumn kSortColumn { RunColumn::Kind::Metric, QStringLiteral("total") };

std::shared_ptr<const Snapshot> prepareSnapshot(LoadResult result, bool reloaded)
{
    auto snapshot = std::make_shared<Snapshot>();
    snapshot->reloaded = reloaded;
    auto data = std::make_shared<const TimingDataset>(std::move(result.dataset));
    const std::vector<int> groupFields
        = resolveFields(*data, { QStringLiteral("model") }, nullptr).value_or(std::vector<int>());
    snapshot->reference = std::make_shared<const GroupReference>(GroupReference::compute(*data, groupFields));
    snapshot->sortedRuns = allRuns(*data);
    sortRuns(*data, snapshot->reference.get(), kSortColumn, true, snapshot->sortedRuns);
    snapshot->dataset = std::move(data);
    snapshot->problems = std::move(result.problems);
    snapshot->files = std::move(result.files);
    return snapshot;
}

// What the window does to follow its files, without widgets: MainWindow's
// onFilesChanged and showLoaded, and LoadController::follow. A change reported
// while an update runs waits for it; an update grows a copy of the current
// snapshot off this thread (a reload when the file was truncated or replaced);
// the finished snapshot goes to every model, and the follower is given the files
// again. QAbstractItemModelTester watches every model throughout.
class FollowSession
{
public:
    explicit FollowSession(LoadOptions options)
        : m_options(std::move(options))
    {
        for (QAbstractItemModel* model : std::initializer_list<QAbstractItemModel*> {
                 &m_runsModel, &m_breakdownModel, &m_problemsModel, &m_statsModel })
            m_testers.push_back(std::make_unique<QAbstractItemModelTester>(
                model, QAbstractItemModelTester::FailureReportingMode::QtTest));
        QObject::connect(&m_follower, &FileFollower::filesChanged, &m_follower,
            [this](const QList<int>& files) { onFilesChanged(files); });
        QObject::connect(&m_job, &QFutureWatcherBase::finished, &m_follower, [this] {
            m_busy = false;
            const std::shared_ptr<const Snapshot> snapshot = m_job.result();
            m_reloads += snapshot->reloaded;
            show(snapshot);
        });
    }

    ~FollowSession() { m_job.waitForFinished(); }

    /// Called with every snapshot the models were given.
    std::function<void(const Snapshot&)> onShown;

    void open() { show(prepareSnapshot(loadTimingFiles(m_options), false)); }

    const Snapshot& current() const { return *m_current; }
    bool isIdle() const { return !m_busy && m_pending.isEmpty(); }
    int updates() const { return m_updates; }
    int reloads() const { return m_reloads; }

private:
    void onFilesChanged(const QList<int>& files)
    {
        if (m_busy) {
            for (const int file : files) {
                if (!m_pending.contains(file))
                    m_pending.append(file);
            }
            return;
        }
        m_busy = true;
        ++m_updates;
        m_job.setFuture(QtConcurrent::run([current = m_current, files, options = m_options] {
            // The window's update: the snapshot the models hold is never modified.
            bool reloaded = false;
            LoadResult result = followUpdate(
                *current->dataset, current->problems, current->files, files, options, &reloaded);
            return prepareSnapshot(std::move(result), reloaded);
        }));
    }

    void show(std::shared_ptr<const Snapshot> snapshot)
    {
        m_current = std::move(snapshot);
        const auto& data = m_current->dataset;
        m_runsModel.setDataset(data, m_current->reference);
        const std::vector<RunColumn> columns = defaultRunColumns(*data);
        m_runsModel.setColumns(columns);
        m_runsModel.setQuery(RunQuery());
        const auto sortColumn = std::find(columns.begin(), columns.end(), kSortColumn);
        m_runsModel.setSortedRuns(m_current->sortedRuns,
            sortColumn == columns.end() ? -1 : static_cast<int>(sortColumn - columns.begin()),
            Qt::DescendingOrder);
        // The breakdown of the slowest run against the newest: both layouts of the model.
        std::vector<std::uint32_t> selected;
        if (m_runsModel.rowCount() > 0)
            selected.push_back(m_runsModel.runAt(0));
        if (data->runCount() > 1 && (selected.empty() || selected.front() != data->runCount() - 1))
            selected.push_back(data->runCount() - 1);
        m_breakdownModel.setRuns(data, selected, m_current->reference);
        m_problemsModel.setProblems(m_current->problems);
        m_statsModel.setChart(computeChartData(*data, m_current->sortedRuns, ChartRequest()));
        if (onShown)
            onShown(*m_current);

        QStringList paths;
        for (const FileSummary& file : m_current->files)
            paths << file.path;
        m_follower.setFiles(paths);
        m_follower.setEnabled(true);
        if (!m_pending.isEmpty())
            onFilesChanged(std::exchange(m_pending, {}));
    }

    LoadOptions m_options;
    std::shared_ptr<const Snapshot> m_current;
    FileFollower m_follower;
    QFutureWatcher<std::shared_ptr<const Snapshot>> m_job;
    bool m_busy = false;
    QList<int> m_pending;
    int m_updates = 0;
    int m_reloads = 0;
    RunTableModel m_runsModel;
    BreakdownModel m_breakdownModel;
    ProblemListModel m_problemsModel;
    GroupStatsModel m_statsModel;
    std::vector<std::unique_ptr<QAbstractItemModelTester>> m_testers; // after the models: destroyed first
};

// The generation of the records in `data`, from its first run's registration_id; 0 when none.
int generationOf(const TimingDataset& data)
{
    static const QRegularExpression pattern(QStringLiteral("^SOAK-g(\\d+)-"));
    if (data.runCount() == 0)
        return 0;
    const auto match = pattern.match(data.fieldValue(0, TimingDataset::RegistrationId));
    return match.hasMatch() ? match.captured(1).toInt() : -1;
}

// How `data` differs from records 0..runCount-1 of `generation` as the writer wrote
// them; empty when it does not.
QString differenceFromWritten(const TimingDataset& data, int generation, const QString& source)
{
    const int phase1 = data.metricId(u"phase1");
    const int phase2 = data.metricId(u"phase2");
    const int conversation = data.metricId(u"phase1/agent_conversation");
    const int fileWrite = data.metricId(u"phase1/file_write");
    const int sequenceField = data.fieldId(u"sequence");
    if (data.runCount() > 0
        && (phase1 < 0 || phase2 < 0 || conversation < 0 || fileWrite < 0 || sequenceField < 0))
        return QStringLiteral("a node or the sequence field is missing: %1")
            .arg(data.metricPaths().join(u", "));
    for (std::uint32_t run = 0; run < data.runCount(); ++run) {
        const soak::Record r = soak::record(generation, static_cast<int>(run));
        const auto differs = [&](const char* what, const QString& loaded, const QString& written) {
            return QStringLiteral("run %1 (%2): %3 is %4, written %5")
                .arg(run)
                .arg(data.fieldValue(run, TimingDataset::RegistrationId), QLatin1String(what), loaded,
                    written);
        };
        const QString id = QString::fromStdString(soak::registrationId(generation, static_cast<int>(run)));
        if (data.fieldValue(run, TimingDataset::RegistrationId) != id)
            return differs("registration_id", data.fieldValue(run, TimingDataset::RegistrationId), id);
        const std::pair<int, int> values[]
            = { { TimingDataset::kRootMetric, r.totalMs }, { phase1, r.phase1Ms }, { phase2, r.phase2Ms },
                  { conversation, r.conversationMs }, { fileWrite, r.fileWriteMs } };
        for (const auto& [metric, ms] : values) {
            if (data.value(run, metric) != ms / 1000.0)
                return differs(qPrintable(data.metric(metric).path),
                    QString::number(data.value(run, metric), 'g', 17), QString::number(ms / 1000.0, 'g', 17));
        }
        const QString model = QString::fromStdString(soak::modelName(r.model));
        if (data.fieldValue(run, TimingDataset::Model) != model)
            return differs("model", data.fieldValue(run, TimingDataset::Model), model);
        if (data.timestampMs(run) != r.timestampMs)
            return differs("timestamp", data.fieldValue(run, TimingDataset::Timestamp),
                QString::fromStdString(soak::isoTimestamp(r.timestampMs)));
        if (data.fieldValue(run, sequenceField) != QString::number(run))
            return differs("sequence", data.fieldValue(run, sequenceField), QString::number(run));
        if (data.fieldValue(run, TimingDataset::Source) != source)
            return differs("source", data.fieldValue(run, TimingDataset::Source), source);
        if (data.line(run) != run + 1)
            return differs("line", QString::number(data.line(run)), QString::number(run + 1));
        if (data.hasWarning(run))
            return differs("warning", u"set"_qs, u"none"_qs);
    }
    return {};
}

QString describe(const ProblemList& problems)
{
    QStringList texts;
    for (const Problem& p : problems)
        texts << severityName(p.severity) + u' ' + p.toString();
    return texts.join(u"; ");
}

bool sameNumber(double a, double b)
{
    return a == b || (std::isnan(a) && std::isnan(b));
}

// How `followed` differs from `fresh`, run by run, every node and every field; empty
// when they are the same.
QString differenceBetween(const TimingDataset& followed, const TimingDataset& fresh)
{
    if (followed.runCount() != fresh.runCount())
        return QStringLiteral("%1 runs followed, %2 in a fresh load")
            .arg(followed.runCount())
            .arg(fresh.runCount());
    QStringList paths = followed.metricPaths();
    QStringList freshPaths = fresh.metricPaths();
    paths.sort();
    freshPaths.sort();
    if (paths != freshPaths)
        return QStringLiteral("nodes %1, in a fresh load %2").arg(paths.join(u", "), freshPaths.join(u", "));
    QStringList fields = followed.fieldNames();
    QStringList freshFields = fresh.fieldNames();
    fields.sort();
    freshFields.sort();
    if (fields != freshFields)
        return QStringLiteral("fields %1, in a fresh load %2")
            .arg(fields.join(u", "), freshFields.join(u", "));
    for (std::uint32_t run = 0; run < followed.runCount(); ++run) {
        const auto differs = [&](const QString& what, const QString& a, const QString& b) {
            return QStringLiteral("run %1 (%2): %3 is %4 followed, %5 in a fresh load")
                .arg(run)
                .arg(followed.fieldValue(run, TimingDataset::RegistrationId), what, a, b);
        };
        for (const QString& path : paths) {
            const int a = followed.metricId(path);
            const int b = fresh.metricId(path);
            if (!sameNumber(followed.value(run, a), fresh.value(run, b)))
                return differs(path, QString::number(followed.value(run, a), 'g', 17),
                    QString::number(fresh.value(run, b), 'g', 17));
            if (followed.isDerived(run, a) != fresh.isDerived(run, b))
                return differs(path + u" derived"_qs, QString::number(followed.isDerived(run, a)),
                    QString::number(fresh.isDerived(run, b)));
            if (followed.agents(run, a) != fresh.agents(run, b))
                return differs(path + u" agents"_qs, followed.agents(run, a), fresh.agents(run, b));
        }
        for (const QString& field : fields) {
            const QString a = followed.fieldValue(run, followed.fieldId(field));
            const QString b = fresh.fieldValue(run, fresh.fieldId(field));
            if (a != b)
                return differs(field, a, b);
        }
        if (followed.timestampMs(run) != fresh.timestampMs(run))
            return differs(u"timestamp ms"_qs, QString::number(followed.timestampMs(run)),
                QString::number(fresh.timestampMs(run)));
        if (followed.line(run) != fresh.line(run))
            return differs(u"line"_qs, QString::number(followed.line(run)), QString::number(fresh.line(run)));
        if (followed.hasWarning(run) != fresh.hasWarning(run))
            return differs(u"warning"_qs, QString::number(followed.hasWarning(run)),
                QString::number(fresh.hasWarning(run)));
    }
    return {};
}

} // namespace

class TestFollowSoak : public QObject
{
    Q_OBJECT

private slots:
    void followsAWriterThroughTruncationAndRotation()
    {
        // TE_SOAK_SEED=N reruns with the writer's cut points and pauses of a failed run
        // (the interleaving with the reader still depends on timing).
        bool seedGiven = false;
        const quint64 seed = qEnvironmentVariable("TE_SOAK_SEED").toULongLong(&seedGiven);
        const quint64 writerSeed = seedGiven ? seed : QRandomGenerator::global()->generate64();
        qInfo("soak seed %llu (rerun with TE_SOAK_SEED=%llu)", writerSeed, writerSeed);

        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString path = dir.filePath(u"timings_detailed.jsonl"_qs);
        QProcess writer;
        writer.setProcessChannelMode(QProcess::ForwardedErrorChannel);
        writer.start(QStringLiteral(SOAK_WRITER_BINARY),
            { path, QString::number(writerSeed), QString::number(kPhaseMs[0]), QString::number(kPhaseMs[1]),
                QString::number(kPhaseMs[2]), QString::number(kRecordsPerSecond) });
        QVERIFY2(writer.waitForStarted(10000), qPrintable(writer.errorString()));
        QElapsedTimer elapsed;
        elapsed.start();
        // Opened while the benchmark runs, as soon as it has written something.
        QTRY_VERIFY_WITH_TIMEOUT(QFileInfo(path).size() > 0, 10000);

        FollowSession session(optionsFor({ path }));
        QString firstViolation;
        std::set<int> generationsSeen;
        session.onShown = [&](const Snapshot& snapshot) {
            if (!firstViolation.isEmpty())
                return;
            const TimingDataset& data = *snapshot.dataset;
            const int generation = generationOf(data);
            generationsSeen.insert(generation);
            QString difference = differenceFromWritten(data, generation, u"timings_detailed.jsonl"_qs);
            // Only the last line may be noted, as incomplete: the writer is in the middle of it.
            for (const Problem& p : snapshot.problems) {
                if (difference.isEmpty()
                    && (p.severity != Problem::Severity::Info || p.line != snapshot.files[0].lines))
                    difference
                        = u"a problem other than an incomplete last line: "_qs + describe(snapshot.problems);
            }
            if (difference.isEmpty() && snapshot.files[0].runs != data.runCount())
                difference = QStringLiteral("the file summary counts %1 runs, the dataset has %2")
                                 .arg(snapshot.files[0].runs)
                                 .arg(data.runCount());
            if (!difference.isEmpty())
                firstViolation = QStringLiteral("after update %1 (%2 runs of generation %3): %4")
                                     .arg(session.updates())
                                     .arg(data.runCount())
                                     .arg(generation)
                                     .arg(difference);
        };
        session.open();

        QTRY_VERIFY_WITH_TIMEOUT(
            writer.state() == QProcess::NotRunning || !firstViolation.isEmpty() || QTest::currentTestFailed(),
            60000);
        QVERIFY2(firstViolation.isEmpty(), qPrintable(firstViolation));
        QCOMPARE(writer.exitStatus(), QProcess::NormalExit);
        QCOMPARE(writer.exitCode(), 0);
        const QString report = QString::fromUtf8(writer.readAllStandardOutput()).trimmed();
        static const QRegularExpression reportPattern(QStringLiteral("^generation 3 records (\\d+)$"));
        const auto reported = reportPattern.match(report);
        QVERIFY2(reported.hasMatch(), qPrintable(report));
        const std::uint32_t written = reported.captured(1).toUInt();
        const qint64 finalSize = QFileInfo(path).size();
        const qint64 writerMs = elapsed.elapsed();

        // The follower reports the last change within a second; the update follows it.
        const auto caughtUp = [&] {
            const FileSummary& file = session.current().files[0];
            return session.isIdle() && file.bytes == finalSize && file.completeBytes == finalSize;
        };
        QTRY_VERIFY2_WITH_TIMEOUT(caughtUp(),
            qPrintable(QStringLiteral(
                "follow mode never caught up with the writer: %1 of %2 bytes, %3 runs of %4 loaded")
                           .arg(session.current().files[0].bytes)
                           .arg(finalSize)
                           .arg(session.current().dataset->runCount())
                           .arg(written)),
            15000);
        // Nothing more may arrive: a late report finds nothing new.
        QTest::qWait(1200);
        QVERIFY(caughtUp());
        QVERIFY2(firstViolation.isEmpty(), qPrintable(firstViolation));
        qInfo("soak: the writer ran %lld ms and left %u records (%lld bytes); %d updates, %d reloads, "
              "generations seen %s",
            writerMs, written, finalSize, session.updates(), session.reloads(),
            qPrintable(QStringList([&] {
                QStringList names;
                for (const int g : generationsSeen)
                    names << QString::number(g);
                return names;
            }())
                           .join(u", ")));

        // What the writer wrote in the final file, exactly.
        const Snapshot& followed = session.current();
        QCOMPARE(generationOf(*followed.dataset), 3);
        QCOMPARE(followed.dataset->runCount(), written);
        const QString difference = differenceFromWritten(*followed.dataset, 3, u"timings_detailed.jsonl"_qs);
        QVERIFY2(difference.isEmpty(), qPrintable(difference));
        QVERIFY2(followed.problems.empty(), qPrintable(describe(followed.problems)));

        // What a fresh load of the final file holds, exactly.
        const LoadOptions options = optionsFor({ path });
        const LoadResult fresh = loadTimingFiles(options);
        QVERIFY2(fresh.problems.empty(), qPrintable(describe(fresh.problems)));
        const QString freshDifference = differenceBetween(*followed.dataset, fresh.dataset);
        QVERIFY2(freshDifference.isEmpty(), qPrintable(freshDifference));
        LoadResult followedResult;
        followedResult.dataset = followed.dataset->clone();
        followedResult.problems = followed.problems;
        followedResult.files = followed.files;
        compareWithFreshLoad(followedResult, options);

        // Every phase was followed: the truncation and the rotation were each seen.
        QVERIFY(generationsSeen.count(1) && generationsSeen.count(2) && generationsSeen.count(3));
        QVERIFY(session.reloads() >= 2);
    }
};

QTEST_GUILESS_MAIN(TestFollowSoak)
#include "tst_followsoak.moc"
