#pragma once

#include <QString>
#include <QStringList>
#include <cstdint>
#include <optional>
#include <vector>

namespace te {

class TimingDataset;

/// Resolves names given by a user to ids; on failure sets `error` to a message that
/// lists the names that exist.
std::optional<std::vector<int>> resolveFields(
    const TimingDataset& data, const QStringList& names, QString* error);
std::optional<std::vector<int>> resolveMetrics(
    const TimingDataset& data, const QStringList& paths, QString* error);

/// "total" and every phase (the root's children): what `stats` shows by default.
std::vector<int> defaultMetrics(const TimingDataset& data);

/// The field to group runs by when the user chose none: "model" when the runs have
/// two or more models, else "source" when they come from two or more files, else
/// none (an empty list). A file of one model is compared within itself, and the
/// legacy per-model CSVs, which carry their model only in their file names, are
/// told apart by file.
QStringList usefulGroupFields(const TimingDataset& data);

/// `chosen` when every field in it exists in `data`, else usefulGroupFields(data):
/// a choice the user made is kept only while it still means something.
QStringList groupFieldsFor(const TimingDataset& data, const QStringList& chosen);

/// 0, 1, ..., runCount-1.
std::vector<std::uint32_t> allRuns(const TimingDataset& data);

} // namespace te
