#pragma once

// Shared by the libFuzzer targets (see tools/fuzz.sh): turning fuzz input into the
// core's types, and checking the invariants the core documents.

#include "load/timingloader.h"

#include <QByteArray>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string_view>
#include <vector>

namespace te::fuzz {

/// The fuzz input as a QByteArray that does not copy it: a read past its end is
/// then a read past libFuzzer's buffer, which AddressSanitizer reports.
inline QByteArray rawBytes(const std::uint8_t* data, std::size_t size)
{
    return QByteArray::fromRawData(reinterpret_cast<const char*>(data), static_cast<qsizetype>(size));
}

inline std::string_view rawView(const std::uint8_t* data, std::size_t size)
{
    return { reinterpret_cast<const char*>(data), size };
}

/// A broken invariant is a crash, so libFuzzer keeps the input that broke it.
[[noreturn]] inline void invariantFailed(const char* what)
{
    std::fprintf(stderr, "fuzz invariant broken: %s\n", what);
    std::abort();
}

inline void require(bool holds, const char* what)
{
    if (!holds)
        invariantFailed(what);
}

/// Equal, or both NaN (a run without the node).
inline bool sameValue(double a, double b)
{
    return a == b || (std::isnan(a) && std::isnan(b));
}

/// The mapping of tests/data/legacy_mapping.json, so flat keys can land in the tree
/// through a mapping too.
inline const ColumnMapping& legacyMapping()
{
    static const ColumnMapping mapping = *ColumnMapping::parse(
        R"({"critic_wait": "phase1/critic_wait", "validator_ms": "phase3/validation"})",
        QStringLiteral("legacy_mapping.json"), nullptr);
    return mapping;
}

/// A full load, as the window and `validate` load: everything kept, one thread,
/// and the legacy mapping.
inline const LoadOptions& fullLoadOptions()
{
    static const LoadOptions options = [] {
        LoadOptions full;
        full.threads = 1;
        full.mapping = legacyMapping();
        return full;
    }();
    return options;
}

/// The value of `metric` in `run`, NaN when the dataset has no such metric.
inline double valueOf(const TimingDataset& dataset, std::uint32_t run, QStringView metric)
{
    const int id = dataset.metricId(metric);
    return id < 0 ? std::nan("") : dataset.value(run, id);
}

inline QString fieldOf(const TimingDataset& dataset, std::uint32_t run, QStringView field)
{
    const int id = dataset.fieldId(field);
    return id < 0 ? QString() : dataset.fieldValue(run, id);
}

/// Loads `bytes` in full and projected as `stats` does, and checks LoadProjection's
/// contract: the same lines are rejected, and what the projection keeps has the same
/// values. The projection takes every walk: phase1 is wanted; phase2 is passed
/// through to one part and to fields (one with a dot in its key); in phase3 a named
/// part sits beside "*"; every other node is skipped unread.
inline void loadFullAndProjected(const QByteArray& bytes, const QString& name)
{
    static const QString kept[]
        = { QStringLiteral("total"), QStringLiteral("phase1"), QStringLiteral("phase2/agent_conversation"),
              QStringLiteral("phase3/*"), QStringLiteral("phase3/agent_conversation/setup") };
    static const QString metrics[] = { QStringLiteral("total"), QStringLiteral("phase1"),
        QStringLiteral("phase2/agent_conversation"), QStringLiteral("phase3/setup"),
        QStringLiteral("phase3/agent_conversation"), QStringLiteral("phase3/agent_conversation/setup") };
    static const QString fields[]
        = { QStringLiteral("model"), QStringLiteral("phase2.status"), QStringLiteral("phase2.cfg.mode") };
    const LoadOptions& full = fullLoadOptions();
    static const LoadOptions projected = [] {
        LoadOptions options = fullLoadOptions();
        for (const QString& metric : kept)
            options.projection.keepMetric(metric);
        for (const QString& field : fields)
            options.projection.keepField(field);
        return options;
    }();
    const LoadResult all = loadTimingBytes(bytes, name, full);
    const LoadResult some = loadTimingBytes(bytes, name, projected);

    std::vector<qint64> rejectedByAll;
    std::vector<qint64> rejectedBySome;
    for (const Problem& p : all.problems) {
        if (p.severity == Problem::Severity::Error)
            rejectedByAll.push_back(p.line);
    }
    for (const Problem& p : some.problems) {
        if (p.severity == Problem::Severity::Error)
            rejectedBySome.push_back(p.line);
    }
    require(all.rejectedLines() == some.rejectedLines() && rejectedByAll == rejectedBySome,
        "a projected load rejects other lines");

    const TimingDataset& a = all.dataset;
    const TimingDataset& s = some.dataset;
    require(a.runCount() == s.runCount(), "a projected load keeps another number of runs");
    for (std::uint32_t run = 0; run < a.runCount(); ++run) {
        require(a.line(run) == s.line(run), "a projected load gives a run another line");
        for (const QString& metric : metrics)
            require(sameValue(valueOf(a, run, metric), valueOf(s, run, metric)),
                "a projected load has another value of a metric it keeps");
        for (const QString& field : fields)
            require(fieldOf(a, run, field) == fieldOf(s, run, field),
                "a projected load has another value of a field it keeps");
    }
}

} // namespace te::fuzz
