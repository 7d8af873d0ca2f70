// Enterprise admission: evaluates an application against the policy's role requirements and
// the reference tables on a decision date, producing a fixed-order checklist. Pure.
#include "core/admission.h"

#include <algorithm>
#include <set>

#include "../api/field_reader.h"
#include "internal/text_fields.h"
#include "shop_url.h"
#include "vocabulary.h"

namespace core {
namespace {

using internal::FindQualificationType;
using internal::FindRole;
using internal::IndexPath;

std::string RoleZh(std::string_view id) {
  const internal::Term* t = FindRole(id);
  return t ? std::string(t->name_zh) : std::string(id);
}
std::string RoleEn(std::string_view id) {
  const internal::Term* t = FindRole(id);
  return t ? std::string(t->name_en) : std::string(id);
}
std::string QualZh(std::string_view id) {
  const internal::Term* t = FindQualificationType(id);
  return t ? std::string(t->name_zh) : std::string(id);
}
std::string QualEn(std::string_view id) {
  const internal::Term* t = FindQualificationType(id);
  return t ? std::string(t->name_en) : std::string(id);
}

// "a、b" / "a, b".
std::string JoinRoles(const std::vector<std::string>& roles, bool zh) {
  std::string out;
  for (const std::string& r : roles) {
    if (!out.empty()) out += zh ? "、" : ", ";
    out += zh ? RoleZh(r) : RoleEn(r);
  }
  return out;
}

ChecklistItem MakeItem(std::string item, std::string label_zh, std::string label_en) {
  ChecklistItem c;
  c.item = std::move(item);
  c.label_zh = std::move(label_zh);
  c.label_en = std::move(label_en);
  return c;
}

const DivisionTable* DivisionsOrNull(const ReferenceTables& tables) {
  return tables.divisions.size() > 0 ? &tables.divisions : nullptr;
}

ChecklistItem CheckName(const EnterpriseApplication& app) {
  ChecklistItem item = MakeItem("name", "企业名称", "Enterprise name");
  if (internal::TrimAscii(app.name).empty()) {
    item.findings.push_back(MakeFinding("NAME_MISSING", Severity::kError, "name",
                                        "未填写企业名称。", "The enterprise name is missing."));
  }
  return item;
}

ChecklistItem CheckUsccItem(const EnterpriseApplication& app, const ReferenceTables& tables,
                            const Policy& policy) {
  ChecklistItem item = MakeItem("uscc", "统一社会信用代码", "Unified social credit code");
  if (internal::TrimAscii(app.uscc).empty()) {
    // An overseas enterprise has no Chinese registration; its domestic agent's code is checked
    // with the agent appointment instead.
    if (!app.overseas) {
      item.findings.push_back(MakeFinding("USCC_MISSING", Severity::kError, "uscc",
                                          "境内企业须填写统一社会信用代码。",
                                          "A domestic enterprise must give its USCC."));
    }
    return item;
  }
  IdCheck check = CheckUscc(app.uscc, policy.admission.uscc_mode, DivisionsOrNull(tables));
  AppendFindings(item.findings, check.findings, "uscc");
  // CheckUscc skips the region silently without the table; admission must not pass silently.
  if (DivisionsOrNull(tables) == nullptr) {
    item.findings.push_back(MakeFinding("LIST_NOT_LOADED", Severity::kWarning, "uscc",
                                        "行政区划代码表未加载，登记管理机关行政区划码未核对。",
                                        "The division table is not loaded; the region code was "
                                        "not checked."));
  }
  return item;
}

ChecklistItem CheckCountry(const EnterpriseApplication& app, const ReferenceTables& tables) {
  ChecklistItem item = MakeItem("country", "注册国家（地区）", "Country of registration");
  const std::string_view code = internal::TrimAscii(app.country);
  if (code.empty()) {
    item.findings.push_back(MakeFinding("COUNTRY_MISSING", Severity::kError, "country",
                                        "境外企业须填写注册国家（地区）代码。",
                                        "An overseas enterprise must give its country code."));
  } else if (tables.countries.size() == 0) {
    item.findings.push_back(MakeFinding("LIST_NOT_LOADED", Severity::kWarning, "country",
                                        "国别代码表未加载，注册国家（地区）未核对。",
                                        "The country table is not loaded; the country was not "
                                        "checked."));
  } else if (!internal::IsRealCountry(tables.countries, code)) {
    item.findings.push_back(
        MakeFinding("COUNTRY_UNKNOWN", Severity::kError, "country",
                    "国别代码 " + std::string(code) + " 不在海关国别（地区）代码表中。",
                    "Country code " + std::string(code) + " is not in the customs country table."));
  }
  return item;
}

ChecklistItem CheckCustomsCodeItem(const EnterpriseApplication& app,
                                   const ReferenceTables& tables) {
  ChecklistItem item = MakeItem("customs_code", "海关注册编码", "Customs registration code");
  if (internal::TrimAscii(app.customs_code).empty()) {
    item.findings.push_back(MakeFinding("CUSTOMS_CODE_MISSING", Severity::kError, "customs_code",
                                        "未填写海关注册编码。",
                                        "The customs registration code is missing."));
    return item;
  }
  IdCheck check = CheckCustomsCode(app.customs_code, DivisionsOrNull(tables));
  AppendFindings(item.findings, check.findings, "customs_code");
  return item;
}

ChecklistItem CheckRoles(const EnterpriseApplication& app, const Policy& policy) {
  ChecklistItem item = MakeItem("roles", "企业类型", "Enterprise roles");
  if (policy.version.empty()) {
    item.findings.push_back(MakeFinding("POLICY_NOT_LOADED", Severity::kWarning, "roles",
                                        "监管政策未加载，资质要求未核对。",
                                        "No policy is loaded; qualification requirements were "
                                        "not checked."));
  }
  if (app.roles.empty()) {
    item.findings.push_back(MakeFinding("ROLES_MISSING", Severity::kError, "roles",
                                        "至少选择一种企业类型。",
                                        "Choose at least one enterprise role."));
  }
  std::set<std::string> seen;
  for (size_t i = 0; i < app.roles.size(); ++i) {
    if (!seen.insert(app.roles[i]).second) {
      item.findings.push_back(
          MakeFinding("ROLE_DUPLICATE", Severity::kError, IndexPath("roles", i),
                      "企业类型“" + RoleZh(app.roles[i]) + "”重复。",
                      "The role '" + RoleEn(app.roles[i]) + "' is listed more than once."));
    }
  }
  return item;
}

// Checks of one submitted qualification that do not depend on whether it is required.
void CheckQualification(const Qualification& q, size_t index, const Date& decision_date,
                        const ReferenceTables& tables, const Policy& policy, Findings& out) {
  const std::string path = IndexPath("qualifications", index);
  const std::string zh = QualZh(q.type);
  const std::string en = QualEn(q.type);
  if (internal::TrimAscii(q.number).empty()) {
    out.push_back(MakeFinding("QUAL_NUMBER_MISSING", Severity::kError, path + ".number",
                              zh + "未填写证照编号。", "The " + en + " has no number."));
  }
  if (internal::TrimAscii(q.issuer).empty()) {
    out.push_back(MakeFinding("QUAL_ISSUER_MISSING", Severity::kError, path + ".issuer",
                              zh + "未填写发证机关。", "The " + en + " has no issuing authority."));
  }
  if (q.valid_from && q.valid_to && *q.valid_from > *q.valid_to) {
    out.push_back(MakeFinding("QUAL_DATE_ORDER", Severity::kError, path + ".valid_to",
                              zh + "的有效期截止日早于起始日。",
                              "The " + en + " ends before it starts."));
  }
  if (q.valid_from && *q.valid_from > decision_date) {
    out.push_back(MakeFinding("QUAL_NOT_YET_VALID", Severity::kError, path + ".valid_from",
                              zh + "自 " + q.valid_from->ToIso() + " 起生效，审核日 " +
                                  decision_date.ToIso() + " 尚未生效。",
                              "The " + en + " is valid only from " + q.valid_from->ToIso() +
                                  ", after the decision date " + decision_date.ToIso() + "."));
  }
  if (q.valid_to) {
    // valid_to is inclusive: a licence ending today is still in force today.
    const int64_t days_left = q.valid_to->DaysSinceEpoch() - decision_date.DaysSinceEpoch();
    if (days_left < 0) {
      out.push_back(MakeFinding("QUAL_EXPIRED", Severity::kError, path + ".valid_to",
                                zh + "已于 " + q.valid_to->ToIso() + " 过期。",
                                "The " + en + " expired on " + q.valid_to->ToIso() + "."));
    } else if (days_left <= policy.admission.expiry_warning_days) {
      out.push_back(MakeFinding("QUAL_EXPIRING", Severity::kWarning, path + ".valid_to",
                                zh + "将于 " + q.valid_to->ToIso() + " 到期（剩余 " +
                                    std::to_string(days_left) + " 天），请及时更新。",
                                "The " + en + " expires on " + q.valid_to->ToIso() + " (" +
                                    std::to_string(days_left) + " days left); renew it in time."));
    }
  }
  if (q.type == "domestic_agent") {
    if (internal::TrimAscii(q.agent_uscc).empty()) {
      out.push_back(MakeFinding("QUAL_AGENT_USCC_MISSING", Severity::kError, path + ".agent_uscc",
                                "境内代理人委托须填写代理人的统一社会信用代码。",
                                "The domestic agent appointment must give the agent's USCC."));
    } else {
      IdCheck check = CheckUscc(q.agent_uscc, policy.admission.uscc_mode, DivisionsOrNull(tables));
      AppendFindings(out, check.findings, path + ".agent_uscc");
    }
  }
}

// The qualification types the roles require, in role order then policy order, each with the
// roles that need it.
std::vector<std::pair<std::string, std::vector<std::string>>> RequiredTypes(
    const EnterpriseApplication& app, const Policy& policy) {
  std::vector<std::pair<std::string, std::vector<std::string>>> out;
  std::set<std::string> roles_done;
  for (const std::string& role : app.roles) {
    if (!roles_done.insert(role).second) continue;
    const auto& reqs = policy.admission;
    const std::vector<std::string>* types = nullptr;
    // For an overseas enterprise the overseas list replaces the domestic one for that role.
    if (app.overseas) {
      auto it = reqs.overseas_role_requirements.find(role);
      if (it != reqs.overseas_role_requirements.end()) types = &it->second;
    }
    if (types == nullptr) {
      auto it = reqs.role_requirements.find(role);
      if (it != reqs.role_requirements.end()) types = &it->second;
    }
    if (types == nullptr) continue;
    for (const std::string& type : *types) {
      auto found = std::find_if(out.begin(), out.end(),
                                [&](const auto& entry) { return entry.first == type; });
      if (found == out.end()) {
        out.push_back({type, {role}});
      } else {
        found->second.push_back(role);
      }
    }
  }
  return out;
}

ChecklistItem CheckQualificationType(const EnterpriseApplication& app, const std::string& type,
                                     const std::vector<std::string>& required_by,
                                     const Date& decision_date, const ReferenceTables& tables,
                                     const Policy& policy) {
  ChecklistItem item =
      MakeItem("qualification:" + type, "资质：" + QualZh(type), "Qualification: " + QualEn(type));
  std::vector<size_t> indexes;
  for (size_t i = 0; i < app.qualifications.size(); ++i) {
    if (app.qualifications[i].type == type) indexes.push_back(i);
  }
  if (indexes.empty() && !required_by.empty()) {
    item.findings.push_back(MakeFinding(
        "QUAL_MISSING", Severity::kError, "qualifications",
        JoinRoles(required_by, true) + "须提供" + QualZh(type) + "。",
        "A " + JoinRoles(required_by, false) + " must provide a " + QualEn(type) + "."));
  }
  if (indexes.size() > 1) {
    item.findings.push_back(MakeFinding(
        "QUAL_DUPLICATE", Severity::kWarning, IndexPath("qualifications", indexes[1]),
        QualZh(type) + "提交了 " + std::to_string(indexes.size()) + " 份，请只保留现行有效的一份。",
        std::to_string(indexes.size()) + " copies of the " + QualEn(type) +
            " were submitted; keep only the one in force."));
  }
  for (size_t i : indexes) {
    CheckQualification(app.qualifications[i], i, decision_date, tables, policy, item.findings);
  }
  return item;
}

ChecklistItem CheckShops(const EnterpriseApplication& app, const Policy& policy) {
  ChecklistItem item = MakeItem("shops", "网店地址", "Online shops");
  std::vector<std::string> needing;
  std::set<std::string> roles_done;
  for (const std::string& role : app.roles) {
    if (!roles_done.insert(role).second) continue;
    const auto& required = policy.admission.shop_required_roles;
    if (std::find(required.begin(), required.end(), role) != required.end()) {
      needing.push_back(role);
    }
  }
  if (!needing.empty() && app.shop_urls.empty()) {
    item.findings.push_back(
        MakeFinding("SHOP_MISSING", Severity::kError, "shop_urls",
                    JoinRoles(needing, true) + "须至少填写一个网店地址。",
                    "A " + JoinRoles(needing, false) + " must give at least one shop URL."));
  }
  std::set<std::string> seen;
  for (size_t i = 0; i < app.shop_urls.size(); ++i) {
    const std::string& url = app.shop_urls[i];
    const std::string path = IndexPath("shop_urls", i);
    if (!internal::IsShopUrl(url)) {
      item.findings.push_back(MakeFinding(
          "SHOP_URL_INVALID", Severity::kError, path, "网店地址须为带域名的 http(s) 网址：" + url,
          "A shop URL must be an http(s) address with a host name: " + url));
      continue;
    }
    if (!seen.insert(internal::ShopUrlKey(url)).second) {
      item.findings.push_back(MakeFinding("SHOP_URL_DUPLICATE", Severity::kWarning, path,
                                          "网店地址重复：" + url,
                                          "The shop URL is listed more than once: " + url));
    }
  }
  return item;
}

void SetStatus(ChecklistItem& item) {
  if (HasErrors(item.findings)) {
    item.status = "fail";
  } else if (HasWarnings(item.findings)) {
    item.status = "warn";
  } else {
    item.status = "pass";
  }
}

}  // namespace

AdmissionVerdict EvaluateAdmission(const EnterpriseApplication& app, const Date& decision_date,
                                   const ReferenceTables& tables, const Policy& policy) {
  AdmissionVerdict v;
  v.decision_date = decision_date;
  v.policy_version = policy.version;
  v.checklist.push_back(CheckName(app));
  v.checklist.push_back(CheckUsccItem(app, tables, policy));
  if (app.overseas) v.checklist.push_back(CheckCountry(app, tables));
  v.checklist.push_back(CheckCustomsCodeItem(app, tables));
  v.checklist.push_back(CheckRoles(app, policy));
  auto required = RequiredTypes(app, policy);
  for (const auto& [type, roles] : required) {
    v.checklist.push_back(CheckQualificationType(app, type, roles, decision_date, tables, policy));
  }
  // Submitted qualifications no role requires are still checked: a false or lapsed document is
  // a problem whether or not it was needed.
  for (const Qualification& q : app.qualifications) {
    const std::string key = "qualification:" + q.type;
    bool listed = false;
    for (const ChecklistItem& c : v.checklist) listed = listed || c.item == key;
    if (!listed) {
      v.checklist.push_back(CheckQualificationType(app, q.type, {}, decision_date, tables, policy));
    }
  }
  v.checklist.push_back(CheckShops(app, policy));
  for (ChecklistItem& item : v.checklist) {
    SetStatus(item);
    AppendFindings(v.findings, item.findings);
  }
  v.outcome = HasErrors(v.findings) ? "ineligible" : "eligible";
  return v;
}

Json AdmissionVerdictToJson(const AdmissionVerdict& verdict) {
  Json j = Json::object();
  j["outcome"] = verdict.outcome;
  j["decision_date"] = verdict.decision_date.ToIso();
  j["policy_version"] = verdict.policy_version;
  Json items = Json::array();
  for (const ChecklistItem& c : verdict.checklist) {
    Json ji = Json::object();
    ji["item"] = c.item;
    ji["label_zh"] = c.label_zh;
    ji["label_en"] = c.label_en;
    ji["status"] = c.status;
    ji["findings"] = FindingsToJson(c.findings);
    items.push_back(std::move(ji));
  }
  j["checklist"] = std::move(items);
  j["findings"] = FindingsToJson(verdict.findings);
  return j;
}

}  // namespace core
