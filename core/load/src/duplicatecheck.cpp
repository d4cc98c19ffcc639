#include "load/src/duplicatecheck.h"

#include <algorithm>

namespace te::loader {

void warnDuplicates(LoadResult& result, const std::vector<std::uint32_t>& firstRunOfFile)
{
    const TimingDataset& data = result.dataset;
    const FieldColumn& ids = data.field(TimingDataset::RegistrationId);
    const FieldColumn& models = data.field(TimingDataset::Model);
    const FieldColumn& sources = data.field(TimingDataset::Source);
    // Older files carry no model column, one file per model, and every file runs the
    // same registrations: without a model, the file stands for it.
    const auto modelOf = [&](std::uint32_t run) -> std::uint64_t {
        const std::uint32_t model = models.code(run);
        return model != 0 ? model : (std::uint64_t { 1 } << 32) | sources.code(run);
    };
    const FieldColumn& timestampTexts = data.field(TimingDataset::Timestamp);
    const auto sameKey = [&](std::uint32_t a, std::uint32_t b) {
        // Unparsed timestamps are all "no timestamp": their text tells them apart.
        return ids.code(a) == ids.code(b) && data.timestampMs(a) == data.timestampMs(b)
            && timestampTexts.code(a) == timestampTexts.code(b) && modelOf(a) == modelOf(b);
    };
    const auto keyHash = [&](std::uint32_t run) {
        std::uint64_t h = ids.code(run) * 0x9e3779b97f4a7c15ull;
        h ^= static_cast<std::uint64_t>(data.timestampMs(run)) + 0x632be59bd9b4e019ull + (h << 6) + (h >> 2);
        h ^= modelOf(run) * 0xbf58476d1ce4e5b9ull;
        return h ^ (h >> 31);
    };
    std::size_t capacity = 16;
    while (capacity < static_cast<std::size_t>(data.runCount()) * 2)
        capacity *= 2;
    std::vector<std::uint32_t> table(capacity, 0); // run + 1; 0 is empty
    const auto fileOf = [&](std::uint32_t run) {
        const auto it = std::upper_bound(firstRunOfFile.begin(), firstRunOfFile.end(), run);
        return static_cast<std::size_t>(it - firstRunOfFile.begin()) - 1;
    };
    for (std::uint32_t run = 0; run < data.runCount(); ++run) {
        if (ids.code(run) == 0)
            continue;
        std::size_t i = keyHash(run) & (capacity - 1);
        while (table[i] != 0 && !sameKey(table[i] - 1, run))
            i = (i + 1) & (capacity - 1);
        if (table[i] == 0) {
            table[i] = run + 1;
            continue;
        }
        const std::uint32_t original = table[i] - 1;
        FileSummary& file = result.files[fileOf(run)];
        ++file.warnings;
        result.dataset.markWarning(run);
        result.problems.push_back({ Problem::Severity::Warning, file.path, data.line(run), 0,
            QStringLiteral("duplicate of %1:%2 (same registration_id, timestamp and model)")
                .arg(result.files[fileOf(original)].name)
                .arg(data.line(original)),
            run });
    }
}

std::vector<std::uint32_t> firstRunOfEachFile(const std::vector<FileSummary>& files)
{
    // Files without runs still get an entry, so that file i stays at index i.
    std::vector<std::uint32_t> firstRun;
    firstRun.reserve(files.size());
    std::uint32_t next = 0;
    for (const auto& file : files) {
        firstRun.push_back(next);
        next += static_cast<std::uint32_t>(file.runs);
    }
    return firstRun;
}

} // namespace te::loader
