// Writes the generator's output to standard output as raw 64-bit words (host byte order),
// for dieharder (`dieharder -g 200` reads raw words from standard input), until the
// reader closes the pipe:
//   xorshift_stream draws SEED   the draws of the generator of SEED, in order
//   xorshift_stream first-draws  the first draw of the generator of each seed 0, 1, 2, ...
#include "models/xorshift_rng.hpp"

#include <array>
#include <cstdint>
#include <cstdio>
#include <cstring>
#include <string>

namespace {

int usage() {
  std::fputs("usage: xorshift_stream draws SEED | xorshift_stream first-draws\n", stderr);
  return 2;
}

}  // namespace

int main(int argc, char** argv) {
  const bool one_seed = argc == 3 && std::strcmp(argv[1], "draws") == 0;
  const bool across_seeds = argc == 2 && std::strcmp(argv[1], "first-draws") == 0;
  if (!one_seed && !across_seeds) return usage();
  tetra::models::XorshiftRng rng(one_seed ? std::stoull(argv[2]) : 0);
  std::uint64_t seed = 0;
  std::array<std::uint64_t, 4096> block{};
  do {
    for (std::uint64_t& word : block) {
      word = one_seed ? rng.next() : tetra::models::XorshiftRng(seed++).next();
    }
  } while (std::fwrite(block.data(), sizeof block[0], block.size(), stdout) == block.size());
  return 0;
}
