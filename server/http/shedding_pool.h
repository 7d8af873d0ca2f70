// httplib's connection queue, bounded: a fixed pool of worker threads that sheds load instead of
// letting a backlog grow without limit. A connection that waited longer than `max_wait` for a
// worker, or arrived while `max_queued` were already waiting, is still taken by a worker, but in
// shed mode: its requests are answered 503 with Retry-After at once (the pre-routing handler
// reads Shedding()), without touching the database, and the client is asked to close. So under a
// flood the server keeps answering, its memory stays bounded, and what it accepts it serves
// within `max_wait` of queueing. A worker serves one connection for as long as it is kept alive,
// so while connections wait, responses ask their clients to close (Backlogged()) and the workers
// move on to the waiting ones. Threads only; no I/O of its own.
#pragma once

#include <httplib.h>

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <cstddef>
#include <cstdint>
#include <deque>
#include <functional>
#include <mutex>
#include <thread>
#include <vector>

namespace server {

class SheddingPool : public httplib::TaskQueue {
 public:
  using Clock = std::chrono::steady_clock;
  using NowFn = std::function<Clock::time_point()>;

  SheddingPool(size_t threads, size_t max_queued, std::chrono::milliseconds max_wait,
               NowFn now = Clock::now);
  ~SheddingPool() override;

  void enqueue(std::function<void()> fn) override;
  // Runs what is queued, then stops the workers (httplib calls it when listening ends).
  void shutdown() override;

  // True on a worker thread while it runs a connection taken in shed mode.
  static bool Shedding();
  // True on a worker thread while other connections wait for a worker of its pool.
  static bool Backlogged();

  struct Counts {
    uint64_t served = 0;  // connections run normally
    uint64_t shed = 0;    // connections run in shed mode
  };
  Counts counts() const;

 private:
  struct Task {
    std::function<void()> fn;
    Clock::time_point queued_at;
    bool shed = false;  // decided at enqueue (the queue was full) or when a worker takes it
  };
  void Work();

  const size_t max_queued_;
  const std::chrono::milliseconds max_wait_;
  const NowFn now_;
  mutable std::mutex mu_;
  std::condition_variable ready_;
  std::deque<Task> queue_;
  std::atomic<size_t> waiting_{0};  // queue_.size(), readable without the lock
  bool stopping_ = false;
  Counts counts_;
  std::vector<std::thread> workers_;
};

}  // namespace server
