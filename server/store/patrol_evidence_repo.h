// What patrols produce: fetched evidence, listing observations, findings, covert buyers and
// mystery orders, and the declaration-side facts a patrol is compared with (migration 6).
// Prepared statements only. Does database I/O.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/json.h"
#include "core/patrol.h"
#include "store/db.h"

namespace server {

struct EvidenceRecord {
  int64_t id = 0;
  int64_t task_id = 0;
  int64_t attempt = 1;  // the task's attempt that fetched it
  int64_t seq = 0;      // order within the attempt, from 1
  std::string purpose;
  std::string method;
  std::string url;
  std::string request_body;
  int64_t status = 0;
  std::string headers;  // JSON [[name, value], ...]
  std::string body;     // bytes (empty in listings)
  int64_t body_size = 0;
  std::string sha256;
  std::string content_type;
  std::string fetched_at;
  std::string error;
};

core::Json EvidenceMetaJson(const EvidenceRecord& e);  // everything but the body

core::StatusOr<int64_t> InsertEvidence(Db& db, const EvidenceRecord& e);
// With the body.
core::StatusOr<std::optional<EvidenceRecord>> FindEvidence(Db& db, int64_t id);
core::StatusOr<std::optional<EvidenceRecord>> FindEvidenceBySeq(Db& db, int64_t task_id,
                                                                int64_t attempt, int64_t seq);
// Without bodies, by attempt then in fetch order.
core::StatusOr<std::vector<EvidenceRecord>> ListEvidence(Db& db, int64_t task_id);

struct ObservationRecord {
  int64_t id = 0;
  int64_t task_id = 0;
  int64_t shop_id = 0;
  core::ListingObservation seen;
  std::string currency;
  std::string sources;  // JSON
  std::string observed_at;
};

core::Json ObservationToJson(const ObservationRecord& o);
core::StatusOr<int64_t> InsertObservation(Db& db, const ObservationRecord& o);
core::StatusOr<std::vector<ObservationRecord>> ListObservations(Db& db, int64_t task_id);

struct PatrolFindingRecord {
  int64_t id = 0;
  int64_t shop_id = 0;
  std::optional<int64_t> task_id;
  std::optional<int64_t> mystery_order_id;
  core::Finding finding;
  std::string sku;
  std::optional<int64_t> evidence_id;
  std::optional<int64_t> declaration_id;
  std::string created_at;
};

core::Json PatrolFindingToJson(const PatrolFindingRecord& f);
core::StatusOr<int64_t> InsertPatrolFinding(Db& db, const PatrolFindingRecord& f);
// Newest first; filtered by shop, task or mystery order when given.
core::StatusOr<std::vector<PatrolFindingRecord>> ListPatrolFindings(
    Db& db, std::optional<int64_t> shop_id, std::optional<int64_t> task_id,
    std::optional<int64_t> mystery_order_id, int64_t limit);

struct CovertBuyer {
  int64_t id = 0;
  std::string name;
  std::string id_number;
  std::string phone;
  std::string address;
  bool active = true;
  std::string created_at;
};

core::Json CovertBuyerToJson(const CovertBuyer& b);
// AlreadyExists for an ID number registered before.
core::StatusOr<int64_t> InsertCovertBuyer(Db& db, const CovertBuyer& b,
                                          std::optional<int64_t> created_by);
core::StatusOr<std::optional<CovertBuyer>> FindCovertBuyer(Db& db, int64_t id);
core::StatusOr<std::vector<CovertBuyer>> ListCovertBuyers(Db& db);

struct MysteryOrderRecord {
  int64_t id = 0;
  int64_t task_id = 0;
  int64_t shop_id = 0;
  int64_t buyer_id = 0;
  std::string sku;
  int64_t quantity = 1;
  std::string status;  // requested | placed | matched | mismatch | undeclared | failed
  std::string order_no;
  std::optional<int64_t> unit_price_fen, goods_fen, freight_fen, tax_fen, total_fen;
  std::optional<std::string> placed_at;
  std::optional<std::string> placed_on;
  std::optional<int64_t> declaration_id;
  std::optional<std::string> matched_at;
  std::string created_at;
};

core::Json MysteryOrderToJson(const MysteryOrderRecord& m);
core::StatusOr<int64_t> InsertMysteryOrder(Db& db, const MysteryOrderRecord& m);
core::StatusOr<std::optional<MysteryOrderRecord>> FindMysteryOrder(Db& db, int64_t id);
core::StatusOr<std::optional<MysteryOrderRecord>> FindMysteryOrderByTask(Db& db, int64_t task_id);
core::StatusOr<std::vector<MysteryOrderRecord>> ListMysteryOrders(Db& db,
                                                                  std::optional<std::string> status,
                                                                  int64_t limit);
// Placed orders still waiting for their declaration: all of them, or those of one order number.
core::StatusOr<std::vector<MysteryOrderRecord>> PlacedMysteryOrders(
    Db& db, std::optional<std::string> order_no);
// Records what the shop charged (status placed).
core::Status SetMysteryPlaced(Db& db, const MysteryOrderRecord& m);
core::Status SetMysteryOutcome(Db& db, int64_t id, const std::string& status,
                               std::optional<int64_t> declaration_id, const std::string& now);

// The enterprise's filed goods and, over [from, to] (YYYY-MM-DD declaration dates), what its
// lists declared per SKU (itemNo): list count, lowest unit price, lowest freight.
core::StatusOr<std::vector<core::DeclaredItem>> DeclaredItemsOf(Db& db, int64_t enterprise_id,
                                                                const std::string& ebc_code,
                                                                const std::string& from,
                                                                const std::string& to);
// The current order message and list of `order_no` of the e-commerce enterprise `ebc_code`,
// with the list line's unit price of `sku`; nullopt while no list has arrived.
core::StatusOr<std::optional<core::DeclaredPurchase>> DeclaredPurchaseOf(
    Db& db, const std::string& ebc_code, const std::string& order_no, const std::string& sku);

}  // namespace server
