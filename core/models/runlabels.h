#pragma once

#include <QStringList>
#include <cstdint>
#include <vector>

namespace te {

class TimingDataset;

/// The column headers of runs compared side by side: "registration · model"
/// ("line N" without a registration_id). When a registration repeats among `runs`
/// from different files (legacy per-model CSVs), its headers add the file name,
/// "SPUS55557 (runtime_gpt4o.csv)"; from one file, its line. One label a run, in order.
QStringList runLabels(const TimingDataset& data, const std::vector<std::uint32_t>& runs);

} // namespace te
