#include "export/csvexport.h"

#include "data/datasetlookups.h"
#include "data/timingdataset.h"
#include "export/exportcolumns.h"
#include "export/safewrite.h"
#include "stats/groupreference.h"
#include "stats/statistic.h"

#include <QBuffer>
#include <QIODevice>
#include <cmath>

namespace te {

namespace {

constexpr qsizetype kChunkBytes = qsizetype { 256 } * 1024;
constexpr qint64 kProgressEvery = 4096;

void addField(CsvRowWriter& row, const TimingDataset& data, int field, std::uint32_t run)
{
    if (field == TimingDataset::Timestamp && data.timestampMs(run) != TimingDataset::kNoTimestamp) {
        row.addTimestamp(data.timestampMs(run));
        return;
    }
    const FieldColumn& column = data.field(field);
    row.addText(column.text(column.code(run)));
}

} // namespace

std::optional<CsvExporter> CsvExporter::create(std::shared_ptr<const TimingDataset> data,
    std::vector<std::uint32_t> runs, CsvExportRequest request, QString* error,
    std::shared_ptr<const GroupReference> reference)
{
    const auto fail = [error](const QString& message) {
        if (error)
            *error = message;
        return std::nullopt;
    };
    if (!data)
        return fail(QStringLiteral("no data to export"));
    if (const QString problem = request.format.validate(); !problem.isEmpty())
        return fail(problem);
    CsvExporter exporter;
    QString message;
    switch (request.layout) {
    case CsvExportRequest::Layout::PerRun: {
        if (request.columns.empty())
            return fail(QStringLiteral("no columns to export"));
        bool needsReference = false;
        for (const RunColumn& column : request.columns) {
            const ResolvedRunColumn resolved = ResolvedRunColumn::resolve(column, *data);
            if (column.kind == RunColumn::Kind::Field && resolved.id < 0) {
                resolveFields(*data, { column.key }, &message);
                return fail(message);
            }
            if (column.kind == RunColumn::Kind::Metric && resolved.id < 0) {
                resolveMetrics(*data, { column.key }, &message);
                return fail(message);
            }
            needsReference = needsReference || column.kind == RunColumn::Kind::RatioToMedian;
            exporter.m_columns.push_back(resolved);
        }
        if (needsReference && !reference)
            reference = std::make_shared<const GroupReference>(
                GroupReference::compute(*data, { TimingDataset::Model }));
        break;
    }
    case CsvExportRequest::Layout::PerGroup: {
        const auto fields = resolveFields(*data, request.groupBy, &message);
        const auto metrics = request.metrics.isEmpty() ? std::optional(defaultMetrics(*data))
                                                       : resolveMetrics(*data, request.metrics, &message);
        if (!fields || !metrics)
            return fail(message);
        const QStringList known = csvStatisticNames();
        const QStringList statistics = request.statistics.isEmpty() ? known : request.statistics;
        for (const QString& statistic : statistics) {
            const auto index = known.indexOf(statistic.trimmed().toLower());
            if (index < 0)
                return fail(QStringLiteral("unknown statistic \"%1\"; the statistics are: %2")
                                .arg(statistic, known.join(QStringLiteral(", "))));
            exporter.m_statistics.push_back(static_cast<int>(index));
        }
        exporter.m_metricIds = *metrics;
        exporter.m_groupStats = computeGroupStats(*data, groupRuns(*data, runs, *fields), *metrics);
        break;
    }
    case CsvExportRequest::Layout::Long: {
        const auto metrics = resolveMetrics(*data, request.metrics, &message);
        if (!metrics)
            return fail(message);
        exporter.m_metricIds = *metrics;
        if (request.metrics.isEmpty()) {
            for (const QString& path : data->metricPaths())
                exporter.m_metricIds.push_back(data->metricId(path));
        }
        break;
    }
    }
    // FieldColumn converts its values to text once, on first use; doing that here
    // lets write() and preview() run on different threads and only read.
    for (const ResolvedRunColumn& column : exporter.m_columns) {
        if (column.column.kind == RunColumn::Kind::Field)
            data->field(column.id).text(0);
    }
    for (int field = 0; field < TimingDataset::WellKnownFieldCount; ++field)
        data->field(field).text(0);
    exporter.m_data = std::move(data);
    exporter.m_reference = std::move(reference);
    exporter.m_runs = std::move(runs);
    exporter.m_request = std::move(request);
    return exporter;
}

QStringList CsvExporter::headerRow() const
{
    const CsvFormat& format = m_request.format;
    const bool machine = format.headers == CsvFormat::Headers::Machine;
    QStringList header;
    switch (m_request.layout) {
    case CsvExportRequest::Layout::PerRun:
        for (const ResolvedRunColumn& column : m_columns)
            header << csvColumnHeader(column.column, format);
        break;
    case CsvExportRequest::Layout::PerGroup: {
        for (const QString& field : m_request.groupBy)
            header << csvFieldHeader(field.trimmed(), format);
        const QStringList names = csvStatisticNames();
        for (const int metric : m_metricIds) {
            for (const int statistic : m_statistics)
                header << csvMetricHeader(m_data->metric(metric).path, format, names[statistic]);
        }
        break;
    }
    case CsvExportRequest::Layout::Long:
        for (int field = 0; field < TimingDataset::WellKnownFieldCount; ++field)
            header << csvFieldHeader(m_data->fieldName(field), format);
        header << (machine ? QStringLiteral("node") : QStringLiteral("Node"));
        if (machine)
            header << (format.milliseconds ? QStringLiteral("milliseconds") : QStringLiteral("seconds"));
        else
            header << (format.milliseconds ? QStringLiteral("Time (ms)") : QStringLiteral("Time (s)"));
        break;
    }
    return header;
}

qint64 CsvExporter::rowCount() const
{
    switch (m_request.layout) {
    case CsvExportRequest::Layout::PerRun:
        return static_cast<qint64>(m_runs.size());
    case CsvExportRequest::Layout::PerGroup:
        return m_metricIds.empty() ? 0 : static_cast<qint64>(m_groupStats.size() / m_metricIds.size());
    case CsvExportRequest::Layout::Long: {
        qint64 rows = 0;
        for (const int metric : m_metricIds) {
            const MetricColumn& column = m_data->values(metric);
            for (const std::uint32_t run : m_runs)
                rows += column.has(run) ? 1 : 0;
        }
        return rows;
    }
    }
    return 0;
}

void CsvExporter::writeRun(CsvRowWriter& row, std::uint32_t run) const
{
    const TimingDataset& data = *m_data;
    for (const ResolvedRunColumn& column : m_columns) {
        switch (column.column.kind) {
        case RunColumn::Kind::Field:
            addField(row, data, column.id, run);
            break;
        case RunColumn::Kind::Metric:
            row.addDuration(data.value(run, column.id));
            break;
        case RunColumn::Kind::RatioToMedian:
            row.addNumber(m_reference->ratioToMedian(data, run, TimingDataset::kRootMetric));
            break;
        case RunColumn::Kind::Line:
            row.addInteger(data.line(run));
            break;
        }
    }
    row.endRow();
}

bool CsvExporter::writeRows(
    QIODevice& device, qint64 maxRows, const CsvProgress& progress, QString* error) const
{
    const auto fail = [error](const QString& message) {
        if (error)
            *error = message;
        return false;
    };
    CsvRowWriter row(m_request.format);
    CsvRowWriter prefix(m_request.format); // Long: a run's fields, formatted once for all its nodes
    QByteArray& bytes = row.bytes();
    const auto flush = [&] {
        if (bytes.isEmpty())
            return true;
        if (device.write(bytes) != bytes.size())
            return false;
        bytes.clear();
        return true;
    };
    if (m_request.format.bom)
        bytes += CsvRowWriter::byteOrderMark();
    for (const QString& cell : headerRow())
        row.addText(cell);
    row.endRow();

    const TimingDataset& data = *m_data;
    const auto layout = m_request.layout;
    const qint64 units
        = layout == CsvExportRequest::Layout::PerGroup ? rowCount() : static_cast<qint64>(m_runs.size());
    const std::size_t metricCount = m_metricIds.size();
    qint64 rows = 0;
    for (qint64 unit = 0; unit < units && (maxRows < 0 || rows < maxRows); ++unit) {
        if (layout == CsvExportRequest::Layout::PerRun) {
            writeRun(row, m_runs[static_cast<std::size_t>(unit)]);
            ++rows;
        } else if (layout == CsvExportRequest::Layout::PerGroup) {
            const auto first = static_cast<std::size_t>(unit) * metricCount;
            for (const QString& value : m_groupStats[first].key)
                row.addText(value);
            for (std::size_t m = 0; m < metricCount; ++m) {
                const SummaryStats& stats = m_groupStats[first + m].stats;
                for (const int statistic : m_statistics) {
                    if (statistic == 0)
                        row.addInteger(stats.n);
                    else
                        row.addDuration(statisticValue(stats, static_cast<Statistic>(statistic)));
                }
            }
            row.endRow();
            ++rows;
        } else {
            const std::uint32_t run = m_runs[static_cast<std::size_t>(unit)];
            for (int field = 0; field < TimingDataset::WellKnownFieldCount; ++field)
                addField(prefix, data, field, run);
            for (const int metric : m_metricIds) {
                const double seconds = data.value(run, metric);
                if (std::isnan(seconds) || (maxRows >= 0 && rows >= maxRows))
                    continue;
                row.addCells(prefix.pendingCells(), prefix.pendingCellCount());
                row.addText(data.metric(metric).path);
                row.addDuration(seconds);
                row.endRow();
                ++rows;
            }
            prefix.discardRow();
        }
        if (bytes.size() >= kChunkBytes && !flush())
            return fail(device.errorString());
        if (progress && (unit + 1) % kProgressEvery == 0 && !progress(unit + 1, units))
            return fail(kWriteCancelled);
    }
    if (!flush())
        return fail(device.errorString());
    if (progress && !progress(units, units))
        return fail(kWriteCancelled);
    return true;
}

bool CsvExporter::write(QIODevice& device, const CsvProgress& progress, QString* error) const
{
    return writeRows(device, -1, progress, error);
}

QByteArray CsvExporter::preview(int rows) const
{
    QByteArray bytes;
    QBuffer buffer(&bytes);
    buffer.open(QIODevice::WriteOnly);
    writeRows(buffer, std::max(rows, 0), {}, nullptr);
    return bytes;
}

} // namespace te
