// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <array>
#include <cstdint>
#include <string>
#include <string_view>

namespace tributary {

// Incremental SHA-256 (FIPS 180-4). Not thread-safe; one instance per stream.
class Sha256
{
public:
    Sha256();
    void update(std::string_view bytes);
    // Finishes the hash; the object must not be updated afterwards.
    std::array<std::uint8_t, 32> finish();
    std::string finishHex();

private:
    void compress(const std::uint8_t *block);

    std::array<std::uint32_t, 8> m_state;
    std::array<std::uint8_t, 64> m_buffer{};
    std::size_t m_buffered = 0;
    std::uint64_t m_length = 0;
};

// Lower-case hex SHA-256 of the bytes.
std::string sha256Hex(std::string_view bytes);

} // namespace tributary
