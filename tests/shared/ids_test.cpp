// Tests for the identifier checks (DOMAIN §4): resident ID, USCC, customs code, commodity code.
// Tables come from small inline CSV snippets so the suite runs natively and under node alike.
#include "core/ids.h"

#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "core/catalog.h"

namespace core {
namespace {

// A few real GB/T 2260 rows (same columns as divisions_history.csv). 440524 was listed only
// 1983-1993; 340524 is deliberately absent, as it is from every year of the real table.
constexpr std::string_view kDivisions =
    "code,province,prefecture,name,level,status,start_year,end_year,successors\r\n"
    "110000,北京市,,北京市,province,active,1981,,\r\n"
    "110105,北京市,直辖,朝阳区,county,active,1981,,\r\n"
    "310000,上海市,,上海市,province,active,1981,,\r\n"
    "310110,上海市,直辖,杨浦区,county,active,1981,,\r\n"
    "330000,浙江省,,浙江省,province,active,1981,,\r\n"
    "350000,福建省,,福建省,province,active,1981,,\r\n"
    "350100,福建省,福州市,福州市,prefecture,active,1981,,\r\n"
    "350203,福建省,厦门市,思明区,county,active,1987,,\r\n"
    "350211,福建省,厦门市,集美区,county,active,1987,,\r\n"
    "410000,河南省,,河南省,province,active,1981,,\r\n"
    "410100,河南省,郑州市,郑州市,prefecture,active,1981,,\r\n"
    "440000,广东省,,广东省,province,active,1981,,\r\n"
    "440300,广东省,深圳市,深圳市,prefecture,active,1981,,\"440321[1982];440303[1990]\"\r\n"
    "440524,广东省,汕头市,潮阳县,county,retired,1983,1993,440582\r\n";

constexpr std::string_view kHs8 =
    "code,first_year,last_year,years_present,name_zh_latest,name_en_latest\n"
    "19011010,2015,2023,,供婴幼儿食用的零售包装配方奶粉,\"Infant formula, retail\"\n"
    "85414010,2015,2021,,发光二极管,Light-emitting diodes\n"
    "85171300,2022,2023,,智能手机,Smartphones\n"
    "90189080,2015,2023,2015;2016;2017;2023,手术机器人,Surgical robots\n";

const DivisionTable& Divisions() {
  static const DivisionTable table = DivisionTable::FromHistoryCsv(kDivisions).value();
  return table;
}

const Hs8Catalog& Catalog() {
  static const Hs8Catalog catalog = Hs8Catalog::FromYearsCsv(kHs8).value();
  return catalog;
}

Date Today() { return Date::Parse("2026-05-01").value(); }

const Finding* FindingWith(const IdCheck& check, std::string_view code) {
  for (const Finding& f : check.findings) {
    if (f.code == code) return &f;
  }
  return nullptr;
}

std::vector<std::string> Codes(const IdCheck& check) {
  std::vector<std::string> codes;
  for (const Finding& f : check.findings) codes.push_back(f.code);
  return codes;
}

using CodeList = std::vector<std::string>;

IdCheck Id(std::string_view id) { return CheckResidentId(id, &Divisions(), Today()); }

TEST_CASE("DivisionTable keeps every record and names places parents first") {
  const DivisionTable& t = Divisions();
  CHECK(t.size() == 14);
  CHECK(t.EverListed("440524"));
  CHECK_FALSE(t.EverListed("340524"));
  REQUIRE(t.Find("440524") != nullptr);
  CHECK(t.Find("440524")->front().start_year == 1983);
  CHECK(t.Find("440524")->front().end_year == 1993);
  CHECK(t.Find("110105")->front().end_year == 0);
  CHECK(t.Find("340524") == nullptr);
  CHECK(t.FullName("440524") == "广东省汕头市潮阳县");
  CHECK(t.FullName("110105") == "北京市朝阳区");
  CHECK(t.FullName("410100") == "河南省郑州市");
  CHECK(t.FullName("410000") == "河南省");
  CHECK(t.FullName("340524").empty());
}

TEST_CASE("DivisionTable uses the latest record of a renamed code") {
  auto t = DivisionTable::FromHistoryCsv(
      "code,province,prefecture,name,level,status,start_year,end_year,successors\n"
      "341400,安徽省,巢湖地区,巢湖地区,prefecture,changed,1981,1999,\n"
      "341400,安徽省,巢湖市,巢湖市,prefecture,retired,1999,2011,\n");
  REQUIRE(t.ok());
  CHECK(t->size() == 1);
  CHECK(t->Find("341400")->size() == 2);
  CHECK(t->FullName("341400") == "安徽省巢湖市");
}

TEST_CASE("DivisionTable refuses malformed rows, naming the line") {
  const std::string header = "code,province,prefecture,name,level,status,start_year,end_year\n";
  auto short_code =
      DivisionTable::FromHistoryCsv(header + "11000,北京市,,北京市,province,active,1981,\n");
  CHECK(short_code.status().message() == "line 2: code '11000' must be 6 digits");
  auto bad_year =
      DivisionTable::FromHistoryCsv(header +
                                    "110000,北京市,,北京市,province,active,1981,\n110101,北京市,"
                                    "直辖,东城区,county,active,19x1,\n");
  CHECK(bad_year.status().message() == "line 3: start_year must be a year");
  auto backwards = DivisionTable::FromHistoryCsv(
      header + "110101,北京市,直辖,东城区,county,retired,2010,2010\n");
  CHECK(backwards.status().code() == StatusCode::kInvalidArgument);
  CHECK(backwards.status().message().find("line 2:") == 0);
  auto no_name =
      DivisionTable::FromHistoryCsv(header + "110101,北京市,直辖,,county,active,1981,\n");
  CHECK(no_name.status().message() == "line 2: name is empty");
  auto missing_column = DivisionTable::FromHistoryCsv("code,name,start_year\n110000,北京市,1981\n");
  CHECK(missing_column.status().message() == "line 1: header lacks the required column 'end_year'");
  auto ragged =
      DivisionTable::FromHistoryCsv(header + "110000,北京市,,北京市,province,active,1981\n");
  CHECK(ragged.status().message() == "line 2: expected 8 fields, found 7");
}

TEST_CASE("Resident ID: the DOMAIN 4.1 vectors") {
  IdCheck standard = Id("11010519491231002X");
  CHECK(standard.valid);
  CHECK(standard.findings.empty());
  CHECK(standard.normalized == "11010519491231002X");
  CHECK(standard.details["birth_date"] == "1949-12-31");
  CHECK(standard.details["sex"] == "female");
  CHECK(standard.details["address_code"] == "110105");
  CHECK(standard.details["region"] == "北京市朝阳区");

  // Checksum right, but 340524 was never a division: a full validator must catch it.
  IdCheck unknown = Id("34052419800101001X");
  CHECK_FALSE(unknown.valid);
  CHECK(Codes(unknown) == CodeList{"ID_ADDRESS_UNKNOWN"});
  CHECK(FindingWith(unknown, "ID_ADDRESS_UNKNOWN")->field == "address_code");
  CHECK(unknown.details["birth_date"] == "1980-01-01");
  CHECK(unknown.details["sex"] == "male");
  CHECK(unknown.details.count("region") == 0);

  // 440524 was listed 1983-1993 only; an 1880 birth date is a real date and is accepted.
  IdCheck retired = Id("440524188001010014");
  CHECK(retired.valid);
  CHECK(retired.findings.empty());
  CHECK(retired.details["birth_date"] == "1880-01-01");
  CHECK(retired.details["region"] == "广东省汕头市潮阳县");

  IdCheck wrong = Id("340524198001010013");
  CHECK_FALSE(wrong.valid);
  const Finding* checksum = FindingWith(wrong, "ID_CHECKSUM");
  REQUIRE(checksum != nullptr);
  CHECK(checksum->severity == Severity::kError);
  CHECK(checksum->field == "check");
  CHECK(checksum->message_zh == "校验码错误：应为 X，实为 3");
  CHECK(checksum->message_en == "Wrong check character: expected X, found 3");
  CHECK(wrong.details["expected_check"] == "X");

  IdCheck wrong2 = Id("110105194912310021");
  CHECK_FALSE(wrong2.valid);
  CHECK(Codes(wrong2) == CodeList{"ID_CHECKSUM"});
  CHECK(wrong2.details["expected_check"] == "X");
}

TEST_CASE("Resident ID: lower-case x and surrounding spaces are normalised") {
  IdCheck id = Id("  11010519491231002x\t");
  CHECK(id.valid);
  CHECK(id.normalized == "11010519491231002X");
}

TEST_CASE("Resident ID: layout errors say what is wrong") {
  IdCheck short_id = Id("1101051949123100");
  CHECK_FALSE(short_id.valid);
  CHECK(Codes(short_id) == CodeList{"ID_FORMAT"});
  CHECK(short_id.findings[0].message_zh == "身份证号码应为 18 位（旧式号码 15 位），实为 16 位");
  CHECK(short_id.details.empty());
  CHECK(Codes(Id("1101051949123100A2")) == CodeList{"ID_FORMAT"});
  CHECK(Id("1101051949123100A2").findings[0].message_zh ==
        "身份证号码只能由数字组成，末位可以是 X");
  CHECK(Id("11010519491231X021").findings[0].message_en ==
        "Only the 18th character (the check character) may be X");
  CHECK(Codes(Id("")) == CodeList{"ID_FORMAT"});
  CHECK(Codes(Id("１１０１０５１９４９１２３１００２Ｘ")) == CodeList{"ID_FORMAT"});
}

TEST_CASE("Resident ID: birth date must be real and not in the future") {
  // 1980-02-30 does not exist; the check character is right for these 17 digits.
  IdCheck impossible = Id("110105198002300015");
  CHECK_FALSE(impossible.valid);
  CHECK(Codes(impossible) == CodeList{"ID_BIRTH_DATE"});
  CHECK(impossible.details.count("birth_date") == 0);
  CHECK(FindingWith(impossible, "ID_BIRTH_DATE")->message_zh ==
        "出生日期 19800230 不是真实存在的日期");

  IdCheck future = Id("11010520300101001X");
  CHECK_FALSE(future.valid);
  CHECK(Codes(future) == CodeList{"ID_BIRTH_FUTURE"});
  CHECK(FindingWith(future, "ID_BIRTH_FUTURE")->field == "birth_date");
  // Without a today, the future check is not possible and not made.
  CHECK(CheckResidentId("11010520300101001X", &Divisions(), std::nullopt).valid);
}

TEST_CASE("Resident ID: several problems are all reported, in a stable order") {
  IdCheck bad = Id("340524198002300011");
  CHECK(Codes(bad) == CodeList{"ID_CHECKSUM", "ID_BIRTH_DATE", "ID_ADDRESS_UNKNOWN"});
}

TEST_CASE("Resident ID: without a division table the address is not checked, and says so") {
  IdCheck no_table = CheckResidentId("34052419800101001X", nullptr, Today());
  CHECK(no_table.valid);
  CHECK(Codes(no_table) == CodeList{"ID_ADDRESS_NOT_CHECKED"});
  CHECK(no_table.findings[0].severity == Severity::kWarning);
  // An empty table is "not loaded" too.
  DivisionTable empty;
  CHECK(Codes(CheckResidentId("34052419800101001X", &empty, Today())) ==
        CodeList{"ID_ADDRESS_NOT_CHECKED"});
}

TEST_CASE("Resident ID: Taiwan residents' residence permits use 830000") {
  // 83000019800101001 + computed check character.
  IdCheck permit = Id("830000198001010018");
  CHECK(permit.valid);
  CHECK(permit.details["region"] == "台湾地区（港澳台居民居住证）");
}

TEST_CASE("Resident ID: the 15-digit legacy form is recognised with a warning") {
  IdCheck legacy = Id("110105800101001");
  CHECK(legacy.valid);
  CHECK(Codes(legacy) == CodeList{"ID_LEGACY_15"});
  CHECK(legacy.findings[0].severity == Severity::kWarning);
  CHECK(legacy.details["birth_date"] == "1980-01-01");
  CHECK(legacy.details["sex"] == "male");
  CHECK(legacy.details["id18"] == "110105198001010016");
  CHECK(Id(legacy.details["id18"]).valid);

  IdCheck bad_date = Id("110105800230002");
  CHECK_FALSE(bad_date.valid);
  CHECK(Codes(bad_date) == CodeList{"ID_BIRTH_DATE"});

  IdCheck unknown = Id("340524800101001");
  CHECK(Codes(unknown) == CodeList{"ID_ADDRESS_UNKNOWN", "ID_LEGACY_15"});
  CHECK_FALSE(unknown.valid);
}

IdCheck Uscc(std::string_view code, UsccMode mode = UsccMode::kStrict) {
  return CheckUscc(code, mode, &Divisions());
}

TEST_CASE("USCC: the DOMAIN 4.2 vectors in strict mode") {
  IdCheck ok = Uscc("91310110666007217T");
  CHECK(ok.valid);
  CHECK(ok.findings.empty());
  CHECK(ok.details["authority"] == "9");
  CHECK(ok.details["authority_name"] == "工商（市场监管）");
  CHECK(ok.details["org_type"] == "1");
  CHECK(ok.details["org_type_name"] == "企业");
  CHECK(ok.details["region_code"] == "310110");
  CHECK(ok.details["region"] == "上海市杨浦区");
  CHECK(ok.details["org_code"] == "666007217");
  CHECK(ok.details.count("expected_check") == 0);

  IdCheck bad = Uscc("91350211M00013FA1N");
  CHECK_FALSE(bad.valid);
  CHECK(Codes(bad) == CodeList{"USCC_CHECKSUM"});
  CHECK(bad.details["expected_check"] == "3");
  CHECK(bad.findings[0].message_zh == "校验码错误：应为 3，实为 N");
  CHECK(bad.findings[0].field == "check");

  struct Pilot {
    const char* code;
    const char* expected;
  };
  for (const Pilot& p : {Pilot{"91350100M0001TGQXM", "1"}, Pilot{"91350211M0000XUF46", "R"},
                         Pilot{"91350203M0001FUE2P", "J"}}) {
    CAPTURE(p.code);
    IdCheck strict = Uscc(p.code);
    CHECK_FALSE(strict.valid);
    CHECK(Codes(strict) == CodeList{"USCC_CHECKSUM"});
    CHECK(strict.details["expected_check"] == p.expected);
  }
}

TEST_CASE("USCC: lenient mode warns on early pilot codes instead of refusing them") {
  for (const char* code : {"91350100M0001TGQXM", "91350211M0000XUF46", "91350203M0001FUE2P"}) {
    CAPTURE(code);
    IdCheck lenient = Uscc(code, UsccMode::kLenient);
    CHECK(lenient.valid);
    CHECK(Codes(lenient) == CodeList{"USCC_CHECKSUM_PILOT"});
    CHECK(lenient.findings[0].severity == Severity::kWarning);
  }
  CHECK(Uscc("91350100M0001TGQXM", UsccMode::kLenient).details["region"] == "福建省福州市");
  // Lenient mode does not excuse anything else.
  CHECK_FALSE(Uscc("91350100M0001TGQX", UsccMode::kLenient).valid);
  CHECK(Uscc("91310110666007217T", UsccMode::kLenient).findings.empty());
}

TEST_CASE("USCC: layout errors name the position") {
  IdCheck short_code = Uscc("91310110666007217");
  CHECK(Codes(short_code) == CodeList{"USCC_FORMAT"});
  CHECK(short_code.findings[0].message_zh == "统一社会信用代码应为 18 位，实为 17 位");
  IdCheck letter_o = Uscc("91310110666OO7217T");
  CHECK(Codes(letter_o) == CodeList{"USCC_FORMAT"});
  CHECK(letter_o.findings[0].message_zh ==
        "第 12 位“O”不是统一社会信用代码使用的字符（不使用 I、O、Z、S、V）");
  IdCheck letter_region = Uscc("91A10110666007217T");
  CHECK(letter_region.findings[0].message_en ==
        "Positions 3-8 are the division code and must be digits (position 3 is 'A')");
  CHECK(Codes(Uscc("9131011066600721７T")) == CodeList{"USCC_FORMAT"});
  CHECK_FALSE(Uscc("").valid);
}

TEST_CASE("USCC: input is trimmed and upper-cased") {
  IdCheck ok = Uscc(" 91310110666007217t ");
  CHECK(ok.valid);
  CHECK(ok.normalized == "91310110666007217T");
}

TEST_CASE("USCC: warnings for authority, region and the inner organisation code") {
  // Check characters below computed independently for these bodies.
  IdCheck authority = Uscc("B1310110666007217Q");
  CHECK(authority.valid);
  CHECK(Codes(authority) == CodeList{"USCC_AUTHORITY"});
  CHECK(authority.findings[0].field == "authority");
  CHECK(authority.details.count("authority_name") == 0);

  IdCheck region = Uscc("913405246660072175");
  CHECK(region.valid);
  CHECK(Codes(region) == CodeList{"USCC_REGION_UNKNOWN"});
  CHECK(region.findings[0].severity == Severity::kWarning);
  CHECK(region.details.count("region") == 0);

  IdCheck org = Uscc("91310110666007218X");
  CHECK(org.valid);
  CHECK(Codes(org) == CodeList{"USCC_ORG_CODE"});
  CHECK(org.findings[0].message_en ==
        "The organisation code 666007218 (positions 9-17) fails its GB 11714 check: expected 7");

  // The three pilot codes' inner organisation codes are themselves fine.
  CHECK(Codes(Uscc("91350100M0001TGQXM", UsccMode::kLenient)) == CodeList{"USCC_CHECKSUM_PILOT"});
}

TEST_CASE("USCC: other authorities, national region code, and no table") {
  IdCheck national = Uscc("1210000040000123XC");
  CHECK(national.valid);
  CHECK(national.findings.empty());
  CHECK(national.details["authority_name"] == "机构编制");
  CHECK(national.details["org_type_name"] == "事业单位");
  CHECK(national.details["region"] == "全国（国家级登记管理机关）");

  IdCheck civil = Uscc("524101001234567880");
  CHECK(civil.valid);
  CHECK(civil.details["authority_name"] == "民政");
  CHECK(civil.details["org_type_name"] == "民办非企业单位");
  CHECK(civil.details["region"] == "河南省郑州市");

  IdCheck no_table = CheckUscc("913405246660072175", UsccMode::kStrict, nullptr);
  CHECK(no_table.valid);
  CHECK(no_table.findings.empty());
  CHECK(no_table.details["region_code"] == "340524");
}

IdCheck Customs(std::string_view code) { return CheckCustomsCode(code, &Divisions()); }

TEST_CASE("Customs code: layout and decoded parts") {
  IdCheck sz = Customs("4403160bUF");
  CHECK(sz.valid);
  CHECK(sz.findings.empty());
  CHECK(sz.normalized == "4403160BUF");
  CHECK(sz.details["region_code"] == "4403");
  CHECK(sz.details["region"] == "广东省深圳市");
  CHECK(sz.details["zone"] == "1");
  CHECK(sz.details["zone_name"] == "经济特区");
  CHECK(sz.details["enterprise_type"] == "6");
  CHECK(sz.details["enterprise_type_name"] == "私营企业");

  // Real sample: 3316 is no GB/T 2260 prefecture, so the province names the region.
  IdCheck zj = Customs("33169667BG");
  CHECK(zj.valid);
  CHECK(zj.findings.empty());
  CHECK(zj.details["region"] == "浙江省");

  IdCheck zz = Customs("4101960123");
  CHECK(zz.valid);
  CHECK(zz.details["region"] == "河南省郑州市");
  CHECK(zz.details["zone_name"] == "其他");
  CHECK(zz.details["enterprise_type_name"] == "私营企业");

  // Position 5 = 6 is unverified, so it is not decoded.
  IdCheck six = Customs("4101660123");
  CHECK(six.details["zone"] == "6");
  CHECK(six.details.count("zone_name") == 0);
}

TEST_CASE("Customs code: format errors and the province warning") {
  for (const char* bad : {"440316", "4403160BUF1", "4403-60BUF", "", "４４０３１６０ＢＵＦ"}) {
    CAPTURE(bad);
    IdCheck c = Customs(bad);
    CHECK_FALSE(c.valid);
    CHECK(Codes(c) == CodeList{"CUSTOMS_CODE_FORMAT"});
  }
  CHECK(Customs("440316").findings[0].message_zh ==
        "海关注册编码应为 10 位数字或大写字母，实为 6 个字符");
  CHECK(Customs("4403-60BUF").findings[0].message_zh ==
        "海关注册编码应为 10 位数字或大写字母，其中含有其他字符");

  IdCheck nowhere = Customs("9901960123");
  CHECK(nowhere.valid);
  CHECK(Codes(nowhere) == CodeList{"CUSTOMS_CODE_REGION"});
  CHECK(nowhere.findings[0].field == "region_code");
  // Letters in the region part are not digits: nothing to look up.
  CHECK(Customs("AB01960123").findings.empty());
  // No table, no region check.
  CHECK(CheckCustomsCode("9901960123", nullptr).findings.empty());
}

TEST_CASE("Commodity code: format errors are specific") {
  IdCheck eight = CheckCommodityCode("19011010", &Catalog(), 2023);
  CHECK_FALSE(eight.valid);
  CHECK(Codes(eight) == CodeList{"HS_FORMAT"});
  CHECK(eight.findings[0].message_zh.find("8 位税则号列") != std::string::npos);
  IdCheck thirteen = CheckCommodityCode("1901101000999", &Catalog(), 2023);
  CHECK(Codes(thirteen) == CodeList{"HS_FORMAT"});
  CHECK(thirteen.findings[0].message_zh.find("此处只填前 10 位：1901101000") != std::string::npos);
  CHECK(CheckCommodityCode("1901.10.10.00", &Catalog(), 2023).findings[0].message_en ==
        "Enter the commodity code as 10 digits, without dots or spaces");
  CHECK(CheckCommodityCode("19011010A0", &Catalog(), 2023).findings[0].message_en ==
        "A commodity code holds 10 digits only");
  CHECK(CheckCommodityCode("123456789", &Catalog(), 2023).findings[0].message_en ==
        "A commodity code has 10 digits, this one has 9");
}

TEST_CASE("Commodity code: catalogue lookups by year") {
  IdCheck formula = CheckCommodityCode(" 1901101000 ", &Catalog(), 2023);
  CHECK(formula.valid);
  CHECK(formula.findings.empty());
  CHECK(formula.normalized == "1901101000");
  CHECK(formula.details["code8"] == "19011010");
  CHECK(formula.details["name_zh"] == "供婴幼儿食用的零售包装配方奶粉");
  CHECK(formula.details["name_en"] == "Infant formula, retail");

  // The official 2022 CEB621 sample declares 8541401000, last listed in 2021: warn, not refuse.
  IdCheck led = CheckCommodityCode("8541401000", &Catalog(), 2022);
  CHECK(led.valid);
  CHECK(Codes(led) == CodeList{"HS_NOT_LISTED_IN_YEAR"});
  CHECK(led.findings[0].message_zh ==
        "税号 85414010 未列入 2022 年海关商品目录（列于 2015–2021 年）");
  CHECK(CheckCommodityCode("8541401000", &Catalog(), 2021).findings.empty());
  // Years past the catalogue count as its last year, and say so.
  IdCheck later = CheckCommodityCode("8541401000", &Catalog(), 2026);
  CHECK(later.findings[0].message_en ==
        "Tariff line 85414010 is not in the 2023 customs catalogue (listed in 2015–2021); 2026 "
        "was checked against the 2023 catalogue");
  CHECK(CheckCommodityCode("8517130000", &Catalog(), 2026).findings.empty());
  CHECK(Codes(CheckCommodityCode("8517130000", &Catalog(), 2019)) ==
        CodeList{"HS_NOT_LISTED_IN_YEAR"});
  // year 0: the latest catalogue.
  CHECK(Codes(CheckCommodityCode("8541401000", &Catalog(), 0)) ==
        CodeList{"HS_NOT_LISTED_IN_YEAR"});
  // A gap in years_present.
  CHECK(Codes(CheckCommodityCode("9018908000", &Catalog(), 2020)) ==
        CodeList{"HS_NOT_LISTED_IN_YEAR"});
  CHECK(CheckCommodityCode("9018908000", &Catalog(), 2020)
            .findings[0]
            .message_zh.find("列于 2015、2016、2017、2023 年") != std::string::npos);
  CHECK(CheckCommodityCode("9018908000", &Catalog(), 2023).findings.empty());

  IdCheck unknown = CheckCommodityCode("9999999900", &Catalog(), 2023);
  CHECK_FALSE(unknown.valid);
  CHECK(Codes(unknown) == CodeList{"HS_UNKNOWN"});
  CHECK(unknown.details.count("name_zh") == 0);
}

TEST_CASE("Commodity code: without a catalogue the code is not checked, and says so") {
  IdCheck none = CheckCommodityCode("9999999900", nullptr, 2023);
  CHECK(none.valid);
  CHECK(Codes(none) == CodeList{"HS_NOT_CHECKED"});
  CHECK(none.findings[0].severity == Severity::kWarning);
  Hs8Catalog empty;
  CHECK(Codes(CheckCommodityCode("9999999900", &empty, 2023)) == CodeList{"HS_NOT_CHECKED"});
}

TEST_CASE("Every finding carries both languages and a valid flag that matches its errors") {
  std::vector<IdCheck> all = {Id("340524198002300011"),
                              Id("110105800101001"),
                              Id("1"),
                              Uscc("91350100M0001TGQXM"),
                              Uscc("B1310110666007217Q"),
                              Uscc("913405246660072175"),
                              Uscc("91310110666007218X"),
                              Customs("9901960123"),
                              Customs("x"),
                              CheckCommodityCode("8541401000", &Catalog(), 2022),
                              CheckCommodityCode("1", &Catalog(), 0),
                              CheckCommodityCode("9999999900", &Catalog(), 0),
                              CheckResidentId("1", nullptr, Today())};
  for (const IdCheck& c : all) {
    CAPTURE(c.normalized);
    CHECK(c.valid == !HasErrors(c.findings));
    for (const Finding& f : c.findings) {
      CHECK_FALSE(f.message_zh.empty());
      CHECK_FALSE(f.message_en.empty());
      CHECK_FALSE(f.code.empty());
    }
  }
}

}  // namespace
}  // namespace core
