#pragma once

#include <array>
#include <string_view>

namespace te {

class ColumnMapping;

/// A key's unit, from its suffix: `_seconds` and `_s` are seconds, `_ms` is
/// milliseconds. `base` is the key without the suffix.
struct TimeKey
{
    std::string_view base;
    double toSeconds = 1.0;
    bool hasUnitSuffix = false;
};

/// Inline: the JSON Lines parser asks this of every key of every timing object.
inline TimeKey splitTimeKey(std::string_view key)
{
    // Every suffix ends in 's'; most keys that are no times ("agents", "model") do not.
    if (key.size() < 3 || key.back() != 's')
        return { key, 1.0, false };
    const auto endsWith = [&](std::string_view suffix) {
        return key.size() > suffix.size() && key.substr(key.size() - suffix.size()) == suffix;
    };
    if (endsWith("_seconds"))
        return { key.substr(0, key.size() - 8), 1.0, true };
    if (endsWith("_ms"))
        return { key.substr(0, key.size() - 3), 0.001, true };
    if (endsWith("_s"))
        return { key.substr(0, key.size() - 2), 1.0, true };
    return { key, 1.0, false };
}

/// "total", "total_seconds", "total_s" or "total_ms": the node's own value.
inline bool isTotalKey(std::string_view key)
{
    return key.substr(0, 5) == "total"
        && (key.size() == 5 || key == "total_seconds" || key == "total_ms" || key == "total_s");
}

/// Where a flat key (a CSV column, a top-level JSON field) lands in the timing tree.
/// `segments` is the node path below the root; zero segments is the root itself.
struct FlatTarget
{
    bool isTiming = false;
    double toSeconds = 1.0;
    std::array<std::string_view, 8> segments {};
    int segmentCount = 0;
};

/// The flat-record rules, in order:
///  1. a column named in `mapping` goes where the mapping says;
///  2. the legacy aliases: `matcher1_critic_time_*` is phase1, `matcher2_time_*` phase2;
///  3. `total_*` is the root; `phaseN_total_*` is phaseN; `phaseN_ITEM_*` is phaseN/ITEM;
///  4. any other key with a unit suffix is a child of the root;
///  5. everything else is metadata (isTiming false).
/// The returned views point into `key`, static strings or `mapping`.
FlatTarget resolveFlatKey(std::string_view key, const ColumnMapping* mapping);

} // namespace te
