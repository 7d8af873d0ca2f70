// Customs registration code check (海关注册编码, DOMAIN §4.3): ten characters with no check digit;
// region, economic zone and enterprise type decoded. Pure.
#include <string>
#include <utility>

#include "core/ids.h"
#include "id_check_util.h"
#include "internal/text_fields.h"

namespace core {
namespace {

using internal::AddFinding;
using internal::IsAsciiDigits;

struct Named {
  char code;
  const char* name;
};

// Position 5. "6 = comprehensive bonded zone" appears in some sources but is unverified, so it
// is not decoded (DOMAIN §4.3).
constexpr Named kZones[] = {
    {'1', "经济特区"},           {'2', "经济技术开发区（含上海浦东新区、海南洋浦经济开发区）"},
    {'3', "高新技术产业开发区"}, {'4', "保税区"},
    {'5', "出口加工区"},         {'9', "其他"},
};

// Position 6.
constexpr Named kEnterpriseTypes[] = {
    {'1', "国有企业"},     {'2', "中外合作企业"},
    {'3', "中外合资企业"}, {'4', "外商独资企业"},
    {'5', "集体企业"},     {'6', "私营企业"},
    {'7', "个体工商户"},   {'8', "有报关权而无进出口经营权的企业"},
    {'9', "其他"},
};

template <size_t N>
const char* Lookup(const Named (&table)[N], char c) {
  for (const Named& n : table) {
    if (n.code == c) return n.name;
  }
  return nullptr;
}

bool LayoutOk(std::string_view s) {
  if (s.size() != 10) return false;
  for (char c : s) {
    if (!((c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z'))) return false;
  }
  return true;
}

// Positions 1-2 are a province; 3-4 a city, but customs numbers cities its own way (the public
// sample 33169667BG has 3316, no GB/T 2260 prefecture), so only the province is checked.
void CheckRegion(std::string_view region4, const DivisionTable* divisions, IdCheck& out) {
  out.details["region_code"] = std::string(region4);
  const std::string_view province2 = region4.substr(0, 2);
  if (!IsAsciiDigits(province2) || !internal::DivisionsLoaded(divisions)) return;
  const std::string province6 = std::string(province2) + "0000";
  if (!divisions->EverListed(province6)) {
    AddFinding(
        out, "CUSTOMS_CODE_REGION", Severity::kWarning, "region_code",
        "前 2 位“" + std::string(province2) + "”不是 GB/T 2260 中的省级行政区划代码",
        "Positions 1-2 ('" + std::string(province2) + "') are not a GB/T 2260 province code");
    return;
  }
  std::string region = divisions->FullName(province6);
  if (IsAsciiDigits(region4)) {
    const std::string city6 = std::string(region4) + "00";
    if (city6 != province6 && divisions->EverListed(city6)) region = divisions->FullName(city6);
  }
  out.details["region"] = region;
}

}  // namespace

IdCheck CheckCustomsCode(std::string_view code, const DivisionTable* divisions) {
  IdCheck out;
  out.normalized = internal::ToUpperAscii(internal::TrimAscii(code));
  const std::string& s = out.normalized;
  if (!LayoutOk(s)) {
    const bool length_ok = s.size() == 10;
    AddFinding(out, "CUSTOMS_CODE_FORMAT", Severity::kError, "",
               "海关注册编码应为 10 位数字或大写字母" +
                   (length_ok ? std::string("，其中含有其他字符")
                              : "，实为 " + std::to_string(internal::Utf8Length(s)) + " 个字符"),
               "A customs registration code has 10 digits or capital letters" +
                   (length_ok ? std::string("; this one holds other characters")
                              : "; this one has " + std::to_string(internal::Utf8Length(s)) +
                                    " characters"));
    return internal::Finish(std::move(out));
  }
  CheckRegion(std::string_view(s).substr(0, 4), divisions, out);
  out.details["zone"] = std::string(1, s[4]);
  if (const char* name = Lookup(kZones, s[4])) out.details["zone_name"] = name;
  out.details["enterprise_type"] = std::string(1, s[5]);
  if (const char* name = Lookup(kEnterpriseTypes, s[5])) {
    out.details["enterprise_type_name"] = name;
  }
  return internal::Finish(std::move(out));
}

}  // namespace core
