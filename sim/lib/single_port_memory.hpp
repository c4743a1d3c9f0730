#pragma once
// A single-port synchronous RAM: one address for reads and writes, registered read data.
//   always_ff @(posedge clk) if (en) begin rdata <= mem[addr]; if (we) mem[addr] <= wdata; end
// A write returns the old word (read-first). With en high, unknown we or address and an
// address past the end are errors; unknown en is an error too.

#include <cstddef>
#include <string_view>

#include "sim/lib/memory_array.hpp"
#include "sim/module/port.hpp"

namespace tetra {

/// `depth` words of T behind an A-bit address.
template <SignalValue T, std::size_t A>
class SinglePortMemory : public Module {
public:
  In<Logic> clk{*this, "clk"};
  In<Logic> en{*this, "en"};
  In<Logic> we{*this, "we"};
  In<Vec<A>> addr{*this, "addr"};
  In<T> wdata{*this, "wdata"};
  Out<T> rdata{*this, "rdata"};

  /// A memory of `depth` (1 to 2^A) words, all-X; throws std::invalid_argument otherwise.
  SinglePortMemory(Scope& parent, std::string_view name, std::size_t depth) : Module(parent, name), words_(*this, depth) {
    require_addressable<A>(*this, depth);
    method("access", [this] {
      if (!known_bit(en)) return;
      T& word = words_.at(addr);
      rdata.write(word);
      if (known_bit(we)) word = wdata.read();
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
