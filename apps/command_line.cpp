#include "apps/command_line.hpp"

#include "apps/accel_command.hpp"
#include "apps/cosim_command.hpp"
#include "apps/decode_command.hpp"
#include "apps/sweep_command.hpp"
#include "apps/train_command.hpp"
#include "sim/kernel/stop_request.hpp"
#include "text/quoted_excerpt.hpp"

#include <CLI/CLI.hpp>

#include <algorithm>
#include <cerrno>
#include <exception>
#include <ostream>
#include <streambuf>
#include <string>
#include <string_view>
#include <system_error>
#include <vector>

namespace tetra::apps {

namespace {

// "tetra" and the subcommand the user chose, as messages name the command.
std::string command_name(const CLI::App& app) {
  const std::vector<CLI::App*> chosen = app.get_subcommands();
  return chosen.empty() ? "tetra" : "tetra " + chosen.front()->get_name();
}

bool printable(char character) { return character >= ' ' && character <= '~'; }

// An argument that a message may not show as typed: unprintable, or too long to read.
bool needs_excerpt(std::string_view argument) {
  return argument.size() > kExcerptLength || !std::all_of(argument.begin(), argument.end(), printable);
}

void replace_all(std::string& text, std::string_view from, std::string_view to) {
  for (std::size_t at = text.find(from); at != std::string::npos; at = text.find(from, at + to.size())) {
    text.replace(at, from.size(), to);
  }
}

// CLI11's own messages show the arguments they name as typed. Each argument (or the
// value of `--option=value`) that is unprintable or too long appears as its quoted
// excerpt instead, as every other message of Tetra quotes what a user gave; a byte left
// unprintable (an argument CLI11 changed before naming it) is escaped on its own.
std::string readable(std::string message, int argc, const char* const* argv) {
  for (int i = 1; i < argc; ++i) {
    const std::string_view argument(argv[i]);
    const std::size_t equals = argument.find('=');
    for (const std::string_view part :
         {argument, equals == std::string_view::npos ? std::string_view() : argument.substr(equals + 1)}) {
      if (!part.empty() && needs_excerpt(part)) replace_all(message, part, quoted_excerpt(part));
    }
  }
  std::string shown;
  for (const char character : message) {
    if (printable(character) || character == '\n') {
      shown += character;
    } else {
      const std::string quoted = quoted_excerpt(std::string_view(&character, 1));
      shown += quoted.substr(1, quoted.size() - 2);
    }
  }
  return shown;
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
    err << "tetra: " << readable(error.what(), argc, argv) << "\n\n" << usage.help();
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
