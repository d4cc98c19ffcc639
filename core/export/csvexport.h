#pragma once

#include "export/csvformat.h"
#include "query/runcolumn.h"
#include "stats/groupstats.h"

#include <QByteArray>
#include <QString>
#include <QStringList>
#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <vector>

class QIODevice;

namespace te {

class GroupReference;
class TimingDataset;

/// What to export: the layout, what goes in it, and how it is spelled.
struct CsvExportRequest
{
    enum class Layout
    {
        PerRun, ///< one row per run, `columns`
        PerGroup, ///< one row per group: the `groupBy` values, then each metric × statistic
        Long ///< one row per run and node: the well-known fields, node, seconds (for pivot tables)
    };
    Layout layout = Layout::PerRun;
    std::vector<RunColumn> columns; ///< PerRun
    QStringList groupBy; ///< PerGroup: field names; empty: one group of every run
    /// PerGroup and Long: node paths. Empty: total and every phase (PerGroup),
    /// every node in tree order (Long).
    QStringList metrics;
    QStringList statistics; ///< PerGroup: any of csvStatisticNames(); empty: all of them
    CsvFormat format;
};

/// Called now and then while writing with the rows (PerRun, PerGroup) or runs
/// (Long) done so far; return false to cancel.
using CsvProgress = std::function<bool(qint64 done, qint64 total)>;

/// The one CSV export engine, used by the export dialog and `summary` alike.
///
/// Built once per request (it resolves every name and, for PerGroup, computes the
/// statistics with computeGroupStats: numpy-linear percentiles, sample stddev), then
/// written or previewed as often as needed: write() on a worker thread while the
/// dialog calls preview() is fine, as both only read the shared dataset (create()
/// fills the dataset's text caches they use). Runs are written in the order given.
class CsvExporter
{
public:
    /// nullopt, with `error` naming what exists, when the request names an unknown
    /// field, node or statistic, or the format is invalid. `reference` gives the
    /// ratio-to-median column (the runs view passes its own); without one, the
    /// ratio is taken against each run's model.
    static std::optional<CsvExporter> create(std::shared_ptr<const TimingDataset> data,
        std::vector<std::uint32_t> runs, CsvExportRequest request, QString* error,
        std::shared_ptr<const GroupReference> reference = {});

    const CsvExportRequest& request() const { return m_request; }
    /// The header cells as written, before quoting and the injection guard.
    QStringList headerRow() const;
    /// Data rows the file will have (the header not counted).
    qint64 rowCount() const;

    /// Writes the whole file (BOM, header, rows) to `device`, which must be open.
    /// False with `error` set when the device fails or `progress` cancels
    /// (kWriteCancelled, "cancelled"); the device then holds a partial file.
    bool write(QIODevice& device, const CsvProgress& progress = {}, QString* error = nullptr) const;
    /// Exactly the bytes the written file starts with, up to the end of its first
    /// `rows` data rows (the BOM and header included).
    QByteArray preview(int rows) const;

private:
    CsvExporter() = default;
    bool writeRows(QIODevice& device, qint64 maxRows, const CsvProgress& progress, QString* error) const;
    void writeRun(CsvRowWriter& row, std::uint32_t run) const;

    std::shared_ptr<const TimingDataset> m_data;
    std::shared_ptr<const GroupReference> m_reference;
    std::vector<std::uint32_t> m_runs;
    CsvExportRequest m_request;
    std::vector<ResolvedRunColumn> m_columns; ///< PerRun
    std::vector<int> m_metricIds; ///< PerGroup, Long
    std::vector<int> m_statistics; ///< PerGroup: indices into csvStatisticNames()
    std::vector<GroupMetricStats> m_groupStats; ///< PerGroup: groups × metrics, in order
};

} // namespace te
