#include "accel/lockstep/lockstep_bench.hpp"

#include <fmt/format.h>

#include <array>
#include <stdexcept>

namespace tetra::accel {

namespace {

// The RTL checks its configuration at time 0 with $fatal: the same checks come first here.
const RtlConfiguration& checked(const RtlConfiguration& rtl, const models::ModelShape& target,
                                const models::ModelShape& draft) {
  validate(rtl, target, draft);
  return rtl;
}

VerilatedOptions rtl_options(const RtlConfiguration& rtl, const std::filesystem::path& trace_file) {
  VerilatedOptions options;
  // The configuration and the prompt token are don't-care while start and in_valid are
  // low (X on the host's signals then); the controls stay strict.
  for (const char* port : {"cfg_prompt_length", "cfg_new_tokens", "cfg_draft_length", "cfg_sample",
                           "cfg_seed", "in_token"}) {
    options.port_unknown_bits.push_back({port, UnknownBitPolicy::zeros()});
  }
  options.plusargs = rtl.plusargs();
  options.trace_file = trace_file;
  return options;
}

// The RTL's counter ports, in counter_ports' order.
constexpr std::array<Out<CounterValue> rtl::Accelerator::*, kCounterCount> kRtlCounters{
    &rtl::Accelerator::cycles,
    &rtl::Accelerator::draft_cycles,
    &rtl::Accelerator::verify_cycles,
    &rtl::Accelerator::stall_cycles,
    &rtl::Accelerator::iterations,
    &rtl::Accelerator::drafted,
    &rtl::Accelerator::accepted,
    &rtl::Accelerator::emitted,
    &rtl::Accelerator::rejections,
    &rtl::Accelerator::offchip_bytes_draft,
    &rtl::Accelerator::offchip_bytes_verify,
    &rtl::Accelerator::offchip_bytes_rejected,
    &rtl::Accelerator::sram_read_bytes_draft,
    &rtl::Accelerator::sram_read_bytes_verify,
    &rtl::Accelerator::sram_read_bytes_rejected,
    &rtl::Accelerator::sram_write_bytes_draft,
    &rtl::Accelerator::sram_write_bytes_verify,
    &rtl::Accelerator::sram_write_bytes_rejected,
    &rtl::Accelerator::macs_draft,
    &rtl::Accelerator::macs_verify,
    &rtl::Accelerator::macs_rejected};

}  // namespace

LockstepBench::LockstepBench(const models::IntegerModelParameters& target,
                             const models::IntegerModelParameters& draft, const RtlConfiguration& rtl_configuration,
                             const LockstepOptions& options, const std::filesystem::path& rtl_trace_file)
    : rtl_configuration_(checked(rtl_configuration, target.shape, draft.shape)),
      kernel(target, draft, rtl_configuration_.hardware),
      rtl(kernel.sim, "rtl", rtl_options(rtl_configuration_, rtl_trace_file)),
      lockstep(kernel.sim, "lockstep", options) {
  rtl.clk(kernel.clk);
  rtl.rst(kernel.rst);
  rtl.start(kernel.start);
  rtl.cfg_prompt_length(kernel.cfg_prompt_length);
  rtl.cfg_new_tokens(kernel.cfg_new_tokens);
  rtl.cfg_draft_length(kernel.cfg_draft_length);
  rtl.cfg_sample(kernel.cfg_sample);
  rtl.cfg_seed(kernel.cfg_seed);
  rtl.in_valid(kernel.in_valid);
  rtl.in_token(kernel.in_token);
  rtl.out_ready(kernel.out_ready);
  lockstep.clk(kernel.clk);
  Accelerator& model = kernel.accelerator;
  bind_and_compare(model.in_ready, kernel.in_ready, rtl.in_ready, rtl_in_ready);
  bind_and_compare(model.out_valid, kernel.out_valid, rtl.out_valid, rtl_out_valid);
  bind_and_compare(model.out_token, kernel.out_token, rtl.out_token, rtl_out_token);
  bind_and_compare(model.done, kernel.done, rtl.done, rtl_done);
  const std::vector<CounterPort> counters = counter_ports(kernel);
  for (std::size_t index = 0; index < kCounterCount; ++index) {
    Out<CounterValue>& rtl_port = rtl.*kRtlCounters[index];
    if (rtl_port.name() != counters[index].port->name()) {
      throw std::logic_error(fmt::format("lockstep: counter {} is {} in the kernel model and {} in the RTL", index,
                                         counters[index].port->name(), rtl_port.name()));
    }
    rtl_counters.emplace_back(kernel.sim, fmt::format("rtl_{}", rtl_port.name()));
    bind_and_compare(*counters[index].port, *counters[index].signal, rtl_port, rtl_counters.back());
  }
}

template <class Value>
void LockstepBench::bind_and_compare(Out<Value>& kernel_port, Signal<Value>& kernel_signal, Out<Value>& rtl_port,
                                     Signal<Value>& rtl_signal) {
  rtl_port(rtl_signal);  // the kernel model's ports are bound by AcceleratorBench
  lockstep.compare(kernel_port, rtl_port);
  compared_.push_back({std::string(kernel_port.path()), std::string(rtl_port.path()), &kernel_signal, &rtl_signal});
}

}  // namespace tetra::accel
