#pragma once

#include "util/databaseaddress.h"

#include <QSqlDatabase>
#include <QString>
#include <QStringList>

namespace te::loader {

/// A read-only connection to one PostgreSQL database, for as long as it lives.
///
/// Every statement runs in one transaction that is READ ONLY (the server refuses
/// any write in it) and REPEATABLE READ (every table is read in one snapshot, so a
/// run committed meanwhile is read with all its phases or not at all); it is
/// rolled back when the connection goes. Each connection has a name of its own,
/// so loads on several threads never share one.
class PostgresConnection
{
public:
    explicit PostgresConnection(const DatabaseAddress& address);
    ~PostgresConnection();
    PostgresConnection(const PostgresConnection&) = delete;
    PostgresConnection& operator=(const PostgresConnection&) = delete;

    /// Why the database cannot be read (the server's or libpq's message); empty when it is open.
    const QString& error() const { return m_error; }
    QSqlDatabase& database() { return m_database; }

    /// The tables and views of the current schema (search_path), by name; false
    /// with error() set when they cannot be listed.
    bool readTableNames(QStringList& names);

private:
    QString m_name;
    QSqlDatabase m_database;
    QString m_error;
};

} // namespace te::loader
