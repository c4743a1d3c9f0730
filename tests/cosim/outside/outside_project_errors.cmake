# Runs as `cmake -P`: configures and builds the outside project in this folder against
# an installed Tetra, expects the step STEP (configure or build) to fail, and checks
# that its output matches every regular expression of EXPECT (separated by @@) and has no
# compiler diagnostic (the error must come from Verilator or the bridge, not from C++).
# HIDE_VERILATOR=1 makes the project's search for verilator skip the directories that
# hold it (the compiler and make are then given by path, as they live there too).
file(REMOVE_RECURSE ${WORK_DIR})
string(REPLACE "@@" ";" EXTRA_ARGS "${EXTRA_ARGS}")
set(ignore_path "")
if(HIDE_VERILATOR)
  find_program(verilator verilator REQUIRED)
  get_filename_component(real_verilator "${verilator}" REALPATH)
  get_filename_component(verilator_dir "${verilator}" DIRECTORY)
  get_filename_component(real_verilator_dir "${real_verilator}" DIRECTORY)
  set(ignore_path "${verilator_dir};${real_verilator_dir};/usr/bin;/bin")
  list(APPEND EXTRA_ARGS -DCMAKE_CXX_COMPILER=${CXX_COMPILER} -DCMAKE_MAKE_PROGRAM=${MAKE_PROGRAM})
endif()
execute_process(COMMAND ${CMAKE_COMMAND} -S ${PROJECT_DIR} -B ${WORK_DIR} -DCMAKE_PREFIX_PATH=${PREFIX}
                        -DCMAKE_BUILD_TYPE=Release -DTOP=${TOP} -DSOURCE=${SOURCE} ${EXTRA_ARGS}
                        "-DCMAKE_IGNORE_PATH=${ignore_path}"
                RESULT_VARIABLE result OUTPUT_VARIABLE output ERROR_VARIABLE output)
if(STEP STREQUAL "build")
  if(NOT result EQUAL 0)
    message(FATAL_ERROR "configuring should have worked:\n${output}")
  endif()
  execute_process(COMMAND ${CMAKE_COMMAND} --build ${WORK_DIR}
                  RESULT_VARIABLE result OUTPUT_VARIABLE output ERROR_VARIABLE output)
endif()
if(result EQUAL 0)
  message(FATAL_ERROR "the ${STEP} step should have failed:\n${output}")
endif()
string(REPLACE "@@" ";" EXPECT "${EXPECT}")  # ctest would split a ;-list
foreach(expected IN LISTS EXPECT)
  if(NOT output MATCHES "${expected}")
    message(FATAL_ERROR "the ${STEP} output does not match '${expected}':\n${output}")
  endif()
endforeach()
if(output MATCHES "error: |cc1plus|template")
  message(FATAL_ERROR "the ${STEP} output has a C++ compiler diagnostic:\n${output}")
endif()
message(STATUS "the ${STEP} failed as expected:\n${output}")
