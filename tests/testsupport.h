#pragma once

#include "load/timingloader.h"

#include <QFile>
#include <QTest>
#include <cmath>

namespace te::test {

/// Loads fixtures from tests/data by file name.
inline LoadResult loadFixtures(const QStringList& names, std::optional<ColumnMapping> mapping = {})
{
    LoadOptions options;
    for (const QString& name : names) {
        const QString path = QFINDTESTDATA(QStringLiteral("data/") + name);
        if (path.isEmpty())
            qFatal("missing fixture %s", qPrintable(name));
        options.files << path;
    }
    options.mapping = std::move(mapping);
    return loadTimingFiles(options);
}

/// Value of `path` for the run whose registration_id is `id`; NaN when absent.
inline double valueOf(const TimingDataset& data, const QString& id, const QString& path)
{
    const int metric = data.metricId(path);
    for (std::uint32_t run = 0; run < data.runCount(); ++run) {
        if (data.fieldValue(run, TimingDataset::RegistrationId) == id)
            return metric < 0 ? std::nan("") : data.value(run, metric);
    }
    return std::nan("");
}

inline QByteArray readAll(const QString& path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

inline bool writeFile(const QString& path, const QByteArray& bytes)
{
    QFile file(path);
    return file.open(QIODevice::WriteOnly) && file.write(bytes) == bytes.size();
}

inline int countProblems(const LoadResult& result, Problem::Severity severity)
{
    return static_cast<int>(std::count_if(result.problems.begin(), result.problems.end(),
        [&](const Problem& p) { return p.severity == severity; }));
}

/// The runs whose model is `model`, in dataset order.
inline std::vector<std::uint32_t> runsOfModel(const TimingDataset& data, const QString& model)
{
    std::vector<std::uint32_t> runs;
    for (std::uint32_t run = 0; run < data.runCount(); ++run) {
        if (data.fieldValue(run, TimingDataset::Model) == model)
            runs.push_back(run);
    }
    return runs;
}

/// Each problem of a load as "LINE:MESSAGE", for comparing and for failure output.
inline QStringList messagesOf(const LoadResult& r)
{
    QStringList messages;
    for (const Problem& p : r.problems)
        messages << QStringLiteral("%1:%2").arg(p.line).arg(p.message);
    return messages;
}

/// The registration_id of every run, in dataset order.
inline QStringList idsOf(const TimingDataset& data)
{
    QStringList ids;
    for (std::uint32_t run = 0; run < data.runCount(); ++run)
        ids << data.fieldValue(run, TimingDataset::RegistrationId);
    return ids;
}

/// A run's value of the field `name`; empty when no run has that field.
inline QString fieldOf(const TimingDataset& data, std::uint32_t run, const QString& name)
{
    const int id = data.fieldId(name);
    return id < 0 ? QString() : data.fieldValue(run, id);
}

} // namespace te::test
