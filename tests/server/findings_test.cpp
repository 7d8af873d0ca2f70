// Server tests: findings against an enterprise and its answers over HTTP: a stocktake short of
// the book is an open finding of its enterprise only; the enterprise answers it, officers reject
// the answer with a note (the finding opens again) or accept it (closed); every step audited;
// bad answers and other enterprises change nothing.
#include <doctest/doctest.h>

#include "supervision_fixtures.h"

namespace server::testing {
namespace {

const core::Json* FindingOf(const core::Json& list, int64_t stocktake) {
  for (const core::Json& f : list["items"]) {
    if (f["object_type"] == "stocktake" && f["object_id"] == stocktake) return &f;
  }
  return nullptr;
}

}  // namespace

TEST_CASE("an enterprise answers its findings; officers accept or reject the answers") {
  TestServer s({.seed_demo = true});
  const std::string hnby = s.Login("hnby", kEnterprisePassword);
  const std::string jp = s.Login("jpbeauty", kEnterprisePassword);
  const std::string officer = s.Login("officer", kOfficerPassword);
  const int64_t hnby_id = OwnEnterpriseId(s, hnby);
  const int64_t stocktake = ShortDemoStocktake(s, hnby)["id"].get<int64_t>();

  Response open = s.Get("/api/v1/findings?state=open", hnby);
  REQUIRE_MESSAGE(open.status == 200, open.body);
  const core::Json* f = FindingOf(open.json, stocktake);
  REQUIRE(f != nullptr);
  CHECK((*f)["code"] == "STOCKTAKE_SHORTAGE");
  CHECK((*f)["enterprise_id"] == hnby_id);
  CHECK((*f)["state"] == "open");
  CHECK((*f)["answers"].empty());
  // Another enterprise sees none of it, whatever it asks for.
  CHECK(FindingOf(s.Get("/api/v1/findings?enterprise_id=" + std::to_string(hnby_id), jp).json,
                  stocktake) == nullptr);

  const int64_t audits = s.Count("audit_log");
  const core::Json answer = {{"object_type", "stocktake"},
                             {"object_id", stocktake},
                             {"kind", "explanation"},
                             {"text", "5 瓶为展示样品，已报损"}};
  CHECK(s.Post("/api/v1/findings/answers", answer, jp).status == 404);
  CHECK(s.Post("/api/v1/findings/answers", answer, officer).status == 403);
  core::Json bad = answer;
  bad["kind"] = "excuse";
  CHECK(s.Post("/api/v1/findings/answers", bad, hnby).status == 400);
  bad = answer;
  bad["object_type"] = "shop";
  CHECK(s.Post("/api/v1/findings/answers", bad, hnby).status == 404);
  bad = answer;
  bad["text"] = "";
  CHECK(s.Post("/api/v1/findings/answers", bad, hnby).status == 400);
  CHECK(s.Count("finding_responses") == 0);
  CHECK(s.Count("audit_log") == audits);

  Response a1 = s.Post("/api/v1/findings/answers", answer, hnby);
  REQUIRE_MESSAGE(a1.status == 201, a1.body);
  CHECK(a1.json["finding"]["state"] == "answered");
  CHECK(s.Post("/api/v1/findings/answers", answer, hnby).status == 409);  // waits for review
  const std::string a1_id = std::to_string(a1.json["response"]["id"].get<int64_t>());

  // Officers see the answer; a rejection needs a note and opens the finding again.
  Response answered = s.Get("/api/v1/findings?state=answered", officer);
  f = FindingOf(answered.json, stocktake);
  REQUIRE(f != nullptr);
  CHECK((*f)["answers"][0]["text"] == "5 瓶为展示样品，已报损");
  const std::string review = "/api/v1/findings/answers/" + a1_id + "/review";
  CHECK(s.Post(review, {{"decision", "rejected"}}, officer).status == 400);
  CHECK(s.Post(review, {{"decision", "rejected"}, {"note", "n"}}, hnby).status == 403);
  Response rejected =
      s.Post(review, {{"decision", "rejected"}, {"note", "请提供报损审批单"}}, officer);
  REQUIRE_MESSAGE(rejected.status == 200, rejected.body);
  CHECK(rejected.json["finding"]["state"] == "open");
  CHECK(s.Post(review, {{"decision", "accepted"}}, officer).status == 409);  // reviewed once

  core::Json correction = answer;
  correction["kind"] = "correction";
  correction["text"] = "附报损审批单 BS-2026-118";
  Response a2 = s.Post("/api/v1/findings/answers", correction, hnby);
  REQUIRE_MESSAGE(a2.status == 201, a2.body);
  Response accepted =
      s.Post("/api/v1/findings/answers/" +
                 std::to_string(a2.json["response"]["id"].get<int64_t>()) + "/review",
             {{"decision", "accepted"}}, officer);
  REQUIRE_MESSAGE(accepted.status == 200, accepted.body);
  CHECK(accepted.json["finding"]["state"] == "closed");
  CHECK(accepted.json["finding"]["answers"].size() == 2);
  CHECK(accepted.json["finding"]["answers"][0]["review"] == "rejected");
  CHECK(accepted.json["finding"]["answers"][0]["review_note"] == "请提供报损审批单");
  CHECK(s.Post("/api/v1/findings/answers", correction, hnby).status == 409);  // closed
  CHECK(FindingOf(s.Get("/api/v1/findings?state=open", hnby).json, stocktake) == nullptr);
  CHECK(FindingOf(s.Get("/api/v1/findings?state=closed", hnby).json, stocktake) != nullptr);
  CHECK(s.Get("/api/v1/findings?state=pending", hnby).status == 400);
  CHECK(s.Count("audit_log") == audits + 4);
}

}  // namespace server::testing
