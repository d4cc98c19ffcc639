#pragma once

#include "load/sql/sqldialect.h"
#include "load/src/loadpart.h"

#include <QSqlDatabase>
#include <QStringList>

namespace te::loader {

/// Reads the table a load asks for from a database whose tables are `tables`: the
/// one named `wanted` (--table, or `?table=` in an address), else the timing-storage
/// schema, else the only table. False, with a problem naming `file` and saying why,
/// when none fits or the table cannot be read. `largestTimingId` as for
/// readSqlTimingSchema; a flat table leaves it as it is.
bool readSqlTables(QSqlDatabase& database, const SqlDialect& dialect, const QStringList& tables,
    const QString& wanted, const QString& file, SharedState& shared, Part& part,
    qint64* largestTimingId = nullptr);

} // namespace te::loader
