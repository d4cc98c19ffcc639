#include "ui/flame/flamegraphdata.h"

#include <algorithm>

namespace te {

namespace {

// Appends `node` and, depth first, its children to `data.items`, linking each to
// its parent; `fill` sets what an item of that kind of tree carries beyond its
// place. Returns the node's index.
template <typename Node, typename Fill>
int addItems(FlameGraphData& data, const Node& node, int parent, int depth, const Fill& fill)
{
    const int index = static_cast<int>(data.items.size());
    FlameGraphData::Item item;
    item.name = node.name;
    item.path = node.path;
    item.parent = parent;
    item.depth = depth;
    item.unaccounted = node.unaccounted;
    fill(item, node);
    data.items.push_back(std::move(item));
    for (const Node& child : node.children) {
        const int childIndex = addItems(data, child, index, depth + 1, fill);
        data.items[static_cast<std::size_t>(index)].children.push_back(childIndex);
    }
    return index;
}

} // namespace

int FlameGraphData::maxDepth() const
{
    int depth = 0;
    for (const Item& item : items)
        depth = std::max(depth, item.depth);
    return depth;
}

FlameGraphData FlameGraphData::fromTree(const FlameNode& root, bool isMedian)
{
    FlameGraphData data;
    data.isMedian = isMedian;
    if (root.metric >= 0 || !root.path.isEmpty())
        addItems(data, root, -1, 0, [](FlameGraphData::Item& item, const FlameNode& node) {
            item.seconds = node.seconds;
            item.runsWithNode = node.runsWithNode;
        });
    return data;
}

FlameGraphData FlameGraphData::fromDifference(
    const FlameDiffNode& root, const QString& labelA, const QString& labelB)
{
    FlameGraphData data;
    data.isDifference = true;
    data.labelA = labelA;
    data.labelB = labelB;
    const double rootB = root.secondsB;
    addItems(data, root, -1, 0, [rootB](FlameGraphData::Item& item, const FlameDiffNode& node) {
        item.seconds = node.secondsB;
        item.secondsA = node.secondsA;
        item.inA = node.inA;
        item.inB = node.inB;
        item.change = flameChange(node, rootB);
        item.intensity = flameChangeIntensity(node);
    });
    return data;
}

} // namespace te
