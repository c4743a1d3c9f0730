#include "apps/sweep_grid.hpp"

#include "apps/accel_options.hpp"
#include "apps/number_option.hpp"

#include "models/model_file.hpp"
#include "text/quoted_excerpt.hpp"

#include <fmt/format.h>
#include <fmt/ranges.h>
#include <nlohmann/json.hpp>
#include <toml++/toml.h>

#include <algorithm>
#include <limits>
#include <map>
#include <set>

namespace tetra::apps {

namespace {

// More points than any study needs, and few enough that indices and row counts stay small.
constexpr std::size_t kMaxPoints = 10'000'000;

[[noreturn]] void refuse(std::string_view key, std::string_view message) {
  throw GridError(fmt::format("{}: {}", key, message));
}

template <typename Value>
void require_distinct(std::string_view key, const std::vector<Value>& values) {
  if (values.empty()) refuse(key, "the list is empty");
  std::set<Value> seen;
  for (const Value& value : values) {
    if (!seen.insert(value).second) refuse(key, fmt::format("{} appears twice", value));
  }
}

std::size_t hardware_axis(std::string_view key) {
  const auto options = hardware_options();
  for (std::size_t axis = 0; axis < options.size(); ++axis) {
    if (options[axis].key == key) return axis;
  }
  return options.size();
}

template <typename Number>
std::vector<Number> number_list(std::string_view key, std::string_view text, std::uint64_t low,
                                std::uint64_t high) {
  try {
    const std::vector<std::uint64_t> values = parse_number_list(text, low, high);
    return std::vector<Number>(values.begin(), values.end());
  } catch (const NumberError& error) {
    refuse(key, error.what());
  }
}

std::vector<std::string> split_names(std::string_view text) {
  std::vector<std::string> names;
  std::size_t begin = 0;
  while (begin <= text.size()) {
    const std::size_t comma = std::min(text.find(',', begin), text.size());
    names.emplace_back(text.substr(begin, comma - begin));
    begin = comma + 1;
  }
  return names;
}

// The sizes of the axes, outermost first: models, hardware..., mode, prompt, seed, k.
std::vector<std::size_t> axis_sizes(const SweepGrid& grid) {
  std::vector<std::size_t> sizes{grid.models.size()};
  for (const auto& values : grid.hardware) sizes.push_back(values.size());
  for (std::size_t size : {grid.mode.size(), grid.prompt.size(), grid.seed.size(), grid.k.size()}) {
    sizes.push_back(size);
  }
  return sizes;
}

// A TOML value as the command line would spell it: "4", "0..4,8", "greedy,sample".
std::string command_line_text(std::string_view key, const toml::node& node) {
  const auto scalar = [&key](const toml::node& value) -> std::string {
    if (const auto* integer = value.as_integer()) return std::to_string(integer->get());
    if (const auto* text = value.as_string()) return text->get();
    refuse(key, "expected an integer, a string or an array of them");
  };
  const toml::array* array = node.as_array();
  if (array == nullptr) return scalar(node);
  if (array->empty()) refuse(key, "the list is empty");
  std::string text;
  for (const toml::node& element : *array) {
    if (!text.empty()) text += ',';
    text += scalar(element);
  }
  return text;
}

std::vector<std::string> toml_strings(std::string_view key, const toml::node& node) {
  std::vector<std::string> strings;
  const auto take = [&](const toml::node& value) {
    const auto* text = value.as_string();
    if (text == nullptr) refuse(key, "expected a string or an array of strings");
    strings.push_back(text->get());
  };
  if (const toml::array* array = node.as_array()) {
    for (const toml::node& element : *array) take(element);
  } else {
    take(node);
  }
  return strings;
}

std::vector<ModelPair> toml_model_pairs(const toml::node& node) {
  const toml::array* pairs = node.as_array();
  if (pairs == nullptr) refuse("models", "expected an array of [target, draft] file pairs");
  std::vector<ModelPair> models;
  for (const toml::node& pair : *pairs) {
    const std::vector<std::string> files = toml_strings("models", pair);
    if (!pair.is_array() || files.size() != 2) {
      refuse("models", "each pair is an array of two files, [target, draft]");
    }
    models.push_back({files[0], files[1]});
  }
  return models;
}

std::string toml_preset(const toml::node& node) {
  const auto* name = node.as_string();
  if (name == nullptr) refuse(kEnergyPresetKey, "expected the name of a preset, a string");
  try {
    return std::string(accel::energy_preset(name->get()).name);
  } catch (const std::invalid_argument& error) {
    refuse(kEnergyPresetKey, error.what());
  }
}

// A cost in pJ: a TOML integer or float, finite and >= 0, as --mac-pj and the others take it.
double toml_cost(std::string_view key, const toml::node& node) {
  std::string text;
  if (const auto* integer = node.as_integer()) {
    text = std::to_string(integer->get());
  } else if (const auto* floating = node.as_floating_point()) {
    text = fmt::format("{}", floating->get());
  } else {
    refuse(key, "expected a number of picojoules");
  }
  try {
    return parse_number<double>(text, 0.0, std::numeric_limits<double>::max());
  } catch (const NumberError& error) {
    refuse(key, error.what());
  }
}

void require_pairs_distinct(const std::vector<ModelPair>& models) {
  if (models.empty()) refuse("models", "the list is empty");
  for (std::size_t i = 0; i < models.size(); ++i) {
    for (std::size_t j = 0; j < i; ++j) {
      if (models[i] == models[j]) {
        refuse("models", fmt::format("the pair {} {} appears twice", models[i].target, models[i].draft));
      }
    }
  }
}

}  // namespace

SweepGrid::SweepGrid() {
  const AccelOptions defaults;
  models.push_back({defaults.target_file, defaults.draft_file});
  const auto options = hardware_options();
  for (std::size_t axis = 0; axis < options.size(); ++axis) {
    hardware[axis] = {defaults.hardware.*options[axis].field};
  }
  mode = {defaults.mode_name};
  prompt = {defaults.prompt};
  seed = {defaults.seed};
  tokens = defaults.tokens;
  energy_preset = accel::energy_presets().front().name;
  energy = accel::energy_presets().front().costs;
}

std::size_t SweepGrid::size() const {
  std::size_t points = 1;
  for (std::size_t size : axis_sizes(*this)) {
    if (size == 0) return 0;
    points = points > kMaxPoints / size ? kMaxPoints + 1 : points * size;
  }
  return points;
}

SweepPoint SweepGrid::point(std::size_t index) const {
  std::vector<std::size_t> sizes = axis_sizes(*this);
  std::vector<std::size_t> at(sizes.size());
  std::size_t rest = index;
  for (std::size_t axis = sizes.size(); axis-- > 0;) {
    at[axis] = rest % sizes[axis];
    rest /= sizes[axis];
  }
  SweepPoint point;
  point.index = index;
  point.model_pair = at[0];
  const auto options = hardware_options();
  for (std::size_t axis = 0; axis < options.size(); ++axis) {
    point.hardware.*options[axis].field = hardware[axis][at[1 + axis]];
  }
  const std::size_t after_hardware = 1 + options.size();
  point.mode = mode[at[after_hardware]];
  point.prompt = prompt[at[after_hardware + 1]];
  point.seed = seed[at[after_hardware + 2]];
  point.k = k[at[after_hardware + 3]];
  point.baseline = index / k.size();
  return point;
}

std::size_t SweepGrid::max_k() const { return *std::max_element(k.begin(), k.end()); }

nlohmann::json SweepGrid::to_json() const {
  nlohmann::json json;
  nlohmann::json pairs = nlohmann::json::array();
  for (const ModelPair& pair : models) pairs.push_back({pair.target, pair.draft});
  json["models"] = pairs;
  const auto options = hardware_options();
  for (std::size_t axis = 0; axis < options.size(); ++axis) json[std::string(options[axis].key)] = hardware[axis];
  json["mode"] = mode;
  json["prompt"] = prompt;
  json["seed"] = seed;
  json["k"] = k;
  json["tokens"] = tokens;
  json["energy"] = {{"preset", energy_preset},
                    {"mac_pj", energy.mac_pj},
                    {"sram_byte_pj", energy.sram_byte_pj},
                    {"offchip_byte_pj", energy.offchip_byte_pj}};
  return json;
}

SweepGrid SweepGrid::from_json(const nlohmann::json& json) {
  try {
    SweepGrid grid;
    grid.models.clear();
    for (const nlohmann::json& pair : json.at("models")) {
      grid.models.push_back({pair.at(0).get<std::string>(), pair.at(1).get<std::string>()});
    }
    const auto options = hardware_options();
    for (std::size_t axis = 0; axis < options.size(); ++axis) {
      grid.hardware[axis] = json.at(std::string(options[axis].key)).get<std::vector<std::size_t>>();
    }
    grid.mode = json.at("mode").get<std::vector<std::string>>();
    grid.prompt = json.at("prompt").get<std::vector<std::string>>();
    grid.seed = json.at("seed").get<std::vector<std::uint64_t>>();
    grid.k = json.at("k").get<std::vector<std::size_t>>();
    grid.tokens = json.at("tokens").get<std::size_t>();
    const nlohmann::json& energy = json.at("energy");
    grid.energy_preset = energy.at("preset").get<std::string>();
    grid.energy = {energy.at("mac_pj").get<double>(), energy.at("sram_byte_pj").get<double>(),
                   energy.at("offchip_byte_pj").get<double>()};
    if (json.size() != grid_keys().size() + 1 || grid.size() == 0 || grid.size() > kMaxPoints) {
      throw GridError("the grid has other keys or no points");
    }
    return grid;
  } catch (const nlohmann::json::exception& error) {
    throw GridError(error.what());
  }
}

std::vector<std::string> grid_keys() {
  std::vector<std::string> keys{"models"};
  for (const HardwareOption& option : hardware_options()) keys.emplace_back(option.key);
  for (const char* key : {"mode", "prompt", "seed", "k", "tokens"}) keys.emplace_back(key);
  return keys;
}

void set_axis(SweepGrid& grid, std::string_view key, std::string_view text) {
  const std::size_t axis = hardware_axis(key);
  if (axis < grid.hardware.size()) {
    const HardwareOption& option = hardware_options()[axis];
    grid.hardware[axis] = number_list<std::size_t>(key, text, option.low, option.high);
    require_distinct(key, grid.hardware[axis]);
  } else if (key == "k") {
    grid.k = number_list<std::size_t>(key, text, 0, accel::kMaxDraftLength);
    require_distinct(key, grid.k);
  } else if (key == "seed") {
    grid.seed = number_list<std::uint64_t>(key, text, 0, std::numeric_limits<std::uint64_t>::max());
    require_distinct(key, grid.seed);
  } else if (key == "tokens") {
    try {
      grid.tokens = parse_number<std::size_t>(text, 1, 65535);
    } catch (const NumberError& error) {
      refuse(key, error.what());
    }
  } else if (key == "mode") {
    grid.mode = split_names(text);
    for (const std::string& name : grid.mode) {
      const auto names = mode_names();
      if (std::find(names.begin(), names.end(), name) == names.end()) {
        refuse(key, fmt::format("{} is not a mode; the modes are {}", quoted_excerpt(name),
                                fmt::join(names, " and ")));
      }
    }
    require_distinct(key, grid.mode);
  } else {
    refuse(key, "not a key that takes a list");
  }
}

std::vector<std::string> grid_file_keys() {
  std::vector<std::string> keys = grid_keys();
  keys.emplace_back(kEnergyPresetKey);
  for (const EnergyCostOption& option : energy_cost_options()) keys.emplace_back(option.key);
  return keys;
}

EnergyOptions read_grid_file(const std::filesystem::path& path, SweepGrid& grid) {
  const std::string file = path.string();
  toml::table table;
  try {
    table = toml::parse_file(file);
  } catch (const toml::parse_error& error) {
    throw GridError(fmt::format("{}:{}: {}", file, error.source().begin.line, error.description()));
  }
  const std::vector<std::string> keys = grid_file_keys();
  const auto costs = energy_cost_options();
  EnergyOptions energy;
  for (const auto& [name, node] : table) {
    const std::string key(name.str());
    const std::string where = fmt::format("{}:{}", file, node.source().begin.line);
    try {
      if (std::find(keys.begin(), keys.end(), key) == keys.end()) {
        throw GridError(fmt::format("unknown key {}; the keys are {}", quoted_excerpt(key),
                                    fmt::join(keys, ", ")));
      }
      const auto cost = std::find_if(costs.begin(), costs.end(),
                                     [&key](const EnergyCostOption& option) { return option.key == key; });
      if (cost != costs.end()) {
        energy.*cost->cost = toml_cost(key, node);
      } else if (key == kEnergyPresetKey) {
        energy.preset = toml_preset(node);
      } else if (key == "models") {
        grid.models = toml_model_pairs(node);
        require_pairs_distinct(grid.models);
      } else if (key == "prompt") {
        grid.prompt = toml_strings(key, node);
        require_distinct(key, grid.prompt);
      } else if (key == "tokens" && !node.is_integer()) {
        refuse(key, "expected an integer");
      } else {
        set_axis(grid, key, command_line_text(key, node));
      }
    } catch (const GridError& error) {
      throw GridError(fmt::format("{}: {}", where, error.what()));
    }
  }
  return energy;
}

std::vector<LoadedModelPair> check_grid(const SweepGrid& grid) {
  require_pairs_distinct(grid.models);
  require_distinct("prompt", grid.prompt);
  if (grid.size() > kMaxPoints) {
    throw GridError(fmt::format("the grid has more than {} points", kMaxPoints));
  }
  std::map<std::string, models::IntegerModelParameters> targets, drafts;
  std::vector<LoadedModelPair> loaded;
  const auto load = [](std::map<std::string, models::IntegerModelParameters>& cache,
                       const std::string& file, models::ModelRole role) {
    auto found = cache.find(file);
    if (found == cache.end()) {
      try {
        found = cache.emplace(file, models::load_model(file, role)).first;
      } catch (const std::exception& error) {
        refuse("models", error.what());
      }
    }
    return found->second;
  };
  // Each hardware parameter is checked alone, beside values that fit any model (one lane,
  // one-byte beats, no latency), so that a refusal names the key that caused it.
  const accel::HardwareParameters fitting{1, 1, 0, 1};
  const auto options = hardware_options();
  for (const ModelPair& pair : grid.models) {
    loaded.push_back({load(targets, pair.target, models::ModelRole::target),
                      load(drafts, pair.draft, models::ModelRole::draft)});
    const models::ModelShape& target = loaded.back().target.shape;
    const models::ModelShape& draft = loaded.back().draft.shape;
    try {
      accel::validate(fitting, target, draft);
    } catch (const std::invalid_argument& error) {
      refuse("models", fmt::format("{} and {}: {}", pair.target, pair.draft, error.what()));
    }
    for (std::size_t axis = 0; axis < options.size(); ++axis) {
      for (std::size_t value : grid.hardware[axis]) {
        accel::HardwareParameters hardware = fitting;
        hardware.*options[axis].field = value;
        try {
          accel::validate(hardware, target, draft);
        } catch (const std::invalid_argument& error) {
          refuse(options[axis].key,
                 fmt::format("{} does not fit {} and {}: {}", value, pair.target, pair.draft, error.what()));
        }
      }
    }
  }
  for (const std::string& prompt : grid.prompt) {
    try {
      accel::validate(accel::RunParameters{grid.tokens, 0, models::DecodeMode::greedy, 0}, prompt.size());
    } catch (const std::invalid_argument& error) {
      refuse("prompt", error.what());
    }
  }
  return loaded;
}

}  // namespace tetra::apps
