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
  std::string country;  // customs 3-digit country code, overseas enterprises
  std::vector<std::string> roles;
  std::vector<Qualification> qualifications;
  std::vector<std::string> shop_urls;
};

struct ChecklistItem {
  // In this order: "name", "uscc", "country" (overseas only), "customs_code", "roles", one
  // "qualification:<type>" per required type (role order), then per other submitted type, "shops".
  std::string item;
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
// types, unknown role or qualification type ids, malformed dates (YYYY-MM-DD only), strings over
// 200 characters (shop URLs 500), or more than 20 qualifications or shop URLs. Missing values
// parse as empty: the evaluation reports them. Unknown keys are ignored.
StatusOr<EnterpriseApplication> ApplicationFromJson(const Json& obj);
Json ApplicationToJson(const EnterpriseApplication& app);

// Checks the application on decision_date against policy.admission and the tables (divisions for
// USCC and customs-code regions, countries for overseas enterprises). Never fails: every problem
// is a finding. Codes: NAME_MISSING, USCC_MISSING (domestic only) and the CheckUscc codes,
// COUNTRY_MISSING / COUNTRY_UNKNOWN (overseas), CUSTOMS_CODE_MISSING and the CheckCustomsCode
// codes, ROLES_MISSING, ROLE_DUPLICATE, QUAL_MISSING, QUAL_DUPLICATE (warning),
// QUAL_NUMBER_MISSING, QUAL_ISSUER_MISSING, QUAL_DATE_ORDER, QUAL_NOT_YET_VALID, QUAL_EXPIRED,
// QUAL_EXPIRING (warning; valid_to within expiry_warning_days, the decision day included),
// QUAL_AGENT_USCC_MISSING, SHOP_MISSING, SHOP_URL_INVALID, SHOP_URL_DUPLICATE (warning), and
// LIST_NOT_LOADED / POLICY_NOT_LOADED (warnings) when a table or the policy is empty.
AdmissionVerdict EvaluateAdmission(const EnterpriseApplication& app, const Date& decision_date,
                                   const ReferenceTables& tables, const Policy& policy);
// {"outcome", "decision_date", "policy_version", "checklist": [{"item", "label_zh", "label_en",
// "status", "findings"}], "findings"}.
Json AdmissionVerdictToJson(const AdmissionVerdict& verdict);

}  // namespace core
