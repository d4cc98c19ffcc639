#pragma once

#include "data/timingdataset.h"

#include <QString>
#include <QStringList>
#include <cstdint>
#include <vector>

namespace te {

/// True when `path` names a SQLite output by its suffix: .sqlite, .sqlite3 or .db.
bool isSqliteOutputPath(const QString& path);

/// Writes `runs` of `data` to a new SQLite database at `path`, in the schema of
/// the timing-storage document, one transaction:
///
///   timings(id, registration_id, timestamp, model, constellation, total_seconds, metadata)
///   phase_timings(id, timing_id, phase_name, total_seconds, agent_conversation_seconds,
///                 file_write_seconds, capacity_update_seconds, agents)
///   nodes(timing_id, path, seconds)
///
/// with indexes on timings(model), timings(registration_id), phase_timings(timing_id)
/// and nodes(timing_id). Contract, so that loading the file gives back the runs'
/// figures (what the loader derives, it derives again):
///  - one timings row per run, ids from 1 in the order of `runs`; total_seconds is
///    the run's total; `metadata` is a JSON object of its other fields (`source`
///    among them), numbers as JSON numbers as in JSON Lines, NULL when there is none;
///    timestamp as ISO 8601 in UTC when it was parsed, as written otherwise;
///  - one phase_timings row per child of the root, in tree order: its total, NULL
///    when it was derived from its parts (which are then written); its children named
///    agent_conversation, file_write and capacity_update in their columns (NULL when
///    absent), its agents in `agents`;
///  - every other node below a phase in `nodes`, by its path ("phase1/llm/retry"),
///    except derived totals with parts, which the parts give back;
///  - the loader's own derived "(unaccounted)" nodes are not written (see jsonlwriter.h).
/// The file is written beside `path` and renamed over it only when complete, so an
/// existing file is replaced as a whole or not at all (as every output of convert
/// is); refused are a `path` that is one of `inputs`, a directory, and an existing
/// file that is no regular file (a device: a database needs a file it can seek in).
/// False with `error` reading "cannot write PATH: REASON".
bool convertToSqliteFile(const TimingDataset& data, const std::vector<std::uint32_t>& runs,
    const QString& path, const QStringList& inputs, QString* error);

} // namespace te
