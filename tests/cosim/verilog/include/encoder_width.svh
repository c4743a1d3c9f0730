// Found through INCLUDE_DIRS: the width of include_dirs.sv's encoder.
localparam int ENCODER_WIDTH = 16;
