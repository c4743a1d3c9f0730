#pragma once
// A ready/valid skid buffer: a pipeline register whose outputs (out_valid, out_data and
// in_ready) all come from flops, so it breaks the combinational ready path between
// producer and consumer without losing throughput. When the consumer stalls, the one
// word already accepted waits in the skid register and in_ready drops a cycle later.
// A transfer happens at a rising edge where valid and ready are both 1. Unknown valid
// or ready (where they matter) and unknown reset are errors; before its first reset the
// buffer ignores its inputs and its outputs stay X. out_data is X while out_valid is 0.

#include <string_view>

#include "sim/kernel/value_traits.hpp"
#include "sim/lib/known_input.hpp"
#include "sim/module/port.hpp"

namespace tetra {

/// A two-entry, fully registered ready/valid buffer of T.
template <SignalValue T>
class SkidBuffer : public Module {
public:
  In<Logic> clk{*this, "clk"};
  In<Logic> rst{*this, "rst"};
  In<Logic> in_valid{*this, "in_valid"};
  In<T> in_data{*this, "in_data"};
  Out<Logic> in_ready{*this, "in_ready"};
  Out<Logic> out_valid{*this, "out_valid"};
  Out<T> out_data{*this, "out_data"};
  In<Logic> out_ready{*this, "out_ready"};

  /// A skid buffer named `name` in `parent`.
  SkidBuffer(Scope& parent, std::string_view name) : Module(parent, name) {
    method("update", [this] { update(); }).sensitive(clk.posedge());
  }

private:
  void update() {
    if (known_bit(rst)) {
      main_valid_ = false;
      skid_valid_ = false;
      was_reset_ = true;
    } else if (was_reset_) {
      const bool accepting = !skid_valid_ && known_bit(in_valid);  // in_ready is !skid_valid_
      const bool main_frees = !main_valid_ || known_bit(out_ready);
      if (main_frees) {
        // The main register refills from the skid register first, to keep order.
        main_valid_ = skid_valid_ || accepting;
        if (skid_valid_) {
          main_data_ = skid_data_;
          skid_valid_ = false;
        } else if (accepting) {
          main_data_ = in_data.read();
        }
      } else if (accepting) {
        skid_data_ = in_data.read();
        skid_valid_ = true;
      }
    } else {
      return;
    }
    in_ready.write(skid_valid_ ? L0 : L1);
    out_valid.write(main_valid_ ? L1 : L0);
    out_data.write(main_valid_ ? main_data_ : ValueTraits<T>::all_x());
  }

  T main_data_ = ValueTraits<T>::all_x();
  T skid_data_ = ValueTraits<T>::all_x();
  bool main_valid_ = false;
  bool skid_valid_ = false;
  bool was_reset_ = false;
};

}  // namespace tetra
