// Native-only tests against the real reference files under data/reference (reads files): the
// loaders accept them whole, and the DOMAIN §4 vectors hold against the full tables.
#include <doctest/doctest.h>

#include <fstream>
#include <set>
#include <sstream>
#include <string>
#include <utility>
#include <vector>

#include "core/catalog.h"
#include "core/ids.h"

#ifndef PATROL_SOURCE_DIR
#error "PATROL_SOURCE_DIR must name the source tree"
#endif

namespace core {
namespace {

std::string ReadReference(const std::string& relative) {
  const std::string path = std::string(PATROL_SOURCE_DIR) + "/data/reference/" + relative;
  std::ifstream in(path, std::ios::binary);
  REQUIRE_MESSAGE(in.good(), "cannot open " << path);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

const DivisionTable& Divisions() {
  static const DivisionTable table = [] {
    auto t = DivisionTable::FromHistoryCsv(ReadReference("gbt2260/divisions_history.csv"));
    REQUIRE_MESSAGE(t.ok(), t.status().ToString());
    return std::move(t).value();
  }();
  return table;
}

const Hs8Catalog& Catalog() {
  static const Hs8Catalog catalog = [] {
    auto c = Hs8Catalog::FromYearsCsv(ReadReference("hs8-commodity-codes/hs8_years_2015_2023.csv"));
    REQUIRE_MESSAGE(c.ok(), c.status().ToString());
    return std::move(c).value();
  }();
  return catalog;
}

// The distinct codes of the file's data rows (first six characters of each line).
std::set<std::string> CodesInFile(const std::string& csv) {
  std::set<std::string> codes;
  for (size_t pos = csv.find('\n'); pos != std::string::npos && pos + 7 < csv.size();
       pos = csv.find('\n', pos + 1)) {
    codes.insert(csv.substr(pos + 1, 6));
  }
  return codes;
}

TEST_CASE("GB/T 2260 history: every row loads (6823 records of 6450 codes)") {
  const DivisionTable& t = Divisions();
  CHECK(t.size() == 6450);
  size_t records = 0;
  for (const std::string& code : CodesInFile(ReadReference("gbt2260/divisions_history.csv"))) {
    const std::vector<DivisionTable::Record>* found = t.Find(code);
    REQUIRE_MESSAGE(found != nullptr, code);
    records += found->size();
  }
  CHECK(records == 6823);
  const DivisionTable::Record& chaoyang = t.Find("440524")->front();
  CHECK(chaoyang.name == "潮阳县");
  CHECK(chaoyang.start_year == 1983);
  CHECK(chaoyang.end_year == 1993);
  CHECK_FALSE(t.EverListed("340524"));
  CHECK(t.Find("110103")->front().end_year == 2010);
  CHECK(t.FullName("110105") == "北京市朝阳区");
  CHECK(t.FullName("410100") == "河南省郑州市");
  CHECK(t.FullName("440524") == "广东省汕头市潮阳县");
}

TEST_CASE("Resident ID vectors against the full division table") {
  const Date today = Date::Parse("2026-05-01").value();
  CHECK(CheckResidentId("11010519491231002X", &Divisions(), today).valid);
  CHECK(CheckResidentId("440524188001010014", &Divisions(), today).valid);
  IdCheck unknown = CheckResidentId("34052419800101001X", &Divisions(), today);
  CHECK_FALSE(unknown.valid);
  REQUIRE(unknown.findings.size() == 1);
  CHECK(unknown.findings[0].code == "ID_ADDRESS_UNKNOWN");
  CHECK_FALSE(CheckResidentId("340524198001010013", &Divisions(), today).valid);
  CHECK_FALSE(CheckResidentId("110105194912310021", &Divisions(), today).valid);
}

TEST_CASE("USCC vectors against the full division table") {
  IdCheck ok = CheckUscc("91310110666007217T", UsccMode::kStrict, &Divisions());
  CHECK(ok.valid);
  CHECK(ok.findings.empty());
  CHECK(ok.details["region"] == "上海市杨浦区");
  CHECK_FALSE(CheckUscc("91350211M00013FA1N", UsccMode::kStrict, &Divisions()).valid);
  for (const char* pilot : {"91350100M0001TGQXM", "91350211M0000XUF46", "91350203M0001FUE2P"}) {
    CAPTURE(pilot);
    CHECK_FALSE(CheckUscc(pilot, UsccMode::kStrict, &Divisions()).valid);
    IdCheck lenient = CheckUscc(pilot, UsccMode::kLenient, &Divisions());
    CHECK(lenient.valid);
    REQUIRE(lenient.findings.size() == 1);
    CHECK(lenient.findings[0].code == "USCC_CHECKSUM_PILOT");
  }
}

TEST_CASE("Customs codes from the public message samples") {
  IdCheck zj = CheckCustomsCode("33169667BG", &Divisions());
  CHECK(zj.valid);
  CHECK(zj.findings.empty());
  CHECK(zj.details["region"] == "浙江省");
  CHECK(CheckCustomsCode("4403160BUF", &Divisions()).details["region"] == "广东省深圳市");
}

TEST_CASE("HS catalogue: every row loads and the DOMAIN facts hold") {
  const Hs8Catalog& c = Catalog();
  CHECK(c.size() == 9579);
  CHECK(c.first_catalog_year() == 2015);
  CHECK(c.last_catalog_year() == 2023);
  REQUIRE(c.Find("85414010") != nullptr);
  CHECK(c.Find("85414010")->last_year == 2021);
  // Quoted names with commas stay whole.
  CHECK(c.Find("19011010")->name_zh ==
        "供婴幼儿食用的零售包装配方奶粉,全脱脂可可含量低于5%的乳品制");
  CHECK(c.Find("19011010")->name_en.find("Powdered formulas for infant use in retail package, ") ==
        0);
  CHECK(c.Find("90189080")->years_present == std::vector<int>{2015, 2016, 2017, 2023});
  CHECK(c.ListedIn("85171300", 2022));
  CHECK_FALSE(c.ListedIn("85171300", 2021));

  IdCheck led = CheckCommodityCode("8541401000", &c, 2022);
  CHECK(led.valid);
  REQUIRE(led.findings.size() == 1);
  CHECK(led.findings[0].code == "HS_NOT_LISTED_IN_YEAR");
  CHECK(CheckCommodityCode("8541401000", &c, 2021).findings.empty());
  CHECK(CheckCommodityCode("9307009000", &c, 2023).valid);
  CHECK_FALSE(CheckCommodityCode("9999999900", &c, 2023).valid);
}

TEST_CASE("Country codes: every row loads") {
  auto t = CountryTable::FromCsv(ReadReference("customs-country-codes/countries.csv"));
  REQUIRE_MESSAGE(t.ok(), t.status().ToString());
  CHECK(t->size() == 243);
  for (const char* code : {"142", "502", "116", "303", "110", "121", "133", "601", "609", "999"}) {
    CAPTURE(code);
    CHECK(t->Contains(code));
  }
}

}  // namespace
}  // namespace core
