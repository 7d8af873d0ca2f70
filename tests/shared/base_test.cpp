// Tests for the core's base types: Status, Date, money, findings, JSON helpers.
#include <doctest/doctest.h>

#include "core/date.h"
#include "core/finding.h"
#include "core/json.h"
#include "core/money.h"
#include "core/status.h"

namespace core {
namespace {

StatusOr<int> Half(int x) {
  if (x % 2 != 0) return InvalidArgumentError("odd");
  return x / 2;
}

StatusOr<int> Quarter(int x) {
  CORE_ASSIGN_OR_RETURN(int h, Half(x));
  CORE_ASSIGN_OR_RETURN(int q, Half(h));
  return q;
}

TEST_CASE("StatusOr carries a value or the error that prevented it") {
  CHECK(Quarter(8).value() == 2);
  StatusOr<int> bad = Quarter(6);
  REQUIRE_FALSE(bad.ok());
  CHECK(bad.status().code() == StatusCode::kInvalidArgument);
  CHECK(bad.status().ToString() == "invalid_argument: odd");
  CHECK(StatusCodeName(StatusCode::kFailedPrecondition) == "failed_precondition");
}

TEST_CASE("Date parses both forms and refuses impossible dates") {
  CHECK(Date::Parse("2024-02-29").ok());
  CHECK_FALSE(Date::Parse("2023-02-29").ok());
  CHECK_FALSE(Date::Parse("1900-02-29").ok());
  CHECK(Date::Parse("2000-02-29").ok());
  CHECK(Date::Parse("19491231")->ToIso() == "1949-12-31");
  CHECK_FALSE(Date::Parse("2024-13-01").ok());
  CHECK_FALSE(Date::Parse("2024-1-01").ok());
  CHECK_FALSE(Date::Parse("20x40101").ok());
  CHECK_FALSE(Date::Parse("").ok());
}

TEST_CASE("Date arithmetic round-trips through days since epoch") {
  CHECK(Date().DaysSinceEpoch() == 0);
  Date d = Date::Parse("2026-04-01").value();
  CHECK(Date::FromDaysSinceEpoch(d.DaysSinceEpoch()) == d);
  CHECK(d.AddDays(-1).ToIso() == "2026-03-31");
  CHECK(Date::Parse("2024-01-31")->AddMonths(1).ToIso() == "2024-02-29");
  CHECK(Date::Parse("2025-11-30")->AddMonths(3).ToIso() == "2026-02-28");
  CHECK(Date::Parse("1969-12-31")->DaysSinceEpoch() == -1);
  CHECK(YearsBetween(Date::Parse("1980-03-01").value(), Date::Parse("2026-02-28").value()) == 45);
  CHECK(YearsBetween(Date::Parse("1980-03-01").value(), Date::Parse("2026-03-01").value()) == 46);
  CHECK(Date::Parse("2026-04-01").value() > Date::Parse("2026-03-31").value());
}

TEST_CASE("ParseCny reads the amounts people and messages write") {
  CHECK(ParseCny("1299").value() == 129900);
  CHECK(ParseCny("1299.5").value() == 129950);
  CHECK(ParseCny("1,299.00").value() == 129900);
  CHECK(ParseCny("\xC2\xA5"
                 "1,299.00")
            .value() == 129900);
  CHECK(ParseCny("\xEF\xBF\xA5"
                 "12")
            .value() == 1200);
  CHECK(ParseCny("1299\xE5\x85\x83").value() == 129900);
  CHECK(ParseCny("-3.20").value() == -320);
  CHECK(ParseCny("0.07").value() == 7);
  CHECK_FALSE(ParseCny("1.234").ok());
  CHECK_FALSE(ParseCny("12,99").ok());
  CHECK_FALSE(ParseCny("1,2999").ok());
  CHECK_FALSE(ParseCny("abc").ok());
  CHECK_FALSE(ParseCny("").ok());
  CHECK_FALSE(ParseCny("12.").ok());
  CHECK_FALSE(ParseCny("99999999999999999999").ok());
}

TEST_CASE("FormatCny writes fen exactly, including negatives") {
  CHECK(FormatCny(129900) == "1299.00");
  CHECK(FormatCny(7) == "0.07");
  CHECK(FormatCny(-320) == "-3.20");
  CHECK(FormatCny(0) == "0.00");
  CHECK(FormatCnyDisplay(123456789) ==
        "\xC2\xA5"
        "1,234,567.89");
  CHECK(FormatCnyDisplay(-100) ==
        "-\xC2\xA5"
        "1.00");
  CHECK(FormatCny(ParseCny("45.50").value()) == "45.50");
}

TEST_CASE("Findings: severity queries and field prefixes") {
  Findings fs;
  CHECK_FALSE(HasErrors(fs));
  AppendFindings(fs, {MakeFinding("X", Severity::kWarning, "number", "z", "e")},
                 "qualifications[0]");
  CHECK(fs[0].field == "qualifications[0].number");
  CHECK(HasWarnings(fs));
  CHECK_FALSE(HasErrors(fs));
  fs.push_back(MakeFinding("Y", Severity::kError, "", "z", "e"));
  CHECK(HasErrors(fs));
}

TEST_CASE("JSON helpers never throw and name the offending field") {
  CHECK_FALSE(ParseJson("{bad").ok());
  Json obj = ParseJson(R"({"a":"x","n":5,"b":true,"s":7})").value();
  CHECK(RequiredString(obj, "a").value() == "x");
  CHECK(RequiredString(obj, "missing").status().message() == "field 'missing' is required");
  CHECK(RequiredString(obj, "s").status().message() == "field 's' must be a string");
  CHECK_FALSE(RequiredString(obj, "a", 0).ok());
  CHECK(RequiredInt(obj, "n").value() == 5);
  CHECK_FALSE(RequiredInt(obj, "a").ok());
  CHECK(OptionalBool(obj, "b", false).value());
  CHECK(OptionalBool(obj, "none", true).value());
  CHECK(DumpJson(ParseJson(R"({"z":1,"a":2})").value()) == R"({"a":2,"z":1})");
  CHECK(DumpJson(Json(std::string("\xFF"))) == "\"\xEF\xBF\xBD\"");
}

}  // namespace
}  // namespace core
