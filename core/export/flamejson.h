#pragma once

#include <QString>
#include <cstdint>
#include <string>
#include <vector>

namespace te {

struct FlameDiffNode;
struct FlameNode;

/// One group's flame tree, as `chart --kind flame -o OUT.json` writes it.
struct FlameGroup
{
    QString name;
    std::int64_t n = 0;
    const FlameNode* root = nullptr;
};

/// {"kind": "flame", "summary": "mean"|"median", "groups": [{"name", "n", "root":
/// {"name", "path", "seconds", "runs_with_node", "unaccounted", "children": [...]}}]}.
/// NaN is written as null.
std::string flameTreesToJson(const std::vector<FlameGroup>& groups, bool medians);

/// {"kind": "flame-diff", "a", "b", "n_a", "n_b", "root": {"name", "path",
/// "seconds_a", "seconds_b", "delta", "ratio", "change": "slower"|"faster"|
/// "unchanged", "only_in": "a"|"b"|null, "children": [...]}}.
std::string flameDifferenceToJson(
    const QString& a, std::int64_t nA, const QString& b, std::int64_t nB, const FlameDiffNode& root);

} // namespace te
