#include "follow/filefollower.h"

#include "util/databaseaddress.h"

#include <QFileInfo>
#include <algorithm>

namespace te {

namespace {

constexpr int kPollMs = 500;
constexpr int kDebounceMs = 100; // lets a burst of writes finish before it is reported
constexpr qint64 kMinReportIntervalMs = 250;
// A database has no size to watch: it is reported every few polls, and the update
// then asks it for rows with a larger id (see appendNewLines).
constexpr int kDatabasePollTicks = 4;

} // namespace

FileFollower::FileFollower(QObject* parent)
    : QObject(parent)
    , m_watcher(this)
    , m_pollTimer(this)
    , m_reportTimer(this)
{
    m_pollTimer.setInterval(kPollMs);
    m_reportTimer.setSingleShot(true);
    connect(&m_watcher, &QFileSystemWatcher::fileChanged, this, &FileFollower::onWatcherChanged);
    connect(&m_pollTimer, &QTimer::timeout, this, &FileFollower::poll);
    connect(&m_reportTimer, &QTimer::timeout, this, &FileFollower::report);
    m_sinceReport.start();
}

void FileFollower::setFiles(const QStringList& files)
{
    // The window gives its files again after every update it made from a report. A
    // file followed already keeps what was last reported of it: starting it afresh
    // would take what a writer appended while the update ran (after it had read the
    // file) as already seen, and the last lines before the writer stops would never
    // be read.
    std::vector<Followed> followed;
    for (const QString& path : files) {
        const auto known = std::find_if(
            m_files.begin(), m_files.end(), [&](const Followed& file) { return file.path == path; });
        followed.push_back(known != m_files.end() ? *known : Followed { path, stateOf(path), false });
    }
    m_files = std::move(followed);
    QStringList unfollowed = m_watcher.files();
    unfollowed.removeIf([&](const QString& path) { return files.contains(path); });
    if (!unfollowed.isEmpty())
        m_watcher.removePaths(unfollowed);
    m_reportTimer.stop();
    if (m_enabled)
        poll(); // watches the files, and reports what changed since they were last reported
}

QStringList FileFollower::files() const
{
    QStringList paths;
    for (const auto& file : m_files)
        paths.append(file.path);
    return paths;
}

void FileFollower::setEnabled(bool enabled)
{
    if (enabled == m_enabled)
        return;
    m_enabled = enabled;
    if (!enabled) {
        m_pollTimer.stop();
        m_reportTimer.stop();
        if (!m_watcher.files().isEmpty())
            m_watcher.removePaths(m_watcher.files());
        // What changed from now on is still found by comparing with `reported`.
        for (auto& file : m_files)
            file.flagged = false;
        return;
    }
    m_pollTimer.start();
    poll();
}

FileFollower::FileState FileFollower::stateOf(const QString& path)
{
    if (isDatabaseAddress(path))
        return { true, 0, 0 };
    const QFileInfo info(path);
    if (!info.exists())
        return {};
    return { true, info.size(), info.lastModified().toMSecsSinceEpoch() };
}

void FileFollower::onWatcherChanged(const QString& path)
{
    if (!m_enabled)
        return;
    for (auto& file : m_files) {
        if (file.path == path)
            file.flagged = true;
    }
    // A file removed or renamed over is no longer watched; a new one may already be there.
    if (!m_watcher.files().contains(path))
        watchExisting();
    scheduleReport();
}

void FileFollower::poll()
{
    bool any = false;
    const bool pollDatabases = ++m_pollTicks % kDatabasePollTicks == 0;
    for (auto& file : m_files) {
        if (!file.flagged
            && (stateOf(file.path) != file.reported || (pollDatabases && isDatabaseAddress(file.path))))
            file.flagged = true;
        any = any || file.flagged;
    }
    watchExisting();
    if (any)
        scheduleReport();
}

void FileFollower::watchExisting()
{
    const QStringList watched = m_watcher.files();
    QStringList add;
    for (const auto& file : m_files) {
        if (!watched.contains(file.path) && !add.contains(file.path) && QFileInfo::exists(file.path))
            add.append(file.path);
    }
    if (!add.isEmpty())
        m_watcher.addPaths(add);
}

void FileFollower::scheduleReport()
{
    if (m_reportTimer.isActive())
        return;
    const qint64 wait = std::max<qint64>(kDebounceMs, kMinReportIntervalMs - m_sinceReport.elapsed());
    m_reportTimer.start(static_cast<int>(wait));
}

void FileFollower::report()
{
    if (!m_enabled)
        return;
    QList<int> changed;
    for (std::size_t i = 0; i < m_files.size(); ++i) {
        Followed& file = m_files[i];
        const FileState now = stateOf(file.path);
        if (!file.flagged && now == file.reported)
            continue;
        file.flagged = false;
        file.reported = now;
        changed.append(static_cast<int>(i));
    }
    m_sinceReport.restart();
    if (!changed.isEmpty())
        emit filesChanged(changed);
}

} // namespace te
