// gen_timings: writes N synthetic pipeline timing records as JSON Lines, for
// benchmarking and testing the timing explorer against realistic data.
//
// Usage: gen_timings N OUT [--seed S] [--history]   (OUT may be "-" for stdout)
//
// --history writes a benchmark's history instead: the N runs spread evenly over
// 12 commits in order (git_commit named by the commit's index), on 3 models
// (openai_gpt4o, openai_gpt5, openai_gpt5mini), where openai_gpt5mini's agent
// conversations take 1.6× as long from the 7th commit on; the others only vary.
//
// Contract: the output is a pure function of (N, seed). Records are drawn one
// after another from a single PRNG stream, so the first K lines do not depend
// on N. The PRNG, the normal/log-normal/exponential transforms and the
// calendar conversion are implemented here rather than taken from <random>
// or the C library, whose distributions and time zones are
// implementation-defined. Only libm's log/exp/cos/sqrt remain; a last-bit
// difference there would almost never move a value across a millisecond.
#include <array>
#include <cerrno>
#include <charconv>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <cstring>
#include <numbers>
#include <string>
#include <string_view>
#include <vector>

namespace {

constexpr std::uint64_t kDefaultSeed = 20250114;
constexpr std::int64_t kStartEpochMs = 1735689600000; // 2025-01-01T00:00:00.000Z
constexpr std::int64_t kCommitBucketMs = 5LL * 86400 * 1000;

std::uint64_t splitmix64(std::uint64_t& state)
{
    std::uint64_t z = (state += 0x9e3779b97f4a7c15ULL);
    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
    z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
    return z ^ (z >> 31);
}

// xoshiro256**: fast, well distributed, and fully specified, unlike std engines' distributions.
class Rng
{
public:
    explicit Rng(std::uint64_t seed)
    {
        for (auto& word : state_)
            word = splitmix64(seed);
    }
    std::uint64_t next()
    {
        const std::uint64_t result = rotl(state_[1] * 5, 7) * 9;
        const std::uint64_t t = state_[1] << 17;
        state_[2] ^= state_[0];
        state_[3] ^= state_[1];
        state_[1] ^= state_[2];
        state_[0] ^= state_[3];
        state_[2] ^= t;
        state_[3] = rotl(state_[3], 45);
        return result;
    }
    double uniform01() { return static_cast<double>(next() >> 11) * 0x1.0p-53; } // [0, 1)
    std::uint64_t below(std::uint64_t n) { return next() % n; } // bias is negligible for tiny n
    // Box-Muller; 1 - u keeps the log argument in (0, 1].
    double standardNormal()
    {
        const double u1 = 1.0 - uniform01();
        const double u2 = uniform01();
        return std::sqrt(-2.0 * std::log(u1)) * std::cos(2.0 * std::numbers::pi * u2);
    }
    double logNormal(double median, double sigma) { return median * std::exp(sigma * standardNormal()); }
    double exponential(double mean) { return -mean * std::log(1.0 - uniform01()); }
    template <std::size_t K> std::size_t weightedIndex(const std::array<double, K>& weights)
    {
        double u = uniform01();
        for (std::size_t i = 0; i + 1 < K; ++i) {
            if (u < weights[i])
                return i;
            u -= weights[i];
        }
        return K - 1;
    }

private:
    static std::uint64_t rotl(std::uint64_t x, int k) { return (x << k) | (x >> (64 - k)); }
    std::array<std::uint64_t, 4> state_ {};
};

struct Model
{
    std::string_view name;
    double conversationMedian;
    double sigma;
};
constexpr std::array<Model, 6> kModels { { { "openai_gpt4o", 18.0, 0.35 }, { "openai_gpt5", 42.0, 0.55 },
    { "openai_gpt5mini", 14.0, 0.45 }, { "zai_glm4_6", 30.0, 0.50 }, { "zai_glm4_5_air", 24.0, 0.60 },
    { "deepseek_v3", 36.0, 0.70 } } };
constexpr std::array<double, 6> kModelWeights { 0.20, 0.15, 0.20, 0.15, 0.15, 0.15 };

struct PhaseShape
{
    std::string_view agentsJson;
    double conversationFactor;
};
struct Constellation
{
    std::string_view name;
    std::vector<PhaseShape> phases;
};
const std::array<Constellation, 3> kConstellations { {
    { "p1m1c", { { R"(["matcher1"])", 1.0 }, { R"(["critic"])", 0.5 } } },
    { "p1m1m2c", { { R"(["matcher1","critic"])", 1.3 }, { R"(["matcher2"])", 0.6 } } },
    { "p1m1m2m3c",
        { { R"(["matcher1"])", 1.0 }, { R"(["matcher2"])", 0.6 }, { R"(["matcher3","critic"])", 0.4 } } },
} };
constexpr std::array<double, 3> kConstellationWeights { 0.45, 0.40, 0.15 };
constexpr std::array<int, 3> kMaxItemsChoices { 5, 10, 20 };

// The --history mode: commits, the models it uses (the first of kModels), and its one step.
constexpr std::uint64_t kHistoryCommits = 12;
constexpr std::size_t kHistoryModels = 3;
constexpr std::size_t kSteppingModel = 2; // openai_gpt5mini
constexpr std::uint64_t kStepCommit = 6; // the 7th, counting from 0
constexpr double kStepFactor = 1.6;

/// Where a --history record stands: its commit; nullptr runs draw as usual.
struct HistoryPlace
{
    std::uint64_t commit;
};

// Values live as integer milliseconds so that totals equal the printed parts exactly.
std::int64_t toMs(double seconds)
{
    return std::llround(seconds * 1000.0);
}

class Writer
{
public:
    explicit Writer(std::FILE* file)
        : file_(file)
    {
        buffer_.reserve(kCapacity + 4096);
    }
    ~Writer() { flush(); }
    Writer& operator<<(std::string_view s)
    {
        buffer_.append(s);
        return *this;
    }
    Writer& operator<<(char c)
    {
        buffer_.push_back(c);
        return *this;
    }
    Writer& integer(std::int64_t value, int minDigits = 1)
    {
        char digits[24];
        const auto end = std::to_chars(digits, digits + sizeof digits, value).ptr;
        for (auto n = end - digits; n < minDigits; ++n)
            buffer_.push_back('0');
        buffer_.append(digits, end);
        return *this;
    }
    // Same text as Python's repr(round(x, 3)) for non-negative x: "12.0", "0.5", "0.822".
    Writer& seconds(std::int64_t ms)
    {
        integer(ms / 1000) << '.';
        int fraction = static_cast<int>(ms % 1000), width = 3;
        while (width > 1 && fraction % 10 == 0) {
            fraction /= 10;
            --width;
        }
        return integer(fraction, width);
    }
    void endLine()
    {
        buffer_.push_back('\n');
        if (buffer_.size() >= kCapacity)
            flush();
    }
    // Returns false if any write so far failed (e.g. disk full or a closed pipe).
    bool flush()
    {
        if (std::fwrite(buffer_.data(), 1, buffer_.size(), file_) != buffer_.size())
            ok_ = false;
        buffer_.clear();
        return ok_;
    }

private:
    static constexpr std::size_t kCapacity = 1 << 22;
    std::FILE* file_;
    std::string buffer_;
    bool ok_ = true;
};

// Howard Hinnant's civil_from_days: proleptic Gregorian date without time-zone lookups.
void writeIsoTimestamp(Writer& out, std::int64_t epochMs)
{
    const std::int64_t days = (epochMs >= 0 ? epochMs : epochMs - 86399999) / 86400000;
    const std::int64_t msOfDay = epochMs - days * 86400000;
    const std::int64_t z = days + 719468;
    const std::int64_t era = (z >= 0 ? z : z - 146096) / 146097;
    const std::int64_t dayOfEra = z - era * 146097;
    const std::int64_t yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36524 - dayOfEra / 146096) / 365;
    const std::int64_t dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100);
    const std::int64_t mp = (5 * dayOfYear + 2) / 153;
    const std::int64_t day = dayOfYear - (153 * mp + 2) / 5 + 1;
    const std::int64_t month = mp < 10 ? mp + 3 : mp - 9;
    const std::int64_t year = yearOfEra + era * 400 + (month <= 2);
    out.integer(year, 4) << '-';
    out.integer(month, 2) << '-';
    out.integer(day, 2) << 'T';
    out.integer(msOfDay / 3600000, 2) << ':';
    out.integer(msOfDay / 60000 % 60, 2) << ':';
    out.integer(msOfDay / 1000 % 60, 2) << '.';
    out.integer(msOfDay % 1000, 3) << 'Z';
}

// Seven hex digits named by the 5-day bucket of `epochMs`, or by a --history commit.
void writeGitCommit(Writer& out, std::int64_t epochMs, const HistoryPlace* history)
{
    auto bucket = history ? history->commit + 1000
                          : static_cast<std::uint64_t>((epochMs - kStartEpochMs) / kCommitBucketMs);
    const std::uint64_t hash = splitmix64(bucket);
    static constexpr char kHex[] = "0123456789abcdef";
    for (int shift = 60; shift > 60 - 7 * 4; shift -= 4)
        out << kHex[(hash >> shift) & 0xf];
}

struct Field
{
    std::string_view key;
    std::int64_t ms;
};
struct Phase
{
    std::string name;
    std::vector<Field> breakdown;
    std::string_view agentsJson;
};

std::int64_t sumMs(const Phase& phase)
{
    std::int64_t total = 0;
    for (const auto& field : phase.breakdown)
        total += field.ms;
    return total;
}

void writePhase(Writer& out, const Phase& phase)
{
    out << '"' << std::string_view(phase.name) << R"(":{"total_seconds":)";
    out.seconds(sumMs(phase)) << R"(,"breakdown":{)";
    for (std::size_t i = 0; i < phase.breakdown.size(); ++i) {
        if (i)
            out << ',';
        out << '"' << phase.breakdown[i].key << R"(":)";
        out.seconds(phase.breakdown[i].ms);
    }
    out << R"(},"agents":)" << phase.agentsJson << '}';
}

void writeRecord(
    Writer& out, Rng& rng, std::int64_t& clockMs, std::vector<Phase>& phases, const HistoryPlace* history)
{
    // The draw order below is part of the output contract; reordering changes every file.
    const std::size_t modelIndex = history ? rng.below(kHistoryModels) : rng.weightedIndex(kModelWeights);
    const Model& model = kModels[modelIndex];
    const double step
        = history && modelIndex == kSteppingModel && history->commit >= kStepCommit ? kStepFactor : 1.0;
    const Constellation& constellation = kConstellations[rng.weightedIndex(kConstellationWeights)];
    const int maxItems = kMaxItemsChoices[rng.below(kMaxItemsChoices.size())];
    const double scale = std::sqrt(maxItems / 10.0);
    const auto registrationId = static_cast<std::int64_t>(rng.below(100000));
    clockMs += 1 + static_cast<std::int64_t>(std::floor(rng.exponential(20.0) * 1000.0));

    phases.resize(constellation.phases.size());
    for (std::size_t i = 0; i < phases.size(); ++i) {
        const PhaseShape& shape = constellation.phases[i];
        Phase& phase = phases[i];
        phase.name = "phase" + std::to_string(i + 1);
        phase.agentsJson = shape.agentsJson;
        phase.breakdown.clear();
        phase.breakdown.push_back({ "setup_seconds", toMs(rng.logNormal(0.08, 0.4)) });
        const double conversationMedian = model.conversationMedian * shape.conversationFactor * scale * step;
        phase.breakdown.push_back(
            { "agent_conversation_seconds", toMs(rng.logNormal(conversationMedian, model.sigma)) });
        phase.breakdown.push_back({ "file_write_seconds", toMs(rng.logNormal(0.5, 0.6)) });
        if (i == 0)
            phase.breakdown.push_back({ "capacity_update_seconds", toMs(rng.logNormal(0.7, 0.5)) });
    }

    // Rare schema drift, so consumers are exercised on keys that most records lack.
    const double drift = rng.uniform01();
    if (drift < 0.005) {
        const std::int64_t setupMs = toMs(rng.logNormal(0.05, 0.3));
        const std::int64_t validationMs = toMs(rng.logNormal(2.0, 0.5));
        phases.push_back({ "validation",
            { { "setup_seconds", setupMs }, { "validation_seconds", validationMs } }, R"(["validator"])" });
    } else if (drift < 0.010) {
        const std::size_t target = rng.below(phases.size());
        phases[target].breakdown.push_back({ "retry_backoff_seconds", toMs(rng.logNormal(3.0, 0.8)) });
    }

    out << R"({"run_metadata":{"registration_id":"SPUS)";
    out.integer(registrationId, 5) << R"(","timestamp":")";
    writeIsoTimestamp(out, clockMs);
    out << R"(","model":")" << model.name << R"(","constellation":")" << constellation.name
        << R"(","git_commit":")";
    writeGitCommit(out, clockMs, history);
    out << R"(","max_items":)";
    out.integer(maxItems) << R"(},"timings":{"total_seconds":)";
    std::int64_t totalMs = 0;
    for (const auto& phase : phases)
        totalMs += sumMs(phase);
    out.seconds(totalMs) << R"(,"phases":{)";
    for (std::size_t i = 0; i < phases.size(); ++i)
        writePhase(out << (i ? "," : ""), phases[i]);
    out << "}}}";
    out.endLine();
}

template <typename T> bool parseNumber(std::string_view text, T& value)
{
    const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
    return error == std::errc() && end == text.data() + text.size();
}

} // namespace

int main(int argc, char** argv)
{
    std::uint64_t count = 0, seed = kDefaultSeed;
    bool history = false;
    bool usable = argc >= 3 && parseNumber(std::string_view(argv[1]), count);
    for (int i = 3; usable && i < argc; ++i) {
        const std::string_view option(argv[i]);
        if (option == "--history")
            history = true;
        else if (option == "--seed" && i + 1 < argc)
            usable = parseNumber(std::string_view(argv[++i]), seed);
        else
            usable = false;
    }
    if (!usable) {
        std::fprintf(stderr, "usage: %s N OUT [--seed S] [--history]   (OUT may be - for stdout)\n", argv[0]);
        return 2;
    }
    const bool toStdout = std::string_view(argv[2]) == "-";
    std::FILE* file = toStdout ? stdout : std::fopen(argv[2], "wb");
    if (!file) {
        std::fprintf(stderr, "gen_timings: cannot open %s: %s\n", argv[2], std::strerror(errno));
        return 1;
    }
    bool ok = true;
    {
        Writer out(file);
        Rng rng(seed);
        std::int64_t clockMs = kStartEpochMs;
        std::vector<Phase> phases; // reused across records to avoid per-record allocations
        for (std::uint64_t i = 0; i < count; ++i) {
            const HistoryPlace place { i * kHistoryCommits / count };
            writeRecord(out, rng, clockMs, phases, history ? &place : nullptr);
        }
        ok = out.flush();
    }
    ok = (toStdout ? std::fflush(file) : std::fclose(file)) == 0 && ok;
    if (!ok) {
        std::fprintf(stderr, "gen_timings: write to %s failed\n", argv[2]);
        return 1;
    }
    return 0;
}
