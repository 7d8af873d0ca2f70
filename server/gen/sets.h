// The stream of generated message sets (order CEB311, payment CEB411, waybill CEB511, list
// CEB621) over a date range, with injected, labelled frauds, plus the side records the frauds of
// the bonded area need (gate passes with weighbridge weights, ledger entries). One set at a time:
// memory stays bounded whatever the count. Deterministic from the seed. No I/O.
#pragma once

#include <cstdint>
#include <deque>
#include <map>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "core/date.h"
#include "core/json.h"
#include "core/messages.h"
#include "core/tax.h"
#include "gen/district.h"

namespace gen {

// Fraud kinds (the labels' "kind"), and how each one shows:
//   under_declared_price  unit prices far below the filed price, all documents agree: the
//                         screening's filed-price check (PRICE_BELOW_FILED_NO_PROMOTION), valuation
//   omitted_freight       freight left off the order and the list while the waybill has it:
//                         reconciliation finding
//   tax_not_declared      tax collected in acturalPaid/amountPaid but taxTotal 0: reconciliation
//                         and tax findings
//   split_order           one buyer's purchase split into orders under 5,000 on one day: risk
//                         models (each list alone is clean)
//   family_quota          family members' IDs (same address and phone) used to spread one
//                         buyer's annual quota: risk models
//   shared_contact        one phone and address behind many IDs: risk models
//   fabricated_documents  payment by a third person and a waybill to another consignee (刷单):
//                         reconciliation findings
//   unfiled_promotion     price below the filed price, no promotion filed: promotion check
//                         (PRICE_BELOW_FILED_NO_PROMOTION, manual review)
//   overweight_gate_pass  the weighbridge weighs far more than the pass declares: gate check
//   ledger_shortfall      a bonded list debits more than the ledger holds: ledger check (the only
//                         bonded lists generated; honest sets are direct purchase 9610)
struct Label {
  std::string set_key;  // the set (or gate pass / ledger entry) the label is about
  std::string kind;
  std::string detectable_by;  // "screening", "risk_model", "promotion_check", "gate_check",
                              // "ledger_check"
  core::Json details;
};
core::Json LabelJson(const Label& l);

struct GeneratedSet {
  uint64_t index = 0;
  std::string key;  // unique per seed and index
  core::Order order;
  core::Payment payment;
  core::Waybill waybill;
  core::Inventory list;
  std::vector<Label> labels;  // empty for a clean set
  // Side records produced while generating this set: gate passes (core gate-request JSON with
  // "labels_key") and ledger entries ({"ems_no", "entry": core ledger entry JSON}).
  std::vector<core::Json> gate_passes;
  std::vector<core::Json> ledger_entries;
};

struct SetOptions {
  uint64_t seed = 1;
  uint64_t lists = 100;
  core::Date from;
  core::Date to;             // inclusive; >= from
  int fraud_per_mille = 60;  // share of episodes that are frauds
  bool side_records = true;  // gate passes and ledger entries
};

class SetGenerator {
 public:
  // `rates` computes the declared taxTotal exactly as the server will (DOMAIN §1.2, §8); it and
  // `district` must outlive the generator.
  SetGenerator(const District& district, const core::TaxRateTable& rates, SetOptions options);

  // The next set; false when `lists` sets were produced.
  bool Next(GeneratedSet& out);

 private:
  struct Parties {
    const GenEnterprise* ebp;
    const GenEnterprise* ebc;
    const GenEnterprise* pay;
    const GenEnterprise* logistics;
  };
  void NewEpisode();
  GeneratedSet Build(uint64_t index, const GenConsumer& buyer, const Parties& p,
                     const std::vector<std::pair<const GenGoods*, int>>& items, int price_percent,
                     const std::string& note, std::optional<core::Date> date = std::nullopt);
  Parties PickParties(uint64_t index, bool bonded_only);
  std::vector<std::pair<const GenGoods*, int>> PickItems(uint64_t index, const GenEnterprise& ebc,
                                                         core::Fen budget, bool bonded);
  core::Date DateOf(uint64_t index) const;
  // Ledger entries and gate passes of a bonded list (side_records.cpp); `shortfall` when the list
  // is labelled ledger_shortfall.
  void SideRecords(GeneratedSet& s, bool shortfall);

  const District& d_;
  const core::TaxRateTable& rates_;
  SetOptions opt_;
  uint64_t produced_ = 0;
  uint64_t episodes_ = 0;
  uint64_t consumers_;
  std::deque<GeneratedSet> pending_;
  std::map<std::string, int64_t> ledger_e5_;   // sku -> balance
  std::map<std::string, int64_t> ledger_seq_;  // ems_no -> next seq
  // Released bonded lists waiting for a vehicle, per logistics enterprise: (copNo, gross e5).
  std::map<std::string, std::vector<std::pair<std::string, int64_t>>> gate_lists_;
  uint64_t passes_ = 0;
  bool bonded_ = false;  // the set being built is a bonded (1210) list
};

// The within-limits tax the server computes for this order and list (the declared taxTotal of an
// honest sender).
core::Fen HonestTax(const core::Order& order, const core::Inventory& list,
                    const core::TaxRateTable& rates);

}  // namespace gen
