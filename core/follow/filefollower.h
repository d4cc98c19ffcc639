#pragma once

#include <QElapsedTimer>
#include <QFileSystemWatcher>
#include <QList>
#include <QObject>
#include <QStringList>
#include <QTimer>
#include <vector>

namespace te {

/// Tells when followed files change, so that their new lines can be read with
/// appendNewLines.
///
/// Watches the files with QFileSystemWatcher and also polls their size and
/// modification time every 500 ms: inotify misses some writers (network file
/// systems, writers through a mapping), and a file replaced by a rename drops out
/// of the watcher; it is watched again once a file is back at its path. Bursts are
/// merged: a file written without pause is reported at most every 250 ms, and any
/// change within about 0.8 s. A database address (postgresql://…) is reported every
/// 2 s, as only a query tells whether it grew.
///
/// Disabled after construction. While disabled nothing is watched or reported;
/// enabling reports what changed in the meantime.
class FileFollower final : public QObject
{
    Q_OBJECT

public:
    explicit FileFollower(QObject* parent = nullptr);

    /// Follows `files`: a new one from its current state on (what changed before is
    /// not reported); one followed already as before, so a change since it was last
    /// reported is still reported.
    void setFiles(const QStringList& files);
    QStringList files() const;
    void setEnabled(bool enabled);
    bool isEnabled() const { return m_enabled; }

signals:
    /// Indexes into files() of the files that changed (grew, were touched, replaced,
    /// truncated or removed) since they were set or last reported, in ascending order.
    void filesChanged(const QList<int>& fileIndexes);

private:
    struct FileState
    {
        bool exists = false;
        qint64 size = 0;
        qint64 modifiedMs = 0;
        bool operator==(const FileState&) const = default;
    };
    struct Followed
    {
        QString path;
        FileState reported;
        bool flagged = false; ///< the watcher said so since the last report
    };

    static FileState stateOf(const QString& path);
    void onWatcherChanged(const QString& path);
    void poll();
    void watchExisting();
    void scheduleReport();
    void report();

    QFileSystemWatcher m_watcher;
    QTimer m_pollTimer;
    QTimer m_reportTimer;
    QElapsedTimer m_sinceReport;
    std::vector<Followed> m_files;
    bool m_enabled = false;
    int m_pollTicks = 0;
};

} // namespace te
