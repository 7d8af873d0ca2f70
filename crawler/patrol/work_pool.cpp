// WorkPool: one mutex, tasks handed out by index.
#include "patrol/work_pool.h"

namespace crawler {

WorkPool::WorkPool(int threads) {
  for (int i = 0; i < threads; ++i) threads_.emplace_back([this] { Work(); });
}

WorkPool::~WorkPool() {
  Wait();
  {
    std::lock_guard<std::mutex> lock(mu_);
    stop_ = true;
  }
  work_ready_.notify_all();
  for (std::thread& t : threads_) t.join();
}

void WorkPool::Start(std::vector<std::function<void()>> tasks) {
  if (threads_.empty()) {
    for (std::function<void()>& t : tasks) t();
    return;
  }
  {
    std::lock_guard<std::mutex> lock(mu_);
    tasks_ = std::move(tasks);
    next_ = 0;
  }
  work_ready_.notify_all();
}

void WorkPool::Wait() {
  std::unique_lock<std::mutex> lock(mu_);
  batch_done_.wait(lock, [this] { return next_ >= tasks_.size() && running_ == 0; });
  tasks_.clear();
  next_ = 0;
}

void WorkPool::Work() {
  std::unique_lock<std::mutex> lock(mu_);
  for (;;) {
    work_ready_.wait(lock, [this] { return stop_ || next_ < tasks_.size(); });
    if (next_ >= tasks_.size()) return;  // stopping with nothing left to run
    std::function<void()>& task = tasks_[next_++];
    ++running_;
    lock.unlock();
    task();
    lock.lock();
    --running_;
    if (next_ >= tasks_.size() && running_ == 0) batch_done_.notify_all();
  }
}

}  // namespace crawler
