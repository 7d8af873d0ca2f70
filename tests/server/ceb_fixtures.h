// CEB message fixtures for the server tests: a consistent order, payment, waybill and list among
// the demo enterprises (hnby sells on its own platform, zzpay collects, ztlog carries), their
// JSON request forms and CEB XML text, and helpers to submit them. No file I/O.
#pragma once

#include <doctest/doctest.h>

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "core/json.h"
#include "core/messages.h"
#include "test_server.h"

namespace server::testing {

// Demo enterprises' customs codes (server/demo/demo_seed.cpp).
inline constexpr const char* kHnbyCode = "4101460012";   // e-commerce + platform, admitted
inline constexpr const char* kZzpayCode = "4101960034";  // payment, admitted
inline constexpr const char* kZtlogCode = "4101460056";  // logistics, admitted
inline constexpr const char* kJpCode = "4101940078";     // overseas e-commerce, admitted
// Valid resident IDs (郑州市金水区), two different people.
inline constexpr const char* kBuyerA = "410105198511200048";
inline constexpr const char* kBuyerB = "41010519900307123X";

struct SetSpec {
  std::string key = "0001";  // makes guids, order, payment, waybill and list numbers unique
  std::string ebp = kHnbyCode;
  std::string ebc = kHnbyCode;
  std::string pay = kZzpayCode;
  std::string logistics = kZtlogCode;
  std::string buyer_id = kBuyerA;
  std::string buyer_name = "张三";
  std::string phone = "13800000000";  // the buyer's and the consignee's
  std::string code10 = "8510100000";  // electric shaver: hnby filed it (admitted); VAT 13%
  core::Fen price = 39900;
  int qty = 1;
  core::Fen freight = 1000;
  std::string decl_date = "20261120";  // YYYYMMDD
  // Declared tax; default: the within-limits tax at 13% VAT, no CT (P x 9.1%, half up).
  std::optional<core::Fen> tax_total;
};

// The default spec under another key.
inline SetSpec Spec(std::string key) {
  SetSpec s;
  s.key = std::move(key);
  return s;
}

struct CebSet {
  core::Order order;
  core::Payment payment;
  core::Waybill waybill;
  core::Inventory list;
};

// The within-limits comprehensive tax of a 13% VAT, 0% CT good on dutiable value p (fen).
inline core::Fen Vat13WithinLimits(core::Fen p) { return (p * 91 + 500) / 1000; }

CebSet MakeSet(const SetSpec& spec);

// {"type": "CEB311", "message": record}.
core::Json JsonItem(std::string_view type, const core::Json& record);
// {"messages": [order, payment, waybill, list]}.
core::Json BatchJson(const CebSet& set);

// A CEB XML message (ceb: prefix, XML declaration, BaseTransfer) holding the records given in
// the core's JSON form.
std::string CebXml(core::MessageType type, const std::vector<core::Json>& records);

// POSTs to /api/v1/messages.
Response SubmitJson(TestServer& s, const std::string& cookie, const core::Json& body);
Response SubmitXml(TestServer& s, const std::string& cookie, const std::string& xml,
                   const std::string& content_type = "application/xml");

// Submits the whole set as one JSON batch (as admin by default) and returns the declaration id
// of its list; fails the test unless every record is stored.
int64_t SubmitSet(TestServer& s, const std::string& cookie, const CebSet& set);

// Submits the default set under `key` with the line's unit price `price` (fen); returns the
// declaration id.
int64_t ListAt(TestServer& s, const std::string& cookie, const std::string& key, core::Fen price);

// "/api/v1/declarations/{id}/{what}".
std::string DeclarationPath(int64_t id, const std::string& what);

// A routing rule in the core's JSON form, valid from 2026-01-01, enabled, with test reasons.
core::Json TestRule(const std::string& id, const std::string& condition, const std::string& action,
                    int priority = 100);

// GET /api/v1/declarations/{id} as `cookie`; fails the test unless 200.
core::Json Declaration(TestServer& s, const std::string& cookie, int64_t id);

// Rows of every table a request may write, ingestion's included.
std::map<std::string, int64_t> IngestCounts(TestServer& s);

// The codes of the events of a declaration's history, as "status:REASON" strings.
std::vector<std::string> History(const core::Json& declaration);

// A return (CEB625) of `qty` units of line 1 of the list `declaration` (GET /declarations/{id}),
// applied `app_time` ("YYYYMMDDhhmmss"), with the parties and numbers of that list.
core::Refund RefundOf(const core::Json& declaration, const std::string& guid, const char* qty,
                      const char* app_time = "20261126120000");

}  // namespace server::testing
