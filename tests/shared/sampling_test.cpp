// Tests for the core's PRNG and double-random draws: splitmix64 against its published sequence,
// xoshiro256** and the draws against values pinned from an independent Python implementation
// (the same numbers must come out natively and in WebAssembly), and the draws' rules.
#include "core/sampling.h"

#include <doctest/doctest.h>

#include <algorithm>
#include <set>
#include <string>
#include <vector>

#include "core/json.h"
#include "core/rules_api.h"

namespace core {
namespace {

std::vector<std::string> Officers(int n) {
  std::vector<std::string> ids;
  for (int i = 1; i <= n; ++i) ids.push_back((i < 10 ? "o0" : "o") + std::to_string(i));
  return ids;
}

Json Call(const std::string& out) {
  StatusOr<Json> j = ParseJson(out);
  REQUIRE(j.ok());
  return *j;
}

TEST_CASE("splitmix64 gives the published sequence for seed 1234567") {
  uint64_t state = 1234567;
  CHECK(SplitMix64Next(state) == 6457827717110365317ull);
  CHECK(SplitMix64Next(state) == 3203168211198807973ull);
  CHECK(SplitMix64Next(state) == 9817491932198370423ull);
  CHECK(SplitMix64Next(state) == 4593380528125082431ull);
  CHECK(SplitMix64Next(state) == 16408922859458223821ull);
}

TEST_CASE("xoshiro256** streams are pinned and distinct") {
  Prng a(0, 0);
  CHECK(a.Next() == 12818435751074434578ull);
  CHECK(a.Next() == 3217361331678192038ull);
  CHECK(a.Next() == 13786348628931713741ull);
  Prng b(0, 1);
  CHECK(b.Next() == 9042072091364082991ull);
  CHECK(b.Next() == 4433330461328490059ull);
  Prng c(1, 0);
  CHECK(c.Next() == 17503535672488573194ull);
  Prng d(0x9e3779b97f4a7c15ull, 1);
  CHECK(d.Next() == 6351981376355412354ull);
}

TEST_CASE("basis-point draws are pinned and stay in range") {
  CHECK(DrawBasisPoints(0, kStreamRouting) == 2991);
  CHECK(DrawBasisPoints(1, kStreamRouting) == 5998);
  CHECK(DrawBasisPoints(2, kStreamRouting) == 2360);
  CHECK(DrawBasisPoints(0xdeadbeef, kStreamRouting) == 2202);
  CHECK(DrawBasisPoints(0x0123456789abcdefull, kStreamRouting) == 1837);
  CHECK(DrawBasisPoints(42, kStreamRouting) == 5459);
  // Over many seeds the draw covers the range and its share below a rate is close to the rate:
  // the random top-up of a 3% grade selects about 3% of lists.
  int below_300 = 0;
  int max_value = 0;
  for (uint64_t seed = 0; seed < 20000; ++seed) {
    const int v = DrawBasisPoints(seed, kStreamRouting);
    REQUIRE(v >= 0);
    REQUIRE(v < 10000);
    max_value = std::max(max_value, v);
    if (v < 300) ++below_300;
  }
  CHECK(max_value > 9990);
  CHECK(below_300 > 480);  // expected 600; binomial sd about 24
  CHECK(below_300 < 720);
}

TEST_CASE("Below is unbiased over small bounds and handles 0 and 1") {
  Prng p(7, 9);
  CHECK(p.Below(0) == 0);
  CHECK(p.Below(1) == 0);
  int counts[3] = {0, 0, 0};
  for (int i = 0; i < 30000; ++i) ++counts[p.Below(3)];
  for (int c : counts) {
    CHECK(c > 9500);
    CHECK(c < 10500);
  }
}

TEST_CASE("seeds round-trip as 16 hex digits") {
  CHECK(SeedToHex(0) == "0000000000000000");
  CHECK(SeedToHex(0xdeadbeefull) == "00000000deadbeef");
  CHECK(SeedToHex(~0ull) == "ffffffffffffffff");
  CHECK(SeedFromHex("DEADbeef") == 0xdeadbeefull);
  CHECK(SeedFromHex("ffffffffffffffff") == ~0ull);
  CHECK_FALSE(SeedFromHex("").has_value());
  CHECK_FALSE(SeedFromHex("10000000000000000").has_value());  // 17 digits
  CHECK_FALSE(SeedFromHex("12g4").has_value());
  CHECK_FALSE(SeedFromHex("0x12").has_value());
}

TEST_CASE("inspectors: pinned draw, distinct, conflicts excluded, order of the pool irrelevant") {
  StatusOr<InspectorDraw> d = DrawInspectors(0x2a, Officers(10), {}, 3);
  REQUIRE(d.ok());
  CHECK(d->outcome == "drawn");
  CHECK(d->chosen == std::vector<std::string>{"o04", "o05", "o08"});
  CHECK(d->findings.empty());

  std::vector<std::string> shuffled = Officers(10);
  std::reverse(shuffled.begin(), shuffled.end());
  StatusOr<InspectorDraw> same = DrawInspectors(0x2a, shuffled, {}, 3);
  REQUIRE(same.ok());
  CHECK(same->chosen == d->chosen);

  // The officer who reviewed the list is never drawn, whatever the seed.
  for (uint64_t seed = 0; seed < 300; ++seed) {
    StatusOr<InspectorDraw> e = DrawInspectors(seed, Officers(4), {"o02", "nobody"}, 2);
    REQUIRE(e.ok());
    REQUIRE(e->chosen.size() == 2);
    CHECK(e->chosen[0] != e->chosen[1]);
    CHECK(e->chosen[0] != "o02");
    CHECK(e->chosen[1] != "o02");
    CHECK(e->excluded == std::vector<std::string>{"o02"});
  }
}

TEST_CASE("inspectors: every eligible pair is reachable") {
  std::set<std::pair<std::string, std::string>> pairs;
  for (uint64_t seed = 0; seed < 500; ++seed) {
    StatusOr<InspectorDraw> d = DrawInspectors(seed, Officers(4), {}, 2);
    REQUIRE(d.ok());
    std::vector<std::string> c = d->chosen;
    std::sort(c.begin(), c.end());
    pairs.insert({c[0], c[1]});
  }
  CHECK(pairs.size() == 6);
}

TEST_CASE("inspectors: too small a pool, bad count, bad ids") {
  StatusOr<InspectorDraw> small = DrawInspectors(1, Officers(3), {"o01", "o02"}, 2);
  REQUIRE(small.ok());
  CHECK(small->outcome == "insufficient");
  CHECK(small->chosen.empty());
  REQUIRE(small->findings.size() == 1);
  CHECK(small->findings[0].code == "DRAW_POOL_TOO_SMALL");
  CHECK(small->findings[0].severity == Severity::kError);

  CHECK_FALSE(DrawInspectors(1, Officers(5), {}, 1).ok());  // two or more officers
  CHECK_FALSE(DrawInspectors(1, Officers(5), {}, 101).ok());
  CHECK_FALSE(DrawInspectors(1, {"o01", "o02", "o01"}, {}, 2).ok());
  CHECK_FALSE(DrawInspectors(1, {"o01", "", "o03"}, {}, 2).ok());
}

TEST_CASE("targets: share rounds up, pinned draw, count bounds") {
  CHECK(TargetCount(40, 500) == 2);
  CHECK(TargetCount(30, 500) == 2);  // 1.5 rounds up
  CHECK(TargetCount(1, 1) == 1);
  CHECK(TargetCount(0, 500) == 0);
  CHECK(TargetCount(7, 0) == 0);
  CHECK(TargetCount(7, 10000) == 7);
  CHECK(TargetCount(200000, 9999) == 199980);  // exact, no rounding
  CHECK(TargetCount(3, 3333) == 1);

  std::vector<std::string> ents;
  for (int i = 1; i <= 40; ++i) {
    ents.push_back("e" + std::string(i < 10 ? "00" : "0") + std::to_string(i));
  }
  StatusOr<std::vector<std::string>> chosen = SelectTargets(0x2a, ents, 2);
  REQUIRE(chosen.ok());
  CHECK(*chosen == std::vector<std::string>{"e025", "e013"});
  CHECK_FALSE(SelectTargets(1, ents, 41).ok());
  CHECK_FALSE(SelectTargets(1, {"a", "a"}, 1).ok());
  StatusOr<std::vector<std::string>> all = SelectTargets(3, ents, 40);
  REQUIRE(all.ok());
  CHECK(std::set<std::string>(all->begin(), all->end()).size() == 40);
}

TEST_CASE("DrawInspectorsJson and DrawTargetsJson") {
  Json d = Call(DrawInspectorsJson(
      R"({"seed": "2a", "pool": ["o01","o02","o03","o04","o05","o06","o07","o08","o09","o10"],
          "count": 3})"));
  CHECK(d["outcome"] == "drawn");
  CHECK(d["seed"] == "000000000000002a");
  CHECK(d["chosen"] == Json::array({"o04", "o05", "o08"}));
  CHECK(d["stream"] == kStreamInspectors);

  Json insufficient = Call(
      DrawInspectorsJson(R"({"seed": "1", "pool": ["a", "b"], "exclude": ["a"], "count": 2})"));
  CHECK(insufficient["outcome"] == "insufficient");
  CHECK(insufficient["findings"][0]["code"] == "DRAW_POOL_TOO_SMALL");

  for (const char* bad :
       {R"({"seed": 42, "pool": ["a","b"], "count": 2})",
        R"({"seed": "zz", "pool": ["a","b"], "count": 2})",
        R"({"seed": "1", "pool": ["a","b"], "count": 1})",
        R"({"seed": "1", "pool": ["a","a","b"], "count": 2})",
        R"({"seed": "1", "pool": ["a","b"], "count": 2, "extra": 1})", R"([1, 2])", "not json"}) {
    Json e = Call(DrawInspectorsJson(bad));
    CHECK_MESSAGE(e.contains("error"), bad);
  }

  Json t = Call(DrawTargetsJson(R"({"seed": "2a", "candidates": ["e001","e002","e003"],
                                    "share_bp": 500})"));
  CHECK(t["outcome"] == "drawn");
  CHECK(t["count"] == 1);
  CHECK(t["population"] == 3);
  CHECK(t["chosen"].size() == 1);
  Json both = Call(DrawTargetsJson(R"({"seed": "1", "candidates": ["a"], "share_bp": 1,
                                       "count": 1})"));
  CHECK(both.contains("error"));
  Json too_many = Call(DrawTargetsJson(R"({"seed": "1", "candidates": ["a"], "count": 2})"));
  CHECK(too_many.contains("error"));
}

}  // namespace
}  // namespace core
