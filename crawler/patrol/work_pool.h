// A fixed set of threads that run one batch of tasks at a time, so the patrol parses the pages of
// one batch while the next batch is fetched. Tasks write their results into slots the caller
// owns; Wait returns when every task of the batch has run. Threads only, no I/O.
#pragma once

#include <condition_variable>
#include <cstddef>
#include <functional>
#include <mutex>
#include <thread>
#include <vector>

namespace crawler {

class WorkPool {
 public:
  // `threads` 0: Start runs the tasks at once on the caller's thread.
  explicit WorkPool(int threads);
  ~WorkPool();  // waits for the batch running, then joins
  WorkPool(const WorkPool&) = delete;
  WorkPool& operator=(const WorkPool&) = delete;

  // Starts a batch; the previous one must have been waited for.
  void Start(std::vector<std::function<void()>> tasks);
  // Blocks until every task of the batch started last has returned.
  void Wait();

 private:
  void Work();

  std::mutex mu_;
  std::condition_variable work_ready_, batch_done_;
  std::vector<std::function<void()>> tasks_;
  size_t next_ = 0;     // index of the next task to hand out
  size_t running_ = 0;  // tasks handed out and not yet returned
  bool stop_ = false;
  std::vector<std::thread> threads_;
};

}  // namespace crawler
