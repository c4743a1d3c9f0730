// The functions of bench/kernel/workload.hpp, restated for the Verilog peers.
package kernel_workload_pkg;
  // One step of the 16-bit Galois LFSR with taps 0xB400.
  function automatic logic [15:0] lfsr_step(input logic [15:0] state);
    return state[0] ? ((state >> 1) ^ 16'hB400) : (state >> 1);
  endfunction

  // Checksum fold: hash * 31 + word, modulo 2^32.
  function automatic logic [31:0] fold(input logic [31:0] hash, input logic [31:0] word);
    return hash * 32'd31 + word;
  endfunction
endpackage
