// Risk models (大数据分析, issue 5): named units that look for one pattern each over the
// declarations (and, later, what patrols, ledgers and gates found), each with its thresholds as
// data, an explanation a person can read, and hits that carry a score and the records behind
// them. The registry lists every model with what it looks for, so the browser can document and
// explain the same hits the server stored. Pure.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/date.h"
#include "core/json.h"
#include "core/money.h"
#include "core/status.h"

namespace core {

// One declaration list line as the models see it.
struct RiskLine {
  std::string sku;     // itemNo (or the account-book item)
  std::string code10;  // commodity code
  int64_t qty_e5 = 0;  // declared quantity x 10^5
  Fen unit_price_fen = 0;
  Fen total_fen = 0;
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
};

struct RiskData {
  std::vector<RiskDeclaration> declarations;
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
  int64_t new_enterprise_lists = 100;  //   and at least this many lists since    //   when at least
                                       //   this many other shops declared it
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

struct RiskHit {
  std::string model;         // RiskModelInfo::id
  std::string subject_kind;  // "buyer" | "phone" | "address" | "enterprise" | "declaration"
  std::string subject;       // the buyer ID, key, enterprise code or declaration id
  int score = 0;             // 1..100: how far past the threshold
  std::vector<int64_t> declarations;  // the records behind it, ascending
  std::string explanation_zh, explanation_en;
};

// Runs every model over `data`; hits sorted by model (registry order), then subject.
std::vector<RiskHit> RunRiskModels(const RiskData& data, const RiskThresholds& t);

// {"model", "subject_kind", "subject", "score", "declarations", "explanation_zh",
// "explanation_en"}.
Json RiskHitToJson(const RiskHit& hit);
Json RiskModelInfoToJson(const RiskModelInfo& info);

}  // namespace core
