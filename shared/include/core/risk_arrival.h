// The risk models that run as each list arrives (issue 5, incremental runs): the consumer models,
// whose hits are about a buyer, a phone, an address, a payer or the list itself, read only the
// lists of the people around the arriving one, so they can run on that neighbourhood while the
// list is screened, giving the hits on its subjects that a run over the whole history would give
// (with the same thresholds and day). The other models (enterprises, codes, shops, ledgers,
// gates, outcomes) read whole populations and stay with the batch run. Pure.
#pragma once

#include <string_view>
#include <vector>

#include "core/risk.h"

namespace core {

// The consumer models' ids, in registry order: SPLIT_UNDER_LIMIT, SHARED_PHONE, SHARED_ADDRESS,
// ID_MANY_ADDRESSES, BULK_CONSIGNEE, QTY_BEYOND_PERSONAL_USE, FAMILY_QUOTA_PRESSURE,
// PAYER_MANY_BUYERS.
const std::vector<std::string_view>& ArrivalModels();
bool IsArrivalModel(std::string_view model);

// True when `h` is about one of `d`'s subjects: its buyer, phone, address or payer (non-empty),
// or `d` itself.
bool HitConcerns(const RiskHit& h, const RiskDeclaration& d);

// The lists the arrival models read for `d`: those sharing its buyer ID, phone, address or payer
// (non-empty; `d` itself when it is in `all`), and every list of each buyer among them. A
// household's quota needs each member's whole year, hence every list of those buyers, not just
// the shared ones. The server selects the same set with one query.
std::vector<RiskDeclaration> ArrivalNeighbourhood(const std::vector<RiskDeclaration>& all,
                                                  const RiskDeclaration& d);

// Runs the arrival models over `data` (d's neighbourhood, d among its declarations) and keeps
// the hits about d's subjects, in registry order then subject.
std::vector<RiskHit> RunArrivalModels(const RiskData& data, const RiskDeclaration& d,
                                      const RiskThresholds& t);

}  // namespace core
