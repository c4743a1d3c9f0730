#pragma once
// The plots of a sweep, rendered by gnuplot as PNG and SVG next to its CSV: speedup over
// K = 0 against K (measured beside Leviathan's prediction), tokens per cycle against K,
// and acceptance by draft position. One line per combination of the hardware, model and
// mode values that vary; prompts and seeds are averaged; titles state what is fixed.

#include "apps/sweep_grid.hpp"

#include <filesystem>
#include <map>
#include <string>
#include <vector>

namespace tetra::apps {

/// The gnuplot script that renders the plots of the CSV `csv` (rows by point index, the
/// whole grid), each plot as `<csv stem>-<plot>.png` and `.svg`.
std::string sweep_plot_script(const std::filesystem::path& csv, const SweepGrid& grid,
                              const std::map<std::size_t, std::string>& rows);

/// Writes the script as `<csv stem>.gp` beside the CSV and runs gnuplot on it; returns
/// the images. Throws std::runtime_error if gnuplot is missing or fails.
std::vector<std::filesystem::path> write_sweep_plots(const std::filesystem::path& csv,
                                                     const SweepGrid& grid,
                                                     const std::map<std::size_t, std::string>& rows);

}  // namespace tetra::apps
