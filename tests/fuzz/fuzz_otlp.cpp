// Fuzzes loading OpenTelemetry traces in OTLP/JSON (core/load/otlp) through
// loadTimingBytes. Each input is loaded as it is (a request per line or a document),
// and as the spans of one request, so that any bytes reach the span reader and the
// trace builder; each load in full and projected, which must agree (see
// loadFullAndProjected), and once with same-name siblings summed.
#include "fuzzsupport.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    const QByteArray input = te::fuzz::rawBytes(data, size);
    const QByteArray asSpans = R"({"resourceSpans":[{"scopeSpans":[{"spans":[)" + input + "]}]}]}";
    te::fuzz::loadFullAndProjected(input, QStringLiteral("fuzz.jsonl"));
    te::fuzz::loadFullAndProjected(asSpans, QStringLiteral("fuzz.json"));
    te::LoadOptions summed = te::fuzz::fullLoadOptions();
    summed.sameNameSpans = te::SameNameSpans::Sum;
    const te::LoadResult result = te::loadTimingBytes(asSpans, QStringLiteral("fuzz.json"), summed);
    for (std::uint32_t run = 0; run < result.dataset.runCount(); ++run) {
        const double total = result.dataset.value(run, te::TimingDataset::kRootMetric);
        te::fuzz::require(std::isnan(total) || total >= 0, "a run has a negative total");
    }
    return 0;
}
