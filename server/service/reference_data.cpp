// Reference lists and policy: parse with the core, seed from bundled files, store versions.
#include "service/reference_data.h"

#include "audit/audit_log.h"
#include "common/clock.h"
#include "common/crypto.h"
#include "common/files.h"
#include "common/json_text.h"
#include "core/ids.h"

namespace server {

namespace {
constexpr size_t kMaxVersionBytes = 100;

core::Status CheckVersion(std::string_view version) {
  if (version.empty()) return core::InvalidArgumentError("field 'version' is required");
  if (version.size() > kMaxVersionBytes) {
    return core::InvalidArgumentError("field 'version' is longer than 100 bytes");
  }
  for (char c : version) {
    if (static_cast<unsigned char>(c) < 0x20 || c == 0x7f) {
      return core::InvalidArgumentError("field 'version' contains control characters");
    }
  }
  return core::OkStatus();
}

template <typename T>
core::StatusOr<int64_t> Assign(core::StatusOr<T> parsed, T& into) {
  if (!parsed.ok()) return parsed.status();
  into = std::move(parsed).value();
  return static_cast<int64_t>(into.size());
}

core::Status Prefix(const core::Status& st, std::string_view name) {
  return core::Status(st.code(), "list " + std::string(name) + ": " + st.message());
}
}  // namespace

const std::vector<ListSpec>& ListSpecs() {
  static const std::vector<ListSpec> kSpecs = {
      {"divisions", "reference/gbt2260/divisions_history.csv"},
      {"hs8", "reference/hs8-commodity-codes/hs8_years_2015_2023.csv"},
      {"positive_list", "lists/positive_list.csv"},
      {"controls", "lists/controls.csv"},
      {"high_risk", "lists/high_risk.csv"},
      {"countries", "reference/customs-country-codes/countries.csv"},
      {"tax_rates", "tax/rates.csv"},
  };
  return kSpecs;
}

bool IsListName(std::string_view name) {
  for (const ListSpec& s : ListSpecs()) {
    if (s.name == name) return true;
  }
  return false;
}

core::Json ReferenceData::PolicyDocument() const { return JsonOrNull(policy_record.document); }

core::StatusOr<int64_t> ParseListInto(std::string_view name, std::string_view csv,
                                      core::ReferenceTables& t) {
  core::StatusOr<int64_t> rows =
      core::InvalidArgumentError("unknown list '" + std::string(name) + "'");
  if (name == "divisions") {
    rows = Assign(core::DivisionTable::FromHistoryCsv(csv), t.divisions);
  } else if (name == "hs8") {
    rows = Assign(core::Hs8Catalog::FromYearsCsv(csv), t.hs8);
  } else if (name == "positive_list") {
    rows = Assign(core::PositiveList::FromCsv(csv), t.positive_list);
  } else if (name == "controls") {
    rows = Assign(core::ControlList::FromCsv(csv), t.controls);
  } else if (name == "high_risk") {
    rows = Assign(core::HighRiskList::FromCsv(csv), t.high_risk);
  } else if (name == "countries") {
    rows = Assign(core::CountryTable::FromCsv(csv), t.countries);
  } else if (name == "tax_rates") {
    rows = Assign(core::TaxRateTable::FromCsv(csv), t.tax_rates);
  }
  if (!rows.ok()) return core::InvalidArgumentError(rows.status().message());
  if (*rows == 0) return core::InvalidArgumentError("the list has no rows");
  return rows;
}

std::string SelfDeclaredVersion(std::string_view name, std::string_view csv) {
  if (name != "positive_list" && name != "tax_rates") return "";
  core::ReferenceTables scratch;
  if (!ParseListInto(name, csv, scratch).ok()) return "";
  std::string v =
      name == "tax_rates" ? scratch.tax_rates.version() : scratch.positive_list.version();
  // "2022-subset-1 (SUBSET: 47 of ...)" -> "2022-subset-1".
  if (size_t paren = v.find(" ("); paren != std::string::npos) v.resize(paren);
  while (!v.empty() && (v.back() == ' ' || v.back() == '\t')) v.pop_back();
  return CheckVersion(v).ok() ? v : "";
}

core::StatusOr<core::Policy> ParsePolicyDocument(const core::Json& doc) {
  if (!doc.is_object()) return core::InvalidArgumentError("the policy must be a JSON object");
  core::StatusOr<core::Policy> policy = core::PolicyFromJson(doc);
  if (!policy.ok()) return core::InvalidArgumentError(policy.status().message());
  CORE_RETURN_IF_ERROR(CheckVersion(policy->version));
  return policy;
}

core::StatusOr<ListVersionRecord> StoreListVersion(Db& db, const Actor& actor,
                                                   std::string_view name, std::string_view version,
                                                   std::string_view csv, int64_t now) {
  if (!IsListName(name)) return core::NotFoundError("no list named '" + std::string(name) + "'");
  CORE_RETURN_IF_ERROR(CheckVersion(version));
  if (csv.size() > kMaxListBytes) return core::InvalidArgumentError("field 'csv' is too large");
  core::ReferenceTables scratch;
  core::StatusOr<int64_t> rows = ParseListInto(name, csv, scratch);
  if (!rows.ok()) return Prefix(rows.status(), name);
  ListVersionRecord r;
  r.name = std::string(name);
  r.version = std::string(version);
  r.content = std::string(csv);
  r.sha256 = Sha256Hex(csv);
  r.rows = *rows;
  r.loaded_by = actor.name;
  r.loaded_at = FormatUtcIso(now);
  CORE_ASSIGN_OR_RETURN(r.id, InsertListVersion(db, r));
  core::Json detail = {{"version", r.version}, {"sha256", r.sha256}, {"rows", r.rows}};
  CORE_RETURN_IF_ERROR(AppendAudit(db, actor, "list.replace", "list", r.name, detail, now));
  return r;
}

core::StatusOr<PolicyVersionRecord> StorePolicyVersion(Db& db, const Actor& actor,
                                                       const core::Json& doc, int64_t now) {
  CORE_ASSIGN_OR_RETURN(core::Policy policy, ParsePolicyDocument(doc));
  PolicyVersionRecord r;
  r.version = policy.version;
  r.document = core::DumpJson(doc);
  r.sha256 = Sha256Hex(r.document);
  r.loaded_by = actor.name;
  r.loaded_at = FormatUtcIso(now);
  CORE_ASSIGN_OR_RETURN(r.id, InsertPolicyVersion(db, r));
  core::Json detail = {{"version", r.version},
                       {"sha256", r.sha256},
                       {"effective_date", policy.effective_date.ToIso()}};
  CORE_RETURN_IF_ERROR(AppendAudit(db, actor, "policy.replace", "policy", r.version, detail, now));
  return r;
}

core::Status SeedReferenceData(Db& db, const std::string& data_dir, int64_t now) {
  Transaction tx(db);
  CORE_RETURN_IF_ERROR(tx.Begin());
  Actor system = Actor::System();
  for (const ListSpec& spec : ListSpecs()) {
    CORE_ASSIGN_OR_RETURN(std::optional<ListVersionRecord> current, CurrentList(db, spec.name));
    if (current) continue;
    std::string path = JoinPath(data_dir, std::string(spec.bundled_path));
    CORE_ASSIGN_OR_RETURN(std::string csv, ReadFile(path));
    std::string version = SelfDeclaredVersion(spec.name, csv);
    if (version.empty()) version = "bundled-" + Sha256Hex(csv).substr(0, 12);
    core::StatusOr<ListVersionRecord> stored =
        StoreListVersion(db, system, spec.name, version, csv, now);
    if (!stored.ok()) {
      return core::Status(stored.status().code(), path + ": " + stored.status().message());
    }
  }
  CORE_ASSIGN_OR_RETURN(std::optional<PolicyVersionRecord> policy, CurrentPolicy(db));
  if (!policy) {
    std::string path = JoinPath(data_dir, std::string(kBundledPolicyPath));
    CORE_ASSIGN_OR_RETURN(std::string text, ReadFile(path));
    core::StatusOr<core::Json> doc = core::ParseJson(text);
    if (!doc.ok()) return core::InvalidArgumentError(path + ": " + doc.status().message());
    core::StatusOr<PolicyVersionRecord> stored = StorePolicyVersion(db, system, *doc, now);
    if (!stored.ok()) {
      return core::Status(stored.status().code(), path + ": " + stored.status().message());
    }
  }
  return tx.Commit();
}

core::StatusOr<std::shared_ptr<const ReferenceData>> LoadReferenceData(Db& db) {
  auto data = std::make_shared<ReferenceData>();
  for (const ListSpec& spec : ListSpecs()) {
    CORE_ASSIGN_OR_RETURN(std::optional<ListVersionRecord> current, CurrentList(db, spec.name));
    if (!current) {
      return core::FailedPreconditionError("list " + std::string(spec.name) + " was never loaded");
    }
    core::StatusOr<int64_t> rows = ParseListInto(spec.name, current->content, data->tables);
    if (!rows.ok()) {
      return core::InternalError("stored list " + std::string(spec.name) + " version " +
                                 current->version +
                                 " no longer parses: " + rows.status().message());
    }
    data->lists[current->name] = *std::move(current);
  }
  CORE_ASSIGN_OR_RETURN(std::optional<PolicyVersionRecord> policy, CurrentPolicy(db));
  if (!policy) return core::FailedPreconditionError("no policy was ever loaded");
  core::StatusOr<core::Json> doc = core::ParseJson(policy->document);
  if (!doc.ok()) return core::InternalError("stored policy is not JSON");
  core::StatusOr<core::Policy> parsed = ParsePolicyDocument(*doc);
  if (!parsed.ok()) {
    return core::InternalError("stored policy no longer parses: " + parsed.status().message());
  }
  data->policy = *std::move(parsed);
  data->policy_record = *std::move(policy);
  return std::shared_ptr<const ReferenceData>(std::move(data));
}

core::StatusOr<std::shared_ptr<const ReferenceData>> WithList(const ReferenceData& base,
                                                              const ListVersionRecord& list) {
  auto data = std::make_shared<ReferenceData>(base);
  CORE_RETURN_IF_ERROR(ParseListInto(list.name, list.content, data->tables).status());
  data->lists[list.name] = list;
  return std::shared_ptr<const ReferenceData>(std::move(data));
}

core::StatusOr<std::shared_ptr<const ReferenceData>> WithPolicy(const ReferenceData& base,
                                                                const PolicyVersionRecord& p) {
  auto data = std::make_shared<ReferenceData>(base);
  core::StatusOr<core::Json> doc = core::ParseJson(p.document);
  if (!doc.ok()) return doc.status();
  CORE_ASSIGN_OR_RETURN(data->policy, ParsePolicyDocument(*doc));
  data->policy_record = p;
  return std::shared_ptr<const ReferenceData>(std::move(data));
}

}  // namespace server
