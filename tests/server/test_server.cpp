// Test harness: in-process server, temp databases copied from prepared templates, requests.
#include "test_server.h"

#include <doctest/doctest.h>
#include <stdlib.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <mutex>

#include "core/sampling.h"
#include "demo/demo_seed.h"
#include "store/db.h"

namespace server::testing {

namespace fs = std::filesystem;

std::string MakeTempDir() {
  std::string tmpl = (fs::temp_directory_path() / "patrol-test-XXXXXX").string();
  char* made = mkdtemp(tmpl.data());
  REQUIRE(made != nullptr);
  return tmpl;
}

AppConfig TestConfig(const std::string& dir) {
  AppConfig c;
  c.db_path = dir + "/patrol.db";
  c.data_dir = std::string(PATROL_SOURCE_DIR) + "/data";
  c.web_dir = dir + "/web";
  c.wasm_dir = dir + "/wasm";
  c.vendor_dir = dir + "/vendor";
  c.today = *core::Date::Parse(kToday);
  c.password = PasswordParams::FastForTests();
  c.threads = 8;
  c.payload_max_bytes = 2u << 20;
  c.routing_seed = QuietSeed;
  return c;
}

uint64_t QuietSeed() {
  static std::atomic<uint64_t> next{1};
  while (true) {
    const uint64_t seed = next++;
    if (core::DrawBasisPoints(seed, core::kStreamRouting) >= 9900) return seed;
  }
}

namespace {

void WriteFile(const std::string& path, const std::string& text) {
  std::ofstream out(path, std::ios::binary);
  out << text;
}

// Opening an App parses every reference list and seeding runs the demo path; both are done once
// per test binary into template databases that each test copies.
std::string TemplateDb(bool demo) {
  static std::mutex mu;
  static std::map<bool, std::string> templates;
  std::lock_guard<std::mutex> lock(mu);
  auto it = templates.find(demo);
  if (it != templates.end()) return it->second;
  std::string dir = MakeTempDir();
  {
    AppConfig c = TestConfig(dir);
    c.now = [] { return kStartUnix - 3600; };
    core::StatusOr<std::unique_ptr<App>> app = App::Open(c);
    REQUIRE_MESSAGE(app.ok(), app.status().ToString());
    if (demo) {
      core::StatusOr<bool> seeded = SeedDemoIfEmpty(**app);
      REQUIRE_MESSAGE(seeded.ok(), seeded.status().ToString());
      REQUIRE(*seeded);
    }
  }  // closing the last connection checkpoints the WAL into the file
  templates[demo] = dir + "/patrol.db";
  return templates[demo];
}

core::Json ParseBody(const std::string& body) {
  core::StatusOr<core::Json> j = core::ParseJson(body);
  return j.ok() ? *j : core::Json();
}

}  // namespace

std::string Response::Header(const std::string& key) const {
  auto it = headers.find(key);
  return it == headers.end() ? std::string() : it->second;
}

std::string Response::ErrorCode() const {
  if (!json.is_object() || !json.contains("error") || !json["error"].is_object()) return "";
  const core::Json& e = json["error"];
  return e.contains("code") && e["code"].is_string() ? e["code"].get<std::string>() : "";
}

std::string Response::ErrorMessage() const {
  if (!json.is_object() || !json.contains("error") || !json["error"].is_object()) return "";
  const core::Json& e = json["error"];
  return e.contains("message") && e["message"].is_string() ? e["message"].get<std::string>() : "";
}

TestServer::TestServer(Options options, SeedFn routing_seed) {
  dir_ = MakeTempDir();
  fs::copy_file(TemplateDb(options.seed_demo), db_path());
  fs::create_directories(dir_ + "/web");
  fs::create_directories(dir_ + "/wasm");
  fs::create_directories(dir_ + "/vendor/chart.js");
  WriteFile(dir_ + "/web/index.html", "<!doctype html><title>patrol</title><p>index</p>\n");
  WriteFile(dir_ + "/web/app.js", "export const x = 1;\n");
  WriteFile(dir_ + "/wasm/core.mjs", "export default function createCore() {}\n");
  WriteFile(dir_ + "/wasm/core.wasm", std::string("\0asm\1\0\0\0", 8));
  WriteFile(dir_ + "/vendor/chart.js/chart.esm.js", "export class Chart {}\n");
  AppConfig c = TestConfig(dir_);
  c.now = [this] { return now_.load(); };
  c.routing_seed = std::move(routing_seed);
  c.max_queued_connections = options.max_queued_connections;
  c.threads = options.threads;
  core::StatusOr<std::unique_ptr<App>> app = App::Open(c);
  REQUIRE_MESSAGE(app.ok(), app.status().ToString());
  app_ = std::move(app).value();
  http_ = std::make_unique<HttpServer>(*app_);
  core::StatusOr<int> port = http_->Bind("127.0.0.1", 0);
  REQUIRE_MESSAGE(port.ok(), port.status().ToString());
  port_ = *port;
  // The socket listens from Bind on, so requests queue until the accept loop runs.
  thread_ = std::thread([this] {
    http_->Listen();
    listen_returned_ = true;
  });
}

TestServer::~TestServer() {
  // stop() only takes effect once the accept loop runs; it starts right after Bind.
  while (!http_->running() && !listen_returned_) std::this_thread::yield();
  http_->Stop();
  thread_.join();
  http_.reset();
  app_.reset();
  std::error_code ec;
  fs::remove_all(dir_, ec);
}

Response TestServer::Send(const std::string& method, const std::string& path,
                          const std::string& body, const std::string& cookie,
                          const std::string& content_type, const httplib::Headers& extra) {
  httplib::Client cli("127.0.0.1", port_);
  cli.set_read_timeout(30, 0);
  httplib::Headers headers = extra;
  if (!cookie.empty()) headers.emplace("Cookie", cookie);
  auto send = [&]() -> httplib::Result {
    if (method == "POST") {
      return content_type.empty() ? cli.Post(path, headers)
                                  : cli.Post(path, headers, body, content_type.c_str());
    }
    if (method == "PUT") return cli.Put(path, headers, body, content_type.c_str());
    if (method == "DELETE") return cli.Delete(path, headers, body, content_type.c_str());
    if (method == "PATCH") return cli.Patch(path, headers, body, content_type.c_str());
    return cli.Get(path, headers);
  };
  httplib::Result r = send();
  REQUIRE_MESSAGE(r, method << " " << path << " failed: " << httplib::to_string(r.error()));
  Response out;
  out.status = r->status;
  out.body = r->body;
  out.headers = r->headers;
  out.json = ParseBody(r->body);
  return out;
}

Response TestServer::Get(const std::string& path, const std::string& cookie) {
  return Send("GET", path, "", cookie);
}

std::string TestServer::Login(const std::string& username, const std::string& password) {
  Response r = Post("/api/v1/auth/login", {{"username", username}, {"password", password}});
  REQUIRE_MESSAGE(r.status == 200, "login " << username << ": " << r.status << " " << r.body);
  std::string set_cookie = r.Header("Set-Cookie");
  size_t semi = set_cookie.find(';');
  REQUIRE(semi != std::string::npos);
  return set_cookie.substr(0, semi);
}

std::unique_ptr<Db> TestServer::OpenDb() {
  core::StatusOr<std::unique_ptr<Db>> db = Db::Open(db_path());
  REQUIRE_MESSAGE(db.ok(), db.status().ToString());
  return std::move(db).value();
}

int64_t TestServer::Count(const std::string& table) {
  std::unique_ptr<Db> db = OpenDb();
  // Table names come from the tests, never from input.
  core::StatusOr<Stmt> s = db->Query("SELECT COUNT(*) FROM " + table);
  REQUIRE_MESSAGE(s.ok(), s.status().ToString());
  core::StatusOr<bool> row = s->Step();
  REQUIRE(row.ok());
  REQUIRE(*row);
  return s->Int(0);
}

std::map<std::string, int64_t> TestServer::Counts() {
  std::map<std::string, int64_t> out;
  for (const char* t : {"users", "enterprises", "qualifications", "applications", "goods_filings",
                        "reference_lists", "policy_versions", "audit_log"}) {
    out[t] = Count(t);
  }
  return out;
}

core::Json ValidApplication(const std::string& uscc) {
  return {{"name", "上海测试跨境电商有限公司"},
          {"uscc", uscc},
          {"customs_code", "3101460123"},
          {"overseas", false},
          {"country", ""},
          {"roles", {"ecommerce", "platform"}},
          {"qualifications",
           {{{"type", "business_licence"},
             {"number", uscc},
             {"issuer", "上海市市场监督管理局"},
             {"valid_from", "2020-01-01"},
             {"valid_to", "2040-12-31"}},
            {{"type", "icp_filing"},
             {"number", "沪ICP备2020000002号"},
             {"issuer", "上海市通信管理局"},
             {"valid_from", "2020-03-01"},
             {"valid_to", nullptr}}}},
          {"shop_urls", {"https://shop.test.example.cn/"}}};
}

core::Json ValidFiling(const std::string& sku) {
  return {{"sku", sku},          {"name", "测试保湿精华"},           {"brand", "TestBrand"},
          {"spec", "30毫升/瓶"}, {"code10", "3304990099"},           {"origin_country", "116"},
          {"unit", "瓶"},        {"declared_unit_price_fen", 19900}, {"trade_mode", "1210"}};
}

}  // namespace server::testing
