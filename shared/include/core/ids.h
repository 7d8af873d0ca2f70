// Identifier checks (DOMAIN §4): resident ID, USCC, customs registration code, commodity code,
// and the GB/T 2260 division table they consult. Every check returns findings, not just a bool.
// Pure: tables come in as values parsed from CSV text the caller read.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/date.h"
#include "core/finding.h"
#include "core/status.h"

namespace core {

class Hs8Catalog;  // catalog.h

// GB/T 2260 administrative divisions with the years each code was in use (1981–2024).
class DivisionTable {
 public:
  struct Record {
    std::string code;  // 6 digits
    std::string name;
    std::string province;
    std::string prefecture;  // "" for a province, 直辖 for a county directly under one
    int start_year = 0;      // inclusive
    int end_year = 0;        // exclusive; 0 = still in use
  };

  // Parses data/reference/gbt2260/divisions_history.csv text (header row required; columns
  // code,name,start_year,end_year, optional province,prefecture; others ignored).
  // InvalidArgument naming the line on malformed rows (code not 6 digits, empty name, bad years,
  // end_year not after start_year).
  static StatusOr<DivisionTable> FromHistoryCsv(std::string_view csv);

  // True when the code was listed in any year.
  bool EverListed(std::string_view code6) const;
  // The records for a code (several when its name changed), nullptr when never listed.
  const std::vector<Record>* Find(std::string_view code6) const;
  // The place's full name from its latest record, parents first ("广东省汕头市潮阳县"); ""
  // when the code was never listed.
  std::string FullName(std::string_view code6) const;
  size_t size() const { return by_code_.size(); }

 private:
  std::map<std::string, std::vector<Record>, std::less<>> by_code_;
};

// Result of one identifier check. `valid` is false exactly when findings hold an error.
struct IdCheck {
  bool valid = false;
  std::string normalized;                      // upper-cased, trimmed form that was checked
  Findings findings;                           // fields are relative ("" or a sub-part name)
  std::map<std::string, std::string> details;  // parsed parts, e.g. birth_date, sex, region
};

// 18-digit resident ID (GB 11643): format, MOD 11-2 check character, a real birth date not after
// `today` (when given), and an address code GB/T 2260 listed in some year (when `divisions` is
// given; otherwise a warning that it was not checked). A 15-digit legacy ID is recognised:
// valid format gives a warning ID_LEGACY_15 rather than an error. Codes: ID_FORMAT, ID_CHECKSUM,
// ID_BIRTH_DATE, ID_BIRTH_FUTURE, ID_ADDRESS_UNKNOWN, ID_ADDRESS_NOT_CHECKED, ID_LEGACY_15.
// Any real calendar date is a possible birth date (no lower bound). An empty table counts as not
// given. details: birth_date (ISO), sex (male/female), address_code, region (name when known),
// expected_check (when wrong), id18 (the 18-digit form of a legacy number).
IdCheck CheckResidentId(std::string_view id, const DivisionTable* divisions,
                        std::optional<Date> today);

enum class UsccMode {
  kStrict,   // a wrong check character is an error
  kLenient,  // a wrong check character is a warning (early pilot codes, DOMAIN §4.2)
};

// Unified Social Credit Code (GB 32100): alphabet and layout, check character (mod 31), the
// registration-authority digit, the division code (warning when GB/T 2260 never listed it), and
// the inner GB 11714 organisation-code check (warning only). Codes: USCC_FORMAT, USCC_CHECKSUM,
// USCC_CHECKSUM_PILOT (lenient), USCC_AUTHORITY, USCC_REGION_UNKNOWN, USCC_ORG_CODE. Region code
// 100000 (national authorities) is accepted; without a division table the region is not examined.
// details: authority, authority_name, org_type, org_type_name (when defined), region_code, region,
// org_code, expected_check (when the check character is wrong).
IdCheck CheckUscc(std::string_view code, UsccMode mode, const DivisionTable* divisions);

// 10-character customs registration code: [0-9A-Z]{10}; positions 5 (zone) and 6 (enterprise
// type) decoded into details; region digits checked against GB/T 2260 provinces (warning).
// Codes: CUSTOMS_CODE_FORMAT, CUSTOMS_CODE_REGION. details: region_code, region (name, when the
// province is known), zone, zone_name, enterprise_type, enterprise_type_name (names when defined).
IdCheck CheckCustomsCode(std::string_view code, const DivisionTable* divisions);

// 10-digit commodity code (8-digit tariff line + 2 supplementary digits). With a catalogue, the
// 8-digit part must exist (error HS_UNKNOWN when never listed) and be listed in `year` (warning
// HS_NOT_LISTED_IN_YEAR otherwise; year <= 0 means the catalogue's latest year). Without a
// catalogue (nullptr or empty), warning HS_NOT_CHECKED. Codes: HS_FORMAT, HS_UNKNOWN,
// HS_NOT_LISTED_IN_YEAR, HS_NOT_CHECKED. details: code8, name_zh, name_en when listed.
IdCheck CheckCommodityCode(std::string_view code10, const Hs8Catalog* catalog, int year);

}  // namespace core
