#pragma once

#include "export/csvformat.h"
#include "query/runcolumn.h"

#include <QString>
#include <QStringList>
#include <optional>
#include <vector>

namespace te {

class TimingDataset;

/// The statistics a per-group export can give: the machine names of allStatistics(),
/// in Statistic order (the order `stats` prints them), so an index is a Statistic.
QStringList csvStatisticNames();

/// The header of a timing node, or of one statistic of it (`statistic` empty: the
/// node's values).
///  Machine: the legacy flat names the loader reads back: "total_seconds",
///  "phase1_total_seconds", "phase1_agent_conversation_seconds" ("_ms" with
///  milliseconds); "total_median_seconds" for a statistic, "total_n" for n. Path
///  segments are joined with '_', and "(unaccounted)" is spelled "unaccounted".
///  Readable: "Total (s)", "Phase 1 (s)", "Phase 1 · agent conversation (s)",
///  "Total · median (s)", "Total · n": underscores become spaces, phaseN becomes
///  "Phase N", the unit is "(s)" or "(ms)".
QString csvMetricHeader(const QString& path, const CsvFormat& format, const QString& statistic = {});
/// A metadata field: its name (machine), or with spaces and a capital ("Registration id").
QString csvFieldHeader(const QString& name, const CsvFormat& format);
/// Any per-run column; the ratio is "ratio_to_median" / "× group median", the line "line" / "Line".
QString csvColumnHeader(const RunColumn& column, const CsvFormat& format);

/// "summary", "phases", "all".
QStringList csvPresetNames();
/// The columns of a preset, nullopt for an unknown name:
///  summary: registration_id, total, model, timestamp (the summary CSV, in that order);
///  phases: registration_id, model, constellation, timestamp, total, each phase;
///  all: every metadata field, then every node in tree order.
std::optional<std::vector<RunColumn>> presetColumns(const QString& name, const TimingDataset& data);

/// A column named by a user: a field name ("model"), a node path ("total",
/// "phase1/agent_conversation"), a machine header ("total_seconds",
/// "phase1_agent_conversation_ms", or a legacy alias such as
/// "matcher1_critic_time_seconds"), a readable header, "line" or "ratio_to_median".
/// nullopt, with `error` listing the columns that exist, when none matches.
std::optional<RunColumn> csvColumnFromName(const QString& name, const TimingDataset& data, QString* error);

} // namespace te
