# Runs as `cmake -P`: tetra_add_verilated() runs Verilator when the model is out of date,
# and only then. The outside project in this folder Verilates a copy of
# tests/cosim/verilog/include_dirs.sv (from VERILOG_DIR), which `includes a file and
# instantiates a module found through INCLUDE_DIRS; each step changes one thing, builds
# the project's `verilate` target (Verilator and the glue, no C++ compiled) and checks
# whether Verilator ran.
file(REMOVE_RECURSE ${WORK_DIR})
set(src ${WORK_DIR}/src)
file(COPY ${VERILOG_DIR}/include_dirs.sv ${VERILOG_DIR}/priority_encoder.sv ${VERILOG_DIR}/include DESTINATION ${src})

function(configure verilator_args)
  execute_process(COMMAND ${CMAKE_COMMAND} -S ${PROJECT_DIR} -B ${WORK_DIR}/build -DCMAKE_PREFIX_PATH=${PREFIX}
                          -DCMAKE_BUILD_TYPE=Release -DTOP=include_dirs -DSOURCE=${src}/include_dirs.sv
                          "-DINCLUDE_DIRS=${src}/include;${src}" "-DVERILATOR_ARGS=${verilator_args}"
                  RESULT_VARIABLE result OUTPUT_VARIABLE output ERROR_VARIABLE output)
  if(NOT result EQUAL 0)
    message(FATAL_ERROR "configuring failed:\n${output}")
  endif()
endfunction()

# Builds, and checks that Verilator ran (`expected` TRUE) or did not, after `what`.
function(build expected what)
  execute_process(COMMAND ${CMAKE_COMMAND} --build ${WORK_DIR}/build --target verilate
                  RESULT_VARIABLE result OUTPUT_VARIABLE output ERROR_VARIABLE output)
  if(NOT result EQUAL 0)
    message(FATAL_ERROR "building after ${what} failed:\n${output}")
  endif()
  if(output MATCHES "Verilating include_dirs for model")
    set(ran TRUE)
  else()
    set(ran FALSE)
  endif()
  if(NOT ran STREQUAL expected)
    message(FATAL_ERROR "after ${what}, Verilator should have run: ${expected}, it ran: ${ran}\n${output}")
  endif()
  message(STATUS "after ${what}, Verilator ran: ${ran}")
endfunction()

configure("")
build(TRUE "the first configure")
build(FALSE "nothing")
file(TOUCH ${src}/include/encoder_width.svh)
build(TRUE "a change to an `include file")
file(TOUCH ${src}/priority_encoder.sv)
build(TRUE "a change to a module found through INCLUDE_DIRS")
file(TOUCH ${src}/include_dirs.sv)
build(TRUE "a change to a source")
configure("--x-initial;fast")
build(TRUE "a new argument")
configure("--x-initial;fast")
build(FALSE "configuring again with the same arguments")
