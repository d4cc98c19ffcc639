#include "ui/flame/flamegraphdata.h"

#include <algorithm>

namespace te {

namespace {

int addTree(FlameGraphData& data, const FlameNode& node, int parent, int depth)
{
    const int index = static_cast<int>(data.items.size());
    FlameGraphData::Item item;
    item.name = node.name;
    item.path = node.path;
    item.parent = parent;
    item.depth = depth;
    item.seconds = node.seconds;
    item.unaccounted = node.unaccounted;
    item.runsWithNode = node.runsWithNode;
    data.items.push_back(std::move(item));
    for (const FlameNode& child : node.children) {
        const int childIndex = addTree(data, child, index, depth + 1);
        data.items[static_cast<std::size_t>(index)].children.push_back(childIndex);
    }
    return index;
}

int addDifference(FlameGraphData& data, const FlameDiffNode& node, double rootB, int parent, int depth)
{
    const int index = static_cast<int>(data.items.size());
    FlameGraphData::Item item;
    item.name = node.name;
    item.path = node.path;
    item.parent = parent;
    item.depth = depth;
    item.seconds = node.secondsB;
    item.secondsA = node.secondsA;
    item.unaccounted = node.unaccounted;
    item.inA = node.inA;
    item.inB = node.inB;
    item.change = flameChange(node, rootB);
    item.intensity = flameChangeIntensity(node);
    data.items.push_back(std::move(item));
    for (const FlameDiffNode& child : node.children) {
        const int childIndex = addDifference(data, child, rootB, index, depth + 1);
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
        addTree(data, root, -1, 0);
    return data;
}

FlameGraphData FlameGraphData::fromDifference(
    const FlameDiffNode& root, const QString& labelA, const QString& labelB)
{
    FlameGraphData data;
    data.isDifference = true;
    data.labelA = labelA;
    data.labelB = labelB;
    addDifference(data, root, root.secondsB, -1, 0);
    return data;
}

} // namespace te
