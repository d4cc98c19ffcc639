#pragma once

#include "stats/flametree.h"

#include <QString>
#include <vector>

namespace te {

/// What a flame graph draws, flattened: items in depth-first order, the root first.
/// Built from one tree (a run's or a group's) or from a difference of two groups.
struct FlameGraphData
{
    struct Item
    {
        QString name;
        QString path;
        int parent = -1;
        int depth = 0;
        std::vector<int> children; ///< in drawing order, "(unaccounted)" last
        /// The width it is drawn with: its seconds, B's in a difference.
        double seconds = 0;
        bool unaccounted = false;
        std::int64_t runsWithNode = 0;
        // A difference only:
        double secondsA = 0;
        bool inA = true;
        bool inB = true;
        FlameChange change = FlameChange::Unchanged;
        double intensity = 0;
    };

    std::vector<Item> items;
    bool isDifference = false;
    bool isMedian = false; ///< a median tree, whose parts need not add up
    QString labelA; ///< a difference's groups
    QString labelB;

    bool isEmpty() const { return items.empty(); }
    double rootSeconds() const { return items.empty() ? 0 : items.front().seconds; }
    int maxDepth() const;

    static FlameGraphData fromTree(const FlameNode& root, bool isMedian = false);
    static FlameGraphData fromDifference(
        const FlameDiffNode& root, const QString& labelA, const QString& labelB);
};

} // namespace te
