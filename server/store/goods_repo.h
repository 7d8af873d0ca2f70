// Goods filings with their stored verdicts. Does file I/O through the Db handle.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/json.h"
#include "store/db.h"

namespace server {

struct GoodsRecord {
  int64_t id = 0;
  int64_t enterprise_id = 0;
  std::string enterprise_name;  // filled by reads (joined), ignored by inserts
  std::string sku;
  std::string name;
  std::string name_norm;  // core::NormalizeGoodsName(name)
  std::string code10;
  std::string outcome;  // "admitted" | "review" | "rejected"
  std::string filing;   // canonical filing JSON text
  std::string verdict;  // verdict JSON text exactly as the core produced it
  std::optional<int64_t> filed_by;
  std::string filed_at;
};

// {"id","enterprise_id","enterprise_name","sku","name","code10","outcome","filed_at",
//  "filed_by"} plus, for the full form, "filing" and "verdict" objects.
core::Json GoodsSummaryJson(const GoodsRecord& g);
core::Json GoodsToApiJson(const GoodsRecord& g);

// AlreadyExists when the enterprise already filed that SKU.
core::StatusOr<int64_t> InsertGoods(Db& db, const GoodsRecord& g);
core::StatusOr<std::optional<GoodsRecord>> FindGoods(Db& db, int64_t id);

struct GoodsFilter {
  std::optional<int64_t> enterprise_id;
  std::string outcome;  // "" = any
  std::string q;        // substring of name, SKU or code
};
core::StatusOr<ListResult<GoodsRecord>> ListGoods(Db& db, const GoodsFilter& f, const Page& page);

struct NameCode {
  std::string name;
  std::string code10;
};
// Every filing with this normalised name by an enterprise other than `exclude_enterprise_id`,
// oldest first: the other_filings input of the same-name-different-code check.
core::StatusOr<std::vector<NameCode>> ListOtherFilings(
    Db& db, std::string_view name_norm, std::optional<int64_t> exclude_enterprise_id);

}  // namespace server
