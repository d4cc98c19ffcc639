#include "stats/fieldorder.h"

#include "data/timingdataset.h"

#include <algorithm>
#include <limits>
#include <numeric>

namespace te {

OrderedFieldValues orderFieldValues(
    const TimingDataset& data, const std::vector<std::uint32_t>& runs, int field)
{
    OrderedFieldValues ordered;
    if (field < 0 || field >= data.fieldCount())
        return ordered;
    const FieldColumn& column = data.field(field);
    // Per dictionary code: where it first appeared, its earliest time, its runs.
    std::vector<int> slotOfCode(column.dictionary().size(), -1);
    std::vector<std::uint32_t> codes;
    std::vector<qint64> earliest;
    std::vector<std::vector<std::uint32_t>> runsOf;
    bool anyTime = false;
    for (const std::uint32_t run : runs) {
        const std::uint32_t code = column.code(run);
        if (code == 0 || code >= slotOfCode.size()) {
            ++ordered.runsWithoutValue;
            continue;
        }
        int& slot = slotOfCode[code];
        if (slot < 0) {
            slot = static_cast<int>(codes.size());
            codes.push_back(code);
            earliest.push_back(std::numeric_limits<qint64>::max());
            runsOf.emplace_back();
        }
        const auto s = static_cast<std::size_t>(slot);
        runsOf[s].push_back(run);
        if (const qint64 ms = data.timestampMs(run); ms != TimingDataset::kNoTimestamp) {
            earliest[s] = std::min(earliest[s], ms);
            anyTime = true;
        }
    }
    std::vector<std::size_t> order(codes.size());
    std::iota(order.begin(), order.end(), std::size_t { 0 });
    ordered.byTime = anyTime;
    if (anyTime)
        std::stable_sort(order.begin(), order.end(),
            [&](std::size_t a, std::size_t b) { return earliest[a] < earliest[b]; });
    for (const std::size_t s : order) {
        ordered.values << column.text(codes[s]);
        ordered.runs.push_back(std::move(runsOf[s]));
    }
    return ordered;
}

} // namespace te
