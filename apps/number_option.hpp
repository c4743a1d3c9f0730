#pragma once
// Numbers on the `tetra` command line: decimal only, range-checked, and refused with the
// option's name and the value as typed. Every command reads its numeric options, and any
// list of numbers it takes, through here.

#include <CLI/CLI.hpp>

#include <concepts>
#include <cstdint>
#include <limits>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <type_traits>
#include <vector>

namespace tetra::apps {

/// Text that is not a number of the expected form and range; the message says what was
/// expected and quotes what was found: "expected a decimal integer in 1..64, found '-1'".
class NumberError : public std::invalid_argument {
public:
  using std::invalid_argument::invalid_argument;
};

/// What an option or a value in a list may hold: an unsigned integer or a double.
template <typename Number>
concept OptionNumber = std::unsigned_integral<Number> || std::same_as<Number, double>;

namespace detail {
std::uint64_t parse_unsigned(std::string_view text, std::uint64_t low, std::uint64_t high);
double parse_double(std::string_view text, double low, double high);
std::string unsigned_type_name(std::uint64_t low, std::uint64_t high, std::uint64_t type_max);
std::string double_type_name(double low, double high);
std::string format_double(double value);

template <typename Variable> struct NumberOf { using type = Variable; };
template <typename Number> struct NumberOf<std::optional<Number>> { using type = Number; };
}  // namespace detail

/// `text` read as a number in low..high, or NumberError:
/// - an unsigned integer is decimal digits and nothing else: "010" is ten, never octal; a
///   sign, "0x", an exponent, a space, or a value past `high` (the type's maximum
///   included) is refused, never wrapped or clamped;
/// - a double is a finite decimal such as "0.25", "-3" or "2e-3"; "nan", "inf" and hex
///   floats are refused.
/// Example: parse_number<std::size_t>("12", 1, 64) is 12; parse_number<std::size_t>("-1")
/// throws "expected a decimal integer in 0..18446744073709551615, found '-1'".
template <OptionNumber Number>
Number parse_number(std::string_view text,
                    std::type_identity_t<Number> low = std::numeric_limits<Number>::lowest(),
                    std::type_identity_t<Number> high = std::numeric_limits<Number>::max()) {
  if constexpr (std::unsigned_integral<Number>) {
    return static_cast<Number>(detail::parse_unsigned(text, low, high));
  } else {
    return detail::parse_double(text, low, high);
  }
}

/// Most values a list of numbers may stand for.
inline constexpr std::size_t kMaxListLength = 1'000'000;

/// `text` read as a list of unsigned integers in low..high, in the order written: values
/// and ranges separated by commas, a range "a..b" standing for a, a+1, ..., b. Each value
/// is read by parse_number; a range whose end is below its start ("8..2") is empty and
/// refused, as are an empty item, an empty list and more than kMaxListLength values. Example: parse_number_list("0..2,8",
/// 0, 64) is {0, 1, 2, 8}.
std::vector<std::uint64_t> parse_number_list(std::string_view text, std::uint64_t low,
                                             std::uint64_t high);

/// The number a variable of an option holds: Number for Number and std::optional<Number>.
template <typename Variable>
using OptionNumberOf = typename detail::NumberOf<Variable>::type;

/// Adds the option `name` to `command`, storing into `variable` (a number, or an optional
/// one that stays empty unless given) what parse_number reads within low..high. Bad text
/// is a CLI::ValidationError naming the option, "--k: expected a decimal integer in
/// 0..64, found '010x'", which the command line prints with the usage. The help shows the
/// range ("UINT:0..64", or "UINT" for the whole type); capture_default_str() shows the
/// default as for add_option.
/// Example: add_number_option(*command, "--k", arguments.k, "Draft length", 0, 64);
template <typename Variable>
  requires OptionNumber<OptionNumberOf<Variable>>
CLI::Option* add_number_option(
    CLI::App& command, const std::string& name, Variable& variable,
    const std::string& description,
    std::type_identity_t<OptionNumberOf<Variable>> low =
        std::numeric_limits<OptionNumberOf<Variable>>::lowest(),
    std::type_identity_t<OptionNumberOf<Variable>> high =
        std::numeric_limits<OptionNumberOf<Variable>>::max()) {
  using Number = OptionNumberOf<Variable>;
  CLI::Option* option = command.add_option(
      name,
      [&variable, name, low, high](const CLI::results_t& results) {
        try {
          variable = parse_number<Number>(results.front(), low, high);
        } catch (const NumberError& error) {
          throw CLI::ValidationError(name, error.what());
        }
        return true;
      },
      description);
  if constexpr (std::unsigned_integral<Number>) {
    option->type_name(
        detail::unsigned_type_name(low, high, std::numeric_limits<Number>::max()));
  } else {
    option->type_name(detail::double_type_name(low, high));
  }
  if constexpr (std::same_as<Variable, Number>) {
    option->default_function([&variable] {
      if constexpr (std::unsigned_integral<Number>) {
        return std::to_string(variable);
      } else {
        return detail::format_double(variable);
      }
    });
  }
  return option;
}

}  // namespace tetra::apps
