#include "sim/kernel/thread.hpp"

#include <gtest/gtest.h>

#include <mutex>
#include <stdexcept>
#include <string>
#include <vector>

#include "sim/kernel/lock.hpp"
#include "sim/kernel/queue.hpp"
#include "sim/kernel/semaphore.hpp"
#include "sim/kernel/simulation.hpp"
#include "sim/values/vec.hpp"

using namespace tetra;
using namespace tetra::literals;

TEST(Thread, WaitForADurationAdvancesTime) {
  Simulation sim;
  std::vector<Duration> times;
  sim.thread("sleeper", [&] {
    times.push_back(now());
    wait(3_ns);
    times.push_back(now());
    wait(250_ps);
    times.push_back(now());
  });
  sim.run();
  EXPECT_EQ(times, (std::vector<Duration>{Duration{}, 3_ns, 3250_ps}));
}

TEST(Thread, ImmediateNotificationWakesWaitersAtTheSameTime) {
  Simulation sim;
  Event ready(sim);
  Duration woke = 1_s;
  sim.thread("waiter", [&] {
    wait(ready);
    woke = now();
  });
  sim.thread("notifier", [&] {
    wait(2_ns);
    ready.notify();
  });
  sim.run();
  EXPECT_EQ(woke, 2_ns);
}

TEST(Thread, DeltaNotificationWakesInTheNextDelta) {
  Simulation sim;
  Event ready(sim);
  Signal<Logic> s(sim, "s", L0);
  Logic seen = LX;
  sim.thread("waiter", [&] {
    wait(ready);
    seen = s.read();  // the write below committed in the update before this delta
  });
  sim.thread("notifier", [&] {
    s.write(L1);
    ready.notify_delta();
  });
  sim.run();
  EXPECT_EQ(seen, L1);
}

TEST(Thread, DeltaNotificationIsKeptUntilTheNextDelta) {
  // As in SystemC: the notification is pending, not lost, when nobody waits yet; a
  // thread that starts waiting later in the same delta is woken by it.
  Simulation sim;
  Event ready(sim);
  int woken = 0;
  sim.thread("notifier", [&] { ready.notify_delta(); });
  sim.thread("late_waiter", [&] {
    wait(ready);
    ++woken;
  });
  sim.run();
  EXPECT_EQ(woken, 1);
  EXPECT_EQ(sim.now(), Duration{});
}

TEST(Thread, WaitWithTimeoutReportsWhichHappened) {
  Simulation sim;
  Event never(sim), soon(sim);
  bool got_never = true, got_soon = false;
  sim.thread("waiter", [&] {
    got_never = wait(never, 5_ns);
    got_soon = wait(soon, 5_ns);
  });
  sim.thread("notifier", [&] {
    wait(7_ns);
    soon.notify();
  });
  sim.run();
  EXPECT_FALSE(got_never);
  EXPECT_TRUE(got_soon);
  EXPECT_EQ(sim.now(), 7_ns);  // the expired second timeout did not keep time running
}

TEST(Thread, WaitAnyReturnsTheFirstEvent) {
  Simulation sim;
  Event a(sim), b(sim);
  std::size_t which = 99;
  sim.thread("waiter", [&] { which = wait_any({&a, &b}); });
  sim.thread("notifier", [&] {
    wait(1_ns);
    b.notify();
    wait(1_ns);
    a.notify();
  });
  sim.run();
  EXPECT_EQ(which, 1u);
}

TEST(Thread, WaitAllNeedsEveryEvent) {
  Simulation sim;
  Event a(sim), b(sim);
  Duration done_at{};
  sim.thread("waiter", [&] {
    wait_all({&a, &b});
    done_at = now();
  });
  sim.thread("notifier", [&] {
    wait(1_ns);
    b.notify();
    wait(2_ns);
    a.notify();
  });
  sim.run();
  EXPECT_EQ(done_at, 3_ns);
}

TEST(Thread, WaitCountCountsRisingEdges) {
  Simulation sim;
  Signal<Logic> clk(sim, "clk", L0);
  sim.thread("clock", [&] {
    for (int i = 0; i < 20; ++i) {
      wait(5_ns);
      clk.write(~clk.read());
    }
  });
  Duration third_edge{};
  sim.thread("counter", [&] {
    wait_count(clk.posedge(), 3);
    third_edge = now();
  });
  sim.run();
  EXPECT_EQ(third_edge, 25_ns);
}

TEST(Thread, WithTimeoutReturnsTheBodysResult) {
  Simulation sim;
  int result = 0;
  sim.thread("tb", [&] {
    result = with_timeout(10_ns, [] {
      wait(4_ns);
      return 42;
    });
  });
  sim.run();
  EXPECT_EQ(result, 42);
  EXPECT_EQ(sim.now(), 4_ns);
}

TEST(Thread, WithTimeoutThrowsWhenTheBodyIsTooSlow) {
  Simulation sim;
  bool body_unwound = false;
  struct Guard {
    bool* flag;
    ~Guard() { *flag = true; }
  };
  std::string message;
  sim.thread("tb", [&] {
    try {
      with_timeout(10_ns, [&] {
        Guard guard{&body_unwound};
        wait(1_us);
      });
    } catch (const TimeoutError& error) {
      message = error.what();
    }
  });
  sim.run();
  EXPECT_EQ(message, "at 10 ns in tb: timed out after 10 ns");
  EXPECT_TRUE(body_unwound);
  EXPECT_EQ(sim.now(), 10_ns);
}

TEST(Thread, WithTimeoutPassesTheBodysExceptionOn) {
  Simulation sim;
  std::string caught;
  sim.thread("tb", [&] {
    try {
      with_timeout(10_ns, [] {
        wait(1_ns);
        throw std::runtime_error("bad response");
      });
    } catch (const std::runtime_error& error) {
      caught = error.what();
    }
  });
  sim.run();
  EXPECT_EQ(caught, "bad response");
}

TEST(Thread, WithTimeoutBodyDrivesTheCallersSignals) {
  Simulation sim;
  Signal<Logic> s(sim, "s", L0);
  sim.thread("tb", [&] {
    s.write(L1);
    wait(1_ns);
    with_timeout(5_ns, [&] { s.write(L0); });
    wait(1_ns);
  });
  sim.run();
  EXPECT_EQ(s.read(), L0);
}

TEST(Thread, SpawnAndJoin) {
  Simulation sim;
  std::string log;
  sim.thread("parent", [&] {
    auto child = spawn("child", [&] {
      wait(5_ns);
      log += "child;";
    });
    EXPECT_EQ(child.path(), "child");
    log += "spawned;";
    child.join();
    log += "joined@" + std::to_string(static_cast<std::int64_t>(now().in_femtoseconds() / 1'000'000)) + ";";
    EXPECT_TRUE(child.done());
  });
  sim.run();
  EXPECT_EQ(log, "spawned;child;joined@5;");
}

TEST(Thread, KillUnwindsTheThreadAndFiresItsEnd) {
  Simulation sim;
  bool unwound = false, reached_end = false;
  struct Guard {
    bool* flag;
    ~Guard() { *flag = true; }
  };
  sim.thread("parent", [&] {
    auto child = spawn("child", [&] {
      Guard guard{&unwound};
      wait(1_us);
      reached_end = true;
    });
    wait(3_ns);
    child.kill();
    EXPECT_TRUE(child.done());
    child.join();  // returns at once
  });
  sim.run();
  EXPECT_TRUE(unwound);
  EXPECT_FALSE(reached_end);
  EXPECT_EQ(sim.now(), 3_ns);
}

TEST(Thread, AThreadCanKillItself) {
  Simulation sim;
  bool after_kill = false;
  sim.thread("parent", [&] {
    auto child = spawn("child", [&] {
      wait(1_ns);
      Scheduler::current()->kill(Scheduler::current()->current_process());
      after_kill = true;
    });
    child.join();
  });
  sim.run();
  EXPECT_FALSE(after_kill);
}

TEST(Thread, ExceptionsInSpawnedThreadsStopTheRun) {
  Simulation sim;
  sim.thread("parent", [&] {
    spawn("worker", [] {
      wait(2_ns);
      throw std::runtime_error("worker failed");
    });
    wait(1_us);
  });
  try {
    sim.run();
    FAIL() << "expected a ProcessError";
  } catch (const ProcessError& error) {
    EXPECT_EQ(error.path(), "worker");
    EXPECT_EQ(error.time(), 2_ns);
  }
}

TEST(Thread, WaitingOutsideAThreadIsAnError) {
  EXPECT_THROW(wait(1_ns), NotInThreadError);
  Simulation sim;
  Signal<Logic> a(sim, "a", L0);
  sim.method("not_a_thread", [] { wait(1_ns); });
  EXPECT_THROW(sim.run(), ProcessError);
}

TEST(Thread, EventPingPong) {
  Simulation sim;
  Event ping(sim), pong(sim);
  int rounds = 0;
  sim.thread("a", [&] {
    for (int i = 0; i < 1000; ++i) {
      ping.notify();
      wait(pong);
    }
  });
  sim.thread("b", [&] {
    while (true) {
      wait(ping);
      ++rounds;
      pong.notify();
    }
  });
  sim.run();
  EXPECT_EQ(rounds, 1000);
}

TEST(Semaphore, BlocksWhenNoPermitIsFree) {
  Simulation sim;
  Semaphore permits(sim, 2);
  std::vector<Duration> entered;
  for (int i = 0; i < 3; ++i) {
    sim.thread("user" + std::to_string(i), [&] {
      permits.acquire();
      entered.push_back(now());
      wait(10_ns);
      permits.release();
    });
  }
  sim.run();
  EXPECT_EQ(entered, (std::vector<Duration>{Duration{}, Duration{}, 10_ns}));
  EXPECT_EQ(permits.available(), 2u);
}

TEST(Semaphore, TryAcquireNeverBlocks) {
  Simulation sim;
  Semaphore permits(sim, 1);
  EXPECT_TRUE(permits.try_acquire());
  EXPECT_FALSE(permits.try_acquire());
  permits.release();
  EXPECT_EQ(permits.available(), 1u);
}

TEST(Lock, SerialisesCriticalSections) {
  Simulation sim;
  Lock bus(sim);
  std::string log;
  for (char name : {'a', 'b'}) {
    sim.thread(std::string(1, name), [&, name] {
      std::lock_guard<Lock> hold(bus);
      log += name;
      wait(5_ns);
      log += name;
    });
  }
  sim.run();
  EXPECT_EQ(log, "aabb");
  EXPECT_FALSE(bus.locked());
}

TEST(Queue, PutBlocksWhenFullAndGetWhenEmpty) {
  Simulation sim;
  Queue<int> fifo(sim, 2);
  std::vector<Duration> put_times;
  std::vector<int> received;
  sim.thread("producer", [&] {
    for (int i = 0; i < 4; ++i) {
      fifo.put(i);
      put_times.push_back(now());
    }
  });
  sim.thread("consumer", [&] {
    for (int i = 0; i < 4; ++i) {
      wait(10_ns);
      received.push_back(fifo.get());
    }
  });
  sim.run();
  EXPECT_EQ(received, (std::vector<int>{0, 1, 2, 3}));
  EXPECT_EQ(put_times, (std::vector<Duration>{Duration{}, Duration{}, 10_ns, 20_ns}));
}

TEST(Queue, TryOperationsNeverBlock) {
  Simulation sim;
  Queue<std::string> q(sim, 1);
  EXPECT_FALSE(q.try_get().has_value());
  EXPECT_TRUE(q.try_put("a"));
  EXPECT_FALSE(q.try_put("b"));
  EXPECT_EQ(q.try_get(), "a");
  EXPECT_THROW(Queue<int>(sim, 0), std::invalid_argument);
}

TEST(Thread, KillingAThreadInsideWithTimeoutAlsoKillsTheBody) {
  Simulation sim;
  bool body_finished = false;
  sim.thread("parent", [&] {
    auto child = spawn("child", [&] {
      with_timeout(1_us, [&] {
        wait(100_ns);
        body_finished = true;
      });
    });
    wait(10_ns);
    child.kill();
  });
  sim.run();
  EXPECT_FALSE(body_finished);
  EXPECT_EQ(sim.now(), 10_ns);
}
