`ifndef ACCEL_UNKNOWN_SVH
`define ACCEL_UNKNOWN_SVH
// 1 when a bit of `value` is X or Z (never under a two-state simulator). Icarus 11's
// $isunknown reports some fully known concatenations of nets as unknown, so the test is
// the reduction XOR, which is X exactly when an operand bit is.
`define UNKNOWN(value) ((^(value)) === 1'bx)
`endif
