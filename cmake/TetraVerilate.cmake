# Run by tetra_add_verilated() at build time as `cmake -DSETTINGS=<file> -P TetraVerilate.cmake`:
# runs Verilator, then generates the Tetra glue from the ports Verilator declares in its
# V<prefix>.h (VL_IN8(&name,msb,lsb); ... VL_OUTW(&name,msb,lsb,words);):
#   <target>.hpp         the module class: In<T>/Out<T> ports named as in Verilog
#   <target>_glue.cpp    its constructor and the adapter binding each port to the model
#   <target>_model.cpp, <target>_model_slow.cpp   Verilator's sources, one translation unit each
#   <target>.d           what the model was built from (Verilator's own list), for the build tool
# Any failure stops the build with Verilator's message and the files involved.
cmake_minimum_required(VERSION 3.25)  # today's policies: quoted strings are not variables
include("${SETTINGS}")

set(context "tetra_add_verilated(${target})")

# Stops the build with `text` as it is (message(FATAL_ERROR) would re-wrap its lines).
function(fail)
  string(JOIN "" text ${ARGV})
  message(NOTICE "${text}")
  message(FATAL_ERROR "${context} failed")
endfunction()
string(REPLACE ";" ", " source_list "${sources}")

# Verilator's messages go to stderr as they are; the summary after them says which target.
file(MAKE_DIRECTORY "${work}/verilator" "${work}/include")
execute_process(COMMAND "${VERILATOR}" ${verilator_args}
                RESULT_VARIABLE result OUTPUT_VARIABLE output ERROR_VARIABLE output)
if(output)
  message(NOTICE "${output}")
endif()
if(NOT result EQUAL 0)
  fail("${context}: Verilator failed (${result}) on top module '${ARG_TOP}' from ${source_list}: "
       "its messages are above.")
endif()

set(model_header "${work}/verilator/${prefix}.h")
file(STRINGS "${model_header}" header_lines)
file(READ "${work}/verilator/${prefix}.cpp" model_source)

# --- the ports -----------------------------------------------------------------------
set(in_ports FALSE)
set(ports)      # names, in Verilator's order
set(problems)   # "name|what" for each port the bridge cannot map
foreach(line IN LISTS header_lines)
  string(STRIP "${line}" line)
  if(line STREQUAL "// PORTS")
    set(in_ports TRUE)
    continue()
  elseif(line STREQUAL "// CELLS")
    break()
  endif()
  if(NOT in_ports OR line STREQUAL "" OR line MATCHES "^//")
    continue()
  endif()
  if(line MATCHES "^VL_(IN|OUT)(8|16|64|W)?\\(&([A-Za-z_][A-Za-z0-9_]*),([0-9]+),([0-9]+)(,([0-9]+))?\\);$")
    set(name "${CMAKE_MATCH_3}")
    set(direction_${name} "${CMAKE_MATCH_1}")
    set(kind "${CMAKE_MATCH_2}")
    math(EXPR width "${CMAKE_MATCH_4} - ${CMAKE_MATCH_5}")
    if(width LESS 0)
      math(EXPR width "-(${width})")
    endif()
    math(EXPR width "${width} + 1")
    if(kind STREQUAL "8")
      set(storage_${name} CData)
    elseif(kind STREQUAL "16")
      set(storage_${name} SData)
    elseif(kind STREQUAL "64")
      set(storage_${name} QData)
    elseif(kind STREQUAL "W")
      set(storage_${name} "VlWide<${CMAKE_MATCH_7}>")
    else()
      set(storage_${name} IData)
    endif()
    if(width EQUAL 1)
      set(type_${name} "tetra::Logic")
    else()
      set(type_${name} "tetra::Vec<${width}>")
    endif()
    list(APPEND ports "${name}")
  elseif(line MATCHES "^VL_INOUT[0-9W]*\\(&([A-Za-z_][A-Za-z0-9_]*),")
    list(APPEND problems "${CMAKE_MATCH_1}|is an inout, and the bridge maps inputs and outputs only")
  elseif(line MATCHES "^VL_[A-Z0-9]+\\(\\(&([A-Za-z_][A-Za-z0-9_]*)\\)\\[")
    list(APPEND problems "${CMAKE_MATCH_1}|is an unpacked array: make it a packed vector at the top")
  elseif(line MATCHES "^double *&([A-Za-z_][A-Za-z0-9_]*);$")
    list(APPEND problems "${CMAKE_MATCH_1}|is a real, and the bridge maps bit vectors only")
  elseif(line MATCHES "^std::string *&([A-Za-z_][A-Za-z0-9_]*);$")
    list(APPEND problems "${CMAKE_MATCH_1}|is a string, and the bridge maps bit vectors only")
  else()
    string(REPLACE ";" "" line "${line}")
    list(APPEND problems "?|is declared by Verilator as '${line}', which the bridge does not know")
  endif()
endforeach()

# A port the bridge cannot map: ask Verilator (--xml-only) where it is declared, and stop.
if(problems)
  set(xml "${work}/verilator/${prefix}_ports.xml")
  set(xml_args)
  foreach(argument IN LISTS verilator_args)
    if(NOT argument MATCHES "^--(cc|trace|timing)$")
      list(APPEND xml_args "${argument}")
    endif()
  endforeach()
  execute_process(COMMAND "${VERILATOR}" --xml-only --xml-output "${xml}" ${xml_args}
                  RESULT_VARIABLE xml_result OUTPUT_QUIET ERROR_QUIET)
  set(xml_text "")
  set(top_text "")
  if(xml_result EQUAL 0)
    file(READ "${xml}" xml_text)
    string(FIND "${xml_text}" "topModule=\"1\"" top_at)
    if(top_at GREATER -1)
      string(SUBSTRING "${xml_text}" ${top_at} -1 top_text)
    endif()
  endif()
  set(report "")
  foreach(problem IN LISTS problems)
    string(REPLACE "|" ";" problem "${problem}")
    list(GET problem 0 name)
    list(GET problem 1 what)
    set(where "${source_list}")
    if(top_text MATCHES "<var loc=\"([a-z]+),([0-9]+),([0-9]+)[^\"]*\" name=\"${name}\"")
      set(line_number "${CMAKE_MATCH_2}")
      set(column "${CMAKE_MATCH_3}")
      if(xml_text MATCHES "<file id=\"${CMAKE_MATCH_1}\" filename=\"([^\"]*)\"")
        set(where "${CMAKE_MATCH_1}:${line_number}:${column}")
      endif()
    endif()
    string(APPEND report "\n  ${where}: port '${name}' of module '${ARG_TOP}' ${what}")
  endforeach()
  fail("${context}: the bridge cannot map these ports of top module '${ARG_TOP}':${report}")
endif()
if(NOT ports)
  fail("${context}: found no ports in ${model_header}: is it a Verilator ${prefix}.h?")
endif()

# --- what the model was built with -------------------------------------------------
if(model_source MATCHES "::threads\\(\\) const { return ([0-9]+); }")
  set(threads "${CMAKE_MATCH_1}")
else()
  fail("${context}: cannot find the thread count in ${work}/verilator/${prefix}.cpp")
endif()
foreach(flag ARG_TRACE ARG_TIMING)
  if(${flag})
    set(${flag} true)
  else()
    set(${flag} false)
  endif()
endforeach()

# --- the class ---------------------------------------------------------------------------
string(REGEX MATCH "[A-Za-z_][A-Za-z0-9_]*$" class_name "${ARG_CLASS}")
string(REGEX REPLACE "::[A-Za-z_][A-Za-z0-9_]*$" "" namespace "${ARG_CLASS}")
if(namespace STREQUAL ARG_CLASS)
  set(namespace "")
endif()
string(REPLACE ";" " " arguments_text "${verilator_args}")

set(members "")
set(inputs "")
set(outputs "")
set(input_bindings "")
set(output_bindings "")
set(input_initialisers "")
set(output_initialisers "")
set(sensitivity "")
# Inputs first, then outputs, each in Verilator's order.
set(ordered_ports)
foreach(direction IN ITEMS IN OUT)
  foreach(name IN LISTS ports)
    if(direction_${name} STREQUAL direction)
      list(APPEND ordered_ports "${name}")
    endif()
  endforeach()
endforeach()
foreach(name IN LISTS ordered_ports)
  set(type "${type_${name}}")
  set(storage "${storage_${name}}")
  if(direction_${name} STREQUAL "IN")
    string(APPEND members "  tetra::In<${type}> ${name}{*this, \"${name}\"};\n")
    string(APPEND input_bindings "  tetra::detail::VerilatedInput<${type}, ${storage}> ${name}_;\n")
    string(APPEND input_initialisers
           ",\n        ${name}_(glue, glue.${name}, model_.${name})")
    string(APPEND inputs "    ${name}_.apply(everything);\n")
    if(sensitivity)
      string(APPEND sensitivity ", ")
    endif()
    string(APPEND sensitivity "glue_.${name}")
  else()
    string(APPEND members "  tetra::Out<${type}> ${name}{*this, \"${name}\"};\n")
    string(APPEND output_bindings "  tetra::detail::VerilatedOutput<${type}, ${storage}> ${name}_;\n")
    string(APPEND output_initialisers ",\n        ${name}_(glue.${name}, model_.${name})")
    string(APPEND outputs "    ${name}_.publish(everything);\n")
  endif()
endforeach()
if(sensitivity)
  set(make_sensitive "evaluation.sensitive(${sensitivity});")
else()
  set(make_sensitive "static_cast<void>(evaluation);  // no inputs: the start-up and timed wake-ups evaluate it")
endif()

if(namespace)
  set(open_namespace "namespace ${namespace} {\n\n")
  set(close_namespace "\n}  // namespace ${namespace}\n")
else()
  set(open_namespace "")
  set(close_namespace "")
endif()

set(header_text "// Generated by ${context} from Verilator's ${prefix}.h; do not edit.
#pragma once

#include <string_view>

#include \"sim/cosim/verilated_module.hpp\"
#include \"sim/module/port.hpp\"
#include \"sim/values/vec.hpp\"

${open_namespace}/// The Verilog module '${ARG_TOP}' as a Tetra module (sources: ${source_list}).
class ${class_name} final : public tetra::VerilatedModule {
public:
${members}
  /// An instance named `name` in `parent`.
  ${class_name}(tetra::Scope& parent, std::string_view name, tetra::VerilatedOptions options = {});
};
${close_namespace}")

if(ARG_TRACE)
  set(trace_include "#include \"verilated_vcd_c.h\"\n")
  set(trace_body "model_.trace(&file, depth);")
else()
  set(trace_include "")
  set(trace_body "static_cast<void>(file);
    static_cast<void>(depth);  // unreachable: VerilatedModule refuses a trace file without TRACE")
endif()

set(glue_text "// Generated by ${context} from Verilator's ${prefix}.h; do not edit.
// Verilator: ${arguments_text}
#include \"${target}.hpp\"

#include <memory>

#include \"${prefix}.h\"
#include \"sim/cosim/verilated_adapter.hpp\"
${trace_include}
namespace {

using Glue = ${ARG_CLASS};

class Adapter final : public tetra::detail::VerilatedAdapter {
public:
  Adapter(Glue& glue, VerilatedContext& context)
      : model_(&context, glue.path().c_str()),
        glue_(glue)${input_initialisers}${output_initialisers} {}

  void evaluate(bool everything) override {
${inputs}    model_.eval();
${outputs}  }
  bool events_pending() override { return model_.eventsPending(); }
  std::uint64_t next_time_slot() override { return model_.nextTimeSlot(); }
  void final() override { model_.final(); }
  void trace(VerilatedVcdC& file, int depth) override {
    ${trace_body}
  }
  void make_sensitive(tetra::MethodHandle& evaluation) override { ${make_sensitive} }

private:
  ${prefix} model_;
  Glue& glue_;
${input_bindings}${output_bindings}};

constexpr tetra::VerilatedModelInfo model_info{\"${ARG_TOP}\", ${threads}, ${ARG_TRACE}, ${ARG_TIMING}};

}  // namespace

${ARG_CLASS}::${class_name}(tetra::Scope& parent, std::string_view name, tetra::VerilatedOptions options)
    : tetra::VerilatedModule(parent, name, std::move(options), model_info) {
  tetra::VerilatedModule::attach(std::make_unique<Adapter>(*this, tetra::VerilatedModule::verilated_context()));
}
")

# Verilator's sources, one translation unit for the code that runs every evaluation
# and one for construction and initialisation.
file(READ "${work}/verilator/${prefix}_classes.mk" classes)
set(fast_text "// Generated by ${context}: Verilator's sources for every evaluation.\n")
set(slow_text "// Generated by ${context}: Verilator's sources for construction and start-up.\n")
foreach(section CLASSES_FAST SUPPORT_FAST CLASSES_SLOW SUPPORT_SLOW)
  if(NOT classes MATCHES "VM_${section} \\+= \\\\\n((\t[A-Za-z0-9_]+ \\\\\n)*)")
    fail("${context}: no VM_${section} list in ${work}/verilator/${prefix}_classes.mk")
  endif()
  string(REGEX MATCHALL "[A-Za-z0-9_]+" files "${CMAKE_MATCH_1}")
  foreach(file IN LISTS files)
    if(section MATCHES "FAST$")
      string(APPEND fast_text "#include \"${file}.cpp\"\n")
    else()
      string(APPEND slow_text "#include \"${file}.cpp\"\n")
    endif()
  endforeach()
endforeach()

# The dependencies Verilator read (its --MMD list), for the build tool's depfile; the
# rule names the first output of the custom command.
file(READ "${work}/verilator/${prefix}__ver.d" verilator_depfile)
string(REGEX REPLACE "^[^:]*: *" "" dependencies "${verilator_depfile}")
string(REGEX REPLACE "[ \t\r\n\\\\]+" ";" dependencies "${dependencies}")
list(REMOVE_DUPLICATES dependencies)
list(REMOVE_ITEM dependencies "")
string(REPLACE ";" " \\\n  " dependencies "${dependencies}")

file(WRITE "${header}" "${header_text}")
file(WRITE "${glue}" "${glue_text}")
file(WRITE "${model_fast}" "${fast_text}")
file(WRITE "${model_slow}" "${slow_text}")
file(WRITE "${depfile}" "${header}: \\\n  ${dependencies}\n")
