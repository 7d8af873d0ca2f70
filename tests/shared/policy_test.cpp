// Tests for the policy document: parsing, the scale in force on a date, round trip, and the
// refusal of bad documents with the offending field named.
#include "core/policy.h"

#include <doctest/doctest.h>

#include <functional>
#include <string>

#include "verdict_fixtures.h"

namespace core {
namespace {

using testing::TestPolicy;
using testing::TestPolicyJson;

Date D(const char* iso) { return Date::Parse(iso).value(); }

// Parses the fixture policy after `edit`, expecting InvalidArgument mentioning `field`.
void ExpectRefused(const std::function<void(Json&)>& edit, const std::string& field) {
  Json doc = TestPolicyJson();
  edit(doc);
  StatusOr<Policy> p = PolicyFromJson(doc);
  REQUIRE_FALSE(p.ok());
  CHECK(p.status().code() == StatusCode::kInvalidArgument);
  CHECK_MESSAGE(p.status().message().find(field) != std::string::npos,
                "message '" << p.status().message() << "' should name " << field);
}

TEST_CASE("PolicyFromJson reads scales, measures, add-ons, admission and limits") {
  const Policy& p = TestPolicy();
  CHECK(p.version == "test-1");
  CHECK(p.effective_date == D("2026-04-01"));
  REQUIRE(p.grade_scales.size() == 2);
  CHECK(p.grade_scales[0].grades.size() == 5);
  CHECK(p.grade_scales[0].grades[4].id == "seriously_dishonest");
  CHECK(p.grade_scales[1].grades.size() == 3);
  CHECK(p.measures.at("dishonest").inspection_bp == 8000);
  CHECK(p.measures.at("advanced_certified").guarantee == "exempt");
  CHECK(p.measures.at("registered").stocktake_months == 3);
  CHECK(p.risk_level_addon_bp.at("high") == 1000);
  CHECK(p.admission.role_requirements.at("platform") ==
        std::vector<std::string>{"business_licence", "icp_filing"});
  CHECK(p.admission.overseas_role_requirements.at("ecommerce") ==
        std::vector<std::string>{"domestic_agent"});
  CHECK(p.admission.expiry_warning_days == 30);
  CHECK(p.admission.uscc_mode == UsccMode::kLenient);
  CHECK(p.limits.transaction_fen == 500000);
  CHECK(p.limits.annual_fen == 2600000);
}

TEST_CASE("ScaleOn picks Decree 251 before 2026-04-01 and Decree 282 from that day") {
  const Policy& p = TestPolicy();
  REQUIRE(p.ScaleOn(D("2026-03-31")) != nullptr);
  CHECK(p.ScaleOn(D("2026-03-31"))->id == "decree251");
  CHECK(p.ScaleOn(D("2026-04-01"))->id == "decree282");
  CHECK(p.ScaleOn(D("2031-01-01"))->id == "decree282");
  CHECK(p.ScaleOn(D("2021-11-01"))->id == "decree251");
  CHECK(p.ScaleOn(D("2021-10-31")) == nullptr);
}

TEST_CASE("PolicyToJson round-trips through PolicyFromJson") {
  Json once = PolicyToJson(TestPolicy());
  Policy again = testing::Require(PolicyFromJson(once));
  CHECK(DumpJson(PolicyToJson(again)) == DumpJson(once));
  CHECK(once["grade_scales"][0]["effective_to"].is_null());
  CHECK(once["admission"]["uscc_mode"] == "lenient");
  CHECK(once["limits"]["annual_fen"] == 2600000);
}

TEST_CASE("strict USCC mode is read") {
  Json doc = TestPolicyJson();
  doc["admission"]["uscc_mode"] = "strict";
  CHECK(testing::Require(PolicyFromJson(doc)).admission.uscc_mode == UsccMode::kStrict);
}

TEST_CASE("bad policy documents are refused naming the field") {
  CHECK_FALSE(PolicyFromJson(Json::array()).ok());
  ExpectRefused([](Json& d) { d.erase("version"); }, "version");
  ExpectRefused([](Json& d) { d["version"] = 7; }, "version");
  ExpectRefused([](Json& d) { d["effective_date"] = "2026-02-30"; }, "effective_date");
  ExpectRefused([](Json& d) { d["efective_date"] = "2026-04-01"; }, "efective_date");
  ExpectRefused([](Json& d) { d["grade_scales"] = Json::array(); }, "grade_scales");
  ExpectRefused([](Json& d) { d["grade_scales"][1]["effective_to"] = "2021-11-01"; },
                "grade_scales[1].effective_to");
  ExpectRefused([](Json& d) { d["grade_scales"][1]["effective_to"] = "2026-04-02"; },
                "grade_scales[1]");
  ExpectRefused([](Json& d) { d["grade_scales"][0]["grades"][1]["id"] = "advanced_certified"; },
                "grade_scales[0].grades[1].id");
  ExpectRefused([](Json& d) { d["measures"].erase("certified"); }, "measures.certified");
  ExpectRefused([](Json& d) { d["measures"]["regular"]["inspection_bp"] = 10001; },
                "measures.regular.inspection_bp");
  ExpectRefused([](Json& d) { d["measures"]["regular"]["inspection_bp"] = 2.5; },
                "measures.regular.inspection_bp");
  ExpectRefused([](Json& d) { d["measures"]["regular"]["guarantee"] = "cash"; },
                "measures.regular.guarantee");
  ExpectRefused([](Json& d) { d["risk_level_addon_bp"].erase("medium"); },
                "risk_level_addon_bp.medium");
  ExpectRefused([](Json& d) { d["admission"]["role_requirements"]["shipper"] = Json::array(); },
                "admission.role_requirements.shipper");
  ExpectRefused(
      [](Json& d) { d["admission"]["role_requirements"]["payment"][1] = "payment_license"; },
      "admission.role_requirements.payment[1]");
  ExpectRefused([](Json& d) { d["admission"]["shop_required_roles"][0] = "shop"; },
                "admission.shop_required_roles[0]");
  ExpectRefused([](Json& d) { d["admission"]["uscc_mode"] = "loose"; }, "admission.uscc_mode");
  ExpectRefused([](Json& d) { d["admission"]["expiry_warning_days"] = -1; },
                "admission.expiry_warning_days");
  ExpectRefused([](Json& d) { d.erase("limits"); }, "limits");
  ExpectRefused([](Json& d) { d["limits"]["annual_fen"] = 100; }, "limits.annual_fen");
  ExpectRefused([](Json& d) { d["limits"]["transaction_fen"] = 0; }, "limits.transaction_fen");
}

}  // namespace
}  // namespace core
