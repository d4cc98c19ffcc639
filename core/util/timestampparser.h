#pragma once

#include <QString>
#include <cstdint>
#include <optional>
#include <string_view>

namespace te {

/// Parses ISO 8601 date-times as benchmarks write them: "2025-01-14T10:30:00Z",
/// "2025-01-14T10:30:00.123+02:00", "2025-01-14 10:30:00", "2025-01-14" (midnight
/// UTC). Times without a zone are taken as UTC. Also accepts epoch seconds, with
/// or without a fraction ("1736850600.5").
/// Returns milliseconds since the Unix epoch, or nullopt for anything else. Never
/// allocates and never reads past `text`.
std::optional<qint64> parseTimestamp(std::string_view text);

/// Epoch seconds as a number (a JSON timestamp field), or epoch milliseconds when
/// the number is too large for seconds (from 1e11); nullopt when not finite.
std::optional<qint64> timestampFromEpochSeconds(double seconds);

} // namespace te
