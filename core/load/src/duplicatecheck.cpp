#include "load/src/duplicatecheck.h"

#include <algorithm>

namespace te::loader {

namespace {

/// The key runs are compared by: (registration_id, timestamp, model); a run without
/// a model stands for its file's model (older legacy files carry none, one file per
/// model, and every file runs the same registrations).
class DuplicateKey
{
public:
    explicit DuplicateKey(const TimingDataset& data)
        : m_data(data)
        , m_ids(data.field(TimingDataset::RegistrationId))
        , m_models(data.field(TimingDataset::Model))
        , m_sources(data.field(TimingDataset::Source))
        , m_timestampTexts(data.field(TimingDataset::Timestamp))
    { }

    /// Runs without a registration_id are never duplicates.
    bool hasKey(std::uint32_t run) const { return m_ids.code(run) != 0; }

    bool same(std::uint32_t a, std::uint32_t b) const
    {
        // Unparsed timestamps are all "no timestamp": their text tells them apart.
        return m_ids.code(a) == m_ids.code(b) && m_data.timestampMs(a) == m_data.timestampMs(b)
            && m_timestampTexts.code(a) == m_timestampTexts.code(b) && modelOf(a) == modelOf(b);
    }

    std::uint64_t hash(std::uint32_t run) const
    {
        std::uint64_t h = m_ids.code(run) * 0x9e3779b97f4a7c15ull;
        h ^= static_cast<std::uint64_t>(m_data.timestampMs(run)) + 0x632be59bd9b4e019ull + (h << 6)
            + (h >> 2);
        h ^= modelOf(run) * 0xbf58476d1ce4e5b9ull;
        return h ^ (h >> 31);
    }

private:
    std::uint64_t modelOf(std::uint32_t run) const
    {
        const std::uint32_t model = m_models.code(run);
        return model != 0 ? model : (std::uint64_t { 1 } << 32) | m_sources.code(run);
    }

    const TimingDataset& m_data;
    const FieldColumn& m_ids;
    const FieldColumn& m_models;
    const FieldColumn& m_sources;
    const FieldColumn& m_timestampTexts;
};

/// An open-addressing set of runs by their key, sized for `runs` runs.
class RunsByKey
{
public:
    RunsByKey(const DuplicateKey& key, std::size_t runs)
        : m_key(key)
    {
        while (m_capacity < runs * 2)
            m_capacity *= 2;
        m_slots.assign(m_capacity, 0);
    }

    /// The slot of `run`'s key: holding the first run added with that key, or empty.
    std::size_t slotOf(std::uint32_t run) const
    {
        std::size_t i = m_key.hash(run) & (m_capacity - 1);
        while (m_slots[i] != 0 && !m_key.same(m_slots[i] - 1, run))
            i = (i + 1) & (m_capacity - 1);
        return i;
    }
    bool isEmpty(std::size_t slot) const { return m_slots[slot] == 0; }
    std::uint32_t runAt(std::size_t slot) const { return m_slots[slot] - 1; }
    void put(std::size_t slot, std::uint32_t run) { m_slots[slot] = run + 1; }
    std::size_t capacity() const { return m_capacity; }

private:
    const DuplicateKey& m_key;
    std::size_t m_capacity = 16;
    std::vector<std::uint32_t> m_slots; // run + 1; 0 is empty
};

void warnDuplicate(LoadResult& result, const std::vector<std::uint32_t>& firstRunOfFile, std::uint32_t run,
    std::uint32_t original)
{
    const auto fileOf = [&](std::uint32_t r) {
        const auto it = std::upper_bound(firstRunOfFile.begin(), firstRunOfFile.end(), r);
        return static_cast<std::size_t>(it - firstRunOfFile.begin()) - 1;
    };
    FileSummary& file = result.files[fileOf(run)];
    ++file.warnings;
    result.dataset.markWarning(run);
    result.problems.push_back({ Problem::Severity::Warning, file.path, result.dataset.line(run), 0,
        QStringLiteral("duplicate of %1:%2 (same registration_id, timestamp and model)")
            .arg(result.files[fileOf(original)].name)
            .arg(result.dataset.line(original)),
        run });
}

} // namespace

void warnDuplicates(LoadResult& result, const std::vector<std::uint32_t>& firstRunOfFile)
{
    const TimingDataset& data = result.dataset;
    const DuplicateKey key(data);
    RunsByKey firstOfKey(key, data.runCount());
    for (std::uint32_t run = 0; run < data.runCount(); ++run) {
        if (!key.hasKey(run))
            continue;
        const std::size_t slot = firstOfKey.slotOf(run);
        if (firstOfKey.isEmpty(slot))
            firstOfKey.put(slot, run);
        else
            warnDuplicate(result, firstRunOfFile, run, firstOfKey.runAt(slot));
    }
}

void warnDuplicatesFrom(
    LoadResult& result, const std::vector<std::uint32_t>& firstRunOfFile, std::uint32_t firstNew)
{
    const TimingDataset& data = result.dataset;
    if (firstNew >= data.runCount())
        return;
    const DuplicateKey key(data);
    // The new runs' keys, then the earliest run of each among all runs: one pass over
    // the earlier runs, each probing a table the size of what was appended.
    RunsByKey firstOfKey(key, data.runCount() - firstNew);
    std::vector<std::uint32_t> earliest(firstOfKey.capacity(), 0);
    for (std::uint32_t run = firstNew; run < data.runCount(); ++run) {
        if (!key.hasKey(run))
            continue;
        const std::size_t slot = firstOfKey.slotOf(run);
        if (firstOfKey.isEmpty(slot)) {
            firstOfKey.put(slot, run);
            earliest[slot] = run;
        }
    }
    for (std::uint32_t run = 0; run < firstNew; ++run) {
        if (!key.hasKey(run))
            continue;
        const std::size_t slot = firstOfKey.slotOf(run);
        if (!firstOfKey.isEmpty(slot) && earliest[slot] >= firstNew)
            earliest[slot] = run;
    }
    for (std::uint32_t run = firstNew; run < data.runCount(); ++run) {
        if (!key.hasKey(run))
            continue;
        const std::uint32_t original = earliest[firstOfKey.slotOf(run)];
        if (original != run)
            warnDuplicate(result, firstRunOfFile, run, original);
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
