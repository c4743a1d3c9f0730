#include "apps/sweep_command.hpp"

#include "apps/accel_options.hpp"
#include "apps/energy_options.hpp"
#include "apps/file_name_check.hpp"
#include "apps/number_option.hpp"
#include "apps/sweep_csv.hpp"
#include "apps/sweep_grid.hpp"
#include "apps/sweep_plots.hpp"
#include "apps/sweep_progress.hpp"
#include "apps/sweep_runner.hpp"

#include "models/file_descriptor.hpp"
#include "text/quoted_excerpt.hpp"

#include <fmt/format.h>
#include <fmt/ranges.h>
#include <nlohmann/json.hpp>

#include <cerrno>
#include <chrono>
#include <cstring>
#include <filesystem>
#include <map>
#include <memory>
#include <optional>
#include <stdexcept>
#include <thread>

#include <fcntl.h>
#include <unistd.h>

namespace tetra::apps {

namespace {

/// Which points of the grid one run takes: those whose index is `index` modulo `count`.
struct Shard {
  std::size_t index = 0;
  std::size_t count = 1;
  [[nodiscard]] bool holds(std::size_t point) const { return point % count == index; }
};

struct SweepArguments {
  std::string grid_file;
  std::map<std::string, std::string> axes;  // key -> list, as typed
  std::vector<std::string> prompts;
  std::vector<std::string> model_files;     // target, draft, target, draft, ...
  std::string output = "sweep.csv";
  std::size_t jobs = std::max(1u, std::thread::hardware_concurrency());
  std::string shard_text;
  bool no_plots = false;
  EnergyOptions energy;
};

struct MergeArguments {
  std::vector<std::string> inputs;
  std::string output;
  bool no_plots = false;
};

Shard parse_shard(const std::string& text) {
  const std::size_t slash = text.find('/');
  try {
    if (slash == std::string::npos) throw NumberError("no '/'");
    const std::size_t count = parse_number<std::size_t>(std::string_view(text).substr(slash + 1), 1,
                                                        std::numeric_limits<std::size_t>::max());
    return {parse_number<std::size_t>(std::string_view(text).substr(0, slash), 0, count - 1), count};
  } catch (const NumberError& error) {
    throw CLI::ValidationError("--shard", fmt::format("expected i/n with 0 <= i < n, found {} ({})",
                                                      quoted_excerpt(text), error.what()));
  }
}

SweepGrid grid_of(const SweepArguments& arguments) {
  SweepGrid grid;
  EnergyOptions energy;
  if (!arguments.grid_file.empty()) energy = read_grid_file(arguments.grid_file, grid);
  for (const auto& [key, text] : arguments.axes) set_axis(grid, key, text);
  energy.override_with(arguments.energy);
  grid.energy_preset = energy.preset_name();
  grid.energy = energy.costs();
  if (!arguments.prompts.empty()) grid.prompt = arguments.prompts;
  if (!arguments.model_files.empty()) {
    grid.models.clear();
    for (std::size_t at = 0; at + 1 < arguments.model_files.size(); at += 2) {
      grid.models.push_back({arguments.model_files[at], arguments.model_files[at + 1]});
    }
  }
  return grid;
}

// Appends rows to the CSV as they come, each with one write, so that an interrupted run
// leaves whole rows and at most one partial last row.
class RowAppender {
public:
  explicit RowAppender(const std::filesystem::path& path)
      : path_(path), file_(::open(path.c_str(), O_WRONLY | O_APPEND | O_CLOEXEC)) {
    if (file_.get() < 0) fail();
  }
  void append(std::string_view row) {
    while (!row.empty()) {
      const ssize_t written = ::write(file_.get(), row.data(), row.size());
      if (written < 0 && errno == EINTR) continue;
      if (written <= 0) fail();
      row.remove_prefix(static_cast<std::size_t>(written));
    }
  }

private:
  [[noreturn]] void fail() const {
    throw std::runtime_error(fmt::format("{}: cannot write the sweep CSV: {}", path_.string(), std::strerror(errno)));
  }
  std::filesystem::path path_;
  models::FileDescriptor file_;
};

// The rows a CSV already holds for this grid and shard; a new CSV gets the preamble.
std::map<std::size_t, std::string> resume(const std::filesystem::path& path, const SweepGrid& grid,
                                          const Shard& shard, std::ostream& progress) {
  if (!std::filesystem::exists(path)) {
    write_sweep_csv(path, grid, {});
    return {};
  }
  const SweepCsv csv = read_sweep_csv(path);
  if (csv.grid.to_json() != grid.to_json()) {
    throw std::runtime_error(fmt::format(
        "{} holds a sweep of another grid; give another --output, or delete it to start again",
        path.string()));
  }
  for (const auto& [index, row] : csv.rows) {
    if (!shard.holds(index)) {
      throw std::runtime_error(fmt::format("{} holds point {}, which is not in shard {}/{}", path.string(),
                                           index, shard.index, shard.count));
    }
  }
  if (csv.partial_row) {
    progress << fmt::format("tetra sweep: {}: its last row was cut short; running that point again\n",
                            path.string());
    std::filesystem::resize_file(path, csv.complete_bytes);
  }
  return csv.rows;
}

void run_sweep(const SweepArguments& arguments, std::ostream& out, std::ostream& progress) {
  const auto started = std::chrono::steady_clock::now();
  const SweepGrid grid = grid_of(arguments);
  const std::vector<LoadedModelPair> models = check_grid(grid);
  const Shard shard = arguments.shard_text.empty() ? Shard{} : parse_shard(arguments.shard_text);
  const std::filesystem::path path = arguments.output;

  std::map<std::size_t, std::string> rows = resume(path, grid, shard, progress);
  const std::size_t resumed = rows.size();
  std::vector<std::size_t> pending;
  std::size_t in_shard = 0;
  for (std::size_t index = 0; index < grid.size(); ++index) {
    if (!shard.holds(index)) continue;
    ++in_shard;
    if (!rows.contains(index)) pending.push_back(index);
  }
  {
    RowAppender appender(path);
    SweepProgressDisplay display(progress, is_terminal(progress));
    SweepCallbacks callbacks;
    callbacks.row = [&](std::size_t index, const std::string& row) {
      appender.append(row);
      rows.emplace(index, row);
    };
    callbacks.progress = [&display](const SweepProgress& now) { display.update(now); };
    run_sweep_points(grid, models, pending, arguments.jobs, callbacks);
  }
  write_sweep_csv(path, grid, rows);
  const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
  out << fmt::format("tetra sweep: {} points ({} run now, {} from {}) in {:.1f} s: {}\n", in_shard,
                     pending.size(), resumed, path.string(), seconds, path.string());
  if (rows.size() == grid.size() && !arguments.no_plots) {
    for (const std::filesystem::path& plot : write_sweep_plots(path, grid, rows)) {
      out << fmt::format("plot: {}\n", plot.string());
    }
  }
}

void merge_sweeps(const MergeArguments& arguments, std::ostream& out) {
  std::optional<SweepGrid> grid;
  std::map<std::size_t, std::string> rows;
  std::map<std::size_t, std::string> source;  // point -> the file it came from
  for (const std::string& input : arguments.inputs) {
    const SweepCsv csv = read_sweep_csv(input);
    if (csv.partial_row) {
      throw std::runtime_error(fmt::format("{}: its last row was cut short; run its shard again to finish it", input));
    }
    if (!grid) {
      grid = csv.grid;
    } else if (csv.grid.to_json() != grid->to_json()) {
      throw std::runtime_error(
          fmt::format("{} is a sweep of another grid than {}", input, arguments.inputs.front()));
    }
    for (const auto& [index, row] : csv.rows) {
      if (const auto [at, added] = source.emplace(index, input); !added) {
        throw std::runtime_error(fmt::format("point {} is in both {} and {}", index, at->second, input));
      }
      rows.emplace(index, row);
    }
  }
  std::vector<std::size_t> missing;
  for (std::size_t index = 0; index < grid->size(); ++index) {
    if (!rows.contains(index)) missing.push_back(index);
  }
  if (!missing.empty()) {
    constexpr std::size_t kShown = 8;
    const std::vector<std::size_t> shown(missing.begin(), missing.begin() + std::min(kShown, missing.size()));
    throw std::runtime_error(fmt::format(
        "{} of the grid's {} points are in none of the files: {}{}", missing.size(), grid->size(),
        fmt::join(shown, ", "), missing.size() > kShown ? ", ..." : ""));
  }
  write_sweep_csv(arguments.output, *grid, rows);
  out << fmt::format("tetra sweep merge: {} points from {} files: {}\n", rows.size(), arguments.inputs.size(),
                     arguments.output);
  if (!arguments.no_plots) {
    for (const std::filesystem::path& plot : write_sweep_plots(arguments.output, *grid, rows)) {
      out << fmt::format("plot: {}\n", plot.string());
    }
  }
}

}  // namespace

void add_sweep_command(CLI::App& app, std::ostream& out, std::ostream& progress) {
  auto arguments = std::make_shared<SweepArguments>();
  CLI::App* command = app.add_subcommand(
      "sweep", "Run a grid of accelerator decodes into a CSV of cycles, acceptance and speedups");
  command->add_option("--grid", arguments->grid_file,
                      fmt::format("TOML file of the grid (keys: {}); options given too override its keys",
                                  fmt::join(grid_file_keys(), ", ")))
      ->check(non_empty_file_name());
  const auto add_list = [&](const std::string& key, const std::string& flag, const std::string& description) {
    command->add_option_function<std::string>(
        flag, [arguments, key](const std::string& text) { arguments->axes[key] = text; }, description)
        ->type_name("LIST");
  };
  add_list("k", "--k", "Draft lengths, e.g. 0..4,8 (0..64)");
  add_list("mode", "--mode", "Modes: greedy, sample or greedy,sample");
  for (const HardwareOption& option : hardware_options()) {
    add_list(std::string(option.key), std::string(option.flag), std::string(option.description) + ", a list");
  }
  add_list("seed", "--seed", "Seeds of the hardware xorshift64 generator, e.g. 1..8");
  add_list("tokens", "--tokens", "Tokens each point generates (1..65535)");
  command->add_option("--prompt", arguments->prompts, "A prompt; repeat for more");
  command->add_option("--models", arguments->model_files, "A target and a draft model file; repeat for more pairs")
      ->expected(2, 2)
      ->multi_option_policy(CLI::MultiOptionPolicy::TakeAll)
      ->type_name("TARGET DRAFT");
  command->add_option("--output,-o", arguments->output, "The CSV; an existing one is resumed")
      ->capture_default_str()
      ->check(non_empty_file_name());
  add_number_option(*command, "--jobs", arguments->jobs, "Simulations run at once (threads)", 1, 1024)
      ->capture_default_str();
  command->add_option("--shard", arguments->shard_text,
                      "Run only points whose index is i modulo n (0 <= i < n), for merge")
      ->type_name("i/n");
  command->add_flag("--no-plots", arguments->no_plots, "Do not render the gnuplot plots");
  add_energy_options(*command, arguments->energy);

  auto merge = std::make_shared<MergeArguments>();
  CLI::App* merge_command =
      command->add_subcommand("merge", "Join the CSVs of a sharded sweep into one, as an unsharded run writes it");
  merge_command->add_option("inputs", merge->inputs, "The shards' CSVs")->required()->check(CLI::ExistingFile);
  merge_command->add_option("--output,-o", merge->output, "The merged CSV")
      ->required()
      ->check(non_empty_file_name());
  merge_command->add_flag("--no-plots", merge->no_plots, "Do not render the gnuplot plots");
  merge_command->callback([merge, &out] { merge_sweeps(*merge, out); });

  command->require_subcommand(0, 1);
  command->callback([arguments, merge_command, &out, &progress] {
    if (merge_command->parsed()) return;
    run_sweep(*arguments, out, progress);
  });
}

}  // namespace tetra::apps
