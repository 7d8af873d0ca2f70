// The consumer models at arrival: over a list's neighbourhood they give exactly the hits on its
// subjects that a run over the whole history gives, for every list of a random history dense
// enough that each model fires; the other models are left to the batch run.
#include "core/risk_arrival.h"

#include <doctest/doctest.h>

#include <algorithm>
#include <map>
#include <set>

#include "core/json.h"
#include "risk_fixtures.h"

namespace core {
namespace {

// 500 lists of 40 buyers sharing 15 phones and 15 addresses, over the first half of 2026 (a third
// of them in June), from a fixed LCG: most pay for themselves, some are paid for by another
// buyer, some have no payment.
std::vector<RiskDeclaration> RandomHistory() {
  uint64_t state = 20261127;
  auto next = [&state](uint32_t n) {
    state = state * 6364136223846793005ULL + 1442695040888963407ULL;
    return static_cast<uint32_t>(state >> 33) % n;
  };
  std::vector<RiskDeclaration> out;
  for (int i = 0; i < 500; ++i) {
    RiskDeclaration r;
    r.id = 1000 + i;
    const uint32_t buyer = next(40);
    r.buyer_id = "B" + std::to_string(buyer);
    r.ebc_code = "410196000" + std::to_string(next(3));
    r.phone_key = next(10) == 0 ? "" : "P" + std::to_string((buyer + next(3)) % 15);
    r.address_key = next(10) == 0 ? "" : "A" + std::to_string((buyer * 7 + next(6)) % 15);
    const uint32_t pay = next(10);
    r.payer_id = pay < 7 ? r.buyer_id : pay < 9 ? "B" + std::to_string(next(40)) : "";
    const int month = next(3) == 0 ? 6 : 1 + static_cast<int>(next(6));  // a busy June
    r.date = Date::FromYmd(2026, month, 1 + static_cast<int>(next(28))).value();
    const int lines = 1 + static_cast<int>(next(2));
    for (int l = 0; l < lines; ++l) {
      const int64_t units = 1 + next(14);
      const Fen price = 1000 + next(200000);
      r.lines.push_back({"SKU-" + std::to_string(next(9)), "3304990099", units * 100000, price,
                         price * units, "面霜"});
      r.value_fen += price * units;
    }
    out.push_back(std::move(r));
  }
  return out;
}

std::vector<std::string> Dumped(const std::vector<RiskHit>& hits) {
  std::vector<std::string> out;
  for (const RiskHit& h : hits) out.push_back(DumpJson(RiskHitToJson(h)));
  std::sort(out.begin(), out.end());
  return out;
}

TEST_CASE("arrival models: the consumer models, in registry order; the others stay in batch") {
  const auto& ids = ArrivalModels();
  CHECK(ids.size() == 8);
  CHECK(IsArrivalModel("SPLIT_UNDER_LIMIT"));
  CHECK(IsArrivalModel("FAMILY_QUOTA_PRESSURE"));
  CHECK_FALSE(IsArrivalModel("PAYER_NOT_BUYER"));  // reads an enterprise's every list
  CHECK_FALSE(IsArrivalModel("PRICE_BELOW_PEERS"));
  CHECK_FALSE(IsArrivalModel("NO_SUCH_MODEL"));
  size_t at = 0;
  for (const RiskModelInfo& m : RiskModels()) {
    if (at < ids.size() && ids[at] == m.id) ++at;
  }
  CHECK(at == ids.size());
}

TEST_CASE("arrival models: on a list's neighbourhood, the same hits on its subjects as a run") {
  const std::vector<RiskDeclaration> all = RandomHistory();
  RiskData full;
  full.declarations = all;
  full.as_of = testing::D("2026-06-30");
  const std::vector<RiskHit> batch = RunRiskModels(full, RiskThresholds{});

  std::map<std::string, int> lists_hit_by_model;  // the test is only as good as its hits
  size_t largest = 0;
  for (const RiskDeclaration& d : all) {
    std::vector<RiskHit> expected;
    for (const RiskHit& h : batch) {
      if (IsArrivalModel(h.model) && HitConcerns(h, d)) expected.push_back(h);
    }
    RiskData near;
    near.declarations = ArrivalNeighbourhood(all, d);
    near.as_of = full.as_of;
    largest = std::max(largest, near.declarations.size());
    const std::vector<RiskHit> arrived = RunArrivalModels(near, d, RiskThresholds{});
    REQUIRE_MESSAGE(Dumped(arrived) == Dumped(expected), "list " << d.id);
    std::set<std::string> models;
    for (const RiskHit& h : arrived) models.insert(h.model);
    for (const std::string& m : models) ++lists_hit_by_model[m];
  }
  for (std::string_view m : ArrivalModels()) {
    CHECK_MESSAGE(lists_hit_by_model[std::string(m)] > 0, m);
  }
  CHECK(largest < all.size());  // a neighbourhood, not the whole history
}

TEST_CASE("arrival models: a hit concerns a list through a non-empty subject or the list itself") {
  RiskDeclaration d = testing::Decl("B1", "2026-06-01", 1000);
  d.phone_key = "P1";
  RiskHit h;
  h.subject_kind = "phone";
  h.subject = "P1";
  CHECK(HitConcerns(h, d));
  h.subject_kind = "address";
  CHECK_FALSE(HitConcerns(h, d));
  h.subject = "";
  CHECK_FALSE(HitConcerns(h, d));  // d has no address: an empty key concerns nobody
  h.subject_kind = "declaration";
  h.subject = std::to_string(d.id);
  CHECK(HitConcerns(h, d));
  h.subject_kind = "enterprise";
  h.subject = d.ebc_code;
  CHECK_FALSE(HitConcerns(h, d));
}

}  // namespace
}  // namespace core
