// Evidence on its way to the server: responses are turned into the API's evidence items and sent
// in batches as the crawler goes (a batch leaves when it holds `batch_bytes` of base64 or
// `batch_items` items, and on Flush), so a crawler that dies has already delivered what it saw
// and never holds more than a batch. Does network I/O (through ServerClient).
#pragma once

#include <cstdint>
#include <string>

#include "client/server_client.h"
#include "core/json.h"
#include "fetch/fetcher.h"

namespace crawler {

// The API's evidence item for response `r` as number `seq` of its task attempt.
core::Json EvidenceJson(const FetchResult& r, int64_t seq);

class EvidenceUploader {
 public:
  EvidenceUploader(ServerClient& server, int64_t task, std::string lease, size_t batch_bytes,
                   size_t batch_items)
      : server_(server),
        task_(task),
        lease_(std::move(lease)),
        batch_bytes_(batch_bytes),
        batch_items_(batch_items) {}

  // Queues `r` as evidence `seq`, sending the batch when full. The first error (a lost lease,
  // an unreachable server) sticks: every later call returns it and sends nothing.
  core::Status Add(int64_t seq, const FetchResult& r);
  // Sends what is queued.
  core::Status Flush();
  const core::Status& status() const { return status_; }

 private:
  ServerClient& server_;
  int64_t task_;
  std::string lease_;
  size_t batch_bytes_, batch_items_;
  core::Json items_ = core::Json::array();
  size_t bytes_ = 0;
  core::Status status_;
};

}  // namespace crawler
