#pragma once
// A round-robin arbiter for N requesters. `grant` is combinational: one-hot, to the
// first requester at or after the one following the last grant (requester 0 first after
// reset), or zero when nobody requests. The last grant is remembered at each rising edge
// where something was granted, so every requester is served within N grants. Unknown
// request bits, or an arbiter not yet reset, give an all-X grant.

#include <cstddef>
#include <optional>
#include <string_view>

#include "sim/module/port.hpp"
#include "sim/values/bitwise.hpp"
#include "sim/values/select.hpp"
#include "sim/values/vec.hpp"

namespace tetra {

/// Grants one of N requesters per cycle, rotating priority.
template <std::size_t N>
class RoundRobinArbiter : public Module {
public:
  In<Logic> clk{*this, "clk"};
  In<Logic> rst{*this, "rst"};
  In<Vec<N>> request{*this, "request"};
  Out<Vec<N>> grant{*this, "grant"};

  /// An arbiter named `name` in `parent`.
  RoundRobinArbiter(Scope& parent, std::string_view name) : Module(parent, name) {
    method("choose", [this] { grant.write(choose(request.read(), last_grant_.read())); }).sensitive(request, last_grant_);
    method("remember", [this] {
      const Vec<N>& granted = grant.signal().read();
      const Vec<N>& last = last_grant_.read();
      last_grant_.write(select(rst.read(), Vec<N>::zeros(), select(reduce_or(granted), granted, last)));
    }).sensitive(clk.posedge());
  }

  /// The grant for `requests` when `last` (one-hot or zero) was granted last.
  static Vec<N> choose(const Vec<N>& requests, const Vec<N>& last) {
    if (!requests.is_known() || !last.is_known()) return Vec<N>::xs();
    const std::optional<std::size_t> last_index = first_set(last);
    const std::size_t start = last_index.has_value() ? (*last_index + 1) % N : 0;
    Vec<N> chosen = Vec<N>::zeros();
    for (std::size_t offset = 0; offset < N; ++offset) {
      const std::size_t index = (start + offset) % N;
      if (requests.bit(index) == L1) {
        chosen.set_bit(index, L1);
        break;
      }
    }
    return chosen;
  }

private:
  static std::optional<std::size_t> first_set(const Vec<N>& value) {
    for (std::size_t i = 0; i < N; ++i) {
      if (value.bit(i) == L1) return i;
    }
    return std::nullopt;
  }

  Signal<Vec<N>> last_grant_{*this, "last_grant"};
};

}  // namespace tetra
