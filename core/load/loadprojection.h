#pragma once

#include <QString>
#include <QStringList>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace te {

/// Which timing nodes and metadata fields a load keeps.
///
/// A headless `stats` needs two metrics and one field of records that carry thirty;
/// with a projection the JSON Lines parser skips everything else unparsed, which is
/// what makes a million-run file quick. The default keeps everything.
///
/// Contract: a projected load gives the same values for what it keeps as a full
/// load. A node whose total is missing is still derived from all its parts. What a
/// projected load does not check: whether parts exceed their total, and duplicate
/// runs unless registration_id, timestamp and model are all kept.
class LoadProjection
{
public:
    /// A node of the wanted-metrics tree. `*` matches any name at its level.
    struct MetricNode
    {
        std::string name;
        bool wanted = false;
        std::vector<MetricNode> children;

        /// The child for `name` (or the `*` child), nullptr when none.
        const MetricNode* child(std::string_view name) const;
    };

    LoadProjection() = default;

    /// Keeps `path` ("total", "phase1", "phase1/agent_conversation", "*"). An
    /// "(unaccounted)" node needs every part of its parent: it keeps all metrics.
    void keepMetric(const QString& path);
    /// Keeps a metadata field (registration_id, model, timestamp, ...), including a
    /// field of a timing node ("phase1.status").
    void keepField(const QString& name);
    /// Keeps a name that may be either (a filter's left-hand side).
    void keepFieldOrMetric(const QString& name);

    /// Runs keep no line numbers: a summary that names no run has no use for them.
    /// Ignored while the duplicate key is kept, since duplicate warnings name lines.
    void dropLineNumbers() { m_lineNumbers = false; }

    bool keepsAllMetrics() const { return !m_metrics; }
    /// Whether registration_id, timestamp and model are all kept: the duplicate check
    /// of a load needs them (without them it is not made).
    bool keepsDuplicateKey() const
    {
        return keepsField("registration_id") && keepsField("timestamp") && keepsField("model");
    }
    bool keepsLineNumbers() const { return m_lineNumbers || keepsDuplicateKey(); }
    bool keepsAllFields() const { return !m_fieldsRestricted; }
    /// Root of the wanted-metrics tree ("total"); nullptr when every metric is kept.
    const MetricNode* metricRoot() const { return m_metrics.get(); }
    bool keepsField(std::string_view name) const;
    /// True when a field inside the metadata object `name` is kept ("env" for
    /// "env.os"): the object is then read, its other members skipped.
    bool keepsFieldsOf(std::string_view name) const;

private:
    /// Puts `path` on the wanted-metrics tree; marks it wanted when `wanted`.
    void addPath(QString path, bool wanted);
    /// Puts the node a dotted field belongs to on the tree, so a projected load
    /// reads that node's fields; the node itself stays unwanted.
    void passThroughNodeOf(const std::string& field);

    std::shared_ptr<MetricNode> m_metrics;
    bool m_allMetricsForced = false;
    bool m_fieldsRestricted = false;
    bool m_lineNumbers = true;
    std::vector<std::string> m_fields;
};

} // namespace te
