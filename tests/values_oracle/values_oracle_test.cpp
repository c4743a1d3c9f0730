// Icarus Verilog as the oracle for Tetra's four-state operators: random operands rich in
// X and Z go through every operator in both, and every result must match bit for bit.
//
// For each width, one Verilog program reads all cases with $readmemb and $displays each
// operator's result with %b (so every x and z bit shows) or %0d (for counts); Tetra
// computes the same cases in process and the two are compared.
//
// Icarus disagrees with IEEE 1800-2017 in one place, and the test corrects Icarus there
// rather than excluding the operator (see ieee_select_merge):
// - ?: with an X or Z condition: Table 11-20 merges the two operands bit by bit and
//   only 0/0 and 1/1 survive; Z/Z gives X. Icarus 11 prints z for Z/Z.
// Other places where a simulator could stray were checked and agree with IEEE:
// - X/Z in any operand of + - * / % makes the whole result X (11.4.2); /0 and %0 give X.
// - >>> on $signed fills with the sign bit, including X and Z (11.4.10); shifts move Z
//   bits unchanged rather than turning them into X.
// - A part-select whose bits are partly out of range reads X for those bits, and one
//   with an unknown base reads all X (11.5.1).
// - $onehot/$onehot0/$countones count only bits that are 1: X and Z bits are not ones.

#include <gtest/gtest.h>

#include <algorithm>
#include <cstddef>
#include <filesystem>
#include <functional>
#include <sstream>
#include <string>
#include <type_traits>
#include <vector>

#include "sim/values/vec.hpp"
#include "tests/values_oracle/four_state_operands.hpp"
#include "tests/values_oracle/icarus_run.hpp"

namespace tetra::oracle {
namespace {

constexpr std::size_t cases_per_width = 256;
constexpr std::size_t amount_bits = 8;
constexpr std::uint64_t seed = 0x7e77a0c1e;

// One random case: the operands as Tetra values and as the text Icarus reads.
template <std::size_t N>
struct OracleCase {
  Vec<N> a;
  Vec<N> b;
  Vec<amount_bits> amount;    // shift amount, bit index, part-select base (may be unknown)
  Vec<amount_bits> rotation;  // rotation amount (always known)
  Logic condition;            // ?: condition
  std::string memory_line;    // {a, b, amount, rotation, condition} for $readmemb
};

template <std::size_t N>
Vec<N> vec_from_bits(std::string_view text) {
  Vec<N> value;
  for (std::size_t i = 0; i < N; ++i) {
    value.set_bit(i, Logic(text[N - 1 - i]));
  }
  return value;
}

template <std::size_t N>
std::vector<OracleCase<N>> random_cases(std::uint64_t case_seed) {
  FourStateOperandGenerator generator(case_seed);
  std::vector<OracleCase<N>> cases;
  for (std::size_t i = 0; i < cases_per_width; ++i) {
    const std::string a = generator.operand(N);
    const std::string b = generator.partner(a);
    const std::string amount = generator.amount(N, amount_bits);
    const std::string rotation = generator.known_amount(amount_bits);
    const char condition = generator.logic();
    cases.push_back({vec_from_bits<N>(a), vec_from_bits<N>(b), vec_from_bits<amount_bits>(amount),
                     vec_from_bits<amount_bits>(rotation), Logic(condition),
                     a + b + amount + rotation + condition});
  }
  return cases;
}

// Results as Icarus prints them: %b digits for values and bits, %0d for counts.
template <std::size_t M>
std::string rendered(const Vec<M>& value) {
  std::string text;
  for (std::size_t i = M; i-- > 0;) {
    text += value.bit(i).to_char();
  }
  return text;
}
std::string rendered(Logic bit) { return std::string(1, bit.to_char()); }
std::string rendered(bool truth) { return truth ? "1" : "0"; }
std::string rendered(std::size_t count) { return std::to_string(count); }

// One operator: its Verilog expression over a, b, amount, rotation and condition, and
// the same operation in Tetra.
template <std::size_t N>
struct OracleOperator {
  std::string label;
  std::string verilog;
  std::string display_format;
  std::function<std::string(const OracleCase<N>&)> tetra;
  // Turns what Icarus printed into what IEEE 1800 requires, where the two differ.
  std::function<std::string(const OracleCase<N>&, std::string)> icarus_to_ieee;
};

template <std::size_t N, typename Compute>
OracleOperator<N> op(std::string label, std::string verilog, Compute compute) {
  using Result = std::invoke_result_t<Compute, const OracleCase<N>&>;
  return {std::move(label), std::move(verilog), std::is_same_v<Result, std::size_t> ? "%0d" : "%b",
          [compute](const OracleCase<N>& c) { return rendered(compute(c)); },
          [](const OracleCase<N>&, std::string printed) { return printed; }};
}

// Icarus 11 keeps Z where both ?: operands are Z under an unknown condition; IEEE
// 1800-2017 Table 11-20 gives X there. Exactly those bits are corrected, and only if
// Icarus printed z for them, so any other difference still shows.
template <std::size_t N>
std::string ieee_select_merge(const OracleCase<N>& c, std::string printed) {
  if (c.condition.is_known() || printed.size() != N) {
    return printed;
  }
  for (std::size_t i = 0; i < N; ++i) {
    char& digit = printed[N - 1 - i];
    if (c.a.bit(i) == LZ && c.b.bit(i) == LZ && digit == 'z') {
      digit = 'x';
    }
  }
  return printed;
}

template <std::size_t N>
OracleOperator<N> with_icarus_correction(
    OracleOperator<N> oracle_operator,
    std::function<std::string(const OracleCase<N>&, std::string)> icarus_to_ieee) {
  oracle_operator.icarus_to_ieee = std::move(icarus_to_ieee);
  return oracle_operator;
}

template <std::size_t N>
std::vector<OracleOperator<N>> all_operators() {
  using Case = OracleCase<N>;
  constexpr std::size_t half_shift = N / 2 + 1;
  constexpr std::size_t beyond_shift = N + 3;
  constexpr std::size_t slice_low = N / 3;
  constexpr std::size_t narrow_part = std::min<std::size_t>(N, 5);
  constexpr std::size_t truncated = (N + 1) / 2;
  const std::string w = std::to_string(N);
  const auto n = [](std::size_t value) { return std::to_string(value); };
  return {
      // Bitwise.
      op<N>("and", "a & b", [](const Case& c) { return c.a & c.b; }),
      op<N>("or", "a | b", [](const Case& c) { return c.a | c.b; }),
      op<N>("xor", "a ^ b", [](const Case& c) { return c.a ^ c.b; }),
      op<N>("xnor", "a ~^ b", [](const Case& c) { return xnor(c.a, c.b); }),
      op<N>("not", "~a", [](const Case& c) { return ~c.a; }),
      // Reductions.
      op<N>("reduce_and", "&a", [](const Case& c) { return reduce_and(c.a); }),
      op<N>("reduce_or", "|a", [](const Case& c) { return reduce_or(c.a); }),
      op<N>("reduce_xor", "^a", [](const Case& c) { return reduce_xor(c.a); }),
      op<N>("reduce_nand", "~&a", [](const Case& c) { return reduce_nand(c.a); }),
      op<N>("reduce_nor", "~|a", [](const Case& c) { return reduce_nor(c.a); }),
      op<N>("reduce_xnor", "~^a", [](const Case& c) { return reduce_xnor(c.a); }),
      // Logical, including operands of different widths.
      op<N>("logical_not", "!a", [](const Case& c) { return logical_not(c.a); }),
      op<N>("operator_not", "!b", [](const Case& c) { return !c.b; }),
      op<N>("logical_and", "a && b", [](const Case& c) { return logical_and(c.a, c.b); }),
      op<N>("logical_or", "a || b", [](const Case& c) { return logical_or(c.a, c.b); }),
      op<N>("logical_and_mixed", "a && amount", [](const Case& c) { return logical_and(c.a, c.amount); }),
      op<N>("logical_or_mixed", "amount || b", [](const Case& c) { return logical_or(c.amount, c.b); }),
      // Equality.
      op<N>("eq", "a == b", [](const Case& c) { return eq(c.a, c.b); }),
      op<N>("ne", "a != b", [](const Case& c) { return ne(c.a, c.b); }),
      op<N>("case_eq", "a === b", [](const Case& c) { return case_eq(c.a, c.b); }),
      op<N>("case_ne", "a !== b", [](const Case& c) { return case_ne(c.a, c.b); }),
      op<N>("identity", "a === b", [](const Case& c) { return c.a == c.b; }),
      op<N>("wildcard_eq", "a ==? b", [](const Case& c) { return wildcard_eq(c.a, c.b); }),
      op<N>("wildcard_ne", "a !=? b", [](const Case& c) { return wildcard_ne(c.a, c.b); }),
      op<N>("casez_match", "casez_hit(a, b)", [](const Case& c) { return casez_match(c.a, c.b); }),
      // Relational.
      op<N>("ult", "a < b", [](const Case& c) { return ult(c.a, c.b); }),
      op<N>("ule", "a <= b", [](const Case& c) { return ule(c.a, c.b); }),
      op<N>("ugt", "a > b", [](const Case& c) { return ugt(c.a, c.b); }),
      op<N>("uge", "a >= b", [](const Case& c) { return uge(c.a, c.b); }),
      op<N>("slt", "$signed(a) < $signed(b)", [](const Case& c) { return slt(c.a, c.b); }),
      op<N>("sle", "$signed(a) <= $signed(b)", [](const Case& c) { return sle(c.a, c.b); }),
      op<N>("sgt", "$signed(a) > $signed(b)", [](const Case& c) { return sgt(c.a, c.b); }),
      op<N>("sge", "$signed(a) >= $signed(b)", [](const Case& c) { return sge(c.a, c.b); }),
      // Arithmetic.
      op<N>("add", "a + b", [](const Case& c) { return c.a + c.b; }),
      op<N>("sub", "a - b", [](const Case& c) { return c.a - c.b; }),
      op<N>("mul", "a * b", [](const Case& c) { return c.a * c.b; }),
      op<N>("div", "a / b", [](const Case& c) { return c.a / c.b; }),
      op<N>("mod", "a % b", [](const Case& c) { return c.a % c.b; }),
      op<N>("neg", "-a", [](const Case& c) { return -c.a; }),
      op<N>("sdiv", "$signed(a) / $signed(b)", [](const Case& c) { return sdiv(c.a, c.b); }),
      op<N>("srem", "$signed(a) % $signed(b)", [](const Case& c) { return srem(c.a, c.b); }),
      // Shifts by constants (one beyond the width), by a variable 8-bit amount (possibly
      // unknown or beyond the width) and by a full-width amount.
      op<N>("shl_1", "a << 1", [](const Case& c) { return c.a << std::size_t{1}; }),
      op<N>("shl_half", "a << " + n(half_shift), [](const Case& c) { return c.a << half_shift; }),
      op<N>("shl_beyond", "a << " + n(beyond_shift), [](const Case& c) { return c.a << beyond_shift; }),
      op<N>("shr_1", "a >> 1", [](const Case& c) { return c.a >> std::size_t{1}; }),
      op<N>("shr_half", "a >> " + n(half_shift), [](const Case& c) { return c.a >> half_shift; }),
      op<N>("shr_beyond", "a >> " + n(beyond_shift), [](const Case& c) { return c.a >> beyond_shift; }),
      op<N>("ashr_1", "$signed(a) >>> 1", [](const Case& c) { return ashr(c.a, std::size_t{1}); }),
      op<N>("ashr_half", "$signed(a) >>> " + n(half_shift), [](const Case& c) { return ashr(c.a, half_shift); }),
      op<N>("ashr_beyond", "$signed(a) >>> " + n(beyond_shift),
            [](const Case& c) { return ashr(c.a, beyond_shift); }),
      op<N>("shl_var", "a << amount", [](const Case& c) { return c.a << c.amount; }),
      op<N>("shr_var", "a >> amount", [](const Case& c) { return c.a >> c.amount; }),
      op<N>("ashr_var", "$signed(a) >>> amount", [](const Case& c) { return ashr(c.a, c.amount); }),
      op<N>("shl_wide", "a << b", [](const Case& c) { return c.a << c.b; }),
      op<N>("shr_wide", "b >> a", [](const Case& c) { return c.b >> c.a; }),
      // Rotations, written in Verilog as a shift of {a, a}; the amount wraps modulo N,
      // and an unknown amount (rotl_var, rotr_var) gives all X.
      op<N>("rotl", w + "'(({a, a} << (rotation % " + w + ")) >> " + w + ")",
            [](const Case& c) { return rotl(c.a, c.rotation.to_uint64()); }),
      op<N>("rotr", w + "'({a, a} >> (rotation % " + w + "))",
            [](const Case& c) { return rotr(c.a, c.rotation.to_uint64()); }),
      op<N>("rotl_var", w + "'(({a, a} << (amount % " + w + ")) >> " + w + ")",
            [](const Case& c) { return rotl(c.a, c.amount); }),
      op<N>("rotr_var", w + "'({a, a} >> (amount % " + w + "))", [](const Case& c) { return rotr(c.a, c.amount); }),
      // Selection.
      with_icarus_correction<N>(
          op<N>("select", "condition ? a : b", [](const Case& c) { return select(c.condition, c.a, c.b); }),
          ieee_select_merge<N>),
      op<N>("bit_select", "a[amount]", [](const Case& c) { return bit_select(c.a, c.amount); }),
      op<N>("part_select_narrow", "a[amount +: " + n(narrow_part) + "]",
            [](const Case& c) { return part_select<narrow_part>(c.a, c.amount); }),
      op<N>("part_select_full", "a[amount +: " + w + "]",
            [](const Case& c) { return part_select<N>(c.a, c.amount); }),
      op<N>("slice", "a[" + n(N - 1) + ":" + n(slice_low) + "]",
            [](const Case& c) { return slice<N - 1, slice_low>(c.a); }),
      // Layout.
      op<N>("concat", "{a, b}", [](const Case& c) { return concat(c.a, c.b); }),
      op<N>("concat3", "{amount, a, b}", [](const Case& c) { return concat(c.amount, c.a, c.b); }),
      op<N>("replicate", "{3{a}}", [](const Case& c) { return replicate<3>(c.a); }),
      op<N>("zext", "{5'b0, a}", [](const Case& c) { return zext<N + 5>(c.a); }),
      op<N>("sext", "{{5{a[" + n(N - 1) + "]}}, a}", [](const Case& c) { return sext<N + 5>(c.a); }),
      op<N>("trunc", "a[" + n(truncated - 1) + ":0]", [](const Case& c) { return trunc<truncated>(c.a); }),
      // Counting.
      op<N>("count_ones", "$countones(a)", [](const Case& c) { return count_ones(c.a); }),
      op<N>("count_zeros", "$countbits(a, 1'b0)", [](const Case& c) { return count_zeros(c.a); }),
      op<N>("count_unknowns", "$countbits(a, 1'bx, 1'bz)", [](const Case& c) { return count_unknowns(c.a); }),
      op<N>("onehot", "$onehot(a)", [](const Case& c) { return onehot(c.a); }),
      op<N>("onehot0", "$onehot0(a)", [](const Case& c) { return onehot0(c.a); }),
      op<N>("isunknown", "$isunknown(a)", [](const Case& c) { return !c.a.is_known(); }),
  };
}

template <std::size_t N>
VerilogProgram oracle_program(const std::string& name, const std::vector<OracleOperator<N>>& operators,
                              const std::vector<OracleCase<N>>& cases) {
  const std::string w = std::to_string(N);
  const std::size_t line_bits = 2 * N + 2 * amount_bits + 1;
  std::ostringstream source;
  source << "module " << name << ";\n"
         << "  reg [" << w << "-1:0] a, b;\n"
         << "  reg [" << amount_bits - 1 << ":0] amount, rotation;\n"
         << "  reg condition;\n"
         << "  reg [" << line_bits - 1 << ":0] image [0:" << cases.size() - 1 << "];\n"
         << "  integer i;\n"
         << "  function automatic casez_hit(input [" << w << "-1:0] value, input [" << w << "-1:0] pattern);\n"
         << "    casez (value) pattern: casez_hit = 1'b1; default: casez_hit = 1'b0; endcase\n"
         << "  endfunction\n"
         << "  initial begin\n"
         << "    $readmemb(\"" << name << ".mem\", image);\n"
         << "    for (i = 0; i < " << cases.size() << "; i = i + 1) begin\n"
         << "      {a, b, amount, rotation, condition} = image[i];\n";
  for (const OracleOperator<N>& oracle_operator : operators) {
    source << "      $display(\"" << oracle_operator.label << " %0d " << oracle_operator.display_format
           << "\", i, " << oracle_operator.verilog << ");\n";
  }
  source << "    end\n  end\nendmodule\n";

  std::string memory_image;
  for (const OracleCase<N>& oracle_case : cases) {
    memory_image += oracle_case.memory_line + "\n";
  }
  return {name, source.str(), memory_image};
}

// One line per disagreement, naming the operator, the width, the operands and both results.
template <std::size_t N>
std::vector<std::string> disagreements(const std::vector<OracleOperator<N>>& operators,
                                       const std::vector<OracleCase<N>>& cases,
                                       const DisplayedResults& icarus) {
  std::vector<std::string> found;
  for (const OracleOperator<N>& oracle_operator : operators) {
    const auto printed = icarus.find(oracle_operator.label);
    if (printed == icarus.end() || printed->second.size() != cases.size()) {
      found.push_back("width " + std::to_string(N) + ", " + oracle_operator.label + ": Icarus printed " +
                      std::to_string(printed == icarus.end() ? 0 : printed->second.size()) + " results for " +
                      std::to_string(cases.size()) + " cases");
      continue;
    }
    for (std::size_t i = 0; i < cases.size(); ++i) {
      const OracleCase<N>& c = cases[i];
      const std::string tetra = oracle_operator.tetra(c);
      const std::string expected = oracle_operator.icarus_to_ieee(c, printed->second[i]);
      if (tetra != expected) {
        found.push_back("width " + std::to_string(N) + ", " + oracle_operator.label + " (" +
                        oracle_operator.verilog + "), case " + std::to_string(i) + ": a=" + rendered(c.a) +
                        " b=" + rendered(c.b) + " amount=" + rendered(c.amount) +
                        " rotation=" + rendered(c.rotation) + " condition=" + rendered(c.condition) +
                        ": Icarus " + expected + ", Tetra " + tetra);
      }
    }
  }
  return found;
}

template <std::size_t N>
std::vector<std::string> compare_with_icarus(const std::string& name, const std::vector<OracleOperator<N>>& operators) {
  const std::vector<OracleCase<N>> cases = random_cases<N>(seed + N);
  const DisplayedResults icarus =
      run_icarus(std::filesystem::path(TETRA_ORACLE_WORK_DIR), oracle_program<N>(name, operators, cases));
  return disagreements<N>(operators, cases, icarus);
}

std::string joined(const std::vector<std::string>& lines, std::size_t limit) {
  std::string text;
  for (std::size_t i = 0; i < std::min(lines.size(), limit); ++i) {
    text += lines[i] + "\n";
  }
  if (lines.size() > limit) {
    text += "... and " + std::to_string(lines.size() - limit) + " more\n";
  }
  return text;
}

template <typename Width>
class ValuesOracle : public ::testing::Test {};

using OracleWidths =
    ::testing::Types<std::integral_constant<std::size_t, 1>, std::integral_constant<std::size_t, 7>,
                     std::integral_constant<std::size_t, 8>, std::integral_constant<std::size_t, 16>,
                     std::integral_constant<std::size_t, 32>, std::integral_constant<std::size_t, 33>,
                     std::integral_constant<std::size_t, 63>, std::integral_constant<std::size_t, 64>,
                     std::integral_constant<std::size_t, 65>, std::integral_constant<std::size_t, 128>,
                     std::integral_constant<std::size_t, 200>>;

struct WidthName {
  template <typename Width>
  static std::string GetName(int) {
    return "Width" + std::to_string(Width::value);
  }
};

TYPED_TEST_SUITE(ValuesOracle, OracleWidths, WidthName);

TYPED_TEST(ValuesOracle, EveryOperatorMatchesIcarus) {
  constexpr std::size_t width = TypeParam::value;
  const auto operators = all_operators<width>();
  ASSERT_GE(operators.size(), 25U);
  const std::vector<std::string> found =
      compare_with_icarus<width>("oracle_w" + std::to_string(width), operators);
  EXPECT_TRUE(found.empty()) << found.size() << " disagreements with Icarus:\n" << joined(found, 40);
}

// The comparison itself must be able to fail: an operator whose Tetra side is wrong
// (| standing in for &) is caught, and the report names everything needed to reproduce.
TEST(ValuesOracleHarness, ReportsADeliberatelyWrongOperator) {
  const std::vector<OracleOperator<8>> wrong = {
      op<8>("and", "a & b", [](const OracleCase<8>& c) { return c.a | c.b; })};
  const std::vector<std::string> found = compare_with_icarus<8>("oracle_wrong_and", wrong);
  ASSERT_FALSE(found.empty());
  EXPECT_NE(found.front().find("width 8, and (a & b), case "), std::string::npos) << found.front();
  EXPECT_NE(found.front().find(" a="), std::string::npos) << found.front();
  EXPECT_NE(found.front().find(" b="), std::string::npos) << found.front();
  EXPECT_NE(found.front().find(": Icarus "), std::string::npos) << found.front();
  EXPECT_NE(found.front().find(", Tetra "), std::string::npos) << found.front();
}

}  // namespace
}  // namespace tetra::oracle
