#pragma once

#include "data/timingdataset.h"

#include <QString>
#include <QStringList>
#include <cstdint>
#include <string>
#include <vector>

class QIODevice;

namespace te {

/// One run as one JSON Lines record (no newline) in the proposed structure:
///
///   {"run_metadata": {"registration_id": ..., "timestamp": ..., "model": ...,
///                     "constellation": ..., "source": ..., OTHER FIELDS...},
///    "timings": {"total_seconds": T, "phases": {NAME: {"total_seconds": ...,
///                "breakdown": {ITEM_seconds: ..., NESTED: {"total_seconds": ..., "breakdown": ...}},
///                "agents": [...]}}, "derived": ["total", "phase1"]}}
///
/// Contract, so that loading the record gives back the run exactly (line number
/// and file-level facts aside):
///  - every metadata field with a value is written; `timestamp` as ISO 8601 in UTC
///    when it was parsed, as written otherwise; `source` is the run's own source
///    (its original file), which a record's metadata keeps over the new file name;
///  - registration_id, model, constellation, source and timestamp are strings;
///    any other value is written as a JSON number when its text is one that reads
///    back as the same text ("5", "0.25"), as a string otherwise ("007", "1e5", "x");
///  - every timing node with a value, at any depth. Children of the root go in
///    `phases`, as objects; deeper nodes in their parent's `breakdown`, a leaf
///    without agents as `NAME_seconds`, any other node as an object. An object is
///    keyed by the node's name, or by `NAME_seconds` when the bare name would read
///    differently ("x_ms", "breakdown");
///  - values are seconds, in the shortest text that reads back as the same double;
///  - derived totals are written as numbers and their paths listed in
///    `timings.derived`, which the loader reads to mark them derived again;
///  - the loader's own derived "(unaccounted)" nodes are NOT written: the loader
///    derives them again from the total and its parts, and writing them would make
///    it count that time twice.
std::string runToJson(const TimingDataset& data, std::uint32_t run);

/// Writes `runs` of `data` to `out`, one record a line (see runToJson). When a
/// reload would otherwise create the metadata fields in another order (or not at
/// all: fields an input only ever gave "" to), the first line also names the fields
/// it has no value for, with "" (which loads as no value).
/// False, with `error` saying why, when `out` cannot be written.
bool convertToJsonl(
    const TimingDataset& data, const std::vector<std::uint32_t>& runs, QIODevice& out, QString* error);

/// Writes `runs` to the file `path` through writeSafely: atomically (nothing is
/// replaced unless the whole file was written), in place for a device, and never
/// over one of `inputs` (by any spelling, link or hard link): a conversion never
/// modifies its input. False with `error` naming the file and the reason.
bool convertToJsonlFile(const TimingDataset& data, const std::vector<std::uint32_t>& runs,
    const QString& path, const QStringList& inputs, QString* error);

} // namespace te
