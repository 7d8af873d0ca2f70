// Reconciliation of the official 2022 samples: the order, payment, waybill and list messages
// grouped by orderNo, and the findings their (test) values must produce. Reads files.
#include <doctest/doctest.h>

#include <fstream>
#include <map>
#include <sstream>
#include <string>
#include <vector>

#include "ceb_samples.h"
#include "core/catalog.h"
#include "core/reconcile.h"

namespace server {
namespace {

using core::ReconcileSet;
using testing::kOfficial2022;
using testing::ParseSample;

std::string ReadProjectFile(const std::string& relative) {
  const std::string path = std::string(PATROL_SOURCE_DIR) + "/" + relative;
  std::ifstream in(path, std::ios::binary);
  REQUIRE_MESSAGE(in.good(), "cannot read " << path);
  std::ostringstream bytes;
  bytes << in.rdbuf();
  return bytes.str();
}

// The first record of each type per orderNo across the four official messages.
std::map<std::string, ReconcileSet> SetsByOrderNo() {
  std::map<std::string, ReconcileSet> sets;
  const std::string dir = kOfficial2022;
  for (const core::Order& r : ParseSample(dir + "CEB311Message.xml").orders) {
    ReconcileSet& s = sets[r.head.order_no];
    if (!s.order) s.order = r;
  }
  for (const core::Payment& r : ParseSample(dir + "CEB411Message.xml").payments) {
    ReconcileSet& s = sets[r.head.order_no];
    if (!s.payment) s.payment = r;
  }
  for (const core::Waybill& r : ParseSample(dir + "CEB511Message.xml").waybills) {
    ReconcileSet& s = sets[r.head.order_no];
    if (!s.waybill) s.waybill = r;
  }
  for (const core::Inventory& r : ParseSample(dir + "CEB621Message.xml").inventories) {
    ReconcileSet& s = sets[r.head.order_no];
    if (!s.inventory) s.inventory = r;
  }
  return sets;
}

int DocumentCount(const ReconcileSet& s) {
  return s.order.has_value() + s.payment.has_value() + s.waybill.has_value() +
         s.inventory.has_value();
}

struct Expected {
  std::string code;
  std::string field;
  core::Severity severity;
};

void CheckFindings(const core::ReconcileResult& r, const std::vector<Expected>& expected) {
  CAPTURE(core::DumpJson(core::ReconcileResultToJson(r)));
  REQUIRE(r.findings.size() == expected.size());
  for (size_t i = 0; i < expected.size(); ++i) {
    CAPTURE(i);
    CHECK(r.findings[i].code == expected[i].code);
    CHECK(r.findings[i].field == expected[i].field);
    CHECK(r.findings[i].severity == expected[i].severity);
  }
}

TEST_CASE("official 2022 samples: documents sharing an orderNo reconcile as expected") {
  const std::map<std::string, ReconcileSet> sets = SetsByOrderNo();
  std::vector<std::string> shared;
  for (const auto& [order_no, set] : sets) {
    if (DocumentCount(set) >= 2) shared.push_back(order_no);
  }
  // The samples are independent test data: only two orderNos appear in two documents, none in
  // more.
  REQUIRE(shared == std::vector<std::string>{"order2016030811340008", "order20160321116421002"});

  const core::DivisionTable divisions = testing::Require(core::DivisionTable::FromHistoryCsv(
      ReadProjectFile("data/reference/gbt2260/divisions_history.csv")));
  const core::PositiveList positive = testing::Require(
      core::PositiveList::FromCsv(ReadProjectFile("data/lists/positive_list.csv")));
  core::ReconcileContext context;
  context.divisions = &divisions;
  context.positive_list = &positive;
  context.decision_date = testing::Require(core::Date::Parse("2016-03-15"));
  context.filed_goods["1101110325"]["8541401000"] = "admitted";

  using core::Severity;
  SUBCASE("order + waybill of order20160321116421002") {
    const ReconcileSet& s = sets.at("order20160321116421002");
    REQUIRE(s.order.has_value());
    REQUIRE(s.waybill.has_value());
    const core::ReconcileResult r = core::Reconcile(s, context);
    CHECK(r.outcome == "incomplete");
    CHECK(r.missing == std::vector<std::string>{"payment", "inventory"});
    // acturalPaid 19050 = 14000 + 5000 + 50 - 0 and goodsValue = 2000 + 12000 hold; line 2
    // declares 200 x 10 as 12000; the buyer ID has birth date 1362-50-02; the waybill's
    // consignee and telephone are another person's (the address matches).
    CheckFindings(
        r, {
               {"MISSING_DOCUMENT", "payment", Severity::kError},
               {"MISSING_DOCUMENT", "inventory", Severity::kError},
               {"LINE_TOTAL_ARITHMETIC", "order.OrderList[1].totalPrice", Severity::kWarning},
               {"BUYER_ID_INVALID", "order.OrderHead.buyerIdNumber", Severity::kError},
               {"CONSIGNEE_MISMATCH", "waybill.LogisticsHead.consignee", Severity::kError},
               {"CONSIGNEE_MISMATCH", "waybill.LogisticsHead.consigneeTelephone", Severity::kError},
           });
    CHECK(r.findings[4].message_zh.find("李小可") != std::string::npos);
    CHECK(r.findings[4].message_zh.find("焦洪宇") != std::string::npos);
    CHECK(r.findings[2].message_en.find("2000.00") != std::string::npos);
    CHECK(r.findings[2].message_en.find("12000.00") != std::string::npos);
  }
  SUBCASE("payment + list of order2016030811340008") {
    const ReconcileSet& s = sets.at("order2016030811340008");
    REQUIRE(s.payment.has_value());
    REQUIRE(s.inventory.has_value());
    const core::ReconcileResult r = core::Reconcile(s, context);
    CHECK(r.outcome == "incomplete");
    CHECK(r.missing == std::vector<std::string>{"order", "waybill"});
    // Both list lines' totals disagree with qty x price (100 x 20 as 20, 200 x 60 as 12); the
    // buyer and payer IDs are not real IDs and not the same person; 8541401000 is filed and
    // not bonded-only, so the goods checks pass.
    CheckFindings(
        r,
        {
            {"MISSING_DOCUMENT", "order", Severity::kError},
            {"MISSING_DOCUMENT", "waybill", Severity::kError},
            {"LINE_TOTAL_ARITHMETIC", "inventory.InventoryList[0].totalPrice", Severity::kWarning},
            {"LINE_TOTAL_ARITHMETIC", "inventory.InventoryList[1].totalPrice", Severity::kWarning},
            {"BUYER_ID_INVALID", "inventory.InventoryHead.buyerIdNumber", Severity::kError},
            {"PAYER_ID_INVALID", "payment.PaymentHead.payerIdNumber", Severity::kError},
            {"BUYER_PAYER_MISMATCH", "payment.PaymentHead.payerIdNumber", Severity::kError},
            {"BUYER_PAYER_MISMATCH", "payment.PaymentHead.payerName", Severity::kWarning},
        });
    CHECK(r.findings[7].message_zh.find("支付人") != std::string::npos);
    CHECK(r.findings[7].message_zh.find("李小宝") != std::string::npos);

    SUBCASE("without the filing the goods are reported too") {
      core::ReconcileContext bare = context;
      bare.filed_goods.clear();
      const core::ReconcileResult r2 = core::Reconcile(s, bare);
      size_t not_filed = 0;
      for (const core::Finding& f : r2.findings) not_filed += f.code == "GOODS_NOT_FILED";
      CHECK(not_filed == 2);
    }
  }
}

}  // namespace
}  // namespace server
