#include "export/exportcolumns.h"

#include "data/datasetlookups.h"
#include "data/timingdataset.h"
#include "data/timingkeys.h"
#include "stats/statistic.h"

namespace te {

namespace {

bool isPhaseName(QStringView segment)
{
    if (!segment.startsWith(u"phase") || segment.size() == 5)
        return false;
    for (const QChar c : segment.mid(5)) {
        if (!c.isDigit())
            return false;
    }
    return true;
}

QString machineSegment(const QString& segment)
{
    return segment
            == QLatin1String(TimingDataset::kUnaccountedName.data(),
                static_cast<qsizetype>(TimingDataset::kUnaccountedName.size()))
        ? QStringLiteral("unaccounted")
        : segment;
}

// "phase1_agent_conversation": the flat key without its unit suffix.
QString machineBase(const QString& path)
{
    if (path == u"total")
        return path;
    const QStringList segments = path.split(u'/');
    if (segments.size() == 1 && isPhaseName(segments.front()))
        return segments.front() + QStringLiteral("_total");
    QStringList parts;
    for (const QString& segment : segments)
        parts << machineSegment(segment);
    return parts.join(u'_');
}

QString capitalized(QString text)
{
    if (!text.isEmpty())
        text[0] = text[0].toUpper();
    return text;
}

QString readableBase(const QString& path)
{
    if (path == u"total")
        return QStringLiteral("Total");
    QStringList parts;
    for (const QString& segment : path.split(u'/')) {
        if (isPhaseName(segment))
            parts << QStringLiteral("Phase ") + segment.mid(5);
        else
            parts << QString(segment).replace(u'_', u' ');
    }
    return capitalized(parts.join(QStringLiteral(" · ")));
}

std::optional<RunColumn> metricFromFlatKey(const QString& name, const TimingDataset& data)
{
    const std::string key = name.toStdString();
    const FlatTarget target = resolveFlatKey(key, nullptr);
    if (!target.isTiming)
        return std::nullopt;
    QStringList segments;
    for (int i = 0; i < target.segmentCount; ++i) {
        const std::string_view segment = target.segments[static_cast<std::size_t>(i)];
        segments << QString::fromUtf8(segment.data(), static_cast<qsizetype>(segment.size()));
    }
    const QString path = segments.isEmpty() ? QStringLiteral("total") : segments.join(u'/');
    if (data.metricId(path) < 0)
        return std::nullopt;
    return RunColumn { RunColumn::Kind::Metric, path };
}

} // namespace

QStringList csvStatisticNames()
{
    QStringList names;
    for (const StatisticInfo& statistic : allStatistics())
        names << QLatin1String(statistic.name);
    return names;
}

QString csvMetricHeader(const QString& path, const CsvFormat& format, const QString& statistic)
{
    const auto named = statisticNamed(statistic);
    const bool hasUnit = !(named && statisticInfo(*named).isCount);
    if (format.headers == CsvFormat::Headers::Machine) {
        QString header = machineBase(path);
        if (!statistic.isEmpty())
            header += u'_' + statistic;
        if (hasUnit)
            header += format.milliseconds ? QStringView(u"_ms") : QStringView(u"_seconds");
        return header;
    }
    QString header = readableBase(path);
    if (!statistic.isEmpty())
        header += QStringLiteral(" · ") + statistic;
    if (hasUnit)
        header += format.milliseconds ? QStringView(u" (ms)") : QStringView(u" (s)");
    return header;
}

QString csvFieldHeader(const QString& name, const CsvFormat& format)
{
    if (format.headers == CsvFormat::Headers::Machine)
        return name;
    return capitalized(QString(name).replace(u'_', u' '));
}

QString csvColumnHeader(const RunColumn& column, const CsvFormat& format)
{
    const bool machine = format.headers == CsvFormat::Headers::Machine;
    switch (column.kind) {
    case RunColumn::Kind::Field:
        return csvFieldHeader(column.key, format);
    case RunColumn::Kind::Metric:
        return csvMetricHeader(column.key, format);
    case RunColumn::Kind::RatioToMedian:
        return machine ? QStringLiteral("ratio_to_median") : QStringLiteral("× group median");
    case RunColumn::Kind::Line:
        return machine ? QStringLiteral("line") : QStringLiteral("Line");
    }
    return {};
}

QStringList csvPresetNames()
{
    return { QStringLiteral("summary"), QStringLiteral("phases"), QStringLiteral("all") };
}

std::optional<std::vector<RunColumn>> presetColumns(const QString& name, const TimingDataset& data)
{
    const auto field = [&](int id) { return RunColumn { RunColumn::Kind::Field, data.fieldName(id) }; };
    const RunColumn total { RunColumn::Kind::Metric, QStringLiteral("total") };
    if (name == u"summary")
        return std::vector<RunColumn> { field(TimingDataset::RegistrationId), total,
            field(TimingDataset::Model), field(TimingDataset::Timestamp) };
    if (name == u"phases") {
        std::vector<RunColumn> columns { field(TimingDataset::RegistrationId), field(TimingDataset::Model),
            field(TimingDataset::Constellation), field(TimingDataset::Timestamp) };
        for (const int metric : defaultMetrics(data)) // total, then the phases by name
            columns.push_back({ RunColumn::Kind::Metric, data.metric(metric).path });
        return columns;
    }
    if (name == u"all") {
        std::vector<RunColumn> columns;
        for (const QString& fieldName : data.fieldNames())
            columns.push_back({ RunColumn::Kind::Field, fieldName });
        for (const QString& path : data.metricPaths())
            columns.push_back({ RunColumn::Kind::Metric, path });
        return columns;
    }
    return std::nullopt;
}

std::optional<RunColumn> csvColumnFromName(const QString& rawName, const TimingDataset& data, QString* error)
{
    const QString name = rawName.trimmed();
    if (data.fieldId(name) >= 0)
        return RunColumn { RunColumn::Kind::Field, name };
    if (name == u"line")
        return RunColumn { RunColumn::Kind::Line, {} };
    if (name == u"ratio_to_median" || name == u"ratio")
        return RunColumn { RunColumn::Kind::RatioToMedian, {} };
    if (const auto ids = resolveMetrics(data, { name }, nullptr))
        return RunColumn { RunColumn::Kind::Metric, data.metric(ids->front()).path };

    CsvFormat seconds;
    CsvFormat ms;
    ms.milliseconds = true;
    const QStringList paths = data.metricPaths();
    for (CsvFormat* format : { &seconds, &ms }) {
        for (const auto headers : { CsvFormat::Headers::Machine, CsvFormat::Headers::Readable }) {
            format->headers = headers;
            for (const QString& path : paths) {
                if (csvMetricHeader(path, *format).compare(name, Qt::CaseInsensitive) == 0)
                    return RunColumn { RunColumn::Kind::Metric, path };
            }
        }
    }
    if (auto column = metricFromFlatKey(name, data))
        return column;
    seconds.headers = CsvFormat::Headers::Readable;
    for (const QString& field : data.fieldNames()) {
        if (csvFieldHeader(field, seconds).compare(name, Qt::CaseInsensitive) == 0)
            return RunColumn { RunColumn::Kind::Field, field };
    }

    if (error) {
        QStringList known = data.fieldNames();
        seconds.headers = CsvFormat::Headers::Machine;
        for (const QString& path : paths)
            known << csvMetricHeader(path, seconds);
        known << QStringLiteral("line") << QStringLiteral("ratio_to_median");
        *error = QStringLiteral("unknown column \"%1\"; the columns are: %2 (node paths such as "
                                "phase1/agent_conversation work too)")
                     .arg(rawName, known.join(QStringLiteral(", ")));
    }
    return std::nullopt;
}

} // namespace te
