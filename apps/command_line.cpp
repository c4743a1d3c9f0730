#include "apps/command_line.hpp"

#include "apps/accel_command.hpp"
#include "apps/cosim_command.hpp"
#include "apps/decode_command.hpp"
#include "apps/sweep_command.hpp"
#include "apps/train_command.hpp"
#include "sim/kernel/stop_request.hpp"

#include <CLI/CLI.hpp>

#include <cerrno>
#include <exception>
#include <ostream>
#include <streambuf>
#include <string>
#include <system_error>
#include <vector>

namespace tetra::apps {

namespace {

// "tetra" and the subcommand the user chose, as messages name the command.
std::string command_name(const CLI::App& app) {
  const std::vector<CLI::App*> chosen = app.get_subcommands();
  return chosen.empty() ? "tetra" : "tetra " + chosen.front()->get_name();
}

int parse_and_run(CLI::App& app, int argc, const char* const* argv, std::ostream& out,
                  std::ostream& err) {
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& error) {
    if (error.get_exit_code() == 0) return app.exit(error, out, err);  // --help
    // Usage of the subcommand the user was typing, or of the whole command.
    const std::vector<CLI::App*> chosen = app.get_subcommands();
    const CLI::App& usage = chosen.empty() ? app : *chosen.front();
    err << "tetra: " << error.what() << "\n\n" << usage.help();
    return error.get_exit_code();
  } catch (const SimulationStopped& stop) {
    err << command_name(app) << ": " << stop.what() << "; the waveform is complete up to then\n";
    return stop.exit_status();
  } catch (const std::exception& error) {
    err << command_name(app) << ": error: " << error.what() << '\n';
    return 1;
  }
  return 0;
}

// Forwards to a stream's buffer and keeps the errno of the first write that failed: a
// report cut short by a full device names the reason, also when the failing write was a
// large one that went past the stream's buffer rather than the final flush.
class FailureRecordingBuffer : public std::streambuf {
public:
  explicit FailureRecordingBuffer(std::streambuf& target) : target_(target) {}
  [[nodiscard]] bool failed() const { return failed_; }
  [[nodiscard]] int reason() const { return reason_; }

protected:
  int_type overflow(int_type ch) override {
    if (traits_type::eq_int_type(ch, traits_type::eof())) return traits_type::not_eof(ch);
    errno = 0;
    const bool failure = traits_type::eq_int_type(target_.sputc(traits_type::to_char_type(ch)),
                                                  traits_type::eof());
    return record(failure) ? traits_type::eof() : ch;
  }
  std::streamsize xsputn(const char* text, std::streamsize count) override {
    errno = 0;
    const std::streamsize written = target_.sputn(text, count);
    record(written != count);
    return written;
  }
  int sync() override {
    errno = 0;
    return record(target_.pubsync() != 0) ? -1 : 0;
  }

private:
  bool record(bool failure) {
    if (failure && !failed_) {
      failed_ = true;
      reason_ = errno;
    }
    return failure;
  }

  std::streambuf& target_;
  bool failed_ = false;
  int reason_ = 0;
};

}  // namespace

int run_command_line(int argc, const char* const* argv, std::ostream& out, std::ostream& err) {
  CLI::App app{"Tetra: RTL simulation framework and speculative-decoding accelerator study",
               "tetra"};
  app.require_subcommand(1);
  FailureRecordingBuffer recording(*out.rdbuf());
  std::ostream report(&recording);
  add_decode_command(app, report);
  add_train_command(app, report);
  add_accel_command(app, report, err);
  add_cosim_command(app, report);
  add_sweep_command(app, report, err);
  const int exit_code = parse_and_run(app, argc, argv, report, err);
  // A report that cannot be written (a full disk, /dev/full) is a failed command.
  report.flush();
  if (!recording.failed()) return exit_code;
  const int reason = recording.reason();
  err << command_name(app) << ": error: cannot write to standard output"
      << (reason != 0 ? ": " + std::system_category().message(reason) : "") << '\n';
  return exit_code != 0 ? exit_code : 1;
}

}  // namespace tetra::apps
