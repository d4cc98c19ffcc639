#pragma once

#include <QString>
#include <optional>

class QSqlDatabase;

namespace te {

/// A PostgreSQL database named where a file could be:
/// `postgresql://[USER@]HOST[:PORT]/DB[?table=T]` (or `postgres://`).
///
/// Contract on passwords: an address never carries one. parse() refuses an address
/// with `USER:PASSWORD@`, and its message shows the address without the password,
/// so a password typed into a command line or a dialog is never used, printed,
/// shown or remembered. The password comes from libpq's own mechanisms instead:
/// PGPASSWORD, ~/.pgpass or the file PGPASSFILE names.
struct DatabaseAddress
{
    QString user; ///< empty: libpq's default (PGUSER, else the login name)
    QString host; ///< empty: libpq's default (PGHOST, else the local socket)
    int port = -1; ///< -1: libpq's default (PGPORT, else 5432)
    QString database;
    QString table; ///< `?table=T`: a flat table to read; empty: the timing-storage tables

    /// The address parsed, or nullopt with `error` saying why (never quoting a password).
    static std::optional<DatabaseAddress> parse(const QString& address, QString* error);

    /// The address as shown, remembered and named in problems: `postgresql://` and
    /// the parts it has, normalised (`postgres://` is shown as `postgresql://`).
    QString toString() const;
    /// toString() without `?table=`: the database the tables are in.
    QString databaseUrl() const;

    /// Opens a Qt SQL connection named `connectionName` on the database through the
    /// QPSQL driver (which asks libpq, so its environment and ~/.pgpass apply).
    /// False with `error` holding the server's or libpq's message.
    bool open(QSqlDatabase& database, const QString& connectionName, QString* error) const;
};

/// True when `text` starts with `postgresql://` or `postgres://`: an input or output
/// that is a database, not a file.
bool isDatabaseAddress(const QString& text);

/// `text` with the password of a `USER:PASSWORD@` part replaced by nothing, for
/// messages about an address that could not be parsed.
QString withoutPassword(const QString& text);

/// The short name an input is shown by: a file's name without its folder, a
/// database's whole address (without any password).
QString inputDisplayName(const QString& path);

/// Why reading or writing PostgreSQL cannot work on this machine; empty when the
/// Qt SQL driver for it is installed.
QString postgresDriverMissingReason();

} // namespace te
