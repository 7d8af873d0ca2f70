// 10-digit commodity code check (DOMAIN §4.4): layout, then the 8-digit tariff line against the
// customs catalogue and the year it is declared in. Pure.
#include <algorithm>
#include <string>
#include <utility>

#include "core/catalog.h"
#include "core/ids.h"
#include "id_check_util.h"
#include "internal/text_fields.h"

namespace core {
namespace {

using internal::AddFinding;
using internal::IsAsciiDigits;

// People paste codes in the forms they meet elsewhere; say which one and what to do with it.
std::pair<std::string, std::string> FormatProblem(std::string_view s) {
  const std::string n = std::to_string(internal::Utf8Length(s));
  if (s.find_first_of(". ") != std::string_view::npos) {
    return {"商品编码只填 10 位数字，不要带点或空格",
            "Enter the commodity code as 10 digits, without dots or spaces"};
  }
  if (!IsAsciiDigits(s)) {
    return {"商品编码只能由数字组成（10 位）", "A commodity code holds 10 digits only"};
  }
  if (s.size() == 8) {
    return {"这是 8 位税则号列；商品编码应为 10 位，请补上 2 位附加编号（无细分时通常为 00）",
            "This is an 8-digit tariff line; the commodity code has 10 digits: add the two "
            "supplementary digits (usually 00 when the line is not split)"};
  }
  if (s.size() == 13) {
    const std::string first10(s.substr(0, 10));
    return {"这是报关单使用的 13 位编码（10 位商品编码 + 3 位检验检疫编码），此处只填前 10 位：" +
                first10,
            "This is the 13-digit declaration code (10-digit commodity code + 3 CIQ digits); "
            "enter only the first 10: " +
                first10};
  }
  return {"商品编码应为 10 位数字，实为 " + n + " 位",
          "A commodity code has 10 digits, this one has " + n};
}

std::string YearsText(const Hs8Catalog::Entry& e, std::string_view joiner) {
  if (e.years_present.empty()) {
    if (e.first_year == e.last_year) return std::to_string(e.first_year);
    return std::to_string(e.first_year) + "–" + std::to_string(e.last_year);
  }
  std::string text;
  for (int y : e.years_present) {
    if (!text.empty()) text += joiner;
    text += std::to_string(y);
  }
  return text;
}

}  // namespace

IdCheck CheckCommodityCode(std::string_view code10, const Hs8Catalog* catalog, int year) {
  IdCheck out;
  out.normalized = std::string(internal::TrimAscii(code10));
  const std::string& s = out.normalized;
  if (s.size() != 10 || !IsAsciiDigits(s)) {
    auto [zh, en] = FormatProblem(s);
    AddFinding(out, "HS_FORMAT", Severity::kError, "", std::move(zh), std::move(en));
    return internal::Finish(std::move(out));
  }
  const std::string code8 = s.substr(0, 8);
  out.details["code8"] = code8;
  if (catalog == nullptr || catalog->size() == 0) {
    AddFinding(out, "HS_NOT_CHECKED", Severity::kWarning, "",
               "未加载海关商品目录，税号 " + code8 + " 是否存在未核对",
               "The commodity catalogue is not loaded: tariff line " + code8 + " was not checked");
    return internal::Finish(std::move(out));
  }
  const Hs8Catalog::Entry* entry = catalog->Find(code8);
  if (entry == nullptr) {
    const std::string span = std::to_string(catalog->first_catalog_year()) + "–" +
                             std::to_string(catalog->last_catalog_year());
    AddFinding(out, "HS_UNKNOWN", Severity::kError, "",
               "税号 " + code8 + " 不在海关商品目录中（" + span + " 年各版均未列出）",
               "Tariff line " + code8 + " is not in the customs commodity catalogue (no edition " +
                   span + " lists it)");
    return internal::Finish(std::move(out));
  }
  out.details["name_zh"] = entry->name_zh;
  out.details["name_en"] = entry->name_en;
  if (year <= 0) year = catalog->last_catalog_year();
  if (!catalog->ListedIn(code8, year)) {
    // A code the year's catalogue lacks is only a warning: real declarations (the official 2022
    // CEB621 sample among them) keep using codes retired shortly before.
    const int used = std::clamp(year, catalog->first_catalog_year(), catalog->last_catalog_year());
    std::string zh = "税号 " + code8 + " 未列入 " + std::to_string(used) +
                     " 年海关商品目录（列于 " + YearsText(*entry, "、") + " 年）";
    std::string en = "Tariff line " + code8 + " is not in the " + std::to_string(used) +
                     " customs catalogue (listed in " + YearsText(*entry, ", ") + ")";
    if (used != year) {
      zh += "；" + std::to_string(year) + " 年按 " + std::to_string(used) + " 年目录核对";
      en += "; " + std::to_string(year) + " was checked against the " + std::to_string(used) +
            " catalogue";
    }
    AddFinding(out, "HS_NOT_LISTED_IN_YEAR", Severity::kWarning, "", std::move(zh), std::move(en));
  }
  return internal::Finish(std::move(out));
}

}  // namespace core
