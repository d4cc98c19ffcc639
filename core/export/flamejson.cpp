#include "export/flamejson.h"

#include "stats/flametree.h"

#include <cmath>
#include <nlohmann/json.hpp>

namespace te {

namespace {

nlohmann::json number(double v)
{
    return std::isfinite(v) ? nlohmann::json(v) : nlohmann::json(nullptr);
}

nlohmann::json treeJson(const FlameNode& node)
{
    nlohmann::json children = nlohmann::json::array();
    for (const FlameNode& child : node.children)
        children.push_back(treeJson(child));
    return { { "name", node.name.toStdString() }, { "path", node.path.toStdString() },
        { "seconds", number(node.seconds) }, { "runs_with_node", node.runsWithNode },
        { "unaccounted", node.unaccounted }, { "children", std::move(children) } };
}

const char* changeName(FlameChange change)
{
    switch (change) {
    case FlameChange::Slower:
        return "slower";
    case FlameChange::Faster:
        return "faster";
    case FlameChange::Unchanged:
        break;
    }
    return "unchanged";
}

nlohmann::json diffJson(const FlameDiffNode& node, double rootSecondsB)
{
    nlohmann::json children = nlohmann::json::array();
    for (const FlameDiffNode& child : node.children)
        children.push_back(diffJson(child, rootSecondsB));
    nlohmann::json onlyIn = nullptr;
    if (!node.inA)
        onlyIn = "b";
    else if (!node.inB)
        onlyIn = "a";
    return { { "name", node.name.toStdString() }, { "path", node.path.toStdString() },
        { "seconds_a", number(node.secondsA) }, { "seconds_b", number(node.secondsB) },
        { "delta", number(node.delta()) }, { "ratio", number(node.ratio()) },
        { "change", changeName(flameChange(node, rootSecondsB)) }, { "only_in", onlyIn },
        { "unaccounted", node.unaccounted }, { "children", std::move(children) } };
}

} // namespace

std::string flameTreesToJson(const std::vector<FlameGroup>& groups, bool medians)
{
    nlohmann::json list = nlohmann::json::array();
    for (const FlameGroup& group : groups) {
        list.push_back({ { "name", group.name.toStdString() }, { "n", group.n },
            { "root", group.root ? treeJson(*group.root) : nlohmann::json(nullptr) } });
    }
    const nlohmann::json document
        = { { "kind", "flame" }, { "summary", medians ? "median" : "mean" }, { "groups", std::move(list) } };
    return document.dump(2) + '\n';
}

std::string flameDifferenceToJson(
    const QString& a, std::int64_t nA, const QString& b, std::int64_t nB, const FlameDiffNode& root)
{
    const nlohmann::json document = { { "kind", "flame-diff" }, { "a", a.toStdString() },
        { "b", b.toStdString() }, { "n_a", nA }, { "n_b", nB }, { "root", diffJson(root, root.secondsB) } };
    return document.dump(2) + '\n';
}

} // namespace te
