// Builds an instance of whatever model the project was configured with.
#include "model.hpp"
#include "sim/kernel/simulation.hpp"

int main() {
  tetra::Simulation sim;
  Model model{sim, "model"};
  return 0;
}
