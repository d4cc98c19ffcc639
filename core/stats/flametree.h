#pragma once

#include <QString>
#include <cstdint>
#include <vector>

namespace te {

class TimingDataset;

/// One node of a flame graph: a timing node with the seconds it is drawn with.
struct FlameNode
{
    int metric = -1; ///< the dataset's metric id
    QString name; ///< the last segment of the path ("agent_conversation")
    QString path; ///< "phase1/agent_conversation"; the root is "total"
    double seconds = 0;
    /// How many of the runs it summarises have the node (1 or 0 for one run).
    std::int64_t runsWithNode = 0;
    bool unaccounted = false; ///< the "(unaccounted)" rest of its parent
    /// In the order the file first gave them, "(unaccounted)" last. Nodes with 0
    /// seconds are kept: a run that lacks a node still shows where it would be.
    std::vector<FlameNode> children;
};

/// How a group's runs are summarised into one tree.
enum class FlameSummary
{
    /// The mean of each node over all the runs, counting a node a run lacks as 0 s,
    /// so that a node's children add up to it exactly as they do in each run.
    Mean,
    /// The median of each node over the runs that have it: typical values, whose
    /// parts need not add up to their parent.
    Median,
};

/// The tree of one run; nodes it lacks are left out.
FlameNode flameTreeOfRun(const TimingDataset& data, std::uint32_t run);

/// The tree of `runs`, summarised as `summary` says. Nodes no run has are left out.
/// Without runs, a root of 0 s with no children.
FlameNode flameTreeOfRuns(
    const TimingDataset& data, const std::vector<std::uint32_t>& runs, FlameSummary summary);

/// One node of the difference of B against A, matched by path.
struct FlameDiffNode
{
    int metric = -1;
    QString name;
    QString path;
    double secondsA = 0; ///< 0 when only B has the node
    double secondsB = 0; ///< 0 when only A has it; the width it is drawn with
    bool inA = false;
    bool inB = false;
    bool unaccounted = false;
    std::vector<FlameDiffNode> children; ///< B's order, then nodes only A has

    double delta() const { return secondsB - secondsA; }
    /// B / A; NaN when A is 0 s.
    double ratio() const;
};

/// Matches `a` and `b` node by node. Both should summarise the same way (two mean
/// trees: then a node's Δ is the sum of its children's).
FlameDiffNode flameDifference(const FlameNode& a, const FlameNode& b);

/// How a node of a difference is coloured.
enum class FlameChange
{
    Unchanged, ///< within the noise band
    Slower,
    Faster,
};

/// The noise band of a difference: a node is unchanged when B is within ±5 % of A,
/// or within 0.1 % of B's root, whichever is wider. The first keeps run-to-run
/// jitter white; the second keeps tiny nodes (a 2 ms setup that doubled) from
/// shouting. A node only one side has is Slower (new) or Faster (gone).
FlameChange flameChange(const FlameDiffNode& node, double rootSecondsB);

/// How far outside the band a node is, in [0, 1]: 0 at its edge, 1 at twice (or
/// half) A's seconds and beyond. What the colour's intensity follows.
double flameChangeIntensity(const FlameDiffNode& node);

} // namespace te
