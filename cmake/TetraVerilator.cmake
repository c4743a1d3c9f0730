# tetra_add_verilated(): a Verilog design, Verilated at build time, as a Tetra module.
#
#   tetra_add_verilated(<target>
#     TOP <module>                  the Verilog top module
#     SOURCES <file>...             Verilog/SystemVerilog sources (relative to this directory)
#     [INCLUDE_DIRS <dir>...]       searched for `include files and modules (Verilator's -I)
#     [VERILATOR_ARGS <arg>...]     more Verilator arguments, e.g. -GDEPTH=16 -Wall
#     [CLASS <C++ class name>]      the module's class, namespaces allowed (default: <target>)
#     [TRACE]                       Verilate with --trace: VerilatedOptions::trace_file works
#     [TIMING])                     Verilate with --timing: delays (#) run on kernel time
#
# makes <target>, a static library to link: it provides the header "<target>.hpp",
# which declares CLASS, a tetra::VerilatedModule whose ports are the Verilog ports (In<T>
# and Out<T> of the same names; Logic for one bit, Vec<N> for N bits). Verilator runs
# when the target is built, not when CMake configures; it runs again when a source, a
# file the sources include, or an argument changes. The glue is generated from the ports
# Verilator declares in its V<prefix>.h, by TetraVerilate.cmake (a `cmake -P` script).
# Errors (no verilator, a Verilog error, an unknown top module, a port the bridge cannot
# map) stop the build with Verilator's own message and the file involved.
include_guard(GLOBAL)

find_program(TETRA_VERILATOR_EXECUTABLE verilator DOC "Verilator, run by tetra_add_verilated()")

# Sets <out_root> to the VERILATOR_ROOT of TETRA_VERILATOR_EXECUTABLE (its runtime's
# sources and headers), and TETRA_VERILATOR_VERSION; stops with a message naming
# `for_what` if Verilator is missing.
function(tetra_find_verilator for_what out_root)
  if(NOT TETRA_VERILATOR_EXECUTABLE)
    message(FATAL_ERROR "${for_what}: verilator was not found. Install it (Debian: apt-get install verilator) "
                        "or set TETRA_VERILATOR_EXECUTABLE to its path.")
  endif()
  if(NOT EXISTS "${TETRA_VERILATOR_EXECUTABLE}")
    message(FATAL_ERROR "${for_what}: TETRA_VERILATOR_EXECUTABLE is ${TETRA_VERILATOR_EXECUTABLE}, "
                        "which does not exist.")
  endif()
  execute_process(COMMAND "${TETRA_VERILATOR_EXECUTABLE}" --getenv VERILATOR_ROOT
                  OUTPUT_VARIABLE root OUTPUT_STRIP_TRAILING_WHITESPACE RESULT_VARIABLE root_result)
  execute_process(COMMAND "${TETRA_VERILATOR_EXECUTABLE}" --version
                  OUTPUT_VARIABLE version OUTPUT_STRIP_TRAILING_WHITESPACE RESULT_VARIABLE version_result)
  if(NOT root_result EQUAL 0 OR NOT version_result EQUAL 0 OR NOT EXISTS "${root}/include/verilated.h")
    message(FATAL_ERROR "${for_what}: ${TETRA_VERILATOR_EXECUTABLE} does not work as Verilator "
                        "(--getenv VERILATOR_ROOT gave '${root}', --version gave '${version}').")
  endif()
  string(REGEX MATCH "[0-9]+\\.[0-9]+" version "${version}")
  set(TETRA_VERILATOR_VERSION "${version}" PARENT_SCOPE)
  set(${out_root} "${root}" PARENT_SCOPE)
endfunction()

function(tetra_add_verilated target)
  set(context "tetra_add_verilated(${target})")
  cmake_parse_arguments(PARSE_ARGV 1 ARG "TRACE;TIMING" "TOP;CLASS" "SOURCES;INCLUDE_DIRS;VERILATOR_ARGS")
  if(ARG_UNPARSED_ARGUMENTS)
    message(FATAL_ERROR "${context}: unknown arguments: ${ARG_UNPARSED_ARGUMENTS}")
  endif()
  if(NOT ARG_TOP)
    message(FATAL_ERROR "${context}: TOP <module> is required")
  endif()
  if(NOT ARG_SOURCES)
    message(FATAL_ERROR "${context}: SOURCES <files...> is required")
  endif()
  if(NOT ARG_CLASS)
    set(ARG_CLASS ${target})
  endif()
  if(NOT ARG_CLASS MATCHES "^([A-Za-z_][A-Za-z0-9_]*::)*[A-Za-z_][A-Za-z0-9_]*$")
    message(FATAL_ERROR "${context}: CLASS '${ARG_CLASS}' is not a C++ class name (give CLASS, e.g. CLASS rtl::Fifo)")
  endif()
  if(NOT TARGET tetra::cosim)
    message(FATAL_ERROR "${context}: the target tetra::cosim is missing (find_package(Tetra) provides it)")
  endif()
  tetra_find_verilator("${context}" verilator_root)
  if(DEFINED TETRA_BUILT_WITH_VERILATOR AND NOT TETRA_BUILT_WITH_VERILATOR STREQUAL TETRA_VERILATOR_VERSION)
    message(FATAL_ERROR "${context}: Tetra's tetra::cosim was built with Verilator ${TETRA_BUILT_WITH_VERILATOR}, "
                        "but ${TETRA_VERILATOR_EXECUTABLE} is Verilator ${TETRA_VERILATOR_VERSION}: "
                        "models and runtime must come from one Verilator.")
  endif()

  set(sources)
  foreach(source IN LISTS ARG_SOURCES)
    get_filename_component(source "${source}" ABSOLUTE BASE_DIR "${CMAKE_CURRENT_SOURCE_DIR}")
    if(NOT EXISTS "${source}")
      message(FATAL_ERROR "${context}: the source ${source} does not exist")
    endif()
    list(APPEND sources "${source}")
  endforeach()
  set(include_args)
  foreach(dir IN LISTS ARG_INCLUDE_DIRS)
    get_filename_component(dir "${dir}" ABSOLUTE BASE_DIR "${CMAKE_CURRENT_SOURCE_DIR}")
    list(APPEND include_args "-I${dir}")
  endforeach()

  # Verilator's classes are named after the target, so that two targets of one top
  # module (different -G parameters) can live in one program.
  string(MAKE_C_IDENTIFIER "V${target}" prefix)
  set(work "${CMAKE_CURRENT_BINARY_DIR}/${target}.verilated")
  set(header "${work}/include/${target}.hpp")
  set(glue "${work}/${target}_glue.cpp")
  set(model_fast "${work}/${target}_model.cpp")
  set(model_slow "${work}/${target}_model_slow.cpp")
  set(depfile "${work}/${target}.d")

  set(verilator_args --cc --prefix ${prefix} --top-module ${ARG_TOP} --Mdir "${work}/verilator")
  if(ARG_TRACE)
    list(APPEND verilator_args --trace)
  endif()
  if(ARG_TIMING)
    list(APPEND verilator_args --timing)
  endif()
  list(APPEND verilator_args ${include_args} ${ARG_VERILATOR_ARGS} ${sources})

  # Everything the script needs; rewritten only when it changes, so that a changed
  # argument (and only that) Verilates again.
  set(settings "")
  foreach(name VERILATOR verilator_args target ARG_TOP ARG_CLASS prefix work header glue model_fast model_slow
               depfile sources ARG_TRACE ARG_TIMING)
    if(name STREQUAL VERILATOR)
      set(value "${TETRA_VERILATOR_EXECUTABLE}")
    else()
      set(value "${${name}}")
    endif()
    string(REPLACE "\\" "\\\\" value "${value}")
    string(REPLACE "\"" "\\\"" value "${value}")
    string(REPLACE "$" "\\$" value "${value}")
    string(APPEND settings "set(${name} \"${value}\")\n")
  endforeach()
  file(CONFIGURE OUTPUT "${work}/settings.cmake" CONTENT "${settings}" @ONLY)

  set(script "${CMAKE_CURRENT_FUNCTION_LIST_DIR}/TetraVerilate.cmake")
  add_custom_command(
    OUTPUT "${header}" "${glue}" "${model_fast}" "${model_slow}"
    COMMAND "${CMAKE_COMMAND}" "-DSETTINGS=${work}/settings.cmake" -P "${script}"
    DEPENDS ${sources} "${work}/settings.cmake" "${script}" "${TETRA_VERILATOR_EXECUTABLE}"
    DEPFILE "${depfile}"
    COMMENT "Verilating ${ARG_TOP} for ${target}"
    VERBATIM)

  add_library(${target} STATIC "${glue}" "${model_fast}" "${model_slow}" "${header}")
  target_include_directories(${target} PUBLIC "$<BUILD_INTERFACE:${work}/include>")
  target_include_directories(${target} SYSTEM PUBLIC "$<BUILD_INTERFACE:${work}/verilator>"
                             "${verilator_root}/include" "${verilator_root}/include/vltstd")
  target_link_libraries(${target} PUBLIC tetra::cosim)
  if(ARG_TRACE)
    set(trace 1)
  else()
    set(trace 0)
  endif()
  target_compile_definitions(${target} PRIVATE VM_COVERAGE=0 VM_SC=0 VM_TRACE=${trace} VM_TRACE_VCD=${trace}
                                               VM_TRACE_FST=0)
  if(CMAKE_CXX_COMPILER_ID MATCHES "GNU|Clang")
    # What Verilator's own makefiles turn off for generated code.
    target_compile_options(${target} PRIVATE -Wno-bool-operation -Wno-sign-compare -Wno-uninitialized
                           -Wno-unused-but-set-variable -Wno-unused-parameter -Wno-unused-variable -Wno-shadow)
  endif()
endfunction()
