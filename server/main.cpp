// Server entry point (placeholder until the server lands).
#include <cstdio>
int main() {
  std::puts("cbec-patrol server");
  return 0;
}
