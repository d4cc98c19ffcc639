#pragma once

#include "data/fieldcolumn.h"
#include "data/metriccolumn.h"

#include <QString>
#include <QStringList>
#include <cstdint>
#include <limits>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace te {

/// A node of the timing tree shared by all runs: "total", "phase1",
/// "phase1/agent_conversation", ... A run has a value for some of them.
struct MetricInfo
{
    QString path; ///< names joined by '/', the root is "total"
    QString name; ///< the last segment
    std::string nameUtf8;
    int parent = -1;
    std::vector<int> children;
};

/// All loaded runs, column by column.
///
/// Runs are numbered 0..runCount()-1 in file order (files in the order given).
/// Timing nodes are metrics (see MetricInfo), metadata are string fields. The
/// well-known fields always exist, so views can rely on their ids.
class TimingDataset
{
public:
    static constexpr int kRootMetric = 0;
    static constexpr qint64 kNoTimestamp = std::numeric_limits<qint64>::min();
    enum WellKnownField
    {
        RegistrationId = 0,
        Model,
        Constellation,
        Timestamp,
        Source,
        WellKnownFieldCount
    };
    static constexpr std::string_view kUnaccountedName = "(unaccounted)";

    TimingDataset();
    TimingDataset(TimingDataset&&) noexcept;
    /// A deep copy; datasets are shared as immutable snapshots, so a change (a
    /// followed file growing) is made on a copy off the GUI thread, then swapped in.
    /// Its per-run arrays have room for `spareRuns` more runs: appending that many
    /// then copies nothing a second time.
    TimingDataset clone(std::uint32_t spareRuns = 0) const;
    TimingDataset& operator=(TimingDataset&&) noexcept;
    ~TimingDataset();

    std::uint32_t runCount() const { return m_runCount; }

    // Timing nodes.
    int metricCount() const { return static_cast<int>(m_metrics.size()); }
    const MetricInfo& metric(int id) const { return m_metrics[static_cast<std::size_t>(id)]; }
    int metricId(QStringView path) const; ///< -1 when no run has that node
    QStringList metricPaths() const; ///< tree order: parents before children
    const MetricColumn& values(int metric) const { return m_values[static_cast<std::size_t>(metric)]; }
    double value(std::uint32_t run, int metric) const { return values(metric).value(run); }
    bool isDerived(std::uint32_t run, int metric) const { return values(metric).isDerived(run); }
    /// The agents that ran in this node ("matcher1, critic"), empty when none.
    QString agents(std::uint32_t run, int metric) const;

    // Metadata.
    int fieldCount() const { return static_cast<int>(m_fieldNames.size()); }
    const QString& fieldName(int id) const { return m_fieldNames[static_cast<std::size_t>(id)]; }
    QStringList fieldNames() const;
    int fieldId(QStringView name) const; ///< -1 when unknown
    const FieldColumn& field(int id) const { return m_fields[static_cast<std::size_t>(id)]; }
    /// A run's value of a field. Parsed timestamps read as ISO 8601 in UTC
    /// ("2025-01-14T10:30:00.000Z"); an unparseable one as it was written.
    QString fieldValue(std::uint32_t run, int id) const;

    // Per-run facts.
    qint64 timestampMs(std::uint32_t run) const
    {
        return run < m_timestamps.size() ? m_timestamps[run] : kNoTimestamp;
    }
    qint64 line(std::uint32_t run) const { return run < m_lines.size() ? m_lines[run] : 0; }
    bool hasWarning(std::uint32_t run) const { return run < m_flags.size() && (m_flags[run] & WarningFlag); }

    // Building; used by the loaders.
    std::uint32_t addRun(); ///< returns the new run's index
    int childMetric(int parent, std::string_view name); ///< finds or creates
    int internField(std::string_view name);
    void setValue(std::uint32_t run, int metric, double seconds, bool derived);
    void setField(std::uint32_t run, int field, std::string_view value);
    void setAgents(std::uint32_t run, int metric, std::string_view agents);
    /// Sets `value` for every run that has no value for `field` yet.
    void fillField(int field, std::string_view value);
    void setTimestamp(std::uint32_t run, qint64 msSinceEpoch);
    void setLine(std::uint32_t run, qint64 line);
    void markWarning(std::uint32_t run);
    /// Adds `offset` to every run's line number (used when a file was read in parts).
    void shiftLines(qint64 offset);
    /// The number of runs the dataset will likely hold (an estimate from the input's
    /// size): its common columns then grow to it at once. Only a hint.
    void reserveRuns(std::uint32_t runs);
    /// Picks every column's storage; call after building. Per-run arrays that no run
    /// has a value in (no timestamps, no warnings) stay empty.
    void finish();
    /// Appends all runs of `other` after this dataset's runs, remapping its ids.
    void append(const TimingDataset& other);
    /// The same, freeing each of `other`'s columns once it is copied: merging the
    /// parts of one file then never holds more than one column twice.
    void append(TimingDataset&& other);
    /// Removes runs `firstRemoved` and later (a follower re-reading a changed tail).
    void truncate(std::uint32_t firstRemoved);

private:
    enum Flag : std::uint8_t
    {
        WarningFlag = 1
    };

    /// append(), from a dataset that is copied (const) or freed column by column.
    template <typename Dataset> void appendFrom(Dataset&& other);

    std::uint32_t m_runCount = 0;
    std::vector<MetricInfo> m_metrics;
    std::vector<MetricColumn> m_values;
    std::vector<std::unique_ptr<FieldColumn>> m_agents; // per metric, null when none
    std::vector<QString> m_fieldNames;
    std::vector<std::string> m_fieldNamesUtf8;
    std::vector<FieldColumn> m_fields;
    std::vector<qint64> m_timestamps;
    std::vector<std::uint32_t> m_lines;
    std::vector<std::uint8_t> m_flags;
    std::uint32_t m_reserveHint = 0;
};

} // namespace te
