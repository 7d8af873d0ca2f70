// The bounded connection pool: connections beyond the queue limit, or that waited too long for a
// worker, run in shed mode (503 at once); the others run normally, in arrival order. One worker
// is held on a latch so the queue fills deterministically; the clock is the test's.
#include "http/shedding_pool.h"

#include <doctest/doctest.h>

#include <atomic>
#include <condition_variable>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

#include "test_server.h"

namespace server::testing {
namespace {

struct Latch {
  std::mutex mu;
  std::condition_variable cv;
  bool open = false, entered = false;
  void Enter() {
    std::unique_lock<std::mutex> lock(mu);
    entered = true;
    cv.notify_all();
    cv.wait(lock, [this] { return open; });
  }
  void WaitEntered() {
    std::unique_lock<std::mutex> lock(mu);
    cv.wait(lock, [this] { return entered; });
  }
  void Open() {
    std::lock_guard<std::mutex> lock(mu);
    open = true;
    cv.notify_all();
  }
};

TEST_CASE("shedding pool: beyond the queue limit or the wait limit, connections are shed") {
  std::atomic<int64_t> now_ms{0};
  auto now = [&] {
    return SheddingPool::Clock::time_point(std::chrono::milliseconds(now_ms.load()));
  };
  SheddingPool pool(1, 2, std::chrono::milliseconds(1000), now);
  Latch latch;
  std::mutex mu;
  std::vector<std::string> ran;  // "name:served" or "name:shed", in the order run
  auto record = [&](const std::string& name) {
    std::lock_guard<std::mutex> lock(mu);
    ran.push_back(name + (SheddingPool::Shedding() ? ":shed" : ":served"));
  };
  pool.enqueue([&] { latch.Enter(); });  // holds the only worker
  latch.WaitEntered();
  pool.enqueue([&] {  // taken at once when the worker is free; while it runs, 1.5 s pass
    record("a");
    now_ms = 1500;
  });
  pool.enqueue([&] { record("b"); });  // queued at 0, taken at 1.5 s: waited too long
  pool.enqueue([&] { record("c"); });  // two were waiting already: the queue is full
  latch.Open();
  pool.shutdown();  // runs what is queued first
  CHECK(ran == std::vector<std::string>{"a:served", "b:shed", "c:shed"});
  CHECK(pool.counts().shed == 2);
  CHECK(pool.counts().served == 2);  // the latch task and a
}

TEST_CASE("shedding pool: within the limits, every connection is served in order") {
  SheddingPool pool(2, 100, std::chrono::milliseconds(60000));
  std::mutex mu;
  std::vector<int> ran;
  std::atomic<int> shed{0};
  for (int i = 0; i < 50; ++i) {
    pool.enqueue([&, i] {
      if (SheddingPool::Shedding()) shed.fetch_add(1);
      std::lock_guard<std::mutex> lock(mu);
      ran.push_back(i);
    });
  }
  pool.shutdown();
  CHECK(ran.size() == 50);
  CHECK(shed.load() == 0);
  CHECK(pool.counts().served == 50);
  CHECK(SheddingPool::Shedding() == false);  // only inside a shed connection
}

TEST_CASE("shedding pool: a worker knows when connections wait for one") {
  SheddingPool pool(1, 10, std::chrono::milliseconds(60000));
  Latch latch;
  std::vector<bool> backlogged;  // as seen by the first task, then by the second
  pool.enqueue([&] {
    latch.Enter();
    backlogged.push_back(SheddingPool::Backlogged());
  });
  latch.WaitEntered();
  pool.enqueue([&] { backlogged.push_back(SheddingPool::Backlogged()); });
  latch.Open();
  pool.shutdown();
  CHECK(backlogged == std::vector<bool>{true, false});
  CHECK(SheddingPool::Backlogged() == false);  // not a worker
}

TEST_CASE("a kept-alive connection is asked to close while another waits, which is then served") {
  TestServer s({.threads = 1});
  httplib::Client holder("127.0.0.1", s.port());
  holder.set_keep_alive(true);
  auto first = holder.Get("/api/v1/health");
  REQUIRE(first);
  CHECK(first->status == 200);
  CHECK(first->get_header_value("Connection") != "close");  // nobody waits: kept alive

  // The only worker now serves `holder`'s connection; a second client queues behind it.
  std::atomic<int> waiter_status{0};
  std::thread waiter([&] {
    httplib::Client c("127.0.0.1", s.port());
    auto r = c.Get("/api/v1/health");
    waiter_status = r ? r->status : -1;
  });
  // Each request on the kept-alive connection is answered; the first one answered after the
  // waiter's connection was queued asks the holder to close.
  bool asked_to_close = false;
  for (int i = 0; i < 100000 && !asked_to_close; ++i) {
    auto r = holder.Get("/api/v1/health");
    REQUIRE(r);
    REQUIRE(r->status == 200);
    asked_to_close = r->get_header_value("Connection") == "close";
  }
  CHECK(asked_to_close);
  holder.stop();
  waiter.join();
  CHECK(waiter_status.load() == 200);  // served, not shed: it waited for a request, not 5 s
}

TEST_CASE("a shed connection is answered 503 with Retry-After and a JSON error, API or file") {
  TestServer s({.max_queued_connections = 0});  // every connection is shed
  Response api = s.Get("/api/v1/health");
  CHECK(api.status == 503);
  CHECK(api.Header("Retry-After") == "1");
  CHECK(api.ErrorCode() == "unavailable");
  Response page = s.Get("/index.html");
  CHECK(page.status == 503);

  TestServer normal;
  CHECK(normal.Get("/api/v1/health").status == 200);
}

}  // namespace
}  // namespace server::testing
