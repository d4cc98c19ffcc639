#pragma once

// What the SQLite and PostgreSQL writers share: the rows a run becomes.

#include "data/timingdataset.h"

#include <QSqlDatabase>
#include <QString>
#include <cstdint>
#include <span>
#include <vector>

namespace te {

/// Writes `runs` of `data` into the timing-storage tables of the open `database`, in
/// one transaction: first each statement of `schema` (the dialect's CREATE TABLE and
/// CREATE INDEX statements), then the rows, as convertToSqliteFile documents them,
/// except that the database numbers the timings rows (after any it holds already).
/// Placeholders are `?`, which Qt SQL turns into each driver's own. Nothing is
/// written unless everything is: on any error the transaction is rolled back and
/// false returned with `reason` holding the database's message.
bool writeRunsToDatabase(const TimingDataset& data, const std::vector<std::uint32_t>& runs,
    QSqlDatabase& database, std::span<const char* const> schema, QString* reason);

} // namespace te
