// Risk models (大数据分析, issue 5): named units that look for one pattern each over the
// declarations and what patrols, mystery orders, stocktakes, gates and inspections found, each
// with its thresholds as data, an explanation a person can read, and hits that carry a score and
// the records behind them. The registry lists every model with what it looks for, so the browser
// can document and explain the same hits the server stored. Pure.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/date.h"
#include "core/gate.h"
#include "core/json.h"
#include "core/messages.h"
#include "core/money.h"
#include "core/promotion.h"
#include "core/status.h"

namespace core {

// One declaration list line as the models see it.
struct RiskLine {
  std::string sku;     // itemNo (or the account-book item)
  std::string code10;  // commodity code
  int64_t qty_e5 = 0;  // declared quantity x 10^5
  Fen unit_price_fen = 0;
  Fen total_fen = 0;
  std::string name;  // declared goods name (gname), as sent
};

// One declaration list with the facts the models read.
struct RiskDeclaration {
  int64_t id = 0;
  std::string ebc_code;     // the e-commerce enterprise
  std::string buyer_id;     // resident ID number
  std::string phone_key;    // normalised buyer phone ("" when none)
  std::string address_key;  // normalised delivery address ("" when none)
  Date date;                // declaration date
  int hour = 12;            // declaration hour (0..23, China time)
  Fen value_fen = 0;        // goods value of the list
  std::vector<RiskLine> lines;
  std::string payer_id;  // the payment's payer ID number ("" when no payment is stored)
  Fen freight_fen = 0;   // freight declared on the list
  Fen tax_fen = 0;       // tax the order declares collected (CEB311 taxTotal)
};

// What a patrol read on a shop's product page (listing_observations).
struct RiskObservation {
  int64_t id = 0;
  std::string enterprise_code;  // the shop's enterprise (customs code, as ebc_code)
  std::string sku;
  Date date;                         // the day it was observed
  std::optional<Fen> price_fen;      // the price shown
  std::optional<Fen> old_price_fen;  // a struck-through "was" price shown beside it
  std::optional<Fen> freight_fen;    // the shipping charge shown
};

// A test purchase by a covert buyer (mystery_orders) and what it was charged.
struct RiskMysteryOrder {
  int64_t id = 0;
  std::string enterprise_code;  // the shop's enterprise
  std::string sku;
  int64_t quantity = 0;
  std::string status;             // requested | placed | matched | mismatch | undeclared | failed
  std::optional<Date> placed_on;  // nullopt: never placed
  std::optional<Fen> goods_fen, freight_fen, tax_fen;  // as charged at checkout
  std::optional<int64_t> declaration_id;               // the list matched with it
};

// A stocktake's result as the ledger models read it.
struct RiskStocktake {
  int64_t id = 0;
  std::string enterprise_code;  // the ledger owner's customs code
  Date date;
  Fen shortage_value_fen = 0;  // missing goods at their unit values
  int64_t surplus_qty_e5 = 0;  // goods found beyond the book, all SKUs together, x 10^5
};

// A gate pass with the last weighbridge event at the gate (none: not yet at the gate).
struct RiskGatePass {
  int64_t id = 0;
  Date date;  // the day it was created
  GatePass pass;
  std::optional<GateEvent> event;
};

// An inspection outcome (declaration_outcomes, kind inspection).
struct RiskInspection {
  int64_t id = 0;
  int64_t declaration_id = 0;
  std::string ebc_code;
  std::string agent_code;          // the declarant (customs broker) of the list
  std::vector<std::string> codes;  // the list's distinct commodity codes
  Date date;
  bool mismatch = false;  // the goods did not match the declaration
};

struct RiskData {
  std::vector<RiskDeclaration> declarations;
  std::vector<RiskObservation> observations;
  std::vector<RiskMysteryOrder> mystery_orders;
  std::vector<PromotionFiling> promotions;  // filed promotions (id = the filing's id)
  std::vector<RiskStocktake> stocktakes;
  std::vector<RiskGatePass> gate_passes;
  std::vector<Vehicle> vehicles;  // registered vehicles
  std::vector<RiskInspection> inspections;
  Date as_of;  // the day the models run for: windows end here
};

// Thresholds of every model: policy data with these defaults (DOMAIN §6 names the patterns, not
// the numbers). A key absent from a policy document keeps its default. Amounts in fen.
struct RiskThresholds {
  int64_t split_window_days = 3;       // SPLIT_UNDER_LIMIT: lists of one buyer at one shop within
  int64_t split_limit_fen = 500'000;   //   this many days, each under the transaction limit,
  int64_t split_min_lists = 2;         //   together above it
  int64_t ids_per_phone = 3;           // SHARED_PHONE: buyer IDs behind one phone
  int64_t ids_per_address = 5;         // SHARED_ADDRESS: buyer IDs behind one delivery address
  int64_t addresses_per_id = 5;        // ID_MANY_ADDRESSES: addresses one ID ships to in a year
  int64_t bulk_consignee_lists = 10;   // BULK_CONSIGNEE: lists to one address in 30 days
  int64_t personal_use_units = 10;     // QTY_BEYOND_PERSONAL_USE: units of one SKU in one list
  int64_t odd_hours_share_pct = 30;    // ODD_HOURS: share of an enterprise's lists at 0-5 h,
  int64_t odd_hours_min_lists = 20;    //   counted once it has this many lists
  int64_t price_below_own_pct = 30;    // PRICE_BELOW_OWN_HISTORY: below the SKU's median by more
  int64_t price_below_peers_pct = 50;  // PRICE_BELOW_PEERS: below other shops' median for the code
  int64_t peer_min_enterprises = 2;
  int64_t burst_factor = 5;            // BURST: a day's lists at one shop, times its median day
  int64_t burst_min_lists = 20;        //   with at least this many lists that day
  int64_t new_enterprise_days = 30;    // NEW_ENTERPRISE_SURGE: first list within these days
  int64_t new_enterprise_lists = 100;  //   and at least this many lists since
  // PRICE_BELOW_OBSERVED: a unit price more than this % below the lowest price a patrol saw for
  // the SKU at the shop within observed_window_days either side (DOMAIN §8: 5%), unless a filed
  // promotion covers it at that price.
  int64_t observed_price_pct = 5;
  int64_t observed_window_days = 30;
  // FREIGHT_BELOW_OBSERVED: declared freight below the freight shown (same window) or charged to
  // a mystery order by more than this (DOMAIN §8: any amount).
  int64_t freight_tolerance_fen = 0;
  int64_t tax_tolerance_fen = 0;  // TAX_COLLECTED_NOT_DECLARED: tax charged above the declared
  int64_t promo_cut_pct = 10;     // UNFILED_PROMOTION: a price cut deeper than this, unfiled
  int64_t annual_limit_fen = 2'600'000;    // FAMILY_QUOTA_PRESSURE: the annual limit per person;
  int64_t family_min_ids = 2;              //   IDs at one address, whose year-to-date together
  int64_t family_quota_share_pct = 80;     //   reach this share of n x the limit
  int64_t payer_buyers = 5;                // PAYER_MANY_BUYERS: others one payer paid for
  int64_t payer_not_buyer_pct = 20;        // PAYER_NOT_BUYER: share of an enterprise's lists paid
  int64_t payer_not_buyer_min_lists = 20;  //   by another than the buyer, from this many lists
  int64_t mystery_window_days = 7;         // MYSTERY_NO_DECLARATION: days a placed order may wait
  int64_t mystery_paid_tolerance_fen = 0;  // MYSTERY_PAID_ABOVE_DECLARED: goods paid above value
  int64_t undeclared_skus = 3;             // SOLD_NOT_DECLARED: SKUs listed but never declared,
  int64_t listing_grace_days = 30;         //   first seen at least this many days ago
  int64_t declared_not_listed_lists = 50;  // DECLARED_NOT_LISTED: lists of a SKU never seen
  int64_t ledger_shortfall_fen = 50'000;   // LEDGER_SHORTFALL: shortages' value in the window
  int64_t ledger_surplus_units = 10;       // LEDGER_SURPLUS: surplus units in the window
  int64_t stocktake_window_days = 365;
  int64_t gate_weight_tolerance_bp = 500;   // GATE_WEIGHT_MISMATCH: as the gate (DOMAIN §8: 5%),
  int64_t gate_mismatch_passes = 1;         //   passes of a logistics enterprise beyond it
  int64_t unregistered_vehicle_passes = 1;  // UNREGISTERED_VEHICLE: passes of an unknown plate
  int64_t same_name_codes = 2;        // SAME_NAME_DIFFERENT_CODES: codes of one folded goods name
  int64_t inspection_mismatches = 3;  // INSPECTION_MISMATCH_HISTORY: mismatches found
  int64_t inspection_window_days = 365;  //   within these days
  // PRIOR_ENTERPRISE / PRIOR_DECLARANT / PRIOR_CODE: the smoothed mismatch rate
  // (m + a x p0) / (n + a) in per mille, a = prior_strength, p0 the overall rate, at least
  // prior_factor_pct % of p0, from at least prior_min_inspections inspections.
  int64_t prior_strength = 20;
  int64_t prior_factor_pct = 200;
  int64_t prior_min_inspections = 10;
};

// Reads {"split_window_days": 3, ...}: every key optional, unknown keys refused (a typo must not
// silently change a model), integers within sane ranges. InvalidArgument naming the key.
StatusOr<RiskThresholds> RiskThresholdsFromJson(const Json& obj);
Json RiskThresholdsToJson(const RiskThresholds& t);

struct RiskModelInfo {
  std::string id;  // "SPLIT_UNDER_LIMIT"
  std::string name_zh, name_en;
  std::string looks_for_zh, looks_for_en;  // what pattern, and why it matters
  std::string subject;                     // what a hit is about: buyer | enterprise | ...
  std::vector<std::string> thresholds;     // the RiskThresholds keys it reads
};

// Every model, in a stable order.
const std::vector<RiskModelInfo>& RiskModels();

// A record behind a hit other than a declaration.
struct RiskRecordRef {
  // "observation" | "mystery_order" | "stocktake" | "gate_pass" | "inspection" | "promotion"
  std::string kind;
  int64_t id = 0;
  bool operator==(const RiskRecordRef&) const = default;
  // By kind, then id (spelled out: the wasm build's libc++ has no <=> for strings).
  bool operator<(const RiskRecordRef& o) const {
    return kind != o.kind ? kind < o.kind : id < o.id;
  }
};

struct RiskHit {
  std::string model;  // RiskModelInfo::id
  // "buyer" | "phone" | "address" | "payer" | "enterprise" | "declarant" | "code" | "vehicle" |
  // "declaration"
  std::string subject_kind;
  std::string subject;                // the buyer ID, key, code, plate or declaration id
  int score = 0;                      // 1..100: how far past the threshold
  std::vector<int64_t> declarations;  // the declarations behind it, ascending
  std::string explanation_zh, explanation_en;
  std::vector<RiskRecordRef> records;  // the other records behind it, by kind then id
};

// Runs every model over `data`; hits sorted by model (registry order), then subject.
std::vector<RiskHit> RunRiskModels(const RiskData& data, const RiskThresholds& t);
// Runs the model at `index` of RiskModels() alone (none past the end), hits by subject: a batch
// job runs them one by one to report its progress. The concatenation over every index is
// RunRiskModels.
std::vector<RiskHit> RunRiskModel(const RiskData& data, const RiskThresholds& t, size_t index);

// {"model", "subject_kind", "subject", "score", "declarations", "explanation_zh",
// "explanation_en", "records": [{"kind", "id"}]}.
Json RiskHitToJson(const RiskHit& hit);
// The "records" array back (entries that are not {"kind": text, "id": integer} are skipped:
// the server reads what it stored).
std::vector<RiskRecordRef> RiskRecordsFromJson(const Json& records);
Json RiskModelInfoToJson(const RiskModelInfo& info);

}  // namespace core
