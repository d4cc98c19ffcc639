#include "ui/flame/flamelayout.h"

#include <algorithm>

namespace te {

namespace {

struct Layout
{
    const FlameGraphData& data;
    double rowHeight;
    double minWidth;
    std::vector<FlameBox> boxes;

    const FlameGraphData::Item& item(int index) const { return data.items[static_cast<std::size_t>(index)]; }

    void flushMerged(std::vector<int>& merged, double x, double mergedWidth, int depth)
    {
        if (merged.empty())
            return;
        FlameBox box;
        box.rect = QRectF(x, depth * rowHeight, mergedWidth, rowHeight);
        box.merged = std::move(merged);
        merged.clear();
        boxes.push_back(std::move(box));
    }

    void place(int index, double x, double width)
    {
        const FlameGraphData::Item& node = item(index);
        FlameBox box;
        box.rect = QRectF(x, node.depth * rowHeight, width, rowHeight);
        box.item = index;
        boxes.push_back(std::move(box));

        double childSeconds = 0;
        for (const int child : node.children)
            childSeconds += std::max(0.0, item(child).seconds);
        if (childSeconds <= 0 || node.seconds <= 0)
            return;
        const double scale = width / std::max(node.seconds, childSeconds);
        double cursor = x;
        std::vector<int> merged;
        double mergedStart = x;
        double mergedWidth = 0;
        for (const int child : node.children) {
            const double childWidth = std::max(0.0, item(child).seconds) * scale;
            if (childWidth < minWidth) {
                if (merged.empty())
                    mergedStart = cursor;
                merged.push_back(child);
                mergedWidth += childWidth;
            } else {
                flushMerged(merged, mergedStart, mergedWidth, node.depth + 1);
                mergedWidth = 0;
                place(child, cursor, childWidth);
            }
            cursor += childWidth;
        }
        flushMerged(merged, mergedStart, mergedWidth, node.depth + 1);
    }
};

} // namespace

std::vector<FlameBox> layoutFlame(
    const FlameGraphData& data, int zoom, double width, double rowHeight, double minWidth)
{
    if (data.isEmpty() || width <= 0)
        return {};
    if (zoom < 0 || zoom >= static_cast<int>(data.items.size()))
        zoom = 0;
    Layout layout { data, rowHeight, minWidth, {} };
    for (int ancestor = data.items[static_cast<std::size_t>(zoom)].parent; ancestor >= 0;
         ancestor = data.items[static_cast<std::size_t>(ancestor)].parent) {
        FlameBox box;
        box.item = ancestor;
        box.isAncestor = true;
        box.rect
            = QRectF(0, data.items[static_cast<std::size_t>(ancestor)].depth * rowHeight, width, rowHeight);
        layout.boxes.push_back(std::move(box));
    }
    layout.place(zoom, 0, width);
    return layout.boxes;
}

} // namespace te
