// Resident ID check (GB 11643-1999, DOMAIN §4.1): layout, ISO 7064 MOD 11-2 check character,
// birth date, GB/T 2260 address code; the 15-digit pre-1999 form is recognised. Pure.
#include <optional>
#include <string>
#include <utility>

#include "core/ids.h"
#include "id_check_util.h"
#include "internal/text_fields.h"

namespace core {
namespace {

using internal::AddFinding;
using internal::IsAsciiDigits;

constexpr int kWeights[17] = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
constexpr std::string_view kCheckChars = "10X98765432";

// Residence permits for Taiwan residents use 830000, which GB/T 2260 never listed (Taiwan is
// 710000 there); 810000 / 820000 for Hong Kong / Macao are ordinary table entries.
constexpr std::string_view kTaiwanPermitPrefix = "830000";

// The check character for the first 17 digits.
char Mod112Check(std::string_view first17) {
  int sum = 0;
  for (size_t i = 0; i < 17; ++i) sum += (first17[i] - '0') * kWeights[i];
  return kCheckChars[static_cast<size_t>(sum % 11)];
}

int Digits(std::string_view s) {
  int v = 0;
  for (char c : s) v = v * 10 + (c - '0');
  return v;
}

std::string FormatMessageZh(std::string_view s) {
  for (char c : s) {
    if (!(c >= '0' && c <= '9') && c != 'X') return "身份证号码只能由数字组成，末位可以是 X";
  }
  if (s.size() != 18 && s.size() != 15) {
    return "身份证号码应为 18 位（旧式号码 15 位），实为 " + std::to_string(s.size()) + " 位";
  }
  return "身份证号码只有第 18 位（校验码）可以是 X";
}

std::string FormatMessageEn(std::string_view s) {
  for (char c : s) {
    if (!(c >= '0' && c <= '9') && c != 'X') {
      return "A resident ID holds digits only, with X allowed as the last character";
    }
  }
  if (s.size() != 18 && s.size() != 15) {
    return "A resident ID has 18 characters (15 for the old form), this one has " +
           std::to_string(s.size());
  }
  return "Only the 18th character (the check character) may be X";
}

// Birth date as 8 digits YYYYMMDD. Any real calendar date is accepted, even 19th-century ones
// such as DOMAIN's 440524188001010014 vector: the standard sets no lower bound, and an officer
// is better served by a valid-but-odd date than by a refusal the law does not back.
void CheckBirth(std::string_view yyyymmdd, std::optional<Date> today, IdCheck& out) {
  StatusOr<Date> birth = Date::FromYmd(Digits(yyyymmdd.substr(0, 4)), Digits(yyyymmdd.substr(4, 2)),
                                       Digits(yyyymmdd.substr(6, 2)));
  if (!birth.ok()) {
    AddFinding(out, "ID_BIRTH_DATE", Severity::kError, "birth_date",
               "出生日期 " + std::string(yyyymmdd) + " 不是真实存在的日期",
               "Birth date " + std::string(yyyymmdd) + " is not a real calendar date");
    return;
  }
  out.details["birth_date"] = birth->ToIso();
  if (today && *birth > *today) {
    AddFinding(out, "ID_BIRTH_FUTURE", Severity::kError, "birth_date",
               "出生日期 " + birth->ToIso() + " 晚于今天（" + today->ToIso() + "）",
               "Birth date " + birth->ToIso() + " is after today (" + today->ToIso() + ")");
  }
}

// The address code must have been listed in some year: the number keeps the code of the place
// that issued it, however the division changed later (DOMAIN §7b).
void CheckAddress(std::string_view code6, const DivisionTable* divisions, IdCheck& out) {
  out.details["address_code"] = std::string(code6);
  if (code6 == kTaiwanPermitPrefix) {
    out.details["region"] = "台湾地区（港澳台居民居住证）";
    return;
  }
  if (!internal::DivisionsLoaded(divisions)) {
    AddFinding(out, "ID_ADDRESS_NOT_CHECKED", Severity::kWarning, "address_code",
               "未加载行政区划代码表（GB/T 2260），地址码 " + std::string(code6) + " 未核对",
               "The GB/T 2260 division table is not loaded: address code " + std::string(code6) +
                   " was not checked");
    return;
  }
  if (!divisions->EverListed(code6)) {
    AddFinding(out, "ID_ADDRESS_UNKNOWN", Severity::kError, "address_code",
               "地址码 " + std::string(code6) + " 在 GB/T 2260 历年行政区划代码中都不存在",
               "Address code " + std::string(code6) +
                   " was never listed in GB/T 2260 (any year since 1981)");
    return;
  }
  out.details["region"] = divisions->FullName(code6);
}

void SetSex(char sequence_last_digit, IdCheck& out) {
  out.details["sex"] = ((sequence_last_digit - '0') % 2 == 1) ? "male" : "female";
}

IdCheck CheckLegacy15(IdCheck out, const DivisionTable* divisions, std::optional<Date> today) {
  const std::string& s = out.normalized;
  const std::string birth = "19" + s.substr(6, 6);
  CheckBirth(birth, today, out);
  CheckAddress(std::string_view(s).substr(0, 6), divisions, out);
  SetSex(s[14], out);
  if (out.details.count("birth_date") != 0) {
    // The 18-digit number the holder was (or will be) re-issued: century inserted, check added.
    std::string id18 = s.substr(0, 6) + birth + s.substr(12, 3);
    id18.push_back(Mod112Check(id18));
    out.details["id18"] = id18;
    AddFinding(out, "ID_LEGACY_15", Severity::kWarning, "",
               "这是 15 位旧式身份证号码（1999 年前签发），已停止使用；对应的 18 位号码为 " + id18 +
                   "，请核对持证人是否已换领新证",
               "This is a 15-digit legacy ID (issued before 1999, no longer in use); the "
               "matching 18-digit number is " +
                   id18 + ": check that the holder has a current card");
  }
  return internal::Finish(std::move(out));
}

}  // namespace

IdCheck CheckResidentId(std::string_view id, const DivisionTable* divisions,
                        std::optional<Date> today) {
  IdCheck out;
  out.normalized = internal::ToUpperAscii(internal::TrimAscii(id));
  const std::string& s = out.normalized;
  if (s.size() == 15 && IsAsciiDigits(s)) return CheckLegacy15(std::move(out), divisions, today);
  const bool layout_ok = s.size() == 18 && IsAsciiDigits(std::string_view(s).substr(0, 17)) &&
                         ((s[17] >= '0' && s[17] <= '9') || s[17] == 'X');
  if (!layout_ok) {
    AddFinding(out, "ID_FORMAT", Severity::kError, "", FormatMessageZh(s), FormatMessageEn(s));
    return internal::Finish(std::move(out));
  }
  const char expected = Mod112Check(s);
  if (s[17] != expected) {
    out.details["expected_check"] = std::string(1, expected);
    AddFinding(out, "ID_CHECKSUM", Severity::kError, "check",
               std::string("校验码错误：应为 ") + expected + "，实为 " + s[17],
               std::string("Wrong check character: expected ") + expected + ", found " + s[17]);
  }
  CheckBirth(std::string_view(s).substr(6, 8), today, out);
  CheckAddress(std::string_view(s).substr(0, 6), divisions, out);
  SetSex(s[16], out);
  return internal::Finish(std::move(out));
}

}  // namespace core
