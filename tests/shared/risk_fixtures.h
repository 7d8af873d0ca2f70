// Helpers the risk model tests share: declarations, observations and runs of one model. No I/O.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "basic_fixtures.h"
#include "core/risk.h"

namespace core::testing {

inline int64_t NextRiskId() {
  static int64_t next = 0;
  return ++next;
}

// A list of one line: SKU-1, code 3304990099, one unit at `value`.
inline RiskDeclaration Decl(const std::string& buyer, const char* date, Fen value,
                            const std::string& shop = "4101960001") {
  RiskDeclaration r;
  r.id = NextRiskId();
  r.ebc_code = shop;
  r.buyer_id = buyer;
  r.date = D(date);
  r.value_fen = value;
  r.lines.push_back({"SKU-1", "3304990099", 100000, value, value, "保湿面霜 50ml"});
  return r;
}

inline RiskData Data(std::vector<RiskDeclaration> ds, const char* as_of = "2026-06-30") {
  RiskData d;
  d.declarations = std::move(ds);
  d.as_of = D(as_of);
  return d;
}

// What a patrol saw of `sku` at `shop` on `date`.
inline RiskObservation Seen(const std::string& shop, const std::string& sku, const char* date,
                            std::optional<Fen> price, std::optional<Fen> freight = std::nullopt,
                            std::optional<Fen> old_price = std::nullopt) {
  RiskObservation o;
  o.id = NextRiskId();
  o.enterprise_code = shop;
  o.sku = sku;
  o.date = D(date);
  o.price_fen = price;
  o.freight_fen = freight;
  o.old_price_fen = old_price;
  return o;
}

// The hits of one model.
inline std::vector<RiskHit> Hits(const RiskData& d, const std::string& model,
                                 const RiskThresholds& t = {}) {
  std::vector<RiskHit> out;
  for (RiskHit& h : RunRiskModels(d, t)) {
    if (h.model == model) out.push_back(std::move(h));
  }
  return out;
}

inline bool Mentions(const std::string& text, const std::string& part) {
  return text.find(part) != std::string::npos;
}

}  // namespace core::testing
