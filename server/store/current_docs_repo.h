// The current version of each business document (orders, payments, waybills, lists, returns and
// their lines) in normalised tables, for the joins that assemble a declaration's set and for
// queries by order, logistics number, payment serial or buyer. Withdrawn documents are removed.
// Does file I/O through the Db handle.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "core/messages.h"
#include "store/db.h"

namespace server {

// Each Put replaces the row of the same business key (and its lines) with this version.
core::Status PutCurrentOrder(Db& db, int64_t message_id, std::string_view business_key,
                             const core::Order& r);
core::Status PutCurrentPayment(Db& db, int64_t message_id, std::string_view business_key,
                               const core::Payment& r);
core::Status PutCurrentWaybill(Db& db, int64_t message_id, std::string_view business_key,
                               const core::Waybill& r);
core::Status PutCurrentList(Db& db, int64_t message_id, std::string_view business_key,
                            const core::Inventory& r);
core::Status PutCurrentRefund(Db& db, int64_t message_id, std::string_view business_key,
                              const core::Refund& r);
// Removes the current row of a withdrawn document.
core::Status RemoveCurrent(Db& db, core::MessageType type, std::string_view business_key);

// The message id of the current document a declaration's set needs; the newest when several
// match (nullopt when none does).
core::StatusOr<std::optional<int64_t>> CurrentOrderFor(Db& db, std::string_view ebp_code,
                                                       std::string_view order_no);
core::StatusOr<std::optional<int64_t>> CurrentPaymentFor(Db& db, std::string_view ebp_code,
                                                         std::string_view order_no);
core::StatusOr<std::optional<int64_t>> CurrentWaybillFor(Db& db, std::string_view logistics_code,
                                                         std::string_view logistics_no);

}  // namespace server
