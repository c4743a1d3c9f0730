// GTKWave's FST writer, compiled into tetra::sim the way Verilator compiles it into its
// runtime (verilated_fst_c.cpp): as one C++ unit from the copy Verilator ships.
#define FST_CONFIG_INCLUDE "fst_config.h"
#include "gtkwave/fastlz.c"
#include "gtkwave/fstapi.c"
#include "gtkwave/lz4.c"
