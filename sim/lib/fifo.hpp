#pragma once
// A synchronous first-word-fall-through FIFO: pop_data shows the oldest entry whenever
// the FIFO is not empty, and a pop removes it at the rising clock edge. Pushing while
// full and popping while empty are errors (the producer must watch `full`, the consumer
// `empty`), as are unknown push/pop/reset inputs. Before its first reset the FIFO ignores
// its inputs and its outputs stay X.

#include <cstddef>
#include <cstdint>
#include <stdexcept>
#include <string_view>
#include <vector>

#include <fmt/format.h>

#include "sim/kernel/value_traits.hpp"
#include "sim/lib/known_input.hpp"
#include "sim/module/port.hpp"
#include "sim/values/vec.hpp"

namespace tetra {

/// A FIFO of T entries; `count` is CountWidth bits wide and must hold the depth.
template <SignalValue T, std::size_t CountWidth>
class Fifo : public Module {
public:
  In<Logic> clk{*this, "clk"};
  In<Logic> rst{*this, "rst"};
  In<Logic> push{*this, "push"};
  In<T> push_data{*this, "push_data"};
  In<Logic> pop{*this, "pop"};
  Out<T> pop_data{*this, "pop_data"};
  Out<Logic> full{*this, "full"};
  Out<Logic> empty{*this, "empty"};
  Out<Vec<CountWidth>> count{*this, "count"};

  /// A FIFO of `depth` entries (1 <= depth < 2^CountWidth); throws std::invalid_argument otherwise.
  Fifo(Scope& parent, std::string_view name, std::size_t depth)
      : Module(parent, name), storage_(depth, ValueTraits<T>::all_x()) {
    if (depth == 0 || (CountWidth < 64 && depth >= (std::uint64_t{1} << CountWidth))) {
      throw std::invalid_argument(
          fmt::format("FIFO {}: depth {} does not fit a {}-bit count (it must be at least 1)", path(), depth, CountWidth));
    }
    method("update", [this] { update(); }).sensitive(clk.posedge());
  }

  /// Number of entries the FIFO holds when full.
  [[nodiscard]] std::size_t depth() const { return storage_.size(); }

private:
  void update() {
    if (known_bit(rst)) {
      head_ = 0;
      size_ = 0;
      was_reset_ = true;
    } else if (was_reset_) {
      const bool pushing = known_bit(push);
      const bool popping = known_bit(pop);
      if (pushing && size_ == depth()) throw std::runtime_error(fmt::format("push while full ({} entries)", depth()));
      if (popping && size_ == 0) throw std::runtime_error("pop while empty");
      if (popping) {
        head_ = (head_ + 1) % depth();
        --size_;
      }
      if (pushing) {
        storage_[(head_ + size_) % depth()] = push_data.read();
        ++size_;
      }
    } else {
      return;
    }
    pop_data.write(size_ != 0 ? storage_[head_] : ValueTraits<T>::all_x());
    full.write(size_ == depth() ? L1 : L0);
    empty.write(size_ == 0 ? L1 : L0);
    count.write(Vec<CountWidth>(size_));
  }

  std::vector<T> storage_;
  std::size_t head_ = 0;
  std::size_t size_ = 0;
  bool was_reset_ = false;
};

}  // namespace tetra
