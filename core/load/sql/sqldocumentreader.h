#pragma once

#include "load/sql/sqldialect.h"
#include "load/src/loadpart.h"

#include <QSqlDatabase>
#include <QStringList>
#include <optional>

namespace te::loader {

/// True when `tables` hold the timing-storage schema: `timings` and `phase_timings`.
bool isSqlTimingSchema(const QStringList& tables);

/// Reads the timing-storage schema into `part`, so that its runs look like the same
/// runs in JSON Lines:
///  - each `timings` row (by id) is a run: total_seconds is its total; id is only a
///    key; registration_id, timestamp, model, constellation and any other column are
///    metadata, and a `metadata` column holding a JSON object gives one field per member;
///  - each `phase_timings` row is the child of the root named phase_name: its
///    total_seconds (NULL: the sum of its parts), each other `*_seconds` (`_ms`, `_s`)
///    column a child named without the suffix, an `agents` column its agents, any
///    other column metadata named "PHASE.COLUMN";
///  - each row of an optional `nodes(timing_id, path, seconds)` table is the node at
///    `path` ("phase1/agent_conversation/llm"), as `convert` writes deeper nodes.
/// A timings row without a numeric total, or with a phase or node row that is no
/// time (not a number, negative) is rejected, naming its table and row id; a
/// phase or node row whose timing_id matches no timings row is an error of its own.
/// False, with one file-level problem, when the tables cannot be queried or
/// `timings` lacks id or total_seconds.
///
/// With `afterTimingId`, only the runs of timings rows with a larger id are read
/// (what a follower polls for). `largestTimingId`, when given, is set to the
/// largest id read, and left as it is when no row was read.
bool readSqlTimingSchema(QSqlDatabase& database, const SqlDialect& dialect, const QStringList& tables,
    const QString& file, SharedState& shared, Part& part, std::optional<qint64> afterTimingId = std::nullopt,
    qint64* largestTimingId = nullptr);

} // namespace te::loader
