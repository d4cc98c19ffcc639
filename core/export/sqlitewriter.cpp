#include "export/sqlitewriter.h"

#include "export/safewrite.h"
#include "export/sqlrunwriter.h"

#include <QFileInfo>
#include <QSqlDatabase>
#include <QSqlError>
#include <QTemporaryFile>
#include <atomic>
#include <filesystem>
#include <system_error>

namespace te {

namespace {

const char* const kSchema[] = {
    "CREATE TABLE timings (id INTEGER PRIMARY KEY, registration_id TEXT, timestamp DATETIME, "
    "model TEXT, constellation TEXT, total_seconds REAL, metadata TEXT)",
    "CREATE TABLE phase_timings (id INTEGER PRIMARY KEY, timing_id INTEGER REFERENCES timings(id), "
    "phase_name TEXT, total_seconds REAL, agent_conversation_seconds REAL, file_write_seconds REAL, "
    "capacity_update_seconds REAL, agents TEXT)",
    "CREATE TABLE nodes (timing_id INTEGER REFERENCES timings(id), path TEXT, seconds REAL)",
    "CREATE INDEX timings_model ON timings(model)",
    "CREATE INDEX timings_registration_id ON timings(registration_id)",
    "CREATE INDEX phase_timings_timing_id ON phase_timings(timing_id)",
    "CREATE INDEX nodes_timing_id ON nodes(timing_id)",
};

// Fills the empty database file at `file`; false with `reason` when it cannot.
bool writeDatabase(
    const TimingDataset& data, const std::vector<std::uint32_t>& runs, const QString& file, QString* reason)
{
    static std::atomic<quint64> counter { 0 };
    const QString name = QStringLiteral("timing-explorer-sqlite-write-%1").arg(counter.fetch_add(1));
    bool ok = false;
    {
        QSqlDatabase database = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), name);
        database.setDatabaseName(file);
        if (!database.open()) {
            if (reason)
                *reason = database.lastError().text();
        } else {
            ok = writeRunsToDatabase(data, runs, database, kSchema, reason);
        }
        database.close();
    }
    QSqlDatabase::removeDatabase(name);
    return ok;
}

bool fail(const QString& path, const QString& reason, QString* error)
{
    if (error)
        *error = QStringLiteral("cannot write %1: %2").arg(path, reason);
    return false;
}

} // namespace

bool isSqliteOutputPath(const QString& path)
{
    const QString suffix = QFileInfo(path).suffix().toLower();
    return suffix == u"sqlite" || suffix == u"sqlite3" || suffix == u"db";
}

bool convertToSqliteFile(const TimingDataset& data, const std::vector<std::uint32_t>& runs,
    const QString& path, const QStringList& inputs, QString* error)
{
    if (const QString input = protectedInputFor(path, inputs); !input.isEmpty())
        return fail(
            path, QStringLiteral("it is the input file %1, which is only ever read").arg(input), error);
    const QFileInfo target(path);
    if (target.isDir())
        return fail(path, QStringLiteral("it is a directory"), error);
    if (target.exists() && !target.isFile())
        return fail(path, QStringLiteral("it is no regular file, and a SQLite database must be one"), error);
    const QFileInfo directory(target.absolutePath());
    if (!directory.isDir())
        return fail(path, QStringLiteral("the directory %1 does not exist").arg(directory.filePath()), error);
    if (!QSqlDatabase::isDriverAvailable(QStringLiteral("QSQLITE")))
        return fail(path,
            QStringLiteral("the Qt SQL driver for SQLite is not installed (on Debian: libqt6sql6-sqlite)"),
            error);

    // Written beside the target and renamed over it when complete, as QSaveFile does.
    QTemporaryFile temporary(
        directory.absoluteFilePath() + QStringLiteral("/.%1.XXXXXX").arg(target.fileName()));
    if (!temporary.open())
        return fail(path, temporary.errorString(), error);
    temporary.close(); // SQLite opens it by name; an empty file is an empty database
    QString reason;
    if (!writeDatabase(data, runs, temporary.fileName(), &reason))
        return fail(path, reason, error);
    temporary.setPermissions(target.exists()
            ? target.permissions()
            : QFile::ReadOwner | QFile::WriteOwner | QFile::ReadGroup | QFile::ReadOther);
    std::error_code renameError;
    std::filesystem::rename(QFile::encodeName(temporary.fileName()).toStdString(),
        QFile::encodeName(target.absoluteFilePath()).toStdString(), renameError);
    if (renameError)
        return fail(path, QString::fromStdString(renameError.message()), error);
    temporary.setAutoRemove(false);
    return true;
}

} // namespace te
