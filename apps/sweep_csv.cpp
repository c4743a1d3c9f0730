#include "apps/sweep_csv.hpp"

#include "apps/accel_options.hpp"

#include "text/quoted_excerpt.hpp"
#include "models/replacement_file.hpp"
#include "models/speculative_speedup.hpp"

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <fstream>
#include <sstream>
#include <stdexcept>

namespace tetra::apps {

namespace {

constexpr std::string_view kGridPrefix = "# tetra sweep grid ";

// The parameter columns, which identify a point; the measured columns follow them.
std::vector<std::string> parameter_columns() {
  std::vector<std::string> columns{"point", "target", "draft"};
  for (const HardwareOption& option : hardware_options()) columns.emplace_back(option.key);
  for (const char* column : {"mode", "prompt", "seed", "k", "tokens"}) columns.emplace_back(column);
  return columns;
}

// RFC 4180: a field with a comma, a quote, a line end or an edge space goes in quotes.
std::string quoted_field(std::string_view text) {
  const bool plain = text.find_first_of(",\"\r\n") == std::string_view::npos &&
                     (text.empty() || (text.front() != ' ' && text.back() != ' '));
  if (plain) return std::string(text);
  std::string quoted = "\"";
  for (char character : text) {
    if (character == '"') quoted += '"';
    quoted += character;
  }
  return quoted + '"';
}

std::string join_fields(const std::vector<std::string>& fields) {
  std::string line;
  for (std::size_t at = 0; at < fields.size(); ++at) {
    if (at > 0) line += ',';
    line += fields[at];
  }
  return line + '\n';
}

std::vector<std::string> parameter_fields(const SweepGrid& grid, const SweepPoint& point) {
  const ModelPair& pair = grid.models[point.model_pair];
  std::vector<std::string> fields{std::to_string(point.index), quoted_field(pair.target),
                                  quoted_field(pair.draft)};
  for (const HardwareOption& option : hardware_options()) {
    fields.push_back(std::to_string(point.hardware.*option.field));
  }
  fields.push_back(point.mode);
  fields.push_back(quoted_field(point.prompt));
  fields.push_back(std::to_string(point.seed));
  fields.push_back(std::to_string(point.k));
  fields.push_back(std::to_string(grid.tokens));
  return fields;
}

// A measured ratio; empty when it has no value (nothing to divide by), never a made-up 0.
std::string ratio(std::uint64_t numerator, std::uint64_t denominator) {
  if (denominator == 0) return "";
  return fmt::format("{:.6g}", static_cast<double>(numerator) / static_cast<double>(denominator));
}

double per(std::uint64_t numerator, std::uint64_t denominator) {
  return static_cast<double>(numerator) / static_cast<double>(denominator);
}

// One record of `text` from `begin`: its end (after the '\n'), or npos if the text ends
// inside it.
std::size_t record_end(std::string_view text, std::size_t begin) {
  bool quoted = false;
  for (std::size_t at = begin; at < text.size(); ++at) {
    if (text[at] == '"') quoted = !quoted;
    if (text[at] == '\n' && !quoted) return at + 1;
  }
  return std::string_view::npos;
}

}  // namespace

std::vector<std::string> csv_columns(const SweepGrid& grid) {
  std::vector<std::string> columns = parameter_columns();
  for (const char* column : {"cycles", "draft_cycles", "verify_cycles", "stall_cycles", "iterations",
                             "drafted", "accepted", "rejections", "acceptance"}) {
    columns.emplace_back(column);
  }
  for (std::size_t position = 1; position <= grid.max_k(); ++position) {
    columns.push_back(fmt::format("acceptance_at_{}", position));
  }
  for (const char* column :
       {"tokens_per_cycle", "baseline_cycles", "speedup", "cost_ratio", "analytic_speedup",
        "offchip_bytes_per_token", "sram_bytes_per_token", "macs_per_token", "energy_pj_per_token",
        "rejected_energy_pj_per_token", "baseline_offchip_bytes_per_token", "baseline_energy_pj_per_token",
        "energy_ratio"}) {
    columns.emplace_back(column);
  }
  return columns;
}

std::string csv_preamble(const SweepGrid& grid) {
  return fmt::format("{}{}\n", kGridPrefix, grid.to_json().dump()) + join_fields(csv_columns(grid));
}

std::string csv_row(const SweepGrid& grid, const SweepPoint& point, const PointMeasurement& run,
                    const PointMeasurement& baseline) {
  std::vector<std::string> fields = parameter_fields(grid, point);
  const accel::CounterValues& counters = run.counters;
  for (std::uint64_t count : {counters.cycles, counters.draft_cycles, counters.verify_cycles,
                              counters.stall_cycles, counters.iterations, counters.drafted,
                              counters.accepted, counters.rejections}) {
    fields.push_back(std::to_string(count));
  }
  fields.push_back(ratio(counters.accepted, counters.accepted + counters.rejections));
  for (std::size_t position = 0; position < grid.max_k(); ++position) {
    const PositionAcceptance measured =
        position < run.positions.size() ? run.positions[position] : PositionAcceptance{};
    fields.push_back(ratio(measured.accepted, measured.tested));
  }
  fields.push_back(ratio(counters.emitted, counters.cycles));
  fields.push_back(std::to_string(baseline.counters.cycles));
  fields.push_back(ratio(baseline.counters.cycles, counters.cycles));
  if (counters.drafted == 0) {
    // No draft step was taken: c has no value, and Leviathan's formula at K = 0 is 1.
    fields.emplace_back("");
    fields.push_back(fmt::format("{:.6g}", 1.0));
  } else {
    // c: a draft step's cycles over a target step's (the baseline's cycles per token).
    const double cost_ratio =
        per(counters.draft_cycles, counters.drafted) / per(baseline.counters.cycles, baseline.counters.emitted);
    const double alpha = per(counters.accepted, counters.accepted + counters.rejections);
    fields.push_back(fmt::format("{:.6g}", cost_ratio));
    fields.push_back(fmt::format("{:.6g}", models::walltime_improvement(alpha, point.k, cost_ratio)));
  }
  const accel::PerTokenTraffic traffic = accel::per_token(run.traffic, grid.energy, counters.emitted);
  const accel::PerTokenTraffic base =
      accel::per_token(baseline.traffic, grid.energy, baseline.counters.emitted);
  for (double value : {traffic.offchip_bytes, traffic.sram_bytes, traffic.macs, traffic.energy_pj,
                       traffic.rejected_energy_pj, base.offchip_bytes, base.energy_pj}) {
    fields.push_back(fmt::format("{:.6g}", value));
  }
  // Energy per token over K = 0's: below 1, speculation saves energy.
  fields.push_back(base.energy_pj > 0 ? fmt::format("{:.6g}", traffic.energy_pj / base.energy_pj) : "");
  return join_fields(fields);
}

std::vector<std::string> csv_fields(std::string_view record) {
  std::vector<std::string> fields(1);
  bool quoted = false;
  for (std::size_t at = 0; at < record.size(); ++at) {
    const char character = record[at];
    if (quoted) {
      if (character != '"') {
        fields.back() += character;
      } else if (at + 1 < record.size() && record[at + 1] == '"') {
        fields.back() += '"';
        ++at;
      } else {
        quoted = false;
      }
    } else if (character == '"') {
      quoted = true;
    } else if (character == ',') {
      fields.emplace_back();
    } else if (character != '\n' && character != '\r') {
      fields.back() += character;
    }
  }
  return fields;
}

SweepCsv read_sweep_csv(const std::filesystem::path& path) {
  const std::string file = path.string();
  std::ifstream stream(path, std::ios::binary);
  if (!stream) throw std::runtime_error(fmt::format("{}: cannot open the sweep CSV", file));
  std::ostringstream contents;
  contents << stream.rdbuf();
  const std::string text = contents.str();

  const auto fail = [&file](std::size_t line, const std::string& message) {
    throw std::runtime_error(fmt::format("{}:{}: {}", file, line, message));
  };
  const std::size_t grid_end = text.find('\n');
  if (text.rfind(kGridPrefix, 0) != 0 || grid_end == std::string::npos) {
    fail(1, fmt::format("not a tetra sweep CSV: the first line is not '{}{{...}}'", kGridPrefix));
  }
  SweepCsv csv;
  try {
    csv.grid = SweepGrid::from_json(
        nlohmann::json::parse(std::string_view(text).substr(kGridPrefix.size(), grid_end - kGridPrefix.size())));
  } catch (const std::exception& error) {
    fail(1, fmt::format("the grid cannot be read: {}", error.what()));
  }
  const std::string preamble = csv_preamble(csv.grid);
  if (text.compare(0, preamble.size(), preamble) != 0) {
    fail(2, "the header is not the header of this grid");
  }
  const std::size_t columns = csv_columns(csv.grid).size();
  const std::size_t parameters = parameter_columns().size();
  std::size_t line = 3;
  std::size_t begin = preamble.size();
  while (begin < text.size()) {
    const std::size_t end = record_end(text, begin);
    if (end == std::string_view::npos) {
      csv.partial_row = true;
      break;
    }
    const std::string record = text.substr(begin, end - begin);
    const std::vector<std::string> fields = csv_fields(record);
    if (fields.size() != columns) {
      fail(line, fmt::format("the row has {} fields; the grid's rows have {}", fields.size(), columns));
    }
    std::size_t index = 0;
    try {
      index = std::stoull(fields[0]);
    } catch (const std::exception&) {
      fail(line, fmt::format("point {} is not a point number", quoted_excerpt(fields[0])));
    }
    if (fields[0] != std::to_string(index) || index >= csv.grid.size()) {
      fail(line, fmt::format("point {} is not in the grid (0..{})", quoted_excerpt(fields[0]),
                             csv.grid.size() - 1));
    }
    const std::vector<std::string> expected = csv_fields(join_fields(parameter_fields(csv.grid, csv.grid.point(index))));
    if (!std::equal(expected.begin(), expected.end(), fields.begin(), fields.begin() + parameters)) {
      fail(line, fmt::format("the parameters of point {} are not the grid's", index));
    }
    if (!csv.rows.emplace(index, record).second) fail(line, fmt::format("point {} appears twice", index));
    line += static_cast<std::size_t>(std::count(record.begin(), record.end(), '\n'));
    begin = end;
  }
  csv.complete_bytes = begin;
  return csv;
}

void write_sweep_csv(const std::filesystem::path& path, const SweepGrid& grid,
                     const std::map<std::size_t, std::string>& rows) {
  std::string text = csv_preamble(grid);
  for (const auto& [index, row] : rows) text += row;
  models::ReplacementFile file(path, "sweep CSV");
  file.write(text);
  file.commit();
}

}  // namespace tetra::apps
