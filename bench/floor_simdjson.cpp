// The floor that `stats --group-by model --metric total --metric phase1` is
// measured against: simdjson On-Demand reading only run_metadata.model,
// timings.total_seconds and timings.phases.phase1.total_seconds from every line of
// a JSON Lines file, on one core, with no checks beyond what simdjson does itself.
// It sums the two numbers per model so the reads cannot be optimised away, and
// prints its CPU and wall time. Nothing here is a product code path.
//
// Usage: floor_simdjson FILE

#include <chrono>
#include <cstdio>
#include <ctime>
#include <map>
#include <simdjson.h>
#include <string>

namespace {

double cpuSeconds()
{
    timespec now {};
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &now);
    return static_cast<double>(now.tv_sec) + static_cast<double>(now.tv_nsec) / 1e9;
}

struct Sums
{
    long long runs = 0;
    double total = 0;
    double phase1 = 0;
};

} // namespace

int main(int argc, char** argv)
{
    if (argc != 2) {
        std::fprintf(stderr, "usage: %s FILE   (a JSON Lines timing file)\n", argv[0]);
        return 2;
    }
    const auto wallStart = std::chrono::steady_clock::now();
    const double cpuStart = cpuSeconds();

    simdjson::padded_string text;
    if (const auto error = simdjson::padded_string::load(argv[1]).get(text)) {
        std::fprintf(stderr, "%s: %s\n", argv[1], simdjson::error_message(error));
        return 1;
    }
    simdjson::ondemand::parser parser;
    simdjson::ondemand::document_stream stream;
    if (const auto error = parser.iterate_many(text, 1 << 20).get(stream)) {
        std::fprintf(stderr, "%s: %s\n", argv[1], simdjson::error_message(error));
        return 1;
    }
    std::map<std::string, Sums, std::less<>> byModel;
    long long skipped = 0;
    for (auto document : stream) {
        std::string_view model;
        double total = 0;
        double phase1 = 0;
        auto record = document.get_object();
        // Field order as the benchmark writes it: run_metadata, then timings.
        if (record["run_metadata"]["model"].get_string().get(model)
            || record["timings"]["total_seconds"].get_double().get(total)
            || record["timings"]["phases"]["phase1"]["total_seconds"].get_double().get(phase1)) {
            ++skipped;
            continue;
        }
        auto found = byModel.find(model);
        if (found == byModel.end())
            found = byModel.emplace(std::string(model), Sums {}).first;
        ++found->second.runs;
        found->second.total += total;
        found->second.phase1 += phase1;
    }

    const double cpu = cpuSeconds() - cpuStart;
    const double wall = std::chrono::duration<double>(std::chrono::steady_clock::now() - wallStart).count();
    long long runs = 0;
    for (const auto& [model, sums] : byModel) {
        std::printf("%s,%lld,%.6f,%.6f\n", model.c_str(), sums.runs,
            sums.total / static_cast<double>(sums.runs), sums.phase1 / static_cast<double>(sums.runs));
        runs += sums.runs;
    }
    std::fprintf(stderr, "floor: %lld runs (%lld skipped), %.3f s CPU, %.3f s wall, one core\n", runs,
        skipped, cpu, wall);
    return 0;
}
