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

/// 0, 1, ..., runCount-1.
std::vector<std::uint32_t> allRuns(const TimingDataset& data);

} // namespace te
