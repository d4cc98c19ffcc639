// soak_writer: appends soak records (soakrecord.h) to a file the way a benchmark
// does while tst_followsoak follows it: fast, each line in several write() calls
// cut at random points with tiny pauses between them, so a reader often finds half
// a line at the end. It runs for a bounded time in three phases:
//
//   1. appends generation 1 to PATH, stops half way through a record (killed),
//      and truncates PATH (the benchmark restarts on the same file);
//   2. appends generation 2, again stops half way through a record, then writes
//      the first records of generation 3 to PATH.next and renames it over PATH
//      (log rotation: PATH is now another file);
//   3. appends the rest of generation 3 to the new file, ending with a whole line.
//
// Then it prints "generation 3 records N" (N records, sequence 0..N-1, are in the
// final file) and exits 0. The seed fixes the cut points and the pauses.
//
// usage: soak_writer PATH SEED PHASE1_MS PHASE2_MS PHASE3_MS RECORDS_PER_SECOND

#include "soakrecord.h"

#include <algorithm>
#include <cerrno>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <fcntl.h>
#include <random>
#include <string>
#include <thread>
#include <unistd.h>
#include <vector>

namespace {

namespace soak = te::soak;
using Clock = std::chrono::steady_clock;

[[noreturn]] void die(const std::string& what)
{
    std::fprintf(stderr, "soak_writer: %s: %s\n", what.c_str(), std::strerror(errno));
    std::exit(1);
}

class Writer
{
public:
    Writer(std::string path, std::uint64_t seed, int recordsPerSecond)
        : m_path(std::move(path))
        , m_random(seed)
        , m_interval(std::chrono::nanoseconds(1'000'000'000 / std::max(1, recordsPerSecond)))
    {
        // O_APPEND, as a benchmark's "a" mode: after the truncation the next write lands
        // at the new end (offset 0), not at the old offset behind a hole of NUL bytes.
        m_fd = openForAppend(m_path);
    }

    // Appends records of `generation` from `sequence` on for `milliseconds`, at the
    // set rate; returns the next sequence number.
    int appendFor(int generation, int sequence, int milliseconds)
    {
        const Clock::time_point start = Clock::now();
        const Clock::time_point end = start + std::chrono::milliseconds(milliseconds);
        for (std::int64_t n = 0;; ++n) {
            const Clock::time_point due = start + n * m_interval;
            if (due >= end)
                break;
            if (Clock::now() < due)
                std::this_thread::sleep_until(due);
            writeInPieces(m_fd, soak::line(soak::record(generation, sequence++)));
        }
        return sequence;
    }

    // The first part of a record, as a benchmark killed while writing leaves it.
    void writeHalfRecord(int generation, int sequence)
    {
        const std::string text = soak::line(soak::record(generation, sequence));
        writeInPieces(m_fd, text.substr(0, pick(1, static_cast<int>(text.size()) - 2)));
    }

    void truncate()
    {
        if (::ftruncate(m_fd, 0) != 0)
            die("ftruncate " + m_path);
    }

    // Writes records 0..count-1 of `generation` to a new file beside the followed
    // one, renames it over the followed path and goes on appending to it.
    void rotate(int generation, int count)
    {
        const std::string next = m_path + ".next";
        const int fd = openForAppend(next);
        for (int sequence = 0; sequence < count; ++sequence)
            writeInPieces(fd, soak::line(soak::record(generation, sequence)));
        if (::rename(next.c_str(), m_path.c_str()) != 0)
            die("rename " + next);
        ::close(m_fd);
        m_fd = fd;
    }

    void close()
    {
        if (::close(m_fd) != 0)
            die("close " + m_path);
    }

    int pick(int low, int high) { return std::uniform_int_distribution<int>(low, high)(m_random); }

private:
    static int openForAppend(const std::string& path)
    {
        const int fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_APPEND | O_CLOEXEC, 0644);
        if (fd < 0)
            die("open " + path);
        return fd;
    }

    // One to four write() calls cut at random points, with a pause now and then.
    void writeInPieces(int fd, const std::string& text)
    {
        std::vector<std::size_t> cuts;
        const int pieces = pick(1, 4);
        for (int i = 1; i < pieces && text.size() > 1; ++i)
            cuts.push_back(static_cast<std::size_t>(pick(1, static_cast<int>(text.size()) - 1)));
        cuts.push_back(text.size());
        std::sort(cuts.begin(), cuts.end());
        std::size_t from = 0;
        for (const std::size_t to : cuts) {
            writeAll(fd, text.data() + from, to - from);
            from = to;
            if (to < text.size() && pick(0, 3) == 0)
                std::this_thread::sleep_for(std::chrono::microseconds(pick(0, 200)));
        }
    }

    void writeAll(int fd, const char* data, std::size_t size)
    {
        while (size > 0) {
            const ssize_t written = ::write(fd, data, size);
            if (written < 0) {
                if (errno == EINTR)
                    continue;
                die("write " + m_path);
            }
            data += written;
            size -= static_cast<std::size_t>(written);
        }
    }

    std::string m_path;
    std::mt19937_64 m_random;
    std::chrono::nanoseconds m_interval;
    int m_fd = -1;
};

} // namespace

int main(int argc, char** argv)
{
    if (argc != 7) {
        std::fprintf(
            stderr, "usage: soak_writer PATH SEED PHASE1_MS PHASE2_MS PHASE3_MS RECORDS_PER_SECOND\n");
        return 2;
    }
    const std::string path = argv[1];
    const std::uint64_t seed = std::strtoull(argv[2], nullptr, 10);
    const int phaseMs[3] = { std::atoi(argv[3]), std::atoi(argv[4]), std::atoi(argv[5]) };
    Writer writer(path, seed, std::atoi(argv[6]));

    const int written1 = writer.appendFor(1, 0, phaseMs[0]);
    writer.writeHalfRecord(1, written1);
    writer.truncate();
    std::fprintf(stderr, "soak_writer: generation 1: %d records, truncated\n", written1);

    const int written2 = writer.appendFor(2, 0, phaseMs[1]);
    writer.writeHalfRecord(2, written2);
    const int rotated = writer.pick(1, 20);
    writer.rotate(3, rotated);
    std::fprintf(
        stderr, "soak_writer: generation 2: %d records, rotated with %d records\n", written2, rotated);

    const int written3 = writer.appendFor(3, rotated, phaseMs[2]);
    writer.close();
    std::printf("generation 3 records %d\n", written3);
    return 0;
}
