#include "apps/command_line.hpp"

#include "apps/accel_command.hpp"
#include "apps/decode_command.hpp"
#include "apps/train_command.hpp"

#include <CLI/CLI.hpp>

#include <exception>

namespace tetra::apps {

int run_command_line(int argc, const char* const* argv, std::ostream& out, std::ostream& err) {
  CLI::App app{"Tetra: RTL simulation framework and speculative-decoding accelerator study",
               "tetra"};
  app.require_subcommand(1);
  add_decode_command(app, out);
  add_train_command(app, out);
  add_accel_command(app, out, err);
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
    const std::vector<CLI::App*> chosen = app.get_subcommands();
    err << "tetra" << (chosen.empty() ? "" : " " + chosen.front()->get_name())
        << ": error: " << error.what() << '\n';
    return 1;
  }
  return 0;
}

}  // namespace tetra::apps
