// Enterprise admission (事前 企业准入): roles, the qualifications each role needs, identifiers,
// validity dates against the decision date, shop URLs. The result is a checklist of findings.
// Pure.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/catalog.h"
#include "core/date.h"
#include "core/finding.h"
#include "core/json.h"
#include "core/policy.h"

namespace core {

// Role ids: "ecommerce" (电商企业), "platform" (电商平台), "payment" (支付企业),
// "logistics" (物流企业).
// Qualification type ids: "business_licence" (营业执照), "icp_filing" (ICP备案),
// "payment_licence" (支付业务许可证), "express_licence" (快递业务经营许可证),
// "domestic_agent" (境内代理人委托).
struct Qualification {
  std::string type;
  std::string number;
  std::string issuer;
  std::optional<Date> valid_from;
  std::optional<Date> valid_to;  // inclusive; empty = no expiry
  std::string agent_uscc;        // domestic_agent only: the agent's USCC
};

struct EnterpriseApplication {
  std::string name;
  std::string uscc;          // empty allowed only for an overseas enterprise
  std::string customs_code;  // 10 characters
  bool overseas = false;
  std::string country;       // customs 3-digit country code, overseas enterprises
  std::vector<std::string> roles;
  std::vector<Qualification> qualifications;
  std::vector<std::string> shop_urls;
};

struct ChecklistItem {
  std::string item;  // "uscc", "customs_code", "roles", "qualification:business_licence", "shops"
  std::string label_zh;
  std::string label_en;
  std::string status;  // "pass" | "warn" | "fail"
  Findings findings;
};

struct AdmissionVerdict {
  std::string outcome;  // "eligible" (no errors) | "ineligible"
  Date decision_date;
  std::string policy_version;
  std::vector<ChecklistItem> checklist;
  Findings findings;  // every finding of the checklist, in checklist order
};

// Parses an application object (see docs/api.md). InvalidArgument naming the field on wrong
// types, unknown role or qualification type ids, malformed dates, or over-long strings.
StatusOr<EnterpriseApplication> ApplicationFromJson(const Json& obj);
Json ApplicationToJson(const EnterpriseApplication& app);

AdmissionVerdict EvaluateAdmission(const EnterpriseApplication& app, const Date& decision_date,
                                   const ReferenceTables& tables, const Policy& policy);
Json AdmissionVerdictToJson(const AdmissionVerdict& verdict);

}  // namespace core
