// Test harness for the server suite: a real server in-process on an ephemeral port with its own
// temporary database, a fixed "today", a fake clock and the fast KDF setting; helpers for
// requests over real HTTP (httplib::Client) and for counting rows. Does file and network I/O.
#pragma once

#include <httplib.h>

#include <atomic>
#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <string>
#include <thread>

#include "app.h"
#include "core/json.h"
#include "http/server.h"
#include "store/db.h"

namespace server::testing {

inline constexpr const char* kToday = "2026-11-26";
// 2026-11-26 10:00 in China (02:00 UTC).
inline constexpr int64_t kStartUnix = 1795658400;

struct Options {
  bool seed_demo = false;
  // AppConfig::max_queued_connections (0: every connection is shed, for the 503 test).
  size_t max_queued_connections = 256;
  size_t threads = 8;  // AppConfig::threads
};

// A source of routing and inspector draw seeds (AppConfig::routing_seed).
using SeedFn = std::function<uint64_t()>;

// The next of a deterministic sequence of seeds whose random top-up never selects a list (the
// draw is at 99.00% or above), so that lists are decided by the rules alone unless a test asks
// for the draw.
uint64_t QuietSeed();

struct Response {
  int status = 0;
  std::string body;
  httplib::Headers headers;
  core::Json json;  // parsed body (null when not JSON)

  std::string Header(const std::string& key) const;
  // error.code of an error body ("" otherwise).
  std::string ErrorCode() const;
  // error.message of an error body ("" otherwise).
  std::string ErrorMessage() const;
};

class TestServer {
 public:
  explicit TestServer(Options options = {}) : TestServer(options, QuietSeed) {}
  // With another source of draw seeds (tests of the random top-up).
  TestServer(Options options, SeedFn routing_seed);
  ~TestServer();

  App& app() { return *app_; }
  int port() const { return port_; }
  // The directory holding this server's database, web/ and wasm/ folders.
  const std::string& dir() const { return dir_; }
  std::string db_path() const { return dir_ + "/patrol.db"; }
  // Moves the fake clock.
  void Advance(int64_t seconds) { now_ += seconds; }

  // Requests. `cookie` is a "patrol_session=..." value or "". Bodies go as application/json
  // unless content_type says otherwise.
  Response Get(const std::string& path, const std::string& cookie = "");
  Response Send(const std::string& method, const std::string& path, const std::string& body,
                const std::string& cookie = "",
                const std::string& content_type = "application/json",
                const httplib::Headers& extra = {});
  Response Post(const std::string& path, const core::Json& body, const std::string& cookie = "") {
    return Send("POST", path, core::DumpJson(body), cookie);
  }
  Response Put(const std::string& path, const core::Json& body, const std::string& cookie = "") {
    return Send("PUT", path, core::DumpJson(body), cookie);
  }

  // Signs in and returns the cookie pair "patrol_session=<token>"; fails the test otherwise.
  std::string Login(const std::string& username, const std::string& password);

  // Row count of a table, read through a separate connection.
  int64_t Count(const std::string& table);
  // Row counts of every table that requests write.
  std::map<std::string, int64_t> Counts();
  // A separate connection to this server's database (for tampering and inspection).
  std::unique_ptr<Db> OpenDb();

 private:
  std::string dir_;
  std::atomic<int64_t> now_{kStartUnix};
  std::unique_ptr<App> app_;
  std::unique_ptr<HttpServer> http_;
  std::thread thread_;
  std::atomic<bool> listen_returned_{false};
  int port_ = 0;
};

// The standard config a TestServer uses, for tests that open an App themselves.
AppConfig TestConfig(const std::string& dir);

// A fresh temporary directory.
std::string MakeTempDir();

// A valid domestic application for the API, valid on kToday, with the given USCC.
core::Json ValidApplication(const std::string& uscc = "91310110666007217T");
// A valid goods filing (cosmetics on the positive list: admitted).
core::Json ValidFiling(const std::string& sku = "T-0001");

// Demo passwords.
inline constexpr const char* kOfficerPassword = "Officer#2026demo";
inline constexpr const char* kAdminPassword = "Admin#2026demo";
inline constexpr const char* kEnterprisePassword = "Ent#2026demo";

}  // namespace server::testing
