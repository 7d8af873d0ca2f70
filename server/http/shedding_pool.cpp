// The bounded connection pool: workers take connections in arrival order and mark the late ones.
#include "http/shedding_pool.h"

namespace server {
namespace {

thread_local bool g_shedding = false;
thread_local const std::atomic<size_t>* g_waiting = nullptr;  // the pool of this worker

}  // namespace

SheddingPool::SheddingPool(size_t threads, size_t max_queued, std::chrono::milliseconds max_wait,
                           NowFn now)
    : max_queued_(max_queued), max_wait_(max_wait), now_(std::move(now)) {
  for (size_t i = 0; i < (threads == 0 ? 1 : threads); ++i) {
    workers_.emplace_back([this] { Work(); });
  }
}

SheddingPool::~SheddingPool() { shutdown(); }

void SheddingPool::enqueue(std::function<void()> fn) {
  {
    std::lock_guard<std::mutex> lock(mu_);
    Task t{std::move(fn), now_(), queue_.size() >= max_queued_};
    queue_.push_back(std::move(t));
    waiting_ = queue_.size();
  }
  ready_.notify_one();
}

void SheddingPool::shutdown() {
  {
    std::lock_guard<std::mutex> lock(mu_);
    if (stopping_ && workers_.empty()) return;
    stopping_ = true;
  }
  ready_.notify_all();
  for (std::thread& w : workers_) {
    if (w.joinable()) w.join();
  }
  workers_.clear();
}

bool SheddingPool::Shedding() { return g_shedding; }

bool SheddingPool::Backlogged() { return g_waiting != nullptr && g_waiting->load() > 0; }

SheddingPool::Counts SheddingPool::counts() const {
  std::lock_guard<std::mutex> lock(mu_);
  return counts_;
}

void SheddingPool::Work() {
  g_waiting = &waiting_;
  for (;;) {
    Task t;
    {
      std::unique_lock<std::mutex> lock(mu_);
      ready_.wait(lock, [this] { return stopping_ || !queue_.empty(); });
      if (queue_.empty()) return;  // stopping, and nothing left to run
      t = std::move(queue_.front());
      queue_.pop_front();
      waiting_ = queue_.size();
      if (now_() - t.queued_at > max_wait_) t.shed = true;
      ++(t.shed ? counts_.shed : counts_.served);
    }
    g_shedding = t.shed;
    t.fn();
    g_shedding = false;
  }
}

}  // namespace server
