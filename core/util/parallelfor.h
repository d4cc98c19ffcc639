#pragma once

#include <algorithm>
#include <atomic>
#include <cstddef>
#include <thread>
#include <vector>

namespace te {

/// Calls `work(i)` for every i in [0, count), spread over one thread a core: each
/// thread takes the next index until none is left, so unequal items (a big group
/// and small ones) still share the cores. Returns when all are done. `work` must
/// be safe to call from several threads for different indices.
template <typename Work> void parallelFor(std::size_t count, Work&& work)
{
    std::atomic<std::size_t> next { 0 };
    const auto drain = [&] {
        for (std::size_t i = next++; i < count; i = next++)
            work(i);
    };
    const std::size_t threads
        = std::min<std::size_t>(std::max(1u, std::thread::hardware_concurrency()), count);
    std::vector<std::thread> workers;
    for (std::size_t t = 1; t < threads; ++t)
        workers.emplace_back(drain);
    drain();
    for (auto& worker : workers)
        worker.join();
}

} // namespace te
