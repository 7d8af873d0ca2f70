// Patrol crawler entry point: flags, then lease-and-run cycles against the server — once (for
// cron or a systemd timer: runs tasks until none is left) or as a daemon (polls for work until
// SIGINT/SIGTERM). Progress goes to stderr.
#include <curl/curl.h>

#include <atomic>
#include <chrono>
#include <csignal>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <sstream>
#include <string>
#include <thread>

#include "client/server_client.h"
#include "client/task_runner.h"
#include "fetch/curl_fetcher.h"

namespace {

std::atomic<bool> g_stop{false};

void OnSignal(int) { g_stop = true; }

constexpr const char* kUsage =
    "usage: crawler [--server URL] [--token-file FILE] [--once | --daemon] [--poll-seconds N]\n"
    "               [--kinds patrol,mystery_order] [--max-pages N] [--max-per-origin N]\n"
    "               [--allow-origin HOST:PORT]... [--allow-private] [--version]\n"
    "  The token comes from --token-file or the PATROL_CRAWLER_TOKEN environment variable\n"
    "  (create one: POST /api/v1/crawler-accounts as admin, or server --create-crawler NAME).\n"
    "  Non-public addresses (loopback, private, link-local) are refused unless allowed with\n"
    "  --allow-origin (repeatable) or --allow-private.\n";

int Usage(const std::string& why) {
  std::fprintf(stderr, "crawler: %s\n%s", why.c_str(), kUsage);
  return 2;
}

std::string Trim(std::string s) {
  while (!s.empty() && (s.back() == '\n' || s.back() == '\r' || s.back() == ' ')) s.pop_back();
  return s;
}

void Log(const std::string& line) { std::fprintf(stderr, "crawler: %s\n", line.c_str()); }

}  // namespace

int main(int argc, char** argv) {
  std::string server = "http://127.0.0.1:8080";
  std::string token_file;
  bool daemon = false;
  int poll_seconds = 30;
  crawler::RunnerOptions options;
  crawler::FetcherOptions fetch;
  fetch.block_non_public_addresses = true;
  for (int i = 1; i < argc; ++i) {
    const std::string a = argv[i];
    auto value = [&]() -> const char* { return i + 1 < argc ? argv[++i] : nullptr; };
    if (a == "--version" || a == "-v") {
      std::printf("cbec-patrol crawler 0.2 (%s)\n", curl_version());
      return 0;
    } else if (a == "--help" || a == "-h") {
      std::fputs(kUsage, stdout);
      return 0;
    } else if (a == "--once") {
      daemon = false;
    } else if (a == "--daemon") {
      daemon = true;
    } else if (a == "--allow-private") {
      fetch.block_non_public_addresses = false;
    } else if (const char* v = (a == "--server" || a == "--token-file" || a == "--poll-seconds" ||
                                a == "--kinds" || a == "--max-pages" || a == "--allow-origin" ||
                                a == "--max-per-origin")
                                   ? value()
                                   : nullptr) {
      if (a == "--server") server = v;
      if (a == "--token-file") token_file = v;
      if (a == "--poll-seconds") poll_seconds = std::atoi(v);
      if (a == "--max-pages") options.patrol.max_pages = static_cast<size_t>(std::atoi(v));
      if (a == "--max-per-origin") fetch.max_per_origin = std::atoi(v);
      if (a == "--allow-origin") fetch.non_public_allowed.push_back(v);
      if (a == "--kinds") {
        std::stringstream ss(v);
        for (std::string k; std::getline(ss, k, ',');) options.kinds.push_back(k);
      }
    } else {
      return Usage("unknown or incomplete argument '" + a + "'");
    }
  }
  if (poll_seconds < 1 || options.patrol.max_pages < 1 || fetch.max_per_origin < 1) {
    return Usage("--poll-seconds, --max-pages and --max-per-origin must be positive");
  }
  std::string token;
  if (!token_file.empty()) {
    std::ifstream in(token_file);
    if (!in) return Usage("cannot read the token file " + token_file);
    std::getline(in, token);
  } else if (const char* env = std::getenv("PATROL_CRAWLER_TOKEN")) {
    token = env;
  }
  token = Trim(token);
  if (token.empty()) return Usage("no crawler token (--token-file or PATROL_CRAWLER_TOKEN)");

  std::signal(SIGINT, OnSignal);
  std::signal(SIGTERM, OnSignal);
  crawler::ServerClient client(server, token);
  crawler::CurlFetcher fetcher(fetch);
  int tasks = 0;
  while (!g_stop) {
    core::StatusOr<crawler::CycleOutcome> cycle =
        crawler::RunOneTask(client, fetcher, options, Log);
    if (!cycle.ok()) {
      Log("error: " + cycle.status().ToString());
      // Unauthenticated or a refused request will not mend by itself; an outage might.
      if (!daemon || cycle.status().code() != core::StatusCode::kUnavailable) return 1;
    } else if (*cycle != crawler::CycleOutcome::kIdle) {
      ++tasks;
      continue;
    } else if (!daemon) {
      Log("no task left; " + std::to_string(tasks) + " run");
      return 0;
    }
    // Daemon: wait for the next poll, waking early on a signal.
    for (int s = 0; s < poll_seconds * 10 && !g_stop; ++s) {
      std::this_thread::sleep_for(std::chrono::milliseconds(100));
    }
  }
  Log("stopped; " + std::to_string(tasks) + " tasks run");
  return 0;
}
