#pragma once

// What the SQL readers need to know of the database they read, beyond Qt SQL.

#include <QString>

namespace te::loader {

/// The few ways SQLite and PostgreSQL differ for reading the timing-storage schema.
struct SqlDialect
{
    /// Orders a table's rows as they were inserted, for tables without an id (nodes):
    /// SQLite's rowid, PostgreSQL's ctid (the row's place in the heap, which is
    /// insertion order for rows that were only ever appended).
    QString insertionOrder;
};

inline const SqlDialect& sqliteDialect()
{
    static const SqlDialect dialect { QStringLiteral("rowid") };
    return dialect;
}

inline const SqlDialect& postgresDialect()
{
    static const SqlDialect dialect { QStringLiteral("ctid") };
    return dialect;
}

} // namespace te::loader
