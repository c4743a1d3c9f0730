#include "apps/number_option.hpp"

#include "text/quoted_excerpt.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <charconv>
#include <cmath>

namespace tetra::apps {

namespace detail {

namespace {

[[noreturn]] void refuse(std::string_view expected, std::string_view text) {
  throw NumberError(
      fmt::format("expected {}, found {}", expected, quoted_excerpt(text)));
}

std::string double_range(double low, double high) {
  const double lowest = std::numeric_limits<double>::lowest();
  const double highest = std::numeric_limits<double>::max();
  if (low == lowest && high == highest) return "";
  if (high == highest) return fmt::format(">= {}", low);
  if (low == lowest) return fmt::format("<= {}", high);
  return fmt::format("in {}..{}", low, high);
}

}  // namespace

std::uint64_t parse_unsigned(std::string_view text, std::uint64_t low, std::uint64_t high) {
  const auto refuse_text = [&] {
    refuse(fmt::format("a decimal integer in {}..{}", low, high), text);
  };
  // from_chars alone would take nothing more, but says so only through `end`.
  if (text.empty() || text.find_first_not_of("0123456789") != std::string_view::npos) {
    refuse_text();
  }
  std::uint64_t value = 0;
  const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (error != std::errc{} || value < low || value > high) refuse_text();
  return value;
}

double parse_double(std::string_view text, double low, double high) {
  const std::string range = double_range(low, high);
  const auto refuse_text = [&] {
    refuse(range.empty() ? "a finite decimal number"
                         : fmt::format("a finite decimal number {}", range),
           text);
  };
  // Digits, point, sign and exponent only: no "nan", "inf" or hex "0x1p3".
  if (text.empty() || text.find_first_not_of("0123456789.eE+-") != std::string_view::npos) {
    refuse_text();
  }
  double value = 0;
  const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (error != std::errc{} || end != text.data() + text.size() || !std::isfinite(value) ||
      value < low || value > high) {
    refuse_text();
  }
  return value;
}

std::string unsigned_type_name(std::uint64_t low, std::uint64_t high, std::uint64_t type_max) {
  return low == 0 && high == type_max ? "UINT" : fmt::format("UINT:{}..{}", low, high);
}

std::string double_type_name(double low, double high) {
  const std::string range = double_range(low, high);
  return range.empty() ? "FLOAT" : fmt::format("FLOAT:{}", range);
}

std::string format_double(double value) { return fmt::format("{}", value); }

}  // namespace detail

std::vector<std::uint64_t> parse_number_list(std::string_view text, std::uint64_t low,
                                             std::uint64_t high) {
  if (text.empty()) throw NumberError("expected a list of numbers such as 0..4,8, found ''");
  std::vector<std::uint64_t> values;
  std::size_t begin = 0;
  while (begin <= text.size()) {
    const std::size_t comma = std::min(text.find(',', begin), text.size());
    const std::string_view item = text.substr(begin, comma - begin);
    begin = comma + 1;
    const std::size_t dots = item.find("..");
    const bool range = dots != std::string_view::npos;
    const std::uint64_t first = detail::parse_unsigned(item.substr(0, dots), low, high);
    const std::uint64_t last = range ? detail::parse_unsigned(item.substr(dots + 2), low, high) : first;
    if (last < first) {
      throw NumberError(fmt::format("the range {} is empty: its end is below its start",
                                    quoted_excerpt(item)));
    }
    if (values.size() == kMaxListLength || last - first >= kMaxListLength - values.size()) {
      throw NumberError(fmt::format("the list {} has more than {} values",
                                    quoted_excerpt(text), kMaxListLength));
    }
    for (std::uint64_t value = first;; ++value) {
      values.push_back(value);
      if (value == last) break;
    }
  }
  return values;
}

}  // namespace tetra::apps
