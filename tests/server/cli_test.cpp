// Server tests: the server executable itself: flags, --load-list (good input stored, bad input
// refused with nothing stored), the "listening on" line and a clean exit on SIGTERM.
#include <doctest/doctest.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstdio>
#include <fstream>
#include <string>
#include <vector>

#include "common/files.h"
#include "server_process.h"
#include "test_server.h"

namespace server::testing {
namespace {

struct Run {
  int exit_code = -1;
  std::string out;
  std::string err;
};

// Runs the server binary to completion with the given arguments.
Run RunServer(const std::vector<std::string>& args) {
  std::string dir = MakeTempDir();
  std::string cmd = std::string(PATROL_SERVER_BIN);
  for (const std::string& a : args) cmd += " '" + a + "'";
  cmd += " >" + dir + "/out 2>" + dir + "/err";
  int status = std::system(cmd.c_str());
  Run r;
  r.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  r.out = ReadFile(dir + "/out").value();
  r.err = ReadFile(dir + "/err").value();
  return r;
}

std::vector<std::string> Base(const std::string& dir) {
  return {"--db",       dir + "/cli.db",
          "--data-dir", std::string(PATROL_SOURCE_DIR) + "/data",
          "--web-dir",  dir,
          "--wasm-dir", dir,
          "--today",    kToday};
}

TEST_CASE("--help exits 0; bad flags exit 2 with a message") {
  Run help = RunServer({"--help"});
  CHECK(help.exit_code == 0);
  CHECK(help.out.find("--load-list") != std::string::npos);
  Run bad = RunServer({"--frobnicate"});
  CHECK(bad.exit_code == 2);
  CHECK(bad.err.find("unknown flag") != std::string::npos);
  CHECK(RunServer({"--port", "99999"}).exit_code == 2);
  CHECK(RunServer({"--today", "2026-02-30"}).exit_code == 2);
  CHECK(RunServer({"--port"}).exit_code == 2);
  // A wait limit within the keep-alive would shed connections on a quiet server.
  Run short_wait = RunServer({"--max-queue-wait-ms", "2000"});
  CHECK(short_wait.exit_code == 2);
  CHECK(short_wait.err.find("keep-alive") != std::string::npos);
}

TEST_CASE("--load-list stores good input and refuses bad input, storing nothing") {
  std::string dir = MakeTempDir();
  std::string good = dir + "/positive.csv";
  std::string csv =
      ReadFile(std::string(PATROL_SOURCE_DIR) + "/data/lists/positive_list.csv").value();
  std::ofstream(good) << csv << "95030021,电动火车玩具,,0,,0,,,\n";
  std::string bad = dir + "/bad.csv";
  std::ofstream(bad) << "code8,name,remark,excluded,exclusion,bonded_only,allowed_names,annual_cap,"
                        "cap_unit\n123,too short,,0,,0,,,\n";

  std::vector<std::string> args = Base(dir);
  args.insert(args.end(), {"--load-list", "positive_list=" + bad, "--list-version", "v-bad"});
  Run refused = RunServer(args);
  CHECK(refused.exit_code == 1);
  CHECK(refused.err.find("nothing stored") != std::string::npos);

  args = Base(dir);
  args.insert(args.end(), {"--load-list", "positive_list=" + good, "--list-version", "2022-full"});
  Run loaded = RunServer(args);
  CHECK(loaded.exit_code == 0);
  CHECK(loaded.out.find("loaded positive_list version 2022-full") != std::string::npos);

  // The database holds the bundled version and the CLI one; the bad one left no trace.
  AppConfig c = TestConfig(dir);
  c.db_path = dir + "/cli.db";
  core::StatusOr<std::unique_ptr<App>> app = App::Open(c);
  REQUIRE(app.ok());
  auto ref = (*app)->reference();
  CHECK(ref->lists.at("positive_list").version == "2022-full");
  CHECK(ref->tables.positive_list.Find("95030021") != nullptr);
  auto lease = (*app)->pool().Acquire();
  auto q = (**lease).Query(
      "SELECT COUNT(*), SUM(version = 'v-bad') FROM reference_lists WHERE name = 'positive_list'");
  REQUIRE(*q->Step());
  CHECK(q->Int(0) == 2);
  CHECK(q->Int(1) == 0);

  args = Base(dir);
  args.insert(args.end(), {"--load-list", "nosuchlist=" + good});
  CHECK(RunServer(args).exit_code == 2);
  args = Base(dir);
  args.insert(args.end(), {"--load-list", "countries=" + dir + "/missing.csv"});
  CHECK(RunServer(args).exit_code == 1);
}

TEST_CASE("the server prints its address, serves, and exits 0 on SIGTERM") {
  std::string dir = MakeTempDir();
  std::vector<std::string> args = Base(dir);
  args.insert(args.end(), {"--port", "0", "--seed-demo"});
  int out_pipe[2];
  REQUIRE(pipe(out_pipe) == 0);
  pid_t pid = fork();
  REQUIRE(pid >= 0);
  if (pid == 0) {
    dup2(out_pipe[1], STDOUT_FILENO);
    close(out_pipe[0]);
    close(out_pipe[1]);
    std::vector<char*> argv;
    std::string bin = PATROL_SERVER_BIN;
    argv.push_back(bin.data());
    for (std::string& a : args) argv.push_back(a.data());
    argv.push_back(nullptr);
    execv(bin.c_str(), argv.data());
    _exit(127);
  }
  close(out_pipe[1]);
  FILE* out = fdopen(out_pipe[0], "r");
  char line[256] = {0};
  // Blocks until the server has bound its port and printed the line.
  REQUIRE(std::fgets(line, sizeof line, out) != nullptr);
  std::string first(line);
  REQUIRE(first.rfind("listening on http://127.0.0.1:", 0) == 0);
  int port = std::stoi(first.substr(first.rfind(':') + 1));
  // Then the demo logins follow.
  REQUIRE(std::fgets(line, sizeof line, out) != nullptr);
  CHECK(std::string(line).find("demo logins") != std::string::npos);

  httplib::Client cli("127.0.0.1", port);
  auto health = cli.Get("/api/v1/health");
  REQUIRE(health);
  CHECK(health->status == 200);
  auto login =
      cli.Post("/api/v1/auth/login", "{\"username\":\"officer\",\"password\":\"Officer#2026demo\"}",
               "application/json");
  REQUIRE(login);
  CHECK(login->status == 200);

  REQUIRE(kill(pid, SIGTERM) == 0);
  int status = 0;
  REQUIRE(waitpid(pid, &status, 0) == pid);
  CHECK(WIFEXITED(status));
  CHECK(WEXITSTATUS(status) == 0);
  std::fclose(out);
}

TEST_CASE("--log-requests logs method, path and status, never passwords, tokens or queries") {
  std::string dir = MakeTempDir();
  std::vector<std::string> args = Base(dir);
  args.insert(args.end(), {"--port", "0", "--seed-demo", "--log-requests"});
  const std::string err_path = dir + "/err";
  ServerProcess server = StartServerProcess(PATROL_SERVER_BIN, args, err_path);
  REQUIRE_MESSAGE(server.port > 0, server.last_line);
  const int port = server.port;

  httplib::Client cli("127.0.0.1", port);
  auto login =
      cli.Post("/api/v1/auth/login", R"({"username":"officer","password":"Officer#2026demo"})",
               "application/json");
  REQUIRE(login);
  REQUIRE(login->status == 200);
  const std::string set_cookie = login->get_header_value("Set-Cookie");
  const std::string cookie = set_cookie.substr(0, set_cookie.find(';'));
  const std::string token = cookie.substr(cookie.find('=') + 1);
  REQUIRE(token.size() >= 32);
  const httplib::Headers with_cookie = {{"Cookie", cookie}};
  auto search = cli.Get("/api/v1/enterprises?q=QuerySecret42", with_cookie);
  REQUIRE(search);
  CHECK(search->status == 200);
  auto wrong = cli.Post("/api/v1/auth/password", with_cookie,
                        R"({"current_password":"Wrong#Secret77","new_password":"New#Secret88x"})",
                        "application/json");
  REQUIRE(wrong);
  CHECK(wrong->status == 403);
  auto bad_login =
      cli.Post("/api/v1/auth/login", R"({"username":"officer","password":"Guess#Secret99"})",
               "application/json");
  REQUIRE(bad_login);
  CHECK(bad_login->status == 401);

  REQUIRE(kill(server.pid, SIGTERM) == 0);
  ReapServerProcess(server);
  const std::string log = ReadFile(err_path).value();
  CHECK(log.find("POST /api/v1/auth/login 200") != std::string::npos);
  CHECK(log.find("GET /api/v1/enterprises 200") != std::string::npos);
  CHECK(log.find("POST /api/v1/auth/password 403") != std::string::npos);
  for (const std::string& secret :
       {std::string("Officer#2026demo"), std::string("Wrong#Secret77"),
        std::string("New#Secret88x"), std::string("Guess#Secret99"), std::string("QuerySecret42"),
        token, std::string("Admin#2026demo")}) {
    CAPTURE(secret);
    CHECK(log.find(secret) == std::string::npos);
  }
}

}  // namespace
}  // namespace server::testing

namespace server::testing {

TEST_CASE("--evaluate-risk scores the models on a district's own history; bad files exit 1") {
  const std::string dir = MakeTempDir();
  // Three buyer IDs behind one phone (two of those lists found in mismatch, one not), three
  // honest lists, and one list of two lines that was never inspected.
  const std::string header =
      "declaration_id,decl_date,decl_hour,ebc_code,buyer_id,buyer_phone,consignee_address,"
      "payer_id,item_no,gcode,gname,qty,unit_price,total_price,freight,tax_total,outcome\n";
  auto row = [](const std::string& id, const std::string& buyer, const std::string& phone,
                const std::string& outcome, const std::string& item = "HNBY-0001") {
    return id + ",2026-11-20,10,4101460012," + buyer + "," + phone + ",郑州市金水区花园路" + id +
           "号," + buyer + "," + item + ",3304990099,面霜,1,128.00,128.00,0,11.65," + outcome +
           "\n";
  };
  std::string csv = header + row("L1", "410105198511200048", "+86 139-1234-5678", "mismatch") +
                    row("L2", "41010519900307123X", "13912345678", "mismatch") +
                    row("L3", "410105197001010020", "13912345678", "match");
  csv += row("L4", "410105199208150038", "13700000004", "match") +
         row("L5", "410105199208150046", "13700000005", "match") +
         row("L6", "410105199208150054", "13700000006", "match") +
         row("L7", "410105199208150062", "13700000007", "") +
         row("L7", "410105199208150062", "13700000007", "", "HNBY-0010");
  std::ofstream(dir + "/history.csv") << csv;
  Run run = RunServer({"--evaluate-risk", dir + "/history.csv", "--budget-pm", "500"});
  REQUIRE_MESSAGE(run.exit_code == 0, run.err);
  const std::string last = run.out.substr(run.out.rfind('\n', run.out.size() - 2) + 1);
  core::StatusOr<core::Json> out = core::ParseJson(last);
  REQUIRE_MESSAGE(out.ok(), run.out);
  const core::Json& e = (*out)["evaluation"];
  CHECK(e["lists"] == 7);
  CHECK(e["known"] == 6);
  CHECK(e["frauds"] == 2);
  bool seen = false;
  for (const core::Json& m : e["models"]) {
    if (m["model"] != "SHARED_PHONE") continue;
    seen = true;
    CHECK(m["flagged"] == 3);
    CHECK(m["true_positive"] == 2);
    CHECK(m["precision_pm"] == 666);
    CHECK(m["recall_pm"] == 1000);
  }
  CHECK(seen);
  CHECK(run.out.find("SHARED_PHONE") != std::string::npos);
  // The windows end with the file's last list unless --as-of says otherwise.
  CHECK(run.out.find("as of 2026-11-20") != std::string::npos);

  std::ofstream(dir + "/bad.csv") << header << row("L1", "4101", "139", "maybe");
  Run bad = RunServer({"--evaluate-risk", dir + "/bad.csv"});
  CHECK(bad.exit_code == 1);
  CHECK(bad.err.find("line 2") != std::string::npos);
  CHECK(bad.err.find("outcome") != std::string::npos);
  CHECK(RunServer({"--evaluate-risk", dir + "/missing.csv"}).exit_code == 1);
}

}  // namespace server::testing
