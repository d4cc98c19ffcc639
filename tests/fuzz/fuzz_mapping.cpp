// Fuzzes `--mapping FILE`: ColumnMapping::parse, then, when it parses, a legacy CSV
// and a flat JSON Lines record loaded with it, so the mapping's node paths go
// through resolveFlatKey and into the timing tree.
#include "data/columnmapping.h"
#include "data/timingkeys.h"
#include "fuzzsupport.h"

namespace {

// Columns a mapping may name (the seeds and the dictionary use them), beside the
// columns the flat-key rules place themselves.
constexpr char kLegacyCsv[]
    = "registration_id,matcher1_critic_time_seconds,matcher2_time_seconds,critic_wait,"
      "validator_ms,total_seconds,phase1_llm_ms,model\n"
      "SPUS55557,20.5,9.5,3.0,1500,35,200,m1\n"
      "SPUS55558,20.5,9.5,,1500,,,m1\n";
constexpr char kFlatJsonl[] = R"({"registration_id": "R1", "critic_wait": 3.0, "validator_ms": 1500, )"
                              R"("total_seconds": 35, "phase1_total_seconds": 20.5, "model": "m1"})"
                              "\n";

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    QString error;
    const auto mapping
        = te::ColumnMapping::parse(te::fuzz::rawView(data, size), QStringLiteral("fuzz.json"), &error);
    if (!mapping) {
        te::fuzz::require(error.startsWith(QStringLiteral("fuzz.json: ")), "a mapping error names no file");
        return 0;
    }
    for (const std::string_view column :
        { "critic_wait", "validator_ms", "total_seconds", "phase1_llm_ms", "" }) {
        const te::FlatTarget target = te::resolveFlatKey(column, &*mapping);
        te::fuzz::require(
            target.segmentCount >= 0 && target.segmentCount <= static_cast<int>(target.segments.size()),
            "a flat key resolves to too many segments");
    }
    te::LoadOptions options;
    options.threads = 1;
    options.mapping = *mapping;
    (void)te::loadTimingBytes(
        QByteArray::fromRawData(kLegacyCsv, sizeof kLegacyCsv - 1), QStringLiteral("legacy.csv"), options);
    (void)te::loadTimingBytes(
        QByteArray::fromRawData(kFlatJsonl, sizeof kFlatJsonl - 1), QStringLiteral("flat.jsonl"), options);
    return 0;
}
