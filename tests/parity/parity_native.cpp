// Native side of the parity test (reads files, writes stdout): loads the reference tables, the
// lists and the default policy from the source tree, evaluates every scenario of
// tests/parity/scenarios.json through the core's JSON entry points and prints one line per
// scenario: "<name>\t<verdict json>". parity_wasm.mjs prints the same lines from the wasm build.
//
// A scenario may carry "policy": an object of top-level keys that replace those of
// data/policy/default.json for that scenario only (e.g. a changed "credit_model").
//
// Usage: parity_native [--check] [--source DIR]
//   --check   also compare each verdict with the scenario's expect_outcome and expect_codes (and,
//             for the credit kind, the expect_* fields of CheckCredit), and check that the
//             scenarios together reach every finding code they claim; mismatches go to stderr
//             and make the exit status 1.
#include <algorithm>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "core/catalog.h"
#include "core/credit.h"
#include "core/ids.h"
#include "core/json.h"
#include "core/ledger_api.h"
#include "core/policy.h"
#include "core/reconcile_api.h"
#include "core/rules_api.h"
#include "core/tax.h"
#include "core/verdict_api.h"

#ifndef PATROL_SOURCE_DIR
#error "PATROL_SOURCE_DIR must name the source tree"
#endif

namespace {

bool ReadFile(const std::string& path, std::string& out) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return false;
  std::ostringstream text;
  text << in.rdbuf();
  out = text.str();
  return true;
}

// Loads one table with its parser; false (with a message) when the file is missing or invalid.
template <typename Table, typename Parser>
bool LoadTable(const std::string& path, Parser parse, Table& slot) {
  std::string text;
  if (!ReadFile(path, text)) {
    std::cerr << "cannot read " << path << "\n";
    return false;
  }
  core::StatusOr<Table> table = parse(text);
  if (!table.ok()) {
    std::cerr << path << ": " << table.status().ToString() << "\n";
    return false;
  }
  slot = std::move(table).value();
  return true;
}

// The outcome a scenario is judged by: the verdict's outcome, "valid"/"invalid" for an
// identifier, the recommended grade of a credit assessment, "error" for a refused request.
std::string OutcomeOf(const core::Json& verdict) {
  if (verdict.contains("error")) return "error";
  if (verdict.contains("recommended_grade") && verdict["recommended_grade"].is_string()) {
    return verdict["recommended_grade"].get<std::string>();
  }
  if (verdict.contains("outcome") && verdict["outcome"].is_string()) {
    return verdict["outcome"].get<std::string>();
  }
  if (verdict.contains("valid") && verdict["valid"].is_boolean()) {
    return verdict["valid"].get<bool>() ? "valid" : "invalid";
  }
  // A quota verdict is judged by its clearance path (cbec, cbec_full_tax, general_trade).
  if (verdict.contains("path") && verdict["path"].is_string()) {
    return verdict["path"].get<std::string>();
  }
  return "?";
}

std::set<std::string> CodesOf(const core::Json& verdict) {
  std::set<std::string> codes;
  // Findings, the located errors of a rule that does not validate (rule kinds) and the legal
  // triggers and review notes of a credit assessment.
  for (const char* key : {"findings", "errors", "triggers"}) {
    if (!verdict.contains(key) || !verdict[key].is_array()) continue;
    for (const core::Json& f : verdict[key]) {
      if (f.contains("code") && f["code"].is_string()) codes.insert(f["code"].get<std::string>());
    }
  }
  return codes;
}

// The outcomes of the ledger, gate and promotion kinds that mean "nothing to report".
bool CleanLedgerOutcome(const std::string& kind, const std::string& outcome) {
  if (kind == "ledger_balances") return outcome == "consistent";
  if (kind == "ledger_trace") return outcome == "traced";
  if (kind == "ledger_whatif") return outcome == "accepted";
  if (kind == "gate") return outcome == "pass";
  if (kind == "promotion_check") return outcome == "ok";
  if (kind == "promotion_summary") return outcome == "summarised";
  return false;
}

// The keys a scenario may have; any other (a misspelt expectation) makes it malformed.
bool KnownScenarioKey(const std::string& key) {
  static const std::set<std::string> kKeys = {"name",           "kind",           "request",
                                              "policy",         "expect_outcome", "expect_codes",
                                              "expect_level",   "expect_scale",   "expect_score",
                                              "expect_change",  "expect_points",  "expect_to_lower",
                                              "expect_measures"};
  return kKeys.count(key) > 0;
}

// The credit kind's own expectations (the grade is expect_outcome, the triggers expect_codes):
//   expect_level, expect_scale, expect_change: strings equal to the verdict's risk_level, scale
//     and change; expect_score: the score;
//   expect_points: {factor id: points} for the factors that matter;
//   expect_to_lower: {factor id: {"to", "target_level"}}, and no other factor listed;
//   expect_measures: {key: value} each equal to the verdict's measures.
// Also: a verdict that is not an error must have its level expected, and its triggers must be
// exactly expect_codes (a note the scenario did not expect is a failure, even an info one).
int CheckCredit(const std::string& name, const core::Json& s, const core::Json& v) {
  int failures = 0;
  auto fail = [&](const std::string& what) {
    std::cerr << name << ": " << what << "\n";
    ++failures;
  };
  if (v.contains("error")) {
    for (const char* key : {"expect_level", "expect_scale", "expect_score", "expect_change",
                            "expect_points", "expect_to_lower", "expect_measures"}) {
      if (s.contains(key)) fail(std::string("refused, but the scenario expects ") + key);
    }
    return failures;
  }
  for (const char* key :
       {"risk_level", "scale", "score", "change", "factors", "triggers", "to_lower", "measures"}) {
    if (!v.contains(key)) {
      fail(std::string("the assessment has no ") + key);
      return failures;
    }
  }
  if (!s.contains("expect_level")) fail("no expect_level");
  for (const auto& [key, field] :
       {std::pair{"expect_level", "risk_level"}, std::pair{"expect_scale", "scale"},
        std::pair{"expect_score", "score"}, std::pair{"expect_change", "change"}}) {
    if (s.contains(key) && s[key] != v[field]) {
      fail(std::string("expected ") + field + " " + core::DumpJson(s[key]) + ", got " +
           core::DumpJson(v[field]));
    }
  }
  if (s.contains("expect_points")) {
    for (auto it = s["expect_points"].begin(); it != s["expect_points"].end(); ++it) {
      const core::Json* found = nullptr;
      for (const core::Json& f : v["factors"]) {
        if (f["id"] == it.key()) found = &f;
      }
      if (found == nullptr) {
        fail("factor " + it.key() + " is missing");
      } else if ((*found)["points"] != it.value()) {
        fail("expected " + it.key() + " to score " + core::DumpJson(it.value()) + ", got " +
             core::DumpJson((*found)["points"]));
      }
    }
  }
  if (s.contains("expect_to_lower")) {
    const core::Json& want = s["expect_to_lower"];
    std::set<std::string> seen;
    for (const core::Json& c : v["to_lower"]) {
      const std::string factor = c["factor"].get<std::string>();
      seen.insert(factor);
      if (!want.contains(factor)) {
        fail("unexpected way to lower the level: " + factor);
        continue;
      }
      for (const char* key : {"to", "target_level"}) {
        if (!want[factor].is_object() || !want[factor].contains(key)) {
          fail("expect_to_lower." + factor + " has no " + key);
        } else if (want[factor][key] != c[key]) {
          fail("expected " + factor + " " + key + " " + core::DumpJson(want[factor][key]) +
               ", got " + core::DumpJson(c[key]));
        }
      }
    }
    for (auto it = want.begin(); it != want.end(); ++it) {
      if (seen.count(it.key()) == 0) fail("expected a way to lower the level by " + it.key());
    }
  }
  if (s.contains("expect_measures")) {
    for (auto it = s["expect_measures"].begin(); it != s["expect_measures"].end(); ++it) {
      if (!v["measures"].contains(it.key()) || v["measures"][it.key()] != it.value()) {
        fail("expected measure " + it.key() + " " + core::DumpJson(it.value()) + ", got " +
             (v["measures"].contains(it.key()) ? core::DumpJson(v["measures"][it.key()])
                                               : std::string("nothing")));
      }
    }
  }
  std::set<std::string> want_codes;
  if (s.contains("expect_codes") && s["expect_codes"].is_array()) {
    for (const core::Json& c : s["expect_codes"]) {
      if (c.is_string()) want_codes.insert(c.get<std::string>());
    }
  }
  for (const core::Json& t : v["triggers"]) {
    if (want_codes.count(t["code"].get<std::string>()) == 0) {
      fail("unexpected trigger " + core::DumpJson(t["code"]));
    }
  }
  return failures;
}

}  // namespace

int main(int argc, char** argv) {
  bool check = false;
  std::string source = PATROL_SOURCE_DIR;
  for (int i = 1; i < argc; ++i) {
    const std::string arg = argv[i];
    if (arg == "--check") {
      check = true;
    } else if (arg == "--source" && i + 1 < argc) {
      source = argv[++i];
    } else {
      std::cerr << "usage: parity_native [--check] [--source DIR]\n";
      return 2;
    }
  }

  core::ReferenceTables tables;
  const std::string ref = source + "/data/reference/";
  const std::string lists = source + "/data/lists/";
  bool loaded =
      LoadTable(ref + "gbt2260/divisions_history.csv", core::DivisionTable::FromHistoryCsv,
                tables.divisions) &&
      LoadTable(ref + "hs8-commodity-codes/hs8_years_2015_2023.csv", core::Hs8Catalog::FromYearsCsv,
                tables.hs8) &&
      LoadTable(ref + "customs-country-codes/countries.csv", core::CountryTable::FromCsv,
                tables.countries) &&
      LoadTable(lists + "positive_list.csv", core::PositiveList::FromCsv, tables.positive_list) &&
      LoadTable(lists + "controls.csv", core::ControlList::FromCsv, tables.controls) &&
      LoadTable(lists + "high_risk.csv", core::HighRiskList::FromCsv, tables.high_risk) &&
      LoadTable(source + "/data/tax/rates.csv", core::TaxRateTable::FromCsv, tables.tax_rates);
  if (!loaded) return 1;

  std::string policy_text;
  if (!ReadFile(source + "/data/policy/default.json", policy_text)) {
    std::cerr << "cannot read data/policy/default.json\n";
    return 1;
  }
  core::StatusOr<core::Json> policy_doc = core::ParseJson(policy_text);
  if (!policy_doc.ok()) {
    std::cerr << "default.json: " << policy_doc.status().ToString() << "\n";
    return 1;
  }
  core::StatusOr<core::Policy> policy = core::PolicyFromJson(*policy_doc);
  if (!policy.ok()) {
    std::cerr << "default.json: " << policy.status().ToString() << "\n";
    return 1;
  }

  // Every tests/parity/scenarios*.json file, in name order (one file per area of the core).
  core::Json scenarios = core::Json::array();
  std::vector<std::filesystem::path> files;
  for (const auto& entry : std::filesystem::directory_iterator(source + "/tests/parity")) {
    const std::string file = entry.path().filename().string();
    if (file.rfind("scenarios", 0) == 0 && entry.path().extension() == ".json") {
      files.push_back(entry.path());
    }
  }
  std::sort(files.begin(), files.end());
  for (const std::filesystem::path& file : files) {
    std::string text;
    if (!ReadFile(file.string(), text)) {
      std::cerr << "cannot read " << file << "\n";
      return 1;
    }
    core::StatusOr<core::Json> parsed = core::ParseJson(text);
    if (!parsed.ok() || !parsed->is_array()) {
      std::cerr << file << " must be a JSON array\n";
      return 1;
    }
    for (const core::Json& s : *parsed) scenarios.push_back(s);
  }

  int failures = 0;
  std::set<std::string> names;
  for (const core::Json& s : scenarios) {
    if (!s.is_object() || !s.contains("name") || !s["name"].is_string() || !s.contains("kind") ||
        !s["kind"].is_string() || !s.contains("request")) {
      std::cerr << "malformed scenario: " << core::DumpJson(s) << "\n";
      return 1;
    }
    const std::string name = s["name"].get<std::string>();
    const std::string kind = s["kind"].get<std::string>();
    for (auto it = s.begin(); it != s.end(); ++it) {
      if (!KnownScenarioKey(it.key())) {
        std::cerr << name << ": unknown scenario key " << it.key() << "\n";
        return 1;
      }
    }
    if (!names.insert(name).second) {
      std::cerr << "duplicate scenario name " << name << "\n";
      return 1;
    }
    // A string request is sent verbatim (malformed-JSON scenarios); an object is serialised.
    const core::Json& req = s["request"];
    const std::string request = req.is_string() ? req.get<std::string>() : core::DumpJson(req);
    // The scenario's policy: default.json with the scenario's top-level keys replaced.
    core::Policy scenario_policy;
    if (s.contains("policy")) {
      if (!s["policy"].is_object()) {
        std::cerr << name << ": policy must be an object of default.json keys\n";
        return 1;
      }
      core::Json doc = *policy_doc;
      for (auto it = s["policy"].begin(); it != s["policy"].end(); ++it) doc[it.key()] = it.value();
      core::StatusOr<core::Policy> changed = core::PolicyFromJson(doc);
      if (!changed.ok()) {
        std::cerr << name << ": policy: " << changed.status().ToString() << "\n";
        return 1;
      }
      scenario_policy = std::move(changed).value();
    }
    const core::Policy& pol = s.contains("policy") ? scenario_policy : *policy;
    std::string out;
    if (kind == "admission") {
      out = core::EvaluateAdmissionJson(request, tables, pol);
    } else if (kind == "goods") {
      out = core::EvaluateGoodsJson(request, tables, pol);
    } else if (kind == "identifier") {
      out = core::CheckIdentifierJson(request, tables, pol);
    } else if (kind == "tax") {
      out = core::ComputeTaxJson(request, tables);
    } else if (kind == "quota") {
      out = core::CheckQuotaJson(request, tables, pol);
    } else if (kind == "reconcile") {
      out = core::ReconcileJson(request, tables);
    } else if (kind == "ledger_balances") {
      out = core::LedgerBalancesJson(request);
    } else if (kind == "ledger_trace") {
      out = core::LedgerTraceJson(request);
    } else if (kind == "ledger_whatif") {
      out = core::LedgerWhatIfJson(request);
    } else if (kind == "gate") {
      out = core::GateCheckJson(request, pol);
    } else if (kind == "promotion_check") {
      out = core::PromotionCheckJson(request, pol);
    } else if (kind == "promotion_summary") {
      out = core::PromotionSummaryJson(request);
    } else if (kind == "rule_validate") {
      out = core::ValidateRuleJson(request, pol);
    } else if (kind == "route") {
      out = core::RouteJson(request, pol);
    } else if (kind == "preview") {
      out = core::PreviewRuleJson(request, pol);
    } else if (kind == "draw") {
      out = core::DrawInspectorsJson(request);
    } else if (kind == "draw_targets") {
      out = core::DrawTargetsJson(request);
    } else if (kind == "credit") {
      out = core::AssessCreditJson(request, pol);
    } else {
      std::cerr << name << ": unknown kind " << kind << "\n";
      return 1;
    }
    std::cout << name << "\t" << out << "\n";
    if (!check) continue;

    core::StatusOr<core::Json> verdict = core::ParseJson(out);
    if (!verdict.ok()) {
      std::cerr << name << ": output is not JSON\n";
      ++failures;
      continue;
    }
    const std::string outcome = OutcomeOf(*verdict);
    if (!s.contains("expect_outcome") || !s["expect_outcome"].is_string()) {
      std::cerr << name << ": no expect_outcome\n";
      ++failures;
    } else if (s["expect_outcome"].get<std::string>() != outcome) {
      std::cerr << name << ": expected outcome " << s["expect_outcome"].get<std::string>()
                << ", got " << outcome << "\n";
      ++failures;
    }
    if (kind == "credit") failures += CheckCredit(name, s, *verdict);
    const std::set<std::string> codes = CodesOf(*verdict);
    if (s.contains("expect_codes") && s["expect_codes"].is_array()) {
      for (const core::Json& c : s["expect_codes"]) {
        if (!c.is_string() || codes.count(c.get<std::string>()) == 0) {
          std::cerr << name << ": expected finding " << core::DumpJson(c) << " is missing\n";
          ++failures;
        }
      }
      // A scenario that expects no findings at all says so with an empty list and outcome
      // admitted/eligible/valid: then any warning is a failure too.
      if (s["expect_codes"].empty() &&
          (outcome == "admitted" || outcome == "eligible" || outcome == "valid" ||
           outcome == "computed" || outcome == "cbec" || outcome == "consistent" ||
           outcome == "restored" || CleanLedgerOutcome(kind, outcome))) {
        for (const core::Json& f : (*verdict)["findings"]) {
          if (f["severity"] != "info") {
            std::cerr << name << ": unexpected finding " << core::DumpJson(f["code"]) << "\n";
            ++failures;
          }
        }
      }
    }
  }
  std::cout.flush();
  if (failures > 0) {
    std::cerr << failures << " scenario expectation(s) failed\n";
    return 1;
  }
  return 0;
}
