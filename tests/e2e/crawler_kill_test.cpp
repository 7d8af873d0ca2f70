// A crawler process killed in the middle of its task: the task goes to the next crawler once
// the lease has expired, what the dead crawler delivered stays on file beside the retry's, and the
// results are recorded once. A crawler killed during a mystery order's checkout is not retried
// (it may have ordered), so the shop never receives a second order. The crawlers here are the
// real binary, run as child processes and killed with SIGKILL; the moment of the kill is fixed
// by holding one of the shop's requests, so nothing depends on timing.
#include <signal.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <condition_variable>
#include <fstream>
#include <mutex>
#include <set>

#include "e2e_stack.h"
#include "service/patrol_tasks.h"

extern char** environ;

namespace server::testing {
namespace {

// Holds the `nth` request of shop `shop` matching `method` (robots.txt aside) until Release.
class RequestHold {
 public:
  RequestHold(size_t shop, std::string method, std::string path, int nth)
      : shop_(shop), method_(std::move(method)), path_(std::move(path)), nth_(nth) {}

  // The demo shops' before_request hook.
  void OnRequest(size_t shop, const std::string& method, const std::string& path) {
    std::unique_lock<std::mutex> lock(mu_);
    if (shop != shop_ || method != method_ || path == "/robots.txt") return;
    if (!path_.empty() && path != path_) return;
    if (++seen_ != nth_) return;
    arrived_ = true;
    changed_.notify_all();
    changed_.wait(lock, [this] { return released_; });
  }
  // True once the held request has arrived (false after `limit`: the test then fails).
  bool WaitArrived(std::chrono::seconds limit) {
    std::unique_lock<std::mutex> lock(mu_);
    return changed_.wait_for(lock, limit, [this] { return arrived_; });
  }
  int seen() {
    std::lock_guard<std::mutex> lock(mu_);
    return seen_;
  }
  void Release() {
    std::lock_guard<std::mutex> lock(mu_);
    released_ = true;
    changed_.notify_all();
  }

 private:
  size_t shop_;
  std::string method_, path_;
  int nth_;
  int seen_ = 0;
  bool arrived_ = false, released_ = false;
  std::mutex mu_;
  std::condition_variable changed_;
};

// The crawler binary against the stack's server, as a child process.
pid_t StartCrawler(Stack& st, const std::string& kinds) {
  const std::string token_file = st.s.dir() + "/crawler.token";
  std::ofstream(token_file) << st.token << "\n";
  std::vector<std::string> args = {PATROL_CRAWLER_BIN,
                                   "--once",
                                   "--server",
                                   "http://127.0.0.1:" + std::to_string(st.s.port()),
                                   "--token-file",
                                   token_file,
                                   "--kinds",
                                   kinds,
                                   "--allow-private",
                                   "--max-per-origin",
                                   "4"};
  std::vector<char*> argv;
  for (std::string& a : args) argv.push_back(a.data());
  argv.push_back(nullptr);
  pid_t pid = 0;
  REQUIRE(posix_spawn(&pid, PATROL_CRAWLER_BIN, nullptr, nullptr, argv.data(), environ) == 0);
  return pid;
}

int WaitExit(pid_t pid) {
  int status = 0;
  REQUIRE(waitpid(pid, &status, 0) == pid);
  return status;
}

size_t DemoShopIndex(const std::string& key) {
  const std::vector<shops::DemoShop> all = shops::MakeDemoShops(shops::CatalogOptions{});
  for (size_t i = 0; i < all.size(); ++i) {
    if (all[i].key == key) return i;
  }
  FAIL("no demo shop " << key);
  return 0;
}

core::Json TaskOf(Stack& st, int64_t shop_id, const std::string& kind) {
  Response list = st.s.Get("/api/v1/patrol-tasks?shop_id=" + std::to_string(shop_id), st.officer);
  for (const core::Json& t : list.json["items"]) {
    if (t["kind"] == kind) {
      return st.s.Get("/api/v1/patrol-tasks/" + std::to_string(t["id"].get<int64_t>()), st.officer)
          .json;
    }
  }
  FAIL("no " << kind << " task for shop " << shop_id);
  return {};
}

}  // namespace

TEST_CASE("e2e: a crawler killed mid-patrol leaves its task to the next crawler") {
  // The 12th page request of the listing shop: batches of 8, so the first crawler has delivered
  // the evidence of its first batches when it is killed.
  RequestHold hold(DemoShopIndex("s6-listing"), "GET", "", 12);
  Stack st([&](size_t shop, const std::string& method, const std::string& path) {
    hold.OnRequest(shop, method, path);
  });
  const int64_t shop_id = st.Register("s6-listing");
  const pid_t first = StartCrawler(st, "patrol");
  const bool arrived = hold.WaitArrived(std::chrono::seconds(120));
  if (!arrived) kill(first, SIGKILL);
  REQUIRE(arrived);
  core::Json task = TaskOf(st, shop_id, "patrol");
  CHECK(task["task"]["status"] == "leased");
  CHECK(task["task"]["attempts"] == 1);
  const size_t delivered = task["evidence"].size();
  CHECK(delivered >= 1);  // the first batches went to the server before the kill
  REQUIRE(kill(first, SIGKILL) == 0);
  const int status = WaitExit(first);
  CHECK(WIFSIGNALED(status));
  hold.Release();

  // While the lease runs, nobody else may take the task.
  const pid_t early = StartCrawler(st, "patrol");
  CHECK(WaitExit(early) == 0);
  CHECK(TaskOf(st, shop_id, "patrol")["task"]["status"] == "leased");

  st.s.Advance(kLeaseSeconds + 1);
  const pid_t second = StartCrawler(st, "patrol");
  CHECK(WaitExit(second) == 0);
  task = TaskOf(st, shop_id, "patrol");
  CAPTURE(task["task"].dump());
  CHECK(task["task"]["status"] == "done");
  CHECK(task["task"]["attempts"] == 2);
  // Both attempts' evidence is kept, each numbered from 1; observations point at the second's.
  std::map<int64_t, std::set<int64_t>> seqs;
  std::set<int64_t> second_ids;
  for (const core::Json& e : task["evidence"]) {
    seqs[e["attempt"].get<int64_t>()].insert(e["seq"].get<int64_t>());
    if (e["attempt"] == 2) second_ids.insert(e["id"].get<int64_t>());
  }
  CHECK(seqs[1].size() == delivered);
  CHECK(seqs[1].count(1) == 1);
  CHECK(seqs[2].count(1) == 1);
  CHECK(seqs[2].size() > seqs[1].size());
  const shops::DemoShop& shop = st.shops->shops()[st.ShopIndex("s6-listing")];
  const size_t listed = shop.items.size();  // the shop lists every item of its catalogue
  CHECK(task["observations"].size() == listed);
  std::set<std::string> skus;
  for (const core::Json& o : task["observations"]) {
    skus.insert(o["sku"].get<std::string>());
    CHECK(second_ids.count(o["evidence_id"].get<int64_t>()) == 1);
  }
  CHECK(skus.size() == listed);  // each product recorded once
}

TEST_CASE("e2e: a crawler killed during a checkout is not retried, so nothing is ordered twice") {
  RequestHold hold(DemoShopIndex("s3-plain"), "POST", "/checkout", 1);
  Stack st([&](size_t shop, const std::string& method, const std::string& path) {
    hold.OnRequest(shop, method, path);
  });
  const int64_t shop_id = st.Register("s3-plain");
  st.QueueMysteryOrder(shop_id, st.DeclaredItem("s3-plain").sku);

  const pid_t first = StartCrawler(st, "mystery_order");
  const bool arrived = hold.WaitArrived(std::chrono::seconds(120));
  if (!arrived) kill(first, SIGKILL);
  REQUIRE(arrived);
  CHECK(TaskOf(st, shop_id, "mystery_order")["task"]["progress"]["stage"] == "checkout");
  REQUIRE(kill(first, SIGKILL) == 0);
  WaitExit(first);
  hold.Release();  // the shop takes the order the dead crawler sent

  st.s.Advance(kLeaseSeconds + 1);
  const pid_t second = StartCrawler(st, "mystery_order");
  CHECK(WaitExit(second) == 0);
  const core::Json task = TaskOf(st, shop_id, "mystery_order");
  CAPTURE(task["task"].dump());
  CHECK(task["task"]["status"] == "failed");
  CHECK(task["task"]["attempts"] == 1);
  CHECK(task["task"]["result"]["interrupted"] == "checkout");
  CHECK(task["mystery_order"]["status"] == "failed");
  CHECK(hold.seen() == 1);  // the second crawler never sent the order again
}

}  // namespace server::testing
