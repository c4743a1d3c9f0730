// libsystemc holds a main() that calls sc_main(), so every program linked with it needs
// one, even one that starts from its own main() (a Tetra program hosting SystemC models,
// a GoogleTest binary). This stands in for a program that defines none; the library's
// link options pull it in only then, and it is weak, so a program's own sc_main wins.
#include <cstdio>

#include <systemc>

extern "C" [[gnu::weak]] int sc_main(int, char*[]) {
  std::fputs("tetra::systemc: this program defines neither main() nor sc_main()\n", stderr);
  return 1;
}
