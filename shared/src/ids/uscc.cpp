// Unified Social Credit Code check (GB 32100-2015, DOMAIN §4.2): alphabet and layout, the mod-31
// check character, registration authority, division code and the inner GB 11714 organisation
// code check. Pure.
#include <string>
#include <utility>

#include "core/ids.h"
#include "id_check_util.h"
#include "internal/text_fields.h"

namespace core {
namespace {

using internal::AddFinding;

// 31 characters: I, O, Z, S and V are left out so they cannot be misread as 1, 0, 2, 5 and U.
constexpr std::string_view kAlphabet = "0123456789ABCDEFGHJKLMNPQRTUWXY";
// 3^(i-1) mod 31 for positions 1..17.
constexpr int kWeights[17] = {1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28};
// GB 11714 organisation code weights for its first 8 characters.
constexpr int kOrgWeights[8] = {3, 7, 9, 10, 5, 8, 4, 2};
// Codes issued by national-level authorities carry 100000 ("the whole country"), which is no
// GB/T 2260 division.
constexpr std::string_view kNationalRegion = "100000";

int AlphabetValue(char c) {
  const size_t at = kAlphabet.find(c);
  return at == std::string_view::npos ? -1 : static_cast<int>(at);
}

bool IsDigit(char c) { return c >= '0' && c <= '9'; }

struct Named {
  char code;
  const char* name;
};

// Registration authorities (GB 32100-2015 and its amendments adding A and N).
constexpr Named kAuthorities[] = {
    {'1', "机构编制"},
    {'2', "外交"},
    {'3', "司法行政"},
    {'4', "文化"},
    {'5', "民政"},
    {'6', "旅游"},
    {'7', "宗教"},
    {'8', "工会"},
    {'9', "工商（市场监管）"},
    {'A', "中央军委改革和编制办公室"},
    {'N', "农业"},
    {'Y', "其他"},
};

struct OrgTypes {
  char authority;
  Named types[4];
};

// Organisation types for the authorities that issue almost every code in practice; others are
// reported by their raw character only.
constexpr OrgTypes kOrgTypes[] = {
    {'1',
     {{'1', "机关"},
      {'2', "事业单位"},
      {'3', "中央编办直接管理机构编制的群众团体"},
      {'9', "其他"}}},
    {'5', {{'1', "社会团体"}, {'2', "民办非企业单位"}, {'3', "基金会"}, {'9', "其他"}}},
    {'9', {{'1', "企业"}, {'2', "个体工商户"}, {'3', "农民专业合作社"}, {0, nullptr}}},
};

const char* AuthorityName(char c) {
  for (const Named& a : kAuthorities) {
    if (a.code == c) return a.name;
  }
  return nullptr;
}

const char* OrgTypeName(char authority, char type) {
  for (const OrgTypes& group : kOrgTypes) {
    if (group.authority != authority) continue;
    for (const Named& t : group.types) {
      if (t.name != nullptr && t.code == type) return t.name;
    }
  }
  return nullptr;
}

char UsccCheck(std::string_view first17) {
  int sum = 0;
  for (size_t i = 0; i < 17; ++i) sum += AlphabetValue(first17[i]) * kWeights[i];
  return kAlphabet[static_cast<size_t>((31 - sum % 31) % 31)];
}

// GB 11714: letters count 10..35, C = 11 - S mod 11 with 10 -> X and 11 -> 0.
char OrgCodeCheck(std::string_view body8) {
  int sum = 0;
  for (size_t i = 0; i < 8; ++i) {
    const char c = body8[i];
    const int v = IsDigit(c) ? c - '0' : c - 'A' + 10;
    sum += v * kOrgWeights[i];
  }
  const int check = 11 - sum % 11;
  if (check == 10) return 'X';
  if (check == 11) return '0';
  return static_cast<char>('0' + check);
}

// Empty when the layout is right; otherwise the reason, in Chinese and English.
std::pair<std::string, std::string> LayoutProblem(std::string_view s) {
  for (size_t i = 0; i < s.size(); ++i) {
    const unsigned char c = static_cast<unsigned char>(s[i]);
    if (c >= 0x80) {
      return {"统一社会信用代码含有非 ASCII 字符（如全角字符或汉字）",
              "The code contains a non-ASCII character (full-width or Chinese)"};
    }
  }
  if (s.size() != 18) {
    return {"统一社会信用代码应为 18 位，实为 " + std::to_string(s.size()) + " 位",
            "A USCC has 18 characters, this one has " + std::to_string(s.size())};
  }
  for (size_t i = 0; i < s.size(); ++i) {
    const std::string pos = std::to_string(i + 1);
    if (i >= 2 && i <= 7) {
      if (!IsDigit(s[i])) {
        return {"第 3–8 位是登记管理机关行政区划码，只能是数字（第 " + pos + " 位为“" +
                    std::string(1, s[i]) + "”）",
                "Positions 3-8 are the division code and must be digits (position " + pos +
                    " is '" + std::string(1, s[i]) + "')"};
      }
    } else if (AlphabetValue(s[i]) < 0) {
      return {"第 " + pos + " 位“" + std::string(1, s[i]) +
                  "”不是统一社会信用代码使用的字符（不使用 I、O、Z、S、V）",
              "Position " + pos + " ('" + std::string(1, s[i]) +
                  "') is not in the USCC alphabet (I, O, Z, S and V are not used)"};
    }
  }
  return {};
}

void CheckRegion(std::string_view code6, const DivisionTable* divisions, IdCheck& out) {
  out.details["region_code"] = std::string(code6);
  if (code6 == kNationalRegion) {
    out.details["region"] = "全国（国家级登记管理机关）";
    return;
  }
  // Without a table the division is simply not examined: it only ever gives a warning.
  if (!internal::DivisionsLoaded(divisions)) return;
  if (!divisions->EverListed(code6)) {
    AddFinding(
        out, "USCC_REGION_UNKNOWN", Severity::kWarning, "region_code",
        "第 3–8 位行政区划码 " + std::string(code6) + " 在 GB/T 2260 历年代码中都不存在",
        "Division code " + std::string(code6) + " (positions 3-8) was never listed in GB/T 2260");
    return;
  }
  out.details["region"] = divisions->FullName(code6);
}

}  // namespace

IdCheck CheckUscc(std::string_view code, UsccMode mode, const DivisionTable* divisions) {
  IdCheck out;
  out.normalized = internal::ToUpperAscii(internal::TrimAscii(code));
  const std::string& s = out.normalized;
  auto [problem_zh, problem_en] = LayoutProblem(s);
  if (!problem_zh.empty()) {
    AddFinding(out, "USCC_FORMAT", Severity::kError, "", std::move(problem_zh),
               std::move(problem_en));
    return internal::Finish(std::move(out));
  }

  const char expected = UsccCheck(s);
  if (s[17] != expected) {
    out.details["expected_check"] = std::string(1, expected);
    if (mode == UsccMode::kStrict) {
      AddFinding(out, "USCC_CHECKSUM", Severity::kError, "check",
                 std::string("校验码错误：应为 ") + expected + "，实为 " + s[17],
                 std::string("Wrong check character: expected ") + expected + ", found " + s[17]);
    } else {
      AddFinding(out, "USCC_CHECKSUM_PILOT", Severity::kWarning, "check",
                 std::string("校验码不符合 GB 32100（应为 ") + expected + "，实为 " + s[17] +
                     "）；早期试点地区发放的部分代码如此，请向登记机关核实",
                 std::string("Check character does not follow GB 32100 (expected ") + expected +
                     ", found " + s[17] +
                     "); some codes issued early in pilot areas do this: verify with the "
                     "registering authority");
    }
  }

  out.details["authority"] = std::string(1, s[0]);
  out.details["org_type"] = std::string(1, s[1]);
  if (const char* name = AuthorityName(s[0])) {
    out.details["authority_name"] = name;
  } else {
    AddFinding(out, "USCC_AUTHORITY", Severity::kWarning, "authority",
               std::string("第 1 位登记管理部门代码“") + s[0] + "”不是 GB 32100 规定的代码",
               std::string("Position 1 ('") + s[0] +
                   "') is not a registration authority GB 32100 defines");
  }
  if (const char* name = OrgTypeName(s[0], s[1])) out.details["org_type_name"] = name;

  CheckRegion(std::string_view(s).substr(2, 6), divisions, out);

  const std::string_view org = std::string_view(s).substr(8, 9);
  out.details["org_code"] = std::string(org);
  const char org_expected = OrgCodeCheck(org.substr(0, 8));
  if (org[8] != org_expected) {
    AddFinding(out, "USCC_ORG_CODE", Severity::kWarning, "org_code",
               std::string("第 9–17 位组织机构代码 ") + std::string(org) +
                   " 的校验位不符合 GB 11714：应为 " + org_expected,
               "The organisation code " + std::string(org) +
                   " (positions 9-17) fails its GB 11714 check: expected " + org_expected);
  }
  return internal::Finish(std::move(out));
}

}  // namespace core
