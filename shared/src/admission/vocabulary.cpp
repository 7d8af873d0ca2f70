// Role and qualification-type ids with their names; real country codes. Pure.
#include "vocabulary.h"

namespace core::internal {
namespace {

constexpr Term kRoles[] = {
    {"ecommerce", "跨境电商企业", "cross-border e-commerce enterprise"},
    {"platform", "跨境电商平台企业", "cross-border e-commerce platform"},
    {"payment", "支付企业", "payment enterprise"},
    {"logistics", "物流企业", "logistics enterprise"},
};

constexpr Term kQualificationTypes[] = {
    {"business_licence", "营业执照", "business licence"},
    {"icp_filing", "ICP备案", "ICP filing"},
    {"payment_licence", "支付业务许可证", "payment business licence"},
    {"express_licence", "快递业务经营许可证", "express delivery business licence"},
    {"domestic_agent", "境内代理人委托", "domestic agent appointment"},
};

template <size_t N>
const Term* FindIn(const Term (&terms)[N], std::string_view id) {
  for (const Term& t : terms) {
    if (t.id == id) return &t;
  }
  return nullptr;
}

}  // namespace

const Term* FindRole(std::string_view id) { return FindIn(kRoles, id); }
const Term* FindQualificationType(std::string_view id) { return FindIn(kQualificationTypes, id); }

bool IsRealCountry(const CountryTable& countries, std::string_view code3) {
  if (code3 == "701" || code3 == "999") return false;
  return countries.Contains(code3);
}

}  // namespace core::internal
