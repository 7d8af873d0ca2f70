// Reference lists for goods admission, all loaded from CSV text the server (or the page) read:
// the 8-digit commodity catalogue, the CBEC positive list with its remarks, the prohibited and
// restricted list, and the high-risk quarantine categories. Pure.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/ids.h"
#include "core/status.h"
#include "core/tax.h"

namespace core {

// Customs statistics catalogue of 8-digit codes, 2015–2023 (hs8_years_2015_2023.csv).
class Hs8Catalog {
 public:
  struct Entry {
    std::string code;  // 8 digits
    int first_year = 0;
    int last_year = 0;
    std::vector<int> years_present;  // empty = every year first..last
    std::string name_zh;
    std::string name_en;
  };
  // Columns code,first_year,last_year,years_present,name_zh_latest,name_en_latest (header row
  // required; extra columns ignored). InvalidArgument naming the line for a code that is not 8
  // digits or repeats, bad years, last_year before first_year, or years_present outside them.
  static StatusOr<Hs8Catalog> FromYearsCsv(std::string_view csv);
  // The entry for an 8-digit code, nullptr when the catalogue never listed it.
  const Entry* Find(std::string_view code8) const;
  // Listed in that year. Years after the catalogue's last year count as the last year (and years
  // before its first as the first: a code listed in 2015 did not appear from nowhere).
  bool ListedIn(std::string_view code8, int year) const;
  int first_catalog_year() const { return first_catalog_year_; }
  int last_catalog_year() const { return last_catalog_year_; }
  size_t size() const { return entries_.size(); }

 private:
  std::map<std::string, Entry, std::less<>> entries_;
  int first_catalog_year_ = 0;
  int last_catalog_year_ = 0;
};

// One 8-digit line of the positive list with its remark decoded into the four kinds of control.
struct PositiveListEntry {
  std::string code8;
  std::string name;
  std::string remark;                      // the remark text as published
  bool excluded = false;                   // (a) listed but this kind of goods excluded
  std::string exclusion;                   //     what is excluded (text)
  bool bonded_only = false;                // (b) 1210 (bonded) trade mode only
  std::vector<std::string> allowed_names;  // (c) name restriction: the name must contain one
  int64_t annual_qty_cap_milli = 0;        // (d) per person per year, in thousandths of the unit
  std::string annual_qty_unit;             //     e.g. "千克"
};

// CSV columns: code8,name,remark,excluded,exclusion,bonded_only,allowed_names,annual_cap,cap_unit
// (allowed_names ';'-separated; annual_cap a decimal like "2" or "20.5"). First line may be a
// '#' comment naming the version; header row required.
class PositiveList {
 public:
  // Every column is required (a misspelt one would silently drop a control). Flags are
  // 1/0/true/false/yes/no/是/否 or empty (= no). version = the first '#' comment's text, trimmed,
  // without a leading "version:" or "version=". InvalidArgument naming the line for a code that
  // is not 8 digits or repeats, an empty name, a bad flag, excluded without exclusion text, an
  // annual_cap that is not a positive decimal with at most 3 decimals, or a cap without a unit
  // (or a unit without a cap).
  static StatusOr<PositiveList> FromCsv(std::string_view csv);
  const PositiveListEntry* Find(std::string_view code8) const;
  const std::string& version() const { return version_; }
  size_t size() const { return entries_.size(); }

 private:
  std::map<std::string, PositiveListEntry, std::less<>> entries_;
  std::string version_;
};

enum class ControlKind { kProhibited, kRestricted };

// Prohibited / restricted goods: by code prefix (2–10 digits) and/or by a name keyword.
// CSV columns: kind,code_prefix,name_keyword,reason_zh,reason_en  (kind = prohibited|restricted)
struct ControlEntry {
  ControlKind kind = ControlKind::kProhibited;
  std::string code_prefix;
  std::string name_keyword;
  std::string reason_zh;
  std::string reason_en;
};

class ControlList {
 public:
  // Every column is required. InvalidArgument naming the line for an unknown kind, a prefix that
  // is not 2-10 digits, a row with neither prefix nor keyword, or an empty reason_zh/reason_en.
  static StatusOr<ControlList> FromCsv(std::string_view csv);
  // Every entry matching the code (prefix) or the goods name (keyword, ASCII letters compared
  // without case), in file order.
  std::vector<const ControlEntry*> Match(std::string_view code10, std::string_view name) const;
  size_t size() const { return entries_.size(); }

 private:
  std::vector<ControlEntry> entries_;
};

// High-risk quarantine categories (animal and plant products, foods ...), by code prefix.
// CSV columns: code_prefix,category_zh,category_en,measure_zh,measure_en
struct HighRiskCategory {
  std::string code_prefix;
  std::string category_zh;
  std::string category_en;
  std::string measure_zh;
  std::string measure_en;
};

class HighRiskList {
 public:
  // Every column is required. InvalidArgument naming the line for a prefix that is not 2-10
  // digits or an empty category_zh/category_en (measures may be empty).
  static StatusOr<HighRiskList> FromCsv(std::string_view csv);
  // The most specific (longest prefix) category matching the code, or nullptr.
  const HighRiskCategory* Match(std::string_view code10) const;
  size_t size() const { return entries_.size(); }

 private:
  std::vector<HighRiskCategory> entries_;
};

// Customs 3-digit country codes (countries.csv: code,name_zh,name_en,note).
class CountryTable {
 public:
  // Columns code and name_zh required (others ignored). InvalidArgument naming the line for a
  // code that is not 3 digits or repeats, or an empty name_zh.
  static StatusOr<CountryTable> FromCsv(std::string_view csv);
  bool Contains(std::string_view code3) const { return names_.find(code3) != names_.end(); }
  size_t size() const { return names_.size(); }

 private:
  std::map<std::string, std::string, std::less<>> names_;
};

// Every table the admission checks consult. Tables left empty are "not loaded": checks that need
// them report a warning instead of passing silently.
struct ReferenceTables {
  DivisionTable divisions;
  Hs8Catalog hs8;
  PositiveList positive_list;
  ControlList controls;
  HighRiskList high_risk;
  CountryTable countries;
  TaxRateTable tax_rates;  // data/tax/rates.csv (tax verdicts)
};

}  // namespace core
