#include "data/datasetsnapshot.h"

#include "util/memoryrelease.h"

namespace te {

std::shared_ptr<const TimingDataset> shareDataset(TimingDataset data)
{
    constexpr std::uint32_t kBigDataset = 100000; // runs: some 30 MB loaded in full
    const bool big = data.runCount() >= kBigDataset;
    return { new TimingDataset(std::move(data)), [big](const TimingDataset* dataset) {
                delete dataset;
                if (big)
                    releaseFreedMemory();
            } };
}

} // namespace te
