#include "load/src/recorddraft.h"

#include "data/timingdataset.h"
#include "data/timingkeys.h"
#include "load/loadprojection.h"
#include "util/durationformat.h"

#include <algorithm>
#include <cmath>

namespace te {

namespace {
// Parts and whole may disagree by rounding; beyond both of these they really differ.
constexpr double kAbsoluteTolerance = 0.001;
constexpr double kRelativeTolerance = 0.005;

bool exceedsTolerance(double difference, double whole)
{
    return difference > kAbsoluteTolerance && difference > kRelativeTolerance * whole;
}

QString utf8(std::string_view s)
{
    return QString::fromUtf8(s.data(), static_cast<qsizetype>(s.size()));
}
} // namespace

void RecordDraft::setProjection(const LoadProjection* projection)
{
    m_projection = projection;
    m_checkParts = !projection || projection->keepsAllMetrics();
    m_nodes[0].store = !projection || projection->keepsAllMetrics() || projection->metricRoot()->wanted;
}

void RecordDraft::reset()
{
    m_nodeCount = 1;
    Node& root = m_nodes[0];
    root.name = "total";
    root.hasValue = root.derived = root.hasAgents = root.partsOverlap = false;
    root.childSum = 0;
    root.childCount = 0;
    m_metaCount = 0;
    m_derivedPaths.clear();
    m_parseWarnings.clear();
    m_sawSkippedTiming = false;
    m_hasRegistrationId = false;
    m_rejected = false;
    m_rejectReason.clear();
    m_rejectColumn = 0;
}

RecordDraft::Node& RecordDraft::addNodeSlot()
{
    if (static_cast<std::size_t>(m_nodeCount) == m_nodes.size())
        m_nodes.emplace_back();
    Node& n = m_nodes[static_cast<std::size_t>(m_nodeCount++)];
    n.hasValue = n.derived = n.hasAgents = n.partsOverlap = false;
    n.childSum = 0;
    n.childCount = 0;
    return n;
}

int RecordDraft::node(int parent, std::string_view name, bool store)
{
    for (int i = parent + 1; i < m_nodeCount; ++i) {
        Node& n = m_nodes[static_cast<std::size_t>(i)];
        if (n.parent == parent && n.name == name) {
            n.store = n.store || store;
            return i;
        }
    }
    Node& n = addNodeSlot();
    n.parent = parent;
    n.name.assign(name);
    n.store = store;
    return m_nodeCount - 1;
}

int RecordDraft::flatNode(const FlatTarget& target)
{
    const LoadProjection::MetricNode* trie = m_projection ? m_projection->metricRoot() : nullptr;
    int slot = kRoot;
    for (int i = 0; i < target.segmentCount; ++i) {
        const std::string_view segment = target.segments[static_cast<std::size_t>(i)];
        trie = trie ? trie->child(segment) : nullptr;
        const bool store = !m_projection || m_projection->keepsAllMetrics() || (trie && trie->wanted);
        slot = node(slot, segment, store);
    }
    return slot;
}

std::string RecordDraft::pathOf(int slot) const
{
    if (slot == kRoot)
        return "total";
    std::string path = m_nodes[static_cast<std::size_t>(slot)].name;
    for (int p = m_nodes[static_cast<std::size_t>(slot)].parent; p > kRoot;
         p = m_nodes[static_cast<std::size_t>(p)].parent)
        path.insert(0, 1, '/').insert(0, m_nodes[static_cast<std::size_t>(p)].name);
    return path;
}

void RecordDraft::setValue(int slot, double seconds, int column)
{
    if (!std::isfinite(seconds)) {
        reject(QStringLiteral("timing \"%1\" is not a finite number").arg(utf8(pathOf(slot))), column);
        return;
    }
    if (seconds < 0) {
        reject(QStringLiteral("timing \"%1\" is negative (%2)").arg(utf8(pathOf(slot))).arg(seconds), column);
        return;
    }
    Node& n = m_nodes[static_cast<std::size_t>(slot)];
    n.value = seconds;
    n.hasValue = true;
}

void RecordDraft::setPartsOverlap(int slot, double uncoveredSeconds)
{
    Node& n = m_nodes[static_cast<std::size_t>(slot)];
    n.partsOverlap = true;
    n.uncovered = uncoveredSeconds;
}

void RecordDraft::setAgents(int slot, std::string_view agents)
{
    Node& n = m_nodes[static_cast<std::size_t>(slot)];
    n.agents.assign(agents);
    n.hasAgents = true;
}

void RecordDraft::addMetadata(std::string_view field, std::string_view value)
{
    if (field == "registration_id" && !value.empty())
        m_hasRegistrationId = true;
    if (m_projection && !m_projection->keepsField(field))
        return;
    if (static_cast<std::size_t>(m_metaCount) == m_meta.size())
        m_meta.emplace_back();
    Meta& m = m_meta[static_cast<std::size_t>(m_metaCount++)];
    m.field.assign(field);
    m.value.assign(value);
    m.isTimestamp = false;
    m.timestampMs.reset();
}

void RecordDraft::addTimestamp(std::string_view field, std::string_view text, std::optional<qint64> ms)
{
    if (m_projection && !m_projection->keepsField(field))
        return;
    addMetadata(field, text);
    Meta& m = m_meta[static_cast<std::size_t>(m_metaCount - 1)];
    m.isTimestamp = true;
    m.timestampMs = ms;
}

void RecordDraft::reject(QString reason, int column)
{
    if (m_rejected)
        return;
    m_rejected = true;
    m_rejectReason = std::move(reason);
    m_rejectColumn = column;
}

bool RecordDraft::hasTimings() const
{
    if (m_sawSkippedTiming)
        return true;
    for (int i = 0; i < m_nodeCount; ++i)
        if (m_nodes[static_cast<std::size_t>(i)].hasValue)
            return true;
    return false;
}

std::optional<std::uint32_t> RecordDraft::commit(
    TimingDataset& dataset, qint64 line, std::vector<QString>& warnings)
{
    if (!hasTimings()) {
        reject(
            QStringLiteral("no timing values found (expected \"timings\", \"phases\" or *_seconds fields)"));
        return std::nullopt;
    }
    markListedDerived();
    deriveMissingTotals();
    const std::uint32_t run = dataset.addRun();
    if (!m_projection || m_projection->keepsLineNumbers())
        dataset.setLine(run, line);
    writeNodes(dataset, run, warnings);
    writeMetadata(dataset, run, warnings);
    if (!m_hasRegistrationId)
        warnings.push_back(QStringLiteral("no registration_id"));
    warnings.insert(warnings.end(), m_parseWarnings.begin(), m_parseWarnings.end());
    if (!warnings.empty())
        dataset.markWarning(run);
    return run;
}

// Totals a converted file lists as derived keep their flag, and like any derived
// total they are not checked against their parts (see markDerived).
void RecordDraft::markListedDerived()
{
    for (int i = 0; !m_derivedPaths.empty() && i < m_nodeCount; ++i) {
        Node& n = m_nodes[static_cast<std::size_t>(i)];
        if (n.hasValue
            && std::find(m_derivedPaths.begin(), m_derivedPaths.end(), pathOf(i)) != m_derivedPaths.end())
            n.derived = true;
    }
}

// Children always sit after their parent, so a backward pass sees every child
// before its parent: missing totals are derived bottom-up.
void RecordDraft::deriveMissingTotals()
{
    for (int i = m_nodeCount - 1; i >= 0; --i) {
        Node& n = m_nodes[static_cast<std::size_t>(i)];
        if (!n.hasValue && n.childCount > 0) {
            n.value = n.childSum;
            n.hasValue = n.derived = true;
        }
        if (n.hasValue && i != kRoot) {
            Node& parent = m_nodes[static_cast<std::size_t>(n.parent)];
            parent.childSum += n.value;
            ++parent.childCount;
        }
    }
}

void RecordDraft::writeNodes(TimingDataset& dataset, std::uint32_t run, std::vector<QString>& warnings)
{
    std::vector<int>& metricOf = m_metricOfSlot;
    metricOf.assign(static_cast<std::size_t>(m_nodeCount), -1);
    metricOf[0] = TimingDataset::kRootMetric;
    for (int i = 0; i < m_nodeCount; ++i) {
        const Node& n = m_nodes[static_cast<std::size_t>(i)];
        if (!n.hasValue)
            continue;
        const int metric = i == kRoot
            ? TimingDataset::kRootMetric
            : dataset.childMetric(metricOf[static_cast<std::size_t>(n.parent)], n.name);
        metricOf[static_cast<std::size_t>(i)] = metric;
        if (!n.store)
            continue;
        dataset.setValue(run, metric, n.value, n.derived);
        if (n.hasAgents)
            dataset.setAgents(run, metric, n.agents);
        if (!n.derived && n.childCount > 0 && m_checkParts)
            checkParts(dataset, run, i, metric, warnings);
    }
}

bool RecordDraft::namesUnaccounted(int slot) const
{
    for (int i = 0; i < m_nodeCount; ++i) {
        const Node& child = m_nodes[static_cast<std::size_t>(i)];
        if (child.parent == slot && child.hasValue && child.name == TimingDataset::kUnaccountedName)
            return true;
    }
    return false;
}

// A whole whose given value exceeds its parts gets the rest as an "(unaccounted)"
// part; parts that add up to more than their whole are warned about. Parts that ran
// at the same time leave the time none of them covered, and may add up to more.
void RecordDraft::checkParts(
    TimingDataset& dataset, std::uint32_t run, int slot, int metric, std::vector<QString>& warnings) const
{
    const Node& n = m_nodes[static_cast<std::size_t>(slot)];
    const double rest = n.partsOverlap ? n.uncovered : n.value - n.childSum;
    if (exceedsTolerance(rest, n.value) && namesUnaccounted(slot)) {
        // The record gives its own "(unaccounted)", which keeps its value: the run
        // has one value per node. What its parts still leave out is told.
        warnings.push_back(
            QStringLiteral("the parts of \"%1\", its own \"%2\" included, add up to %3, less than "
                           "its total %4")
                .arg(utf8(pathOf(slot)), utf8(std::string(TimingDataset::kUnaccountedName)),
                    formatDuration(n.childSum), formatDuration(n.value)));
    } else if (exceedsTolerance(rest, n.value)) {
        const int unaccounted = dataset.childMetric(metric, TimingDataset::kUnaccountedName);
        dataset.setValue(run, unaccounted, rest, true);
    } else if (!n.partsOverlap && exceedsTolerance(-rest, n.value)) {
        warnings.push_back(QStringLiteral("the parts of \"%1\" add up to %2, more than its total %3")
                               .arg(utf8(pathOf(slot)), formatDuration(n.childSum), formatDuration(n.value)));
    }
}

void RecordDraft::writeMetadata(
    TimingDataset& dataset, std::uint32_t run, std::vector<QString>& warnings) const
{
    for (int i = 0; i < m_metaCount; ++i) {
        const Meta& m = m_meta[static_cast<std::size_t>(i)];
        if (m.isTimestamp && m.timestampMs) {
            // Parsed timestamps are kept as numbers only: a million distinct strings
            // would cost more than all the timings together.
            dataset.setTimestamp(run, *m.timestampMs);
            continue;
        }
        const int field = dataset.internField(m.field);
        dataset.setField(run, field, m.value);
        if (m.isTimestamp)
            warnings.push_back(
                QStringLiteral("unrecognised timestamp \"%1\" (expected ISO 8601 or epoch seconds)")
                    .arg(utf8(m.value)));
    }
}

} // namespace te
