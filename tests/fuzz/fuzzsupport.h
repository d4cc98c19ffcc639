#pragma once

// Shared by the libFuzzer targets (see tools/fuzz.sh): turning fuzz input into the
// core's types, and checking the invariants the core documents.

#include "timingloader.h"

#include <QByteArray>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string_view>

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

/// Loads `bytes` in full and projected on two metrics and a field (as `stats`
/// does), and checks LoadProjection's contract: the same lines are rejected, and
/// what the projection keeps has the same values.
inline void loadFullAndProjected(const QByteArray& bytes, const QString& name)
{
    const LoadOptions& full = fullLoadOptions();
    static const LoadOptions projected = [] {
        LoadOptions options = fullLoadOptions();
        options.projection.keepMetric(QStringLiteral("total"));
        options.projection.keepMetric(QStringLiteral("phase1"));
        options.projection.keepField(QStringLiteral("model"));
        return options;
    }();
    const LoadResult all = loadTimingBytes(bytes, name, full);
    const LoadResult some = loadTimingBytes(bytes, name, projected);

    require(all.rejectedLines() == some.rejectedLines(), "a projected load rejects other lines");
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
    require(rejectedByAll == rejectedBySome, "a projected load rejects other lines");

    const TimingDataset& a = all.dataset;
    const TimingDataset& s = some.dataset;
    require(a.runCount() == s.runCount(), "a projected load keeps another number of runs");
    const int phase1InAll = a.metricId(u"phase1");
    const int phase1InSome = s.metricId(u"phase1");
    require((phase1InAll < 0) == (phase1InSome < 0), "phase1 exists in only one of the loads");
    for (std::uint32_t run = 0; run < a.runCount(); ++run) {
        require(sameValue(a.value(run, TimingDataset::kRootMetric), s.value(run, TimingDataset::kRootMetric)),
            "a projected load has another total");
        if (phase1InAll >= 0)
            require(sameValue(a.value(run, phase1InAll), s.value(run, phase1InSome)),
                "a projected load has another phase1");
        require(a.fieldValue(run, TimingDataset::Model) == s.fieldValue(run, TimingDataset::Model),
            "a projected load has another model");
        require(a.line(run) == s.line(run), "a projected load gives a run another line");
    }
}

} // namespace te::fuzz
