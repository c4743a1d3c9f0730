#pragma once
// A simple dual-port synchronous RAM: one write port and one read port on one clock.
//   always_ff @(posedge clk) begin
//     if (read_en) read_data <= mem[read_addr];
//     if (write_en) mem[write_addr] <= write_data;
//   end
// Reading the address being written returns the old word (read-first). On an enabled
// port, an unknown or out-of-range address is an error; unknown enables are errors.

#include <cstddef>
#include <string_view>

#include "sim/lib/memory_array.hpp"
#include "sim/module/port.hpp"

namespace tetra {

/// `depth` words of T with a write port and a read port, A address bits each.
template <SignalValue T, std::size_t A>
class DualPortMemory : public Module {
public:
  In<Logic> clk{*this, "clk"};
  In<Logic> write_en{*this, "write_en"};
  In<Vec<A>> write_addr{*this, "write_addr"};
  In<T> write_data{*this, "write_data"};
  In<Logic> read_en{*this, "read_en"};
  In<Vec<A>> read_addr{*this, "read_addr"};
  Out<T> read_data{*this, "read_data"};

  /// A memory of `depth` (1 to 2^A) words, all-X; throws std::invalid_argument otherwise.
  DualPortMemory(Scope& parent, std::string_view name, std::size_t depth) : Module(parent, name), words_(*this, depth) {
    require_addressable<A>(*this, depth);
    method("access", [this] {
      if (known_bit(read_en)) read_data.write(words_.at(read_addr));
      if (known_bit(write_en)) words_.at(write_addr) = write_data.read();
    }).sensitive(clk.posedge());
  }

  /// Number of words.
  [[nodiscard]] std::size_t depth() const { return words_.depth(); }
  /// Back door: the word at `index`.
  [[nodiscard]] const T& peek(std::size_t index) const { return words_.peek(index); }
  /// Back door: sets the word at `index` (preloading, fault injection).
  void load(std::size_t index, const T& value) { words_.load(index, value); }

private:
  MemoryArray<T> words_;
};

}  // namespace tetra
