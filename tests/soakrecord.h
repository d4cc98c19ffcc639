#pragma once

// The records of the follow-mode soak: soak_writer (soakwriter.cpp) writes them and
// tst_followsoak checks them. Every value is a function of the record's generation
// (which file: 1 before the truncation, 2 after it, 3 after the rotation) and its
// sequence number in that file, so the test knows exactly which records a loaded
// dataset must hold and with which values, without trusting the loader.
//
// Plain C++ (no Qt): the writer is a small POSIX program.

#include <cstdint>
#include <cstdio>
#include <ctime>
#include <string>

namespace te::soak {

constexpr std::int64_t kFirstTimestampMs = 1736850600000; // 2025-01-14T10:30:00Z
constexpr int kModels = 4;

struct Record
{
    int generation = 0;
    int sequence = 0;
    int conversationMs = 0; ///< phase1/agent_conversation
    int fileWriteMs = 0; ///< phase1/file_write
    int phase1Ms = 0;
    int phase2Ms = 0;
    int totalMs = 0; ///< every third run has 2.5 s outside its phases: an "(unaccounted)" node
    int model = 0;
    std::int64_t timestampMs = 0;
};

// A cheap integer hash, so the values look random but are reproducible.
inline std::uint32_t mix(std::uint32_t x)
{
    x ^= x >> 16;
    x *= 0x7feb352dU;
    x ^= x >> 15;
    x *= 0x846ca68bU;
    x ^= x >> 16;
    return x;
}

inline Record record(int generation, int sequence)
{
    Record r;
    r.generation = generation;
    r.sequence = sequence;
    const std::uint32_t h
        = mix(static_cast<std::uint32_t>(generation) * 0x9e3779b9U + static_cast<std::uint32_t>(sequence));
    r.conversationMs = 1000 + static_cast<int>(h % 60000);
    r.fileWriteMs = static_cast<int>((h >> 7) % 900);
    r.phase1Ms = r.conversationMs + r.fileWriteMs;
    r.phase2Ms = 500 + static_cast<int>((h >> 11) % 30000);
    r.totalMs = r.phase1Ms + r.phase2Ms + (sequence % 3 == 0 ? 2500 : 0);
    r.model = static_cast<int>((h >> 3) % kModels);
    r.timestampMs = kFirstTimestampMs + std::int64_t { generation } * 86400000
        + std::int64_t { sequence } * 250 + h % 250;
    return r;
}

inline std::string registrationId(int generation, int sequence)
{
    char text[32];
    std::snprintf(text, sizeof text, "SOAK-g%d-%06d", generation, sequence);
    return text;
}

inline std::string modelName(int model)
{
    return "model_" + std::to_string(model);
}

/// Whole milliseconds as seconds with three decimals: the text parses to exactly
/// `ms / 1000.0`, so the test can compare values with ==.
inline std::string seconds(int ms)
{
    char text[32];
    std::snprintf(text, sizeof text, "%d.%03d", ms / 1000, ms % 1000);
    return text;
}

inline std::string isoTimestamp(std::int64_t ms)
{
    const std::time_t secondsSinceEpoch = static_cast<std::time_t>(ms / 1000);
    std::tm utc {};
    gmtime_r(&secondsSinceEpoch, &utc);
    char text[64];
    std::snprintf(text, sizeof text, "%04d-%02d-%02dT%02d:%02d:%02d.%03dZ", utc.tm_year + 1900,
        utc.tm_mon + 1, utc.tm_mday, utc.tm_hour, utc.tm_min, utc.tm_sec, static_cast<int>(ms % 1000));
    return text;
}

/// The record as one JSON line of the proposed structure, newline included.
inline std::string line(const Record& r)
{
    return "{\"run_metadata\": {\"registration_id\": \"" + registrationId(r.generation, r.sequence)
        + "\", \"timestamp\": \"" + isoTimestamp(r.timestampMs) + "\", \"model\": \"" + modelName(r.model)
        + "\", \"constellation\": \"p1m1m2c\", \"sequence\": " + std::to_string(r.sequence)
        + "}, \"timings\": {\"total_seconds\": " + seconds(r.totalMs)
        + ", \"phases\": {\"phase1\": {\"total_seconds\": " + seconds(r.phase1Ms)
        + ", \"breakdown\": {\"agent_conversation_seconds\": " + seconds(r.conversationMs)
        + ", \"file_write_seconds\": " + seconds(r.fileWriteMs)
        + "}, \"agents\": [\"matcher1\", \"critic\"]}, \"phase2\": {\"total_seconds\": " + seconds(r.phase2Ms)
        + ", \"agents\": [\"matcher2\"]}}}}\n";
}

} // namespace te::soak
