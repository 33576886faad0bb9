// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <cstddef>
#include <cstdint>
#include <iterator>

namespace tributary::bench {

// One splitmix64 step: advances `state` and returns a well-mixed value.
constexpr std::uint64_t splitMix64(std::uint64_t &state)
{
    std::uint64_t z = (state += 0x9E3779B97F4A7C15ull);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
    return z ^ (z >> 31);
}

// A seed for an independent stream derived from (seed, salt), e.g. one stream per resource.
constexpr std::uint64_t mixSeed(std::uint64_t seed, std::uint64_t salt)
{
    std::uint64_t state = seed ^ splitMix64(salt);
    return splitMix64(state);
}

// xoshiro256** seeded through splitmix64. Written here rather than taken from <random> so that
// one seed gives byte-identical catalogs with any standard library: the std distributions are
// implementation-defined. Integer arithmetic only.
class Random
{
public:
    explicit Random(std::uint64_t seed)
    {
        for (std::uint64_t &word : m_state)
            word = splitMix64(seed);
    }

    std::uint64_t next()
    {
        const std::uint64_t result = rotl(m_state[1] * 5, 7) * 9;
        const std::uint64_t t = m_state[1] << 17;
        m_state[2] ^= m_state[0];
        m_state[3] ^= m_state[1];
        m_state[1] ^= m_state[2];
        m_state[0] ^= m_state[3];
        m_state[2] ^= t;
        m_state[3] = rotl(m_state[3], 45);
        return result;
    }

    // Uniform in [0, n) for n > 0 (multiply-shift; the bias below 2^-32 is irrelevant here).
    std::uint32_t below(std::size_t n)
    {
        return static_cast<std::uint32_t>(((next() >> 32) * static_cast<std::uint64_t>(n)) >> 32);
    }

    // Uniform in [lo, hi], both included.
    int between(int lo, int hi) { return lo + static_cast<int>(below(std::size_t(hi - lo) + 1)); }

    // True with the given probability in percent.
    bool percent(unsigned p) { return below(100) < p; }

    // A uniformly chosen element of a non-empty array, vector or span.
    template <typename Container> const auto &pick(const Container &items)
    {
        return items[below(std::size(items))];
    }

private:
    static constexpr std::uint64_t rotl(std::uint64_t x, int k)
    {
        return (x << k) | (x >> (64 - k));
    }

    std::uint64_t m_state[4];
};

} // namespace tributary::bench
