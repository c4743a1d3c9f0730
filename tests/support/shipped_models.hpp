#pragma once
// The target and draft models shipped in models/data, loaded once per test binary.

#include "models/model_file.hpp"

namespace tetra::testing {

inline const models::IntegerModelParameters& shipped_model(models::ModelRole role) {
  static const models::IntegerModelParameters target =
      models::load_model(models::default_model_path(models::ModelRole::target), models::ModelRole::target);
  static const models::IntegerModelParameters draft =
      models::load_model(models::default_model_path(models::ModelRole::draft), models::ModelRole::draft);
  return role == models::ModelRole::target ? target : draft;
}

}  // namespace tetra::testing
