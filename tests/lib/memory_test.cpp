#include <cstdint>
#include <random>
#include <stdexcept>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "sim/lib/dual_port_memory.hpp"
#include "sim/lib/single_port_memory.hpp"
#include "tests/lib/clocked_bench.hpp"

namespace tetra::test {
namespace {

struct SinglePortBench : ClockedBench {
  Signal<Logic> en{sim, "en"};
  Signal<Logic> we{sim, "we"};
  Signal<Vec<4>> addr{sim, "addr"};
  Signal<Vec<8>> wdata{sim, "wdata"};
  Signal<Vec<8>> rdata{sim, "rdata"};
  SinglePortMemory<Vec<8>, 4> memory{sim, "memory", 12};

  SinglePortBench() {
    memory.clk(clk);
    memory.en(en);
    memory.we(we);
    memory.addr(addr);
    memory.wdata(wdata);
    memory.rdata(rdata);
  }
};

TEST(SinglePortMemory, WritesThenReadsBackAndReadsFirstOnWrite) {
  SinglePortBench bench;
  bench.sim.thread("tb", [&] {
    bench.en.write(L1);
    bench.we.write(L1);
    for (std::uint64_t i = 0; i < 12; ++i) {
      bench.addr.write(Vec<4>(i));
      bench.wdata.write(Vec<8>(i * 7));
      bench.cycle();
      EXPECT_EQ(bench.rdata.read(), Vec<8>::xs()) << "a write returns the old, never written, word";
    }
    bench.we.write(L0);
    for (std::uint64_t i = 0; i < 12; ++i) {
      bench.addr.write(Vec<4>(i));
      bench.cycle();
      EXPECT_EQ(bench.rdata.read(), Vec<8>(i * 7));
    }
    bench.en.write(L0);
    bench.addr.write(Vec<4>(3));
    bench.cycle();
    EXPECT_EQ(bench.rdata.read(), Vec<8>(11 * 7)) << "disabled: read data holds";
    finish();
  });
  bench.run();
  EXPECT_EQ(bench.memory.peek(5), Vec<8>(35));
}

TEST(SinglePortMemory, BackDoorLoadIsVisibleToReads) {
  SinglePortBench bench;
  bench.memory.load(9, Vec<8>(0xC3));
  bench.sim.thread("tb", [&] {
    bench.en.write(L1);
    bench.we.write(L0);
    bench.addr.write(Vec<4>(9));
    bench.cycle();
    EXPECT_EQ(bench.rdata.read(), Vec<8>(0xC3));
    finish();
  });
  bench.run();
}

std::string run_until_error(SinglePortBench& bench, Vec<4> address) {
  bench.sim.thread("tb", [&bench, address] {
    bench.en.write(L1);
    bench.we.write(L1);
    bench.wdata.write(Vec<8>(1));
    bench.addr.write(address);
    bench.cycle();
  });
  try {
    bench.run();
  } catch (const SimulationError& error) {
    return error.what();
  }
  return "";
}

TEST(SinglePortMemory, AddressPastTheEndIsAnError) {
  SinglePortBench bench;
  const std::string error = run_until_error(bench, Vec<4>(12));
  EXPECT_NE(error.find("memory.addr is 12, past the last word 11"), std::string::npos) << error;
}

TEST(SinglePortMemory, UnknownAddressIsAnErrorNamingThePort) {
  SinglePortBench bench;
  const std::string error = run_until_error(bench, Vec<4>::xs());
  EXPECT_NE(error.find("memory.addr"), std::string::npos) << error;
}

TEST(SinglePortMemory, UnknownAddressIsAcceptedWhileDisabled) {
  SinglePortBench bench;
  bench.memory.load(3, Vec<8>(0x33));
  bench.sim.thread("tb", [&] {
    bench.en.write(L1);
    bench.we.write(L0);
    bench.addr.write(Vec<4>(3));
    bench.cycle();
    bench.en.write(L0);
    bench.we.write(LX);
    bench.addr.write(Vec<4>::xs());  // not used while en is low
    bench.cycle();
    bench.cycle();
    EXPECT_EQ(bench.rdata.read(), Vec<8>(0x33)) << "disabled: read data holds";
    finish();
  });
  bench.run();
  EXPECT_EQ(bench.memory.peek(3), Vec<8>(0x33));
}

TEST(SinglePortMemory, DepthMustBeAddressable) {
  Simulation sim;
  EXPECT_THROW((SinglePortMemory<Vec<8>, 4>(sim, "too_deep", 17)), std::invalid_argument);
  EXPECT_THROW((SinglePortMemory<Vec<8>, 4>(sim, "empty", 0)), std::invalid_argument);
}

TEST(DualPortMemory, RandomReadsAndWritesMatchAModel) {
  ClockedBench bench;
  Signal<Logic> write_en(bench.sim, "write_en"), read_en(bench.sim, "read_en");
  Signal<Vec<5>> write_addr(bench.sim, "write_addr"), read_addr(bench.sim, "read_addr");
  Signal<Vec<16>> write_data(bench.sim, "write_data"), read_data(bench.sim, "read_data");
  DualPortMemory<Vec<16>, 5> memory(bench.sim, "memory", 32);
  memory.clk(bench.clk);
  memory.write_en(write_en);
  memory.write_addr(write_addr);
  memory.write_data(write_data);
  memory.read_en(read_en);
  memory.read_addr(read_addr);
  memory.read_data(read_data);
  int checked_reads = 0, same_address_collisions = 0;
  bench.sim.thread("tb", [&] {
    std::mt19937 random(7);
    std::vector<Vec<16>> model(32, Vec<16>::xs());
    Vec<16> expected_read = Vec<16>::xs();
    for (int cycle = 0; cycle < 3000; ++cycle) {
      const bool writing = random() % 2 == 0, reading = random() % 2 == 0;
      const std::uint64_t waddr = random() % 32, raddr = random() % 32, data = random() % 65536;
      write_en.write(writing ? L1 : L0);
      read_en.write(reading ? L1 : L0);
      write_addr.write(Vec<5>(waddr));
      read_addr.write(Vec<5>(raddr));
      write_data.write(Vec<16>(data));
      if (reading) expected_read = model[raddr];  // read-first: before this cycle's write
      if (reading && writing && raddr == waddr) ++same_address_collisions;
      if (writing) model[waddr] = Vec<16>(data);
      bench.cycle();
      ASSERT_EQ(read_data.read(), expected_read) << "cycle " << cycle;
      checked_reads += reading;
    }
    finish();
  });
  bench.run();
  EXPECT_GT(checked_reads, 1000);
  EXPECT_GT(same_address_collisions, 10);
}

}  // namespace
}  // namespace tetra::test
