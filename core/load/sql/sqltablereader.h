#pragma once

#include "load/src/loadpart.h"

#include <QSqlDatabase>
#include <QString>

namespace te::loader {

/// Reads one flat table, each row a run, by the rules of a CSV file whose header
/// is the table's column names (see CsvRowMapper): total_seconds, phaseN_*_seconds
/// and the other flat keys are timings, the rest metadata. Problems name the table
/// and the row's id column, or its place when it has none. False, with one
/// file-level problem, when the table cannot be queried or has no timing column.
bool readSqlTable(
    QSqlDatabase& database, const QString& table, const QString& file, SharedState& shared, Part& part);

} // namespace te::loader
