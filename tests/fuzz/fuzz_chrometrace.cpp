// Fuzzes loading Chrome traces (core/load/chrome) through loadTimingBytes. Each
// input is loaded as it is, as the events of a {"traceEvents": [...]} object and as
// a bare array of events, so that any bytes reach the event reader and the run
// cutter; each load in full and projected, which must agree (see
// loadFullAndProjected), and once per top-level event with same-name siblings summed.
#include "fuzzsupport.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    const QByteArray input = te::fuzz::rawBytes(data, size);
    const QByteArray asObject = R"({"traceEvents":[)" + input + "]}";
    const QByteArray asArray
        = R"([{"ph":"M","name":"process_name","pid":1,"args":{"name":"r · m"}},)" + input + "]";
    te::fuzz::loadFullAndProjected(input, QStringLiteral("fuzz.json"));
    te::fuzz::loadFullAndProjected(asObject, QStringLiteral("fuzz.json"));
    te::fuzz::loadFullAndProjected(asArray, QStringLiteral("fuzz.json"));
    te::LoadOptions perEvent = te::fuzz::fullLoadOptions();
    perEvent.chromeRuns = te::ChromeRuns::TopLevel;
    perEvent.sameNameSpans = te::SameNameSpans::Sum;
    const te::LoadResult result = te::loadTimingBytes(asObject, QStringLiteral("fuzz.json"), perEvent);
    for (std::uint32_t run = 0; run < result.dataset.runCount(); ++run) {
        const double total = result.dataset.value(run, te::TimingDataset::kRootMetric);
        te::fuzz::require(std::isnan(total) || total >= 0, "a run has a negative total");
    }
    return 0;
}
