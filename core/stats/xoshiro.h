#pragma once

#include <cmath>
#include <cstdint>
#include <utility>
#include <vector>

// The random numbers of every resampling and permutation in core: our own
// generator, because the standard distributions are implementation-defined and
// would make intervals and p values differ between standard libraries.
namespace te {

inline std::uint64_t splitMix64(std::uint64_t& state)
{
    std::uint64_t z = (state += 0x9E3779B97F4A7C15ULL);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
    return z ^ (z >> 31);
}

/// xoshiro256** (Blackman and Vigna).
class Xoshiro256
{
public:
    // One independent stream per (seed, stream): the stream number is mixed into
    // the seed, and splitmix64 expands that into the state, as the authors advise.
    Xoshiro256(std::uint64_t seed, std::uint64_t stream)
    {
        std::uint64_t mix = seed;
        std::uint64_t state = splitMix64(mix) ^ stream;
        for (std::uint64_t& word : m_s)
            word = splitMix64(state);
    }

    std::uint64_t next()
    {
        const std::uint64_t result = rotl(m_s[1] * 5, 7) * 9;
        const std::uint64_t t = m_s[1] << 17;
        m_s[2] ^= m_s[0];
        m_s[3] ^= m_s[1];
        m_s[1] ^= m_s[2];
        m_s[0] ^= m_s[3];
        m_s[2] ^= t;
        m_s[3] = rotl(m_s[3], 45);
        return result;
    }

private:
    static std::uint64_t rotl(std::uint64_t x, int k) { return (x << k) | (x >> (64 - k)); }
    std::uint64_t m_s[4] {};
};

// Uniform on (0, 1), never 0 (53 random bits, offset by half a step).
inline double uniform01(Xoshiro256& rng)
{
    return (static_cast<double>(rng.next() >> 11) + 0.5) * 0x1.0p-53;
}

inline double standardNormal(Xoshiro256& rng)
{
    // Box–Muller; the second value is dropped to keep one stream position a draw.
    return std::sqrt(-2.0 * std::log(uniform01(rng)))
        * std::cos(2.0 * 3.14159265358979323846 * uniform01(rng));
}

/// Lemire's multiply-shift of a 32-bit draw `x` onto [0, n): false when `x` falls
/// in the rejected zone below `threshold` ((2^32 − n) mod n), which keeps the
/// result exactly uniform.
inline bool mapBelow(std::uint32_t x, std::uint32_t n, std::uint32_t threshold, std::uint32_t& out)
{
    const std::uint64_t m = static_cast<std::uint64_t>(x) * n;
    if (static_cast<std::uint32_t>(m) < threshold)
        return false;
    out = static_cast<std::uint32_t>(m >> 32);
    return true;
}

/// Calls f(index) for `count` indices uniform on [0, n), n < 2^32; each 64-bit
/// draw gives two 32-bit candidates, which halves the cost of the generator.
template <typename F> void drawIndices(Xoshiro256& rng, std::uint32_t n, std::size_t count, F&& f)
{
    const std::uint32_t threshold = (0U - n) % n;
    std::size_t drawn = 0;
    std::uint32_t index = 0;
    while (drawn < count) {
        const std::uint64_t r = rng.next();
        if (mapBelow(static_cast<std::uint32_t>(r), n, threshold, index)) {
            f(index);
            ++drawn;
        }
        if (drawn < count && mapBelow(static_cast<std::uint32_t>(r >> 32), n, threshold, index)) {
            f(index);
            ++drawn;
        }
    }
}

/// Fisher–Yates shuffle of `values`: every order equally likely.
template <typename T> void shuffle(Xoshiro256& rng, std::vector<T>& values)
{
    for (std::size_t i = values.size(); i > 1; --i) {
        const auto n = static_cast<std::uint32_t>(i);
        std::uint32_t j = 0;
        while (!mapBelow(static_cast<std::uint32_t>(rng.next() >> 32), n, (0U - n) % n, j)) { }
        std::swap(values[i - 1], values[j]);
    }
}

} // namespace te
