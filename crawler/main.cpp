// Patrol crawler entry point. For now it only reports its version and the libraries it is built
// with; leasing tasks, fetching and extraction come with the crawler issue.
#include <curl/curl.h>
#include <gumbo.h>

#include <cstdio>
#include <cstring>

int main(int argc, char** argv) {
  if (argc > 1 && (std::strcmp(argv[1], "--version") == 0 || std::strcmp(argv[1], "-v") == 0)) {
    std::printf("cbec-patrol crawler 0.1 (%s)\n", curl_version());
    return 0;
  }
  std::fprintf(
      stderr,
      "usage: crawler --version\n"
      "The patrol crawler is not built out yet: it arrives with the online-patrol issue.\n");
  return 2;
}
