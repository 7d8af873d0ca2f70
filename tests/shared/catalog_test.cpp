// Tests for the core's CSV reader and the reference-list loaders (commodity catalogue, positive
// list, prohibited/restricted list, high-risk categories, country codes), on inline CSV text.
#include "core/catalog.h"

#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "core/csv.h"

namespace core {
namespace {

using Rows = std::vector<std::vector<std::string>>;

TEST_CASE("CSV: quotes, doubled quotes, embedded commas and line breaks") {
  auto rows = ParseCsv("a,b,c\n\"x, y\",\"say \"\"hi\"\"\",\"two\nlines\"\n,,\n");
  REQUIRE(rows.ok());
  CHECK(*rows == Rows{{"a", "b", "c"}, {"x, y", "say \"hi\"", "two\nlines"}, {"", "", ""}});
  CHECK(*ParseCsv("\"\"") == Rows{{""}});
  CHECK(*ParseCsv("a,\"\"\n") == Rows{{"a", ""}});
}

TEST_CASE("CSV: CRLF, lone CR, BOM, blank lines and no final newline") {
  CHECK(*ParseCsv("\xEF\xBB\xBF"
                  "a,b\r\n1,2\r\n") == Rows{{"a", "b"}, {"1", "2"}});
  CHECK(*ParseCsv("a,b\r1,2") == Rows{{"a", "b"}, {"1", "2"}});
  CHECK(*ParseCsv("a,b\n\n  \n\t\n1,2\n\n") == Rows{{"a", "b"}, {"1", "2"}});
  // A CRLF inside quotes becomes LF, so values do not depend on the file's line ends.
  CHECK(*ParseCsv("\"x\r\ny\",z\r\n") == Rows{{"x\ny", "z"}});
  CHECK(ParseCsv("")->empty());
  // Only a leading BOM is dropped; spaces inside fields are kept for the caller to judge.
  CHECK(*ParseCsv(" a , b ") == Rows{{" a ", " b "}});
}

TEST_CASE("CSV: line numbers follow the text, multi-line fields included") {
  auto doc = ParseCsvDocument("h1,h2\n\n\"multi\nline\",x\nlast,row\n");
  REQUIRE(doc.ok());
  REQUIRE(doc->rows.size() == 3);
  CHECK(doc->rows[0].line == 1);
  CHECK(doc->rows[1].line == 3);
  CHECK(doc->rows[2].line == 5);
}

TEST_CASE("CSV: comment lines only when the caller asks") {
  const std::string text = "# version: 2022\ncode,name\n#note\n01,x\n";
  CsvOptions comments;
  comments.allow_comments = true;
  auto doc = ParseCsvDocument(text, comments);
  REQUIRE(doc.ok());
  CHECK(doc->comments == std::vector<std::string>{" version: 2022", "note"});
  CHECK(doc->rows.size() == 2);
  CHECK(doc->rows[1].line == 4);
  // Without the option '#' is data.
  auto plain = ParseCsvDocument(text);
  CHECK(plain->comments.empty());
  CHECK(plain->rows.size() == 4);
  CHECK(plain->rows[0].fields[0] == "# version: 2022");
}

TEST_CASE("CSV: malformed quoting is refused with its line") {
  CHECK(ParseCsv("a\n\"open,b\nc\n").status().message() == "line 2: unterminated quoted field");
  CHECK(ParseCsv("a\n\"x\"y,b\n").status().message() ==
        "line 2: unexpected text after a closing quote");
  CHECK(
      ParseCsv("a\nab\"c,d\n").status().message().find("line 2: quote inside an unquoted field") ==
      0);
  CHECK(ParseCsv("a\n\"x\" ,b\n").status().code() == StatusCode::kInvalidArgument);
}

TEST_CASE("CSV tables: header by name, width checked, extra columns allowed") {
  auto table = ParseCsvTable("name, code ,extra\nx,1,e\ny,2,f\n", {"code", "name"});
  REQUIRE(table.ok());
  CHECK(table->header.Index("code") == 1);
  CHECK(table->header.Index("missing") == -1);
  REQUIRE(table->rows.size() == 2);
  CHECK(table->header.Get(table->rows[1], "code") == "2");
  CHECK(table->header.Get(table->rows[1], "missing").empty());
  CHECK(table->rows[1].line == 3);

  CHECK(ParseCsvTable("", {"code"}).status().message() == "CSV has no header row");
  CHECK(ParseCsvTable("code,code\n", {"code"}).status().message() ==
        "line 1: column 'code' appears twice in the header");
  CHECK(ParseCsvTable("a,b\n1,2\n3\n", {}).status().message() ==
        "line 3: expected 2 fields, found 1");
  CHECK(ParseCsvTable("a,b\n1,2,3\n", {}).status().message() ==
        "line 2: expected 2 fields, found 3");
}

constexpr std::string_view kHs8Header =
    "code,first_year,last_year,years_present,name_zh_latest,name_en_latest\n";

TEST_CASE("Hs8Catalog: entries, years and the catalogue span") {
  auto cat = Hs8Catalog::FromYearsCsv(
      std::string(kHs8Header) +
      "01012900,2015,2023,,其他马，改良种用除外,\"Live horses, not "
      "pure-bred breeding\"\n"
      "85414010,2015,2021,,发光二极管,LEDs\n"
      "85171300,2022,2023,,智能手机,Smartphones\n"
      "90189080,2015,2023,2023;2015;2016;2017,手术机器人,Surgical robots\n");
  REQUIRE(cat.ok());
  CHECK(cat->size() == 4);
  CHECK(cat->first_catalog_year() == 2015);
  CHECK(cat->last_catalog_year() == 2023);
  REQUIRE(cat->Find("01012900") != nullptr);
  CHECK(cat->Find("01012900")->name_en == "Live horses, not pure-bred breeding");
  CHECK(cat->Find("90189080")->years_present == std::vector<int>{2015, 2016, 2017, 2023});
  CHECK(cat->Find("0101290") == nullptr);
  CHECK(cat->ListedIn("85414010", 2021));
  CHECK_FALSE(cat->ListedIn("85414010", 2022));
  CHECK_FALSE(cat->ListedIn("85414010", 2030));  // counts as 2023
  CHECK(cat->ListedIn("85171300", 2030));
  CHECK_FALSE(cat->ListedIn("85171300", 2021));
  CHECK_FALSE(cat->ListedIn("85171300", 2005));  // counts as 2015
  CHECK(cat->ListedIn("01012900", 2005));
  CHECK(cat->ListedIn("90189080", 2016));
  CHECK_FALSE(cat->ListedIn("90189080", 2018));
  CHECK_FALSE(cat->ListedIn("99999999", 2020));
}

TEST_CASE("Hs8Catalog: malformed rows name their line") {
  const std::string h(kHs8Header);
  CHECK(Hs8Catalog::FromYearsCsv(h + "0101290,2015,2023,,x,y\n").status().message() ==
        "line 2: code '0101290' must be 8 digits");
  CHECK(Hs8Catalog::FromYearsCsv(h + "01012900,2015,20x3,,x,y\n").status().message() ==
        "line 2: first_year and last_year must be years, first <= last");
  CHECK(Hs8Catalog::FromYearsCsv(h + "01012900,2020,2015,,x,y\n").status().message() ==
        "line 2: first_year and last_year must be years, first <= last");
  CHECK(Hs8Catalog::FromYearsCsv(h + "01012900,2015,2020,2014,x,y\n").status().message() ==
        "line 2: years_present must list years between first_year and last_year");
  CHECK(Hs8Catalog::FromYearsCsv(h + "01012900,2015,2020,,x,y\n01012900,2015,2020,,x,y\n")
            .status()
            .message() == "line 3: code appears twice");
  CHECK(Hs8Catalog::FromYearsCsv("code,first_year\n01012900,2015\n").status().message() ==
        "line 1: header lacks the required column 'last_year'");
}

constexpr std::string_view kPositiveHeader =
    "code8,name,remark,excluded,exclusion,bonded_only,allowed_names,annual_cap,cap_unit\n";

TEST_CASE("PositiveList: the four kinds of remark control and the version comment") {
  const std::string csv =
      "# version: 2022 (subset)\n" + std::string(kPositiveHeader) +
      "19011010,供婴幼儿食用的零售包装配方奶粉,,0,,,,,\n"
      "17019910,砂糖,限个人自用，每人每年 2 千克,,,,,2,千克\n"
      "10063020,大米,每人每年 20.5 千克,no,,false,,20.5,千克\n"
      "32151900,其他墨水,仅限家用打印机墨水,,,,\"家用打印机墨水; 打印机墨盒 ;\",,\n"
      "22042100,葡萄酒,仅限网购保税进口（1210）,,,是,,,\n"
      "30049090,其他药品,,1,列入《两用物项》的除外,,,0.125,盒\n";
  auto list = PositiveList::FromCsv(csv);
  REQUIRE(list.ok());
  CHECK(list->version() == "2022 (subset)");
  CHECK(list->size() == 6);
  const PositiveListEntry* formula = list->Find("19011010");
  REQUIRE(formula != nullptr);
  CHECK_FALSE(formula->excluded);
  CHECK_FALSE(formula->bonded_only);
  CHECK(formula->allowed_names.empty());
  CHECK(formula->annual_qty_cap_milli == 0);
  CHECK(list->Find("17019910")->annual_qty_cap_milli == 2000);
  CHECK(list->Find("17019910")->annual_qty_unit == "千克");
  CHECK(list->Find("17019910")->remark == "限个人自用，每人每年 2 千克");
  CHECK(list->Find("10063020")->annual_qty_cap_milli == 20500);
  CHECK(list->Find("32151900")->allowed_names ==
        std::vector<std::string>{"家用打印机墨水", "打印机墨盒"});
  CHECK(list->Find("22042100")->bonded_only);
  CHECK(list->Find("30049090")->excluded);
  CHECK(list->Find("30049090")->exclusion == "列入《两用物项》的除外");
  CHECK(list->Find("30049090")->annual_qty_cap_milli == 125);
  CHECK(list->Find("99999999") == nullptr);

  auto no_version = PositiveList::FromCsv(std::string(kPositiveHeader) + "19011010,奶粉,,,,,,,\n");
  REQUIRE(no_version.ok());
  CHECK(no_version->version().empty());
  CHECK(PositiveList::FromCsv("#2019\n" + std::string(kPositiveHeader))->version() == "2019");
}

TEST_CASE("PositiveList: malformed rows name their line") {
  const std::string h(kPositiveHeader);
  auto err = [&](const std::string& row) {
    return PositiveList::FromCsv(h + row).status().message();
  };
  CHECK(err("1901101,x,,,,,,,\n") == "line 2: code8 '1901101' must be 8 digits");
  CHECK(err("19011010,,,,,,,,\n") == "line 2: name is empty");
  CHECK(err("19011010,x,,maybe,,,,,\n") ==
        "line 2: excluded must be 1/0, true/false, yes/no or empty");
  CHECK(err("19011010,x,,,,2,,,\n") ==
        "line 2: bonded_only must be 1/0, true/false, yes/no or empty");
  CHECK(err("19011010,x,,1,,,,,\n") ==
        "line 2: excluded is set but exclusion does not say what is excluded");
  CHECK(err("19011010,x,,,,,,2.0005,千克\n") ==
        "line 2: annual_cap '2.0005' must be a positive number with at most 3 decimals");
  CHECK(err("19011010,x,,,,,,-2,千克\n").find("line 2: annual_cap") == 0);
  CHECK(err("19011010,x,,,,,,0,千克\n").find("line 2: annual_cap") == 0);
  CHECK(err("19011010,x,,,,,,2.,千克\n").find("line 2: annual_cap") == 0);
  CHECK(err("19011010,x,,,,,,1e3,千克\n").find("line 2: annual_cap") == 0);
  CHECK(err("19011010,x,,,,,,2,\n") == "line 2: annual_cap needs a cap_unit");
  CHECK(err("19011010,x,,,,,,,千克\n") == "line 2: cap_unit is given without an annual_cap");
  CHECK(err("19011010,x,,,,,,,\n19011010,y,,,,,,,\n") == "line 3: code8 appears twice");
  CHECK(PositiveList::FromCsv("code8,name\n19011010,x\n").status().message() ==
        "line 1: header lacks the required column 'remark'");
}

constexpr std::string_view kControls =
    "kind,code_prefix,name_keyword,reason_zh,reason_en\n"
    "prohibited,9307,,刀剑类禁止进境,Swords and bayonets may not enter\n"
    "restricted,,CBD,含大麻二酚的商品限制进境,Goods with cannabidiol are restricted\n"
    "prohibited,0106,穿山甲,濒危野生动物及其制品,Endangered wildlife\n"
    "Restricted,300490,,药品需许可,Medicines need a licence\n";

TEST_CASE("ControlList: match by code prefix or name keyword, in file order") {
  auto list = ControlList::FromCsv(kControls);
  REQUIRE(list.ok());
  CHECK(list->size() == 4);
  auto swords = list->Match("9307009000", "装饰剑");
  REQUIRE(swords.size() == 1);
  CHECK(swords[0]->kind == ControlKind::kProhibited);
  CHECK(swords[0]->reason_en == "Swords and bayonets may not enter");
  // Keyword match ignores ASCII case; Chinese keyword matches inside the name.
  auto cbd = list->Match("3304990000", "cbd face oil");
  REQUIRE(cbd.size() == 1);
  CHECK(cbd[0]->kind == ControlKind::kRestricted);
  auto both = list->Match("0106190000", "穿山甲鳞片");
  CHECK(both.size() == 1);
  auto two = list->Match("3004909000", "CBD 软膏");
  REQUIRE(two.size() == 2);
  CHECK(two[0]->name_keyword == "CBD");
  CHECK(two[1]->code_prefix == "300490");
  CHECK(list->Match("1901101000", "婴儿配方奶粉").empty());
  CHECK(list->Match("93", "").empty());  // a prefix longer than the code does not match
}

TEST_CASE("ControlList: malformed rows name their line") {
  const std::string h = "kind,code_prefix,name_keyword,reason_zh,reason_en\n";
  auto err = [&](const std::string& row) {
    return ControlList::FromCsv(h + row).status().message();
  };
  CHECK(err("banned,9307,,x,y\n") == "line 2: kind must be prohibited or restricted");
  CHECK(err("prohibited,9,,x,y\n") == "line 2: code_prefix '9' must be 2-10 digits");
  CHECK(err("prohibited,93070090001,,x,y\n") ==
        "line 2: code_prefix '93070090001' must be 2-10 digits");
  CHECK(err("prohibited,93A7,,x,y\n") == "line 2: code_prefix '93A7' must be 2-10 digits");
  CHECK(err("prohibited,,,x,y\n") == "line 2: a row needs a code_prefix, a name_keyword or both");
  CHECK(err("prohibited,9307,,,y\n") == "line 2: reason_zh and reason_en must both be given");
  CHECK(err("prohibited,9307,,x\n") == "line 2: expected 5 fields, found 4");
}

constexpr std::string_view kHighRisk =
    "code_prefix,category_zh,category_en,measure_zh,measure_en\n"
    "02,肉类,Meat,需检疫审批,Quarantine approval required\n"
    "0207,禽肉,Poultry meat,禁止来自疫区,Banned from affected areas\n"
    "0207,禽肉（重复）,Poultry meat (duplicate),,\n"
    "12,种子,Seeds,,\n";

TEST_CASE("HighRiskList: the longest matching prefix wins, then file order") {
  auto list = HighRiskList::FromCsv(kHighRisk);
  REQUIRE(list.ok());
  CHECK(list->size() == 4);
  REQUIRE(list->Match("0207140000") != nullptr);
  CHECK(list->Match("0207140000")->category_zh == "禽肉");
  CHECK(list->Match("0201100000")->category_zh == "肉类");
  CHECK(list->Match("1209910000")->category_en == "Seeds");
  CHECK(list->Match("1209910000")->measure_zh.empty());
  CHECK(list->Match("1901101000") == nullptr);
  CHECK(list->Match("") == nullptr);
}

TEST_CASE("HighRiskList: malformed rows name their line") {
  const std::string h = "code_prefix,category_zh,category_en,measure_zh,measure_en\n";
  CHECK(HighRiskList::FromCsv(h + ",肉类,Meat,,\n").status().message() ==
        "line 2: code_prefix '' must be 2-10 digits");
  CHECK(HighRiskList::FromCsv(h + "02,,Meat,,\n").status().message() ==
        "line 2: category_zh and category_en must both be given");
  CHECK(HighRiskList::FromCsv("code_prefix,category_zh\n02,肉类\n").status().message() ==
        "line 1: header lacks the required column 'category_en'");
}

TEST_CASE("CountryTable: codes, quoted names and malformed rows") {
  auto t = CountryTable::FromCsv(
      "code,name_zh,name_en,note\n142,中国,China,\n303,英国,United Kingdom,\n"
      "199,亚洲其他国家（地区）,\"Other Asia, nes\",other\n");
  REQUIRE(t.ok());
  CHECK(t->size() == 3);
  CHECK(t->Contains("303"));
  CHECK(t->Contains("199"));
  CHECK_FALSE(t->Contains("999"));
  const std::string h = "code,name_zh,name_en,note\n";
  CHECK(CountryTable::FromCsv(h + "14,中国,China,\n").status().message() ==
        "line 2: code '14' must be 3 digits");
  CHECK(CountryTable::FromCsv(h + "142,,China,\n").status().message() ==
        "line 2: name_zh is empty");
  CHECK(CountryTable::FromCsv(h + "142,中国,China,\n142,中国,China,\n").status().message() ==
        "line 3: code appears twice");
}

}  // namespace
}  // namespace core
