#pragma once

#include "data/timingdataset.h"

#include <QString>
#include <QStringList>
#include <cstdint>
#include <string>
#include <vector>

class QIODevice;

namespace te {

/// `runs` of `data` as a Chrome trace (Trace Event JSON, `{"traceEvents": [...]}`,
/// one event a line), which Perfetto, speedscope and chrome://tracing open, and
/// which the loader reads back run for run:
///  - each run is a process, pid = its place among `runs` + 1, named by a
///    "process_name" metadata event "REGISTRATION · MODEL" (the registration alone
///    when the run has no model);
///  - the run's total is an "X" event named "total"; every node with a value below
///    it is an "X" event named after the node, at any depth, ts and dur in
///    microseconds (whole nanoseconds, so fractional);
///  - runs hold durations, not start times, so the events are laid out in file
///    order: children one after another from their parent's start, runs one after
///    another on the time axis. Children that add up to more than their parent
///    (parts that ran at the same time) all start at the parent's start;
///  - every metadata field with a value goes into the args of the run's "total"
///    event, as text; a node's agents into its event's args as "agents";
///  - the loader's derived "(unaccounted)" nodes are not written (a reload derives
///    them again).
std::string runsToChromeTrace(const TimingDataset& data, const std::vector<std::uint32_t>& runs);

/// Writes runsToChromeTrace to `out`. False, with `error` saying why, when `out`
/// cannot be written.
bool convertToChromeTrace(
    const TimingDataset& data, const std::vector<std::uint32_t>& runs, QIODevice& out, QString* error);

/// Writes the trace to the file `path` through writeSafely (atomically, never over
/// one of `inputs`). False with `error` naming the file and the reason.
bool convertToChromeTraceFile(const TimingDataset& data, const std::vector<std::uint32_t>& runs,
    const QString& path, const QStringList& inputs, QString* error);

} // namespace te
