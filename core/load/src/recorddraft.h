#pragma once

#include "data/problem.h"

#include <QString>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace te {

class LoadProjection;
class TimingDataset;
struct FlatTarget;

/// One record being read: its timing nodes, metadata and agents, before it is
/// checked and committed to a dataset. Parsers fill it; `commit` applies the tree
/// rules that every input shape shares.
///
/// Reused from line to line: `reset` keeps the allocated strings, so reading a
/// line allocates nothing once the first few lines have been read.
class RecordDraft
{
public:
    static constexpr int kRoot = 0;

    /// With a projection, only wanted metadata is kept and only nodes marked
    /// `store` are written to the dataset; part checks are skipped (see LoadProjection).
    void setProjection(const LoadProjection* projection);
    const LoadProjection* projection() const { return m_projection; }

    void reset();

    /// The child `name` of node `parent`, created when new. Returns its slot.
    /// `store` false: the node only helps derive its parent's total.
    int node(int parent, std::string_view name, bool store = true);
    /// The node a flat key's target names (see resolveFlatKey), created with its
    /// ancestors; stored where the projection wants it.
    int flatNode(const FlatTarget& target);
    bool hasValue(int slot) const { return m_nodes[static_cast<std::size_t>(slot)].hasValue; }
    /// Records that the record has a timing the projection skipped.
    void noteSkippedTiming() { m_sawSkippedTiming = true; }
    /// Sets a node's own value. A negative, NaN or infinite time rejects the record.
    void setValue(int slot, double seconds, int column = 0);
    void setAgents(int slot, std::string_view agents);
    void addMetadata(std::string_view field, std::string_view value);
    void addTimestamp(std::string_view field, std::string_view text, std::optional<qint64> ms);
    /// Marks the node at `path` ("total", "phase1/x") as derived, though its value was
    /// given: files written by `convert` carry derived totals as numbers and list them
    /// in `timings.derived`. Applied in `commit`, so the nodes may come later in the record.
    void markDerived(std::string_view path) { m_derivedPaths.emplace_back(path); }
    /// The parts of node `slot` ran at the same time (overlapping trace spans): their
    /// sum may exceed the whole, which is then not warned about, and the whole's
    /// "(unaccounted)" part is `uncoveredSeconds`, the time when none of them ran.
    void setPartsOverlap(int slot, double uncoveredSeconds);

    /// A warning about the record that its parser noticed (a duplicate key): told
    /// with the kept run's other warnings by commit(), dropped when it is rejected.
    void warn(QString message) { m_parseWarnings.push_back(std::move(message)); }

    /// Rejects the record; the first reason given wins.
    void reject(QString reason, int column = 0);
    bool isRejected() const { return m_rejected; }
    const QString& rejectReason() const { return m_rejectReason; }
    int rejectColumn() const { return m_rejectColumn; }
    /// True when some node has a value, or the projection skipped one that had. A
    /// timing object with no number in it (`{"timings":{"x":{}}}`) is no timing.
    bool hasTimings() const;
    /// The dotted path of a slot, for messages: "phase1/agent_conversation".
    std::string pathOf(int slot) const;
    /// True when the record gives a value to the "(unaccounted)" child of `slot`.
    bool namesUnaccounted(int slot) const;

    /// Derives missing totals, adds "(unaccounted)" children, checks that parts do
    /// not exceed their whole, and appends the run to `dataset`. Problems about the
    /// kept run go to `warnings` (file and line left for the caller). Returns the
    /// run index, or nullopt when the record has no timing at all (it is then
    /// rejected with a reason).
    std::optional<std::uint32_t> commit(TimingDataset& dataset, qint64 line, std::vector<QString>& warnings);

private:
    struct Node
    {
        int parent = -1;
        std::string name;
        double value = 0;
        bool hasValue = false;
        bool derived = false;
        double childSum = 0;
        int childCount = 0;
        std::string agents;
        bool hasAgents = false;
        bool store = true;
        bool partsOverlap = false; // see setPartsOverlap
        double uncovered = 0;
    };
    struct Meta
    {
        std::string field;
        std::string value;
        std::optional<qint64> timestampMs;
        bool isTimestamp = false;
    };

    Node& addNodeSlot();
    // The steps of commit(), in order.
    void markListedDerived();
    void deriveMissingTotals();
    void writeNodes(TimingDataset& dataset, std::uint32_t run, std::vector<QString>& warnings);
    void checkParts(TimingDataset& dataset, std::uint32_t run, int slot, int metric,
        std::vector<QString>& warnings) const;
    void writeMetadata(TimingDataset& dataset, std::uint32_t run, std::vector<QString>& warnings) const;

    std::vector<Node> m_nodes { Node {} };
    int m_nodeCount = 1;
    std::vector<Meta> m_meta;
    std::vector<std::string> m_derivedPaths; // see markDerived
    std::vector<QString> m_parseWarnings; // see warn
    std::vector<int> m_metricOfSlot; // reused by commit()
    int m_metaCount = 0;
    const LoadProjection* m_projection = nullptr;
    bool m_checkParts = true;
    bool m_sawSkippedTiming = false;
    bool m_hasRegistrationId = false;
    bool m_rejected = false;
    QString m_rejectReason;
    int m_rejectColumn = 0;
};

} // namespace te
