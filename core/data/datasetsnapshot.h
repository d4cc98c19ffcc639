#pragma once

#include "data/timingdataset.h"

#include <memory>

namespace te {

/// Shares `data` as an immutable snapshot. The last holder of a big one may be
/// the window, a view or a chart still computing, on any thread; whichever lets
/// go of it calls releaseFreedMemory(), so closing a big file shrinks the process.
std::shared_ptr<const TimingDataset> shareDataset(TimingDataset data);

} // namespace te
