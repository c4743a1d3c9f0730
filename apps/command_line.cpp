#include "apps/command_line.hpp"

#include "apps/accel_command.hpp"
#include "apps/cosim_command.hpp"
#include "apps/decode_command.hpp"
#include "apps/train_command.hpp"

#include <CLI/CLI.hpp>

#include <cerrno>
#include <exception>
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
  } catch (const std::exception& error) {
    err << command_name(app) << ": error: " << error.what() << '\n';
    return 1;
  }
  return 0;
}

}  // namespace

int run_command_line(int argc, const char* const* argv, std::ostream& out, std::ostream& err) {
  CLI::App app{"Tetra: RTL simulation framework and speculative-decoding accelerator study",
               "tetra"};
  app.require_subcommand(1);
  add_decode_command(app, out);
  add_train_command(app, out);
  add_accel_command(app, out, err);
  add_cosim_command(app, out);
  const int exit_code = parse_and_run(app, argc, argv, out, err);
  // A report that cannot be written (a full disk, /dev/full) is a failed command. Most
  // of it is still buffered here, so the flush usually meets the error and errno has its
  // reason; a stream that failed earlier has none to give.
  errno = 0;
  out.flush();
  if (out) return exit_code;
  const int reason = errno;
  err << command_name(app) << ": error: cannot write to standard output"
      << (reason != 0 ? ": " + std::system_category().message(reason) : "") << '\n';
  return exit_code != 0 ? exit_code : 1;
}

}  // namespace tetra::apps
