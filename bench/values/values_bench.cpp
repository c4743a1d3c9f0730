// Four-state value operations side by side: Tetra Vec<N>, SystemC 2.3.4 sc_lv<N>, and
// native integers (uint8_t / uint64_t, and four-word arrays for 256 bits).
//
// Benchmarks are named "<operation>/<width>/<implementation>" so that compare.py can
// pair them up. Every iteration reads its operands from a table of random values that
// the compiler cannot see through, and hands each result to DoNotOptimize.

#include <benchmark/benchmark.h>

#include <systemc>

#include <array>
#include <cstddef>
#include <cstdint>
#include <random>
#include <string>

#include "sim/values/vec.hpp"

namespace {

// A power of two, so the operand index is a mask; each value appears twice in a row so
// that == sees equal operands half of the time (a full compare) and different ones
// the other half.
constexpr std::size_t operand_count = 64;

using Word = std::uint64_t;

template <std::size_t N>
constexpr std::size_t word_count = (N + 63) / 64;

// Random known words of an N-bit value (unused top bits zero).
template <std::size_t N>
std::array<std::array<Word, word_count<N>>, operand_count> random_words() {
  std::mt19937_64 engine(0xbe4c4 + N);
  std::array<std::array<Word, word_count<N>>, operand_count> table{};
  for (std::size_t i = 0; i < operand_count; i += 2) {
    for (std::size_t w = 0; w < word_count<N>; ++w) {
      const std::size_t used = N - w * 64 >= 64 ? 64 : N - w * 64;
      table[i][w] = used == 64 ? engine() : engine() & ((Word{1} << used) - 1);
    }
    table[i + 1] = table[i];
  }
  return table;
}

// ---- Tetra -------------------------------------------------------------------------

template <std::size_t N>
struct TetraVec {
  static constexpr const char* name = "tetra";
  static constexpr std::size_t width = N;
  using Value = tetra::Vec<N>;

  static Value make(const std::array<Word, word_count<N>>& words) {
    Value value = Value::zeros();
    for (std::size_t w = 0; w < word_count<N>; ++w) value.set_words(w, words[w], 0);
    return value;
  }
  static Value bit_and(const Value& a, const Value& b) { return a & b; }
  static Value add(const Value& a, const Value& b) { return a + b; }
  static bool equal(const Value& a, const Value& b) { return a == b; }
  static tetra::Logic verilog_eq(const Value& a, const Value& b) { return tetra::eq(a, b); }
  static Value shift_left(const Value& a, std::size_t amount) { return a << amount; }
  static tetra::Vec<2 * N> join(const Value& a, const Value& b) { return tetra::concat(a, b); }
  static tetra::Vec<N - N / 2> upper_half(const Value& a) { return tetra::slice<N - 1, N / 2>(a); }
};

// ---- SystemC ------------------------------------------------------------------------

template <std::size_t N>
struct SystemCLv {
  static constexpr const char* name = "sc_lv";
  static constexpr std::size_t width = N;
  using Value = sc_dt::sc_lv<static_cast<int>(N)>;
  static constexpr int n = static_cast<int>(N);

  static Value make(const std::array<Word, word_count<N>>& words) {
    Value value;
    // sc_lv stores 32-bit digits: a value plane (set_word) and a control plane (set_cword).
    for (int digit = 0; digit < value.size(); ++digit) {
      const std::size_t index = static_cast<std::size_t>(digit);
      value.set_word(digit, static_cast<sc_dt::sc_digit>(words[index / 2] >> (32 * (index % 2))));
      value.set_cword(digit, 0);
    }
    return value;
  }
  static Value bit_and(const Value& a, const Value& b) { return a & b; }
  // sc_lv has no arithmetic: a four-state sum goes through sc_biguint, as SystemC
  // models write it (an X operand would throw in the conversion).
  static Value add(const Value& a, const Value& b) {
    return Value(sc_dt::sc_biguint<n>(a) + sc_dt::sc_biguint<n>(b));
  }
  static bool equal(const Value& a, const Value& b) { return a == b; }
  static Value shift_left(const Value& a, std::size_t amount) { return a << static_cast<int>(amount); }
  static sc_dt::sc_lv<2 * n> join(const Value& a, const Value& b) { return (a, b); }
  static sc_dt::sc_lv<n - n / 2> upper_half(const Value& a) { return a.range(n - 1, n / 2); }
};

// ---- Native -------------------------------------------------------------------------

template <std::size_t N>
struct Native;

template <>
struct Native<8> {
  static constexpr const char* name = "native";
  static constexpr std::size_t width = 8;
  using Value = std::uint8_t;

  static Value make(const std::array<Word, 1>& words) { return static_cast<Value>(words[0]); }
  static Value bit_and(Value a, Value b) { return static_cast<Value>(a & b); }
  static Value add(Value a, Value b) { return static_cast<Value>(a + b); }
  static bool equal(Value a, Value b) { return a == b; }
  static Value shift_left(Value a, std::size_t amount) { return static_cast<Value>(a << amount); }
  static std::uint16_t join(Value a, Value b) { return static_cast<std::uint16_t>(a << 8 | b); }
  static Value upper_half(Value a) { return static_cast<Value>(a >> 4); }
};

template <>
struct Native<64> {
  static constexpr const char* name = "native";
  static constexpr std::size_t width = 64;
  using Value = std::uint64_t;

  static Value make(const std::array<Word, 1>& words) { return words[0]; }
  static Value bit_and(Value a, Value b) { return a & b; }
  static Value add(Value a, Value b) { return a + b; }
  static bool equal(Value a, Value b) { return a == b; }
  static Value shift_left(Value a, std::size_t amount) { return a << amount; }
  static std::array<Word, 2> join(Value a, Value b) { return {b, a}; }
  static std::uint32_t upper_half(Value a) { return static_cast<std::uint32_t>(a >> 32); }
};

// 256 bits as four words, least significant first: the loops a hand-written
// two-state model would use.
template <>
struct Native<256> {
  static constexpr const char* name = "native";
  static constexpr std::size_t width = 256;
  using Value = std::array<Word, 4>;

  static Value make(const std::array<Word, 4>& words) { return words; }
  static Value bit_and(const Value& a, const Value& b) {
    Value result;
    for (std::size_t w = 0; w < 4; ++w) result[w] = a[w] & b[w];
    return result;
  }
  static Value add(const Value& a, const Value& b) {
    Value result;
    Word carry = 0;
    for (std::size_t w = 0; w < 4; ++w) {
      const Word partial = a[w] + carry;
      const Word sum = partial + b[w];
      carry = static_cast<Word>(partial < carry) + static_cast<Word>(sum < partial);
      result[w] = sum;
    }
    return result;
  }
  static bool equal(const Value& a, const Value& b) { return a == b; }
  static Value shift_left(const Value& a, std::size_t amount) {
    Value result{};
    const std::size_t word_shift = amount / 64;
    const std::size_t bit_shift = amount % 64;
    for (std::size_t w = word_shift; w < 4; ++w) {
      result[w] = a[w - word_shift] << bit_shift;
      if (bit_shift != 0 && w > word_shift) result[w] |= a[w - word_shift - 1] >> (64 - bit_shift);
    }
    return result;
  }
  static std::array<Word, 8> join(const Value& a, const Value& b) {
    return {b[0], b[1], b[2], b[3], a[0], a[1], a[2], a[3]};
  }
  static std::array<Word, 2> upper_half(const Value& a) { return {a[2], a[3]}; }
};

// ---- Benchmarks ---------------------------------------------------------------------

template <typename Impl>
std::array<typename Impl::Value, operand_count> operands() {
  std::array<typename Impl::Value, operand_count> values{};
  const auto words = random_words<Impl::width>();
  for (std::size_t i = 0; i < operand_count; ++i) values[i] = Impl::make(words[i]);
  return values;
}

// Times `operation(a, b, i)` over rotating operands; the result must stay observable.
template <typename Impl, typename Operation>
void run(benchmark::State& state, Operation operation) {
  const auto values = operands<Impl>();
  std::size_t i = 0;
  for (auto _ : state) {
    const auto& a = values[i % operand_count];
    const auto& b = values[(i + 1) % operand_count];
    auto result = operation(a, b, i);
    benchmark::DoNotOptimize(result);
    ++i;
  }
}

template <typename Impl, typename Operation>
void add_benchmark(const std::string& operation_name, Operation operation) {
  const std::string name =
      operation_name + "/" + std::to_string(Impl::width) + "/" + std::string(Impl::name);
  benchmark::RegisterBenchmark(name.c_str(), [operation](benchmark::State& state) { run<Impl>(state, operation); });
}

template <typename Impl>
void add_common_benchmarks() {
  using Value = typename Impl::Value;
  add_benchmark<Impl>("and", [](const Value& a, const Value& b, std::size_t) { return Impl::bit_and(a, b); });
  add_benchmark<Impl>("add", [](const Value& a, const Value& b, std::size_t) { return Impl::add(a, b); });
  add_benchmark<Impl>("eq", [](const Value& a, const Value& b, std::size_t) { return Impl::equal(a, b); });
  add_benchmark<Impl>("shift", [](const Value& a, const Value&, std::size_t i) {
    return Impl::shift_left(a, i % Impl::width);
  });
  add_benchmark<Impl>("concat", [](const Value& a, const Value& b, std::size_t) { return Impl::join(a, b); });
  add_benchmark<Impl>("slice", [](const Value& a, const Value&, std::size_t) { return Impl::upper_half(a); });
}

// Verilog == (a Logic that is X when an unknown bit could decide), beside identity ==.
template <std::size_t N>
void add_verilog_eq_benchmark() {
  using Impl = TetraVec<N>;
  add_benchmark<Impl>("verilog_eq", [](const typename Impl::Value& a, const typename Impl::Value& b, std::size_t) {
    return Impl::verilog_eq(a, b);
  });
}

template <std::size_t N>
void add_width() {
  add_common_benchmarks<TetraVec<N>>();
  add_common_benchmarks<SystemCLv<N>>();
  add_common_benchmarks<Native<N>>();
  add_verilog_eq_benchmark<N>();
}

}  // namespace

// libsystemc provides main() and calls sc_main; nothing of the SystemC kernel starts.
int sc_main(int argc, char* argv[]) {
  add_width<8>();
  add_width<64>();
  add_width<256>();
  benchmark::Initialize(&argc, argv);
  if (benchmark::ReportUnrecognizedArguments(argc, argv)) return 1;
  benchmark::RunSpecifiedBenchmarks();
  benchmark::Shutdown();
  return 0;
}
