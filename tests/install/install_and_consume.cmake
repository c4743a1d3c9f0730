# Runs as `cmake -P`: each step must succeed, or the test fails with its output.
# CONSUMER_ARGS: more arguments for configuring the consumer; EXPECTED_OUTPUT: a regex
# that its output must match.
function(run_step description)
  execute_process(COMMAND ${ARGN} RESULT_VARIABLE result OUTPUT_VARIABLE output ERROR_VARIABLE output)
  if(NOT result EQUAL 0)
    message(FATAL_ERROR "${description} failed (${result}):\n${output}")
  endif()
  set(step_output "${output}" PARENT_SCOPE)
endfunction()

file(REMOVE_RECURSE ${WORK_DIR})
set(prefix ${WORK_DIR}/prefix)

run_step("cmake --install" ${CMAKE_COMMAND} --install ${TETRA_BINARY_DIR} --prefix ${prefix})
run_step("configuring the consumer" ${CMAKE_COMMAND} -S ${CONSUMER_SOURCE_DIR} -B ${WORK_DIR}/build
         -DCMAKE_PREFIX_PATH=${prefix} -DCMAKE_BUILD_TYPE=${BUILD_TYPE} ${CONSUMER_ARGS})
run_step("building the consumer" ${CMAKE_COMMAND} --build ${WORK_DIR}/build)
run_step("running the consumer" ${WORK_DIR}/build/consumer)

# By default the program prints a value computed through the installed headers and
# library, and one computed by a model it Verilated with the installed tetra_add_verilated().
if(NOT EXPECTED_OUTPUT)
  set(EXPECTED_OUTPUT "8'b1010xxzz & 8'b11111111 = 8'b1010xxxx\nverilated adder: 200 \\+ 100 = 300")
endif()
if(NOT step_output MATCHES "${EXPECTED_OUTPUT}")
  message(FATAL_ERROR "the consumer printed something unexpected:\n${step_output}")
endif()

# A consumer that also builds a testbench on the installed tetra::testbench runs it
# through the runner's command line: its tests, a plusarg, the summary.
if(EXISTS ${WORK_DIR}/build/consumer_tb)
  run_step("running the consumer's testbench" ${WORK_DIR}/build/consumer_tb --seed 3 +cycles=21)
  if(NOT step_output MATCHES "consumer_tb: seed 3\n.*counted 21 cycles.*\n2 passed, 0 failed\n")
    message(FATAL_ERROR "the consumer's testbench printed something unexpected:\n${step_output}")
  endif()
endif()
