// The three kernel workloads, defined once for every C++ implementation (SystemC and
// Tetra); bench/kernel/verilog/*.sv restate the same definitions in Verilog.
#pragma once

#include <cstdint>
#include <string_view>

namespace tetra::bench {

// (a) ring: register 0 takes lfsr_step(register ring_length-1), register i takes
// register i-1 plus i (mod 2^16); register i starts at i.
inline constexpr unsigned ring_length = 1000;
inline constexpr unsigned ring_cycles = 20'000;

// (b) ping-pong: one handoff is one thread notifying the event the other waits on.
inline constexpr unsigned pingpong_handoffs = 1'000'000;

// (c) FIFO: a 64-deep, 16-bit FIFO fed by an LFSR that starts at fifo_seed and steps
// every cycle; bit 0 requests a push of the LFSR value, bit 1 requests a pop.
inline constexpr unsigned fifo_depth = 64;
inline constexpr unsigned fifo_cycles = 1'000'000;
inline constexpr std::uint16_t fifo_seed = 0xACE1;

// Elaboration workload: this many 16-bit signals.
inline constexpr unsigned elaboration_signals = 100'000;

// The clock period every workload uses, in nanoseconds; the first rising edge is at
// half a period so that N periods hold exactly N rising edges.
inline constexpr unsigned clock_period_ns = 10;

// One step of the 16-bit Galois LFSR with taps 0xB400 (x^16 + x^14 + x^13 + x^11 + 1).
constexpr std::uint16_t lfsr_step(std::uint16_t state) {
  const bool output_bit = (state & 1u) != 0;
  const auto shifted = static_cast<std::uint16_t>(state >> 1);
  return output_bit ? static_cast<std::uint16_t>(shifted ^ 0xB400u) : shifted;
}

// Checksum fold shared by the ring (over registers) and the FIFO (over popped words):
// h' = h * 31 + word, modulo 2^32.
constexpr std::uint32_t fold(std::uint32_t hash, std::uint32_t word) { return hash * 31u + word; }

}  // namespace tetra::bench
