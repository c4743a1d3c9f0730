#include "sim/testbench/coverage.hpp"

#include <algorithm>
#include <stdexcept>
#include <utility>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "sim/testbench/test_context.hpp"

namespace tetra::testbench {

namespace {
std::shared_ptr<CoverageRecord> new_record(std::string name, double goal_percent) {
  if (!(goal_percent >= 0 && goal_percent <= 100)) {
    throw std::invalid_argument(fmt::format("cover point {}: goal {}% is not in 0..100", name, goal_percent));
  }
  auto record = std::make_shared<CoverageRecord>();
  record->name = std::move(name);
  record->goal_percent = goal_percent;
  if (TestContext* test = TestContext::current()) test->add_coverage(record);
  return record;
}
}  // namespace

std::size_t CoverageRecord::bins_hit() const {
  return static_cast<std::size_t>(std::count_if(bins.begin(), bins.end(), [](const CoverBin& bin) { return bin.hits > 0; }));
}

double CoverageRecord::percent() const {
  return bins.empty() ? 0.0 : 100.0 * static_cast<double>(bins_hit()) / static_cast<double>(bins.size());
}

std::string coverage_text(const CoverageRecord& record) {
  std::string text = fmt::format("coverage {}: {:.1f}% ({} of {} bins hit, goal {}%), {} samples", record.name,
                                 record.percent(), record.bins_hit(), record.bins.size(), record.goal_percent,
                                 record.samples);
  if (record.samples_outside > 0) text += fmt::format(", {} outside every bin", record.samples_outside);
  std::size_t name_width = 0;
  for (const CoverBin& bin : record.bins) name_width = std::max(name_width, bin.name.size());
  for (const CoverBin& bin : record.bins) {
    text += fmt::format("\n  {:<{}}  {:>8}{}", bin.name, name_width, bin.hits, bin.hits == 0 ? "  (missed)" : "");
  }
  return text;
}

std::string coverage_json(const CoverageRecord& record) {
  nlohmann::json bins = nlohmann::json::array();
  for (const CoverBin& bin : record.bins) bins.push_back({{"name", bin.name}, {"hits", bin.hits}});
  const nlohmann::json json{{"name", record.name},       {"goal_percent", record.goal_percent},
                            {"percent", record.percent()}, {"samples", record.samples},
                            {"samples_outside", record.samples_outside}, {"bins", bins}};
  return json.dump();
}

CoverPoint::CoverPoint(std::string name, double goal_percent) : record_(new_record(std::move(name), goal_percent)) {}

CoverPoint& CoverPoint::bin(std::string name, std::int64_t low, std::int64_t high) {
  if (low > high) throw std::invalid_argument(fmt::format("cover point {}: bin {} has low {} > high {}", record_->name, name, low, high));
  if (record_->samples > 0) throw std::invalid_argument(fmt::format("cover point {}: bin {} added after sampling began", record_->name, name));
  for (const CoverBin& existing : record_->bins) {
    if (existing.name == name) throw std::invalid_argument(fmt::format("cover point {}: two bins named {}", record_->name, name));
  }
  ranges_.push_back({low, high});
  record_->bins.push_back({std::move(name), 0});
  return *this;
}

CoverPoint& CoverPoint::bins(std::int64_t low, std::int64_t high) {
  if (low > high) throw std::invalid_argument(fmt::format("cover point {}: bins({}, {}) is empty", record_->name, low, high));
  for (std::int64_t value = low;; ++value) {
    bin(std::to_string(value), value);
    if (value == high) break;
  }
  return *this;
}

std::optional<std::size_t> CoverPoint::bin_of(std::int64_t value) const {
  for (std::size_t i = 0; i < ranges_.size(); ++i) {
    if (value >= ranges_[i].low && value <= ranges_[i].high) return i;
  }
  return std::nullopt;
}

void CoverPoint::sample(std::int64_t value) {
  ++record_->samples;
  if (const std::optional<std::size_t> index = bin_of(value)) {
    ++record_->bins[*index].hits;
  } else {
    ++record_->samples_outside;
  }
}

CoverCross::CoverCross(std::string name, const CoverPoint& first, const CoverPoint& second, double goal_percent)
    : first_(first), second_(second), first_bins_(first.record().bins.size()), second_bins_(second.record().bins.size()),
      record_(new_record(std::move(name), goal_percent)) {
  if (first.record().bins.empty() || second.record().bins.empty()) {
    throw std::invalid_argument(fmt::format("cover cross {}: {} and {} must have their bins first", record_->name,
                                            first.record().name, second.record().name));
  }
  for (const CoverBin& a : first.record().bins) {
    for (const CoverBin& b : second.record().bins) record_->bins.push_back({fmt::format("{}, {}", a.name, b.name), 0});
  }
}

void CoverCross::sample(std::int64_t first_value, std::int64_t second_value) {
  ++record_->samples;
  const std::optional<std::size_t> a = first_.bin_of(first_value);
  const std::optional<std::size_t> b = second_.bin_of(second_value);
  // Bins added to a point after the cross was made are not in the cross.
  if (a && b && *a < first_bins_ && *b < second_bins_) {
    ++record_->bins[*a * second_bins_ + *b].hits;
  } else {
    ++record_->samples_outside;
  }
}

}  // namespace tetra::testbench
