#include "apps/sweep_plots.hpp"

#include "apps/accel_options.hpp"
#include "apps/sweep_csv.hpp"

#include "models/replacement_file.hpp"

#include <fmt/format.h>
#include <fmt/ranges.h>

#include <cerrno>
#include <cstring>
#include <optional>
#include <stdexcept>

#include <spawn.h>
#include <sys/wait.h>

extern char** environ;

namespace tetra::apps {

namespace {

// The values of one metric: by line (a combination of the varying parameters), by x.
struct Curve {
  std::string label;
  std::map<double, std::vector<double>> values;  // x -> the rows' values
};

// A metric as mean of rows per x, one curve per line.
struct Plot {
  std::string name;    // file suffix: "speedup"
  std::string title;
  std::string xlabel, ylabel;
  std::vector<std::string> metrics;  // titles of the curves' columns ("measured", ...)
  std::vector<std::vector<Curve>> curves;  // by metric, then by line
};

std::string gnuplot_string(std::string_view text) {
  std::string quoted = "\"";
  for (char character : text) {
    if (character == '\n') {
      quoted += "\\n";  // gnuplot's escape: a title's second line
      continue;
    }
    if (character == '"' || character == '\\') quoted += '\\';
    quoted += character;
  }
  return quoted + '"';
}

std::string file_name(const std::string& path) { return std::filesystem::path(path).filename().string(); }

std::string with_unit(std::size_t value, std::string_view unit) {
  return unit.empty() ? std::to_string(value) : fmt::format("{} {}", value, unit);
}

// Labels of a point's line (the parameters with more than one value but K, prompt and
// seed, which are plotted against or averaged) and of the plots' fixed parameters.
struct LineNames {
  const SweepGrid& grid;

  [[nodiscard]] std::string line(const SweepPoint& point) const {
    std::vector<std::string> parts;
    if (grid.models.size() > 1) {
      const ModelPair& pair = grid.models[point.model_pair];
      parts.push_back(fmt::format("{} + {}", file_name(pair.target), file_name(pair.draft)));
    }
    const auto options = hardware_options();
    for (std::size_t axis = 0; axis < options.size(); ++axis) {
      if (grid.hardware[axis].size() > 1) {
        parts.push_back(fmt::format("{} {}", options[axis].key,
                                    with_unit(point.hardware.*options[axis].field, options[axis].unit)));
      }
    }
    if (grid.mode.size() > 1) parts.push_back(point.mode);
    return parts.empty() ? "" : fmt::format("{}", fmt::join(parts, ", "));
  }

  [[nodiscard]] std::string fixed() const {
    std::vector<std::string> parts;
    if (grid.models.size() == 1) {
      parts.push_back(fmt::format("target {}, draft {}", file_name(grid.models[0].target),
                                  file_name(grid.models[0].draft)));
    }
    const auto options = hardware_options();
    for (std::size_t axis = 0; axis < options.size(); ++axis) {
      if (grid.hardware[axis].size() == 1) {
        parts.push_back(fmt::format("{} {}", options[axis].key,
                                    with_unit(grid.hardware[axis][0], options[axis].unit)));
      }
    }
    if (grid.mode.size() == 1) parts.push_back(grid.mode[0]);
    parts.push_back(fmt::format("{} tokens", grid.tokens));
    parts.push_back(fmt::format("mean of {} prompt{} x {} seed{}", grid.prompt.size(),
                                grid.prompt.size() == 1 ? "" : "s", grid.seed.size(),
                                grid.seed.size() == 1 ? "" : "s"));
    // Lines short enough for the title of a 1000-pixel plot.
    constexpr std::size_t kTitleWidth = 100;
    std::string text, line;
    for (std::size_t at = 0; at < parts.size(); ++at) {
      const std::string part = parts[at] + (at + 1 < parts.size() ? "," : "");
      if (!line.empty() && line.size() + 1 + part.size() > kTitleWidth) {
        text += line + '\n';
        line.clear();
      }
      line += (line.empty() ? "" : " ") + part;
    }
    return text + line;
  }
};

std::optional<double> number_in(const std::string& field) {
  if (field.empty()) return std::nullopt;
  return std::stod(field);
}

double mean(const std::vector<double>& values) {
  double sum = 0;
  for (double value : values) sum += value;
  return sum / static_cast<double>(values.size());
}

std::vector<Plot> sweep_plots(const SweepGrid& grid, const std::map<std::size_t, std::string>& rows) {
  const std::vector<std::string> columns = csv_columns(grid);
  const auto column = [&columns](std::string_view name) {
    return static_cast<std::size_t>(std::find(columns.begin(), columns.end(), name) - columns.begin());
  };
  const LineNames names{grid};
  const std::string fixed = names.fixed();
  std::vector<Plot> plots{
      {"speedup", "Speedup over K = 0 on the same hardware\n" + fixed, "draft length K (tokens)",
       "speedup (cycles at K = 0 / cycles)", {"measured", "analytic"}, {}},
      {"tokens-per-cycle", "Throughput\n" + fixed, "draft length K (tokens)", "throughput (tokens per cycle)",
       {"measured"}, {}},
      {"acceptance", fmt::format("Acceptance by draft position at K = {}\n{}", grid.max_k(), fixed),
       "draft position (1 = first draft token)", "acceptance rate (accepted / tested)", {"measured"}, {}},
      {"energy",
       fmt::format("Energy per token ({} costs: {} pJ/MAC, {} pJ/SRAM byte, {} pJ/off-chip byte)\n{}",
                   grid.energy_preset, grid.energy.mac_pj, grid.energy.sram_byte_pj, grid.energy.offchip_byte_pj,
                   fixed),
       "draft length K (tokens)", "energy per token (pJ)", {"total", "on rejected drafts"}, {}},
  };
  const std::vector<std::vector<std::size_t>> plot_columns{
      {column("speedup"), column("analytic_speedup")},
      {column("tokens_per_cycle")},
      {},
      {column("energy_pj_per_token"), column("rejected_energy_pj_per_token")}};
  std::vector<std::string> lines;
  for (const auto& [index, row] : rows) {
    const SweepPoint point = grid.point(index);
    const std::vector<std::string> fields = csv_fields(row);
    const std::string label = names.line(point);
    std::size_t line = static_cast<std::size_t>(std::find(lines.begin(), lines.end(), label) - lines.begin());
    if (line == lines.size()) {
      lines.push_back(label);
      for (Plot& plot : plots) {
        plot.curves.resize(plot.metrics.size());
        for (auto& curves : plot.curves) curves.push_back({label, {}});
      }
    }
    const auto add = [&](Plot& plot, std::size_t metric, double x, const std::string& field) {
      if (const std::optional<double> value = number_in(field)) plot.curves[metric][line].values[x].push_back(*value);
    };
    for (std::size_t plot = 0; plot < plot_columns.size(); ++plot) {
      for (std::size_t metric = 0; metric < plot_columns[plot].size(); ++metric) {
        add(plots[plot], metric, static_cast<double>(point.k), fields[plot_columns[plot][metric]]);
      }
    }
    if (point.k == grid.max_k()) {
      for (std::size_t position = 1; position <= grid.max_k(); ++position) {
        add(plots[2], 0, static_cast<double>(position),
            fields[column(fmt::format("acceptance_at_{}", position))]);
      }
    }
  }
  return plots;
}

std::string plot_commands(const Plot& plot, std::size_t plot_number) {
  std::string script;
  std::vector<std::string> elements;
  for (std::size_t metric = 0; metric < plot.curves.size(); ++metric) {
    for (std::size_t line = 0; line < plot.curves[metric].size(); ++line) {
      const Curve& curve = plot.curves[metric][line];
      const std::string block = fmt::format("$plot{}_{}_{}", plot_number, metric, line);
      script += block + " << EOD\n";
      for (const auto& [x, values] : curve.values) script += fmt::format("{} {:.6g}\n", x, mean(values));
      script += "EOD\n";
      std::string title = curve.label;
      if (plot.metrics.size() > 1) title = title.empty() ? plot.metrics[metric] : title + ": " + plot.metrics[metric];
      if (title.empty()) title = plot.metrics[metric];
      elements.push_back(fmt::format("{} using 1:2 with {} linecolor {} {} title {}", block,
                                     metric == 0 ? "linespoints pointtype 7" : "lines", line + 1,
                                     metric == 0 ? "dashtype 1" : "dashtype 2", gnuplot_string(title)));
    }
  }
  script += fmt::format("set title {}\nset xlabel {}\nset ylabel {}\n", gnuplot_string(plot.title),
                        gnuplot_string(plot.xlabel), gnuplot_string(plot.ylabel));
  script += fmt::format("plot {}\n", fmt::join(elements, ", \\\n     "));
  return script;
}

}  // namespace

std::string sweep_plot_script(const std::filesystem::path& csv, const SweepGrid& grid,
                              const std::map<std::size_t, std::string>& rows) {
  std::string script = fmt::format("# The plots of {}, written by tetra sweep; gnuplot {}\n",
                                   csv.filename().string(), csv.stem().string() + ".gp");
  script += "set grid\nset key below\nset autoscale xfix\nset offsets graph 0.03, graph 0.03, graph 0.05, graph 0.05\n";
  // A tic per K or position while they are few enough to read.
  if (grid.max_k() <= 16) script += "set xtics 1\n";
  const std::vector<Plot> plots = sweep_plots(grid, rows);
  for (std::size_t number = 0; number < plots.size(); ++number) {
    const std::filesystem::path image = csv.parent_path() / (csv.stem().string() + "-" + plots[number].name);
    script += fmt::format("set terminal pngcairo size 1000,700 noenhanced\nset output {}\n",
                          gnuplot_string(image.string() + ".png"));
    script += plot_commands(plots[number], number);
    script += fmt::format("set terminal svg size 1000,700 noenhanced\nset output {}\nreplot\nunset output\n",
                          gnuplot_string(image.string() + ".svg"));
  }
  return script;
}

std::vector<std::filesystem::path> write_sweep_plots(const std::filesystem::path& csv, const SweepGrid& grid,
                                                     const std::map<std::size_t, std::string>& rows) {
  const std::filesystem::path script_path = csv.parent_path() / (csv.stem().string() + ".gp");
  models::ReplacementFile script(script_path, "gnuplot script");
  script.write(sweep_plot_script(csv, grid, rows));
  script.commit();

  const std::string program = "gnuplot";
  const std::string argument = script_path.string();
  char* const argv[] = {const_cast<char*>(program.c_str()), const_cast<char*>(argument.c_str()), nullptr};
  pid_t child = 0;
  const int spawned = posix_spawnp(&child, program.c_str(), nullptr, nullptr, argv, environ);
  if (spawned != 0) {
    throw std::runtime_error(fmt::format("cannot run gnuplot for {}: {} (Debian: apt-get install gnuplot-nox; "
                                         "--no-plots skips the plots)",
                                         argument, std::strerror(spawned)));
  }
  int status = 0;
  while (waitpid(child, &status, 0) < 0) {
    if (errno != EINTR) throw std::runtime_error(fmt::format("gnuplot on {}: {}", argument, std::strerror(errno)));
  }
  if (!WIFEXITED(status) || WEXITSTATUS(status) != 0) {
    throw std::runtime_error(fmt::format("gnuplot failed on {} (status {})", argument, status));
  }
  std::vector<std::filesystem::path> images;
  for (const Plot& plot : sweep_plots(grid, rows)) {
    for (const char* extension : {".png", ".svg"}) {
      images.push_back(csv.parent_path() / (csv.stem().string() + "-" + plot.name + extension));
    }
  }
  return images;
}

}  // namespace tetra::apps
