#pragma once

#include "load/src/loadpart.h"

#include <QSqlDatabase>
#include <QString>
#include <QStringList>
#include <QTemporaryFile>
#include <memory>

namespace te::loader {

/// A read-only Qt SQL connection to one SQLite input, for as long as it lives.
///
/// The file is opened with QSQLITE_OPEN_READONLY, so SQLite never writes to it
/// (no journal, no schema change). Inputs that are no plain file (a Qt resource, or
/// bytes in memory) are first copied to a temporary file, which goes with the
/// connection. Each connection has a name of its own, so loads on several threads
/// never share one, and is removed from Qt SQL's registry when it is destroyed.
class SqliteConnection
{
public:
    explicit SqliteConnection(const Input& input);
    ~SqliteConnection();
    SqliteConnection(const SqliteConnection&) = delete;
    SqliteConnection& operator=(const SqliteConnection&) = delete;

    /// Why the database cannot be read; empty when it is open. A file that is
    /// no database only shows when it is first queried (see tableNames).
    const QString& error() const { return m_error; }
    QSqlDatabase& database() { return m_database; }

    /// The user tables (no sqlite_ ones), in the order the schema lists them; false
    /// with error() set when the schema cannot be read (not a database, corrupt).
    bool readTableNames(QStringList& names);

private:
    QString m_name;
    QSqlDatabase m_database;
    std::unique_ptr<QTemporaryFile> m_copy;
    QString m_error;
};

} // namespace te::loader
