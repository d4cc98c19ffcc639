#pragma once

#include "ui/flame/flamegraphdata.h"

#include <QRectF>
#include <vector>

namespace te {

/// One box of a laid-out flame graph.
struct FlameBox
{
    QRectF rect;
    /// The item drawn, or -1 for a "…" box that merges `merged`.
    int item = -1;
    std::vector<int> merged; ///< the narrow siblings a "…" box stands for
    bool isAncestor = false; ///< above the zoomed node, drawn full width
};

/// Lays out an icicle: the root on top, each row `rowHeight` tall, a node's width
/// its seconds. Zoomed into `zoom`, that node spans `width` and its ancestors are
/// drawn full width above it. Children sit left to right from their parent's left
/// edge; when they add up to more than their parent (parts that exceed a total),
/// they are shrunk together to fit inside it. Consecutive siblings narrower than
/// `minWidth` px merge into one "…" box, which has no children drawn.
std::vector<FlameBox> layoutFlame(
    const FlameGraphData& data, int zoom, double width, double rowHeight, double minWidth = 2.0);

} // namespace te
