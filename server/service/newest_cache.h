// A value built from the newest row of a table (the highest id), built once per id and shared by
// every reader until a newer row appears: the risk hit index (newest run) and the learned model
// (newest model). Each Get asks the store only for the newest id. Does database I/O.
#pragma once

#include <cstdint>
#include <memory>
#include <mutex>

#include "core/status.h"
#include "store/db.h"

namespace server {

template <typename T>
class NewestCache {
 public:
  // `max_id_sql` selects the newest id (NULL or 0: none yet, the default-built T). `load(db, id)`
  // builds the value of a row not seen yet (core::StatusOr<std::shared_ptr<const T>>).
  template <typename Load>
  core::StatusOr<std::shared_ptr<const T>> Get(Db& db, const char* max_id_sql, Load load) {
    CORE_ASSIGN_OR_RETURN(const int64_t id, db.QueryInt(max_id_sql));
    {
      std::lock_guard<std::mutex> lock(mu_);
      if (id == current_id_) return current_;
    }
    CORE_ASSIGN_OR_RETURN(std::shared_ptr<const T> loaded, load(db, id));
    std::lock_guard<std::mutex> lock(mu_);
    if (id > current_id_) {  // a slower reader must not put back an older value
      current_id_ = id;
      current_ = loaded;
    }
    return loaded;
  }

 private:
  std::mutex mu_;
  int64_t current_id_ = 0;
  std::shared_ptr<const T> current_ = std::make_shared<T>();
};

}  // namespace server
