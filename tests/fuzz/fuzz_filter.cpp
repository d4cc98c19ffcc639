// Fuzzes filter expressions (`--filter`, the filter bar): RunFilter::parse against
// a small dataset loaded once, matches() on every run when the expression parses,
// and parseDurationSeconds on the same text.
#include "fuzzsupport.h"
#include "query/runfilter.h"

namespace {

// Every kind of name a filter can refer to: the well-known fields, a custom field,
// nested metrics, a derived total, an (unaccounted) node, a run without a
// timestamp and one whose timestamp is not a date.
constexpr char kRuns[]
    = R"({"run_metadata": {"registration_id": "SPUS55557", "timestamp": "2025-01-14T10:30:00.123Z", "model": "zai_glm4_5_air", "constellation": "p1m1m2c", "git_commit": "c857d44"}, "timings": {"total_seconds": 50.415, "phases": {"phase1": {"total_seconds": 34.522, "breakdown": {"agent_conversation_seconds": 33.2, "file_write_ms": 500}, "agents": ["matcher1", "critic"]}, "phase2": {"total_seconds": 15.893}}}}
{"registration_id": "SPUS63654", "timestamp": "2025-01-14T12:31:00+02:00", "model": "openai_gpt4o", "phases": {"phase1": {"agent_conversation": 20.5, "file_write": 0.25}, "phase2": {"total": 9.5}}}
{"registration_id": "R1", "model": "m1", "total_seconds": 0, "phase1_total_seconds": 6.0, "phase3_llm_ms": 3000, "timestamp": 1736850600}
{"registration_id": "", "model": "openai_gpt4o", "constellation": "p1m2", "total_seconds": 1e9, "timestamp": "yesterday"}
)";

const te::TimingDataset& runs()
{
    static const te::LoadResult loaded = [] {
        te::LoadOptions options;
        options.threads = 1;
        return te::loadTimingBytes(QByteArray(kRuns), QStringLiteral("filter_runs.jsonl"), options);
    }();
    return loaded.dataset;
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    const te::TimingDataset& dataset = runs();
    const QString expression
        = QString::fromUtf8(reinterpret_cast<const char*>(data), static_cast<qsizetype>(size));
    (void)te::parseDurationSeconds(expression);
    (void)te::RunFilter::referencedName(expression);
    QString error;
    if (const auto filter = te::RunFilter::parse(expression, dataset, &error)) {
        for (std::uint32_t run = 0; run < dataset.runCount(); ++run)
            (void)filter->matches(dataset, run);
    } else {
        te::fuzz::require(!error.isEmpty(), "a filter that does not parse gives no reason");
    }
    return 0;
}
