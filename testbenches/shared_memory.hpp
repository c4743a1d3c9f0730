#pragma once
// An example design for shared_memory_tb: two masters share a single-port memory (64
// words of 16 bits) through sim/lib's round-robin arbiter. Each master offers a request
// on a ready/valid stream; `req_ready<m>` is its grant, so a request moves at a rising
// edge where it is valid and granted, and the memory serves it at that edge. A read's
// word shows on `resp_data` with `resp_valid<m>` one cycle later.

#include <string_view>

#include "sim/lib/round_robin_arbiter.hpp"
#include "sim/lib/single_port_memory.hpp"
#include "sim/module/port.hpp"
#include "sim/values/packed_struct.hpp"
#include "sim/values/select.hpp"
#include "sim/values/vec.hpp"

namespace tetra::examples {

/// What a master asks the memory: read or write the word at `addr`.
struct MemoryRequest {
  Logic write;
  Vec<6> addr;
  Vec<16> data;  // the word to write; unused by a read
  TETRA_PACKED_FIELDS(MemoryRequest, write, addr, data)
};

/// A deliberate bug for the testbench to find, or none.
enum class SharedMemoryBug {
  none,
  fixed_priority,  // master 1's request is hidden from the arbiter while master 0 requests
};

/// Two request streams in front of one memory.
class SharedMemory : public Module {
public:
  In<Logic> clk{*this, "clk"};
  In<Logic> rst{*this, "rst"};
  In<Logic> req_valid0{*this, "req_valid0"};
  In<MemoryRequest> req0{*this, "req0"};
  Out<Logic> req_ready0{*this, "req_ready0"};
  In<Logic> req_valid1{*this, "req_valid1"};
  In<MemoryRequest> req1{*this, "req1"};
  Out<Logic> req_ready1{*this, "req_ready1"};
  Out<Logic> resp_valid0{*this, "resp_valid0"};
  Out<Logic> resp_valid1{*this, "resp_valid1"};
  Out<Vec<16>> resp_data{*this, "resp_data"};

  /// The memory named `name` in `parent`, with `bug` built in.
  SharedMemory(Scope& parent, std::string_view name, SharedMemoryBug bug = SharedMemoryBug::none)
      : Module(parent, name), bug_(bug) {
    arbiter_.clk(clk);
    arbiter_.rst(rst);
    arbiter_.request(requests_);
    arbiter_.grant(grant_);
    memory_.clk(clk);
    memory_.en(memory_en_);
    memory_.we(memory_we_);
    memory_.addr(memory_addr_);
    memory_.wdata(memory_wdata_);
    memory_.rdata(memory_rdata_);
    method("request", [this] { request(); }).sensitive(req_valid0, req_valid1);
    method("route", [this] { route(); }).sensitive(rst, grant_, req0, req1);
    method("track_reads", [this] { track_reads(); }).sensitive(clk.posedge());
    method("respond", [this] {
      resp_valid0.write(reading_.read().bit(0));
      resp_valid1.write(reading_.read().bit(1));
      resp_data.write(memory_rdata_.read());
    }).sensitive(reading_, memory_rdata_);
  }

private:
  void request() {
    Vec<2> requests = Vec<2>::zeros();
    requests.set_bit(0, req_valid0.read());
    const bool hidden = bug_ == SharedMemoryBug::fixed_priority && req_valid0.read() == L1;
    requests.set_bit(1, hidden ? L0 : req_valid1.read());
    requests_.write(requests);
  }

  // The granted master's request goes to the memory; nothing does in reset.
  void route() {
    const Vec<2>& grant = grant_.read();
    req_ready0.write(grant.bit(0));
    req_ready1.write(grant.bit(1));
    const MemoryRequest& chosen = grant.bit(1) == L1 ? req1.read() : req0.read();
    memory_en_.write(select(rst.read(), L0, grant.bit(0) | grant.bit(1)));
    memory_we_.write(chosen.write);
    memory_addr_.write(chosen.addr);
    memory_wdata_.write(chosen.data);
  }

  // Which master's read the memory serves at this edge: its word shows next cycle.
  void track_reads() {
    const Logic reading = memory_en_.read() & ~memory_we_.read();
    reading_.write(select(rst.read(), Vec<2>::zeros(), select(reading, grant_.read(), Vec<2>::zeros())));
  }

  SharedMemoryBug bug_;
  Signal<Vec<2>> requests_{*this, "requests"};
  Signal<Vec<2>> grant_{*this, "grant"};
  Signal<Logic> memory_en_{*this, "memory_en"};
  Signal<Logic> memory_we_{*this, "memory_we"};
  Signal<Vec<6>> memory_addr_{*this, "memory_addr"};
  Signal<Vec<16>> memory_wdata_{*this, "memory_wdata"};
  Signal<Vec<16>> memory_rdata_{*this, "memory_rdata"};
  Signal<Vec<2>> reading_{*this, "reading"};
  RoundRobinArbiter<2> arbiter_{*this, "arbiter"};
  SinglePortMemory<Vec<16>, 6> memory_{*this, "memory", 64};
};

}  // namespace tetra::examples
