// Writing CEB XML by hand: a fixed element order, escaped text, one record per message.
#include "gen/ceb_text.h"

#include "core/money.h"
#include "gen/rng.h"

namespace gen {

namespace {

class Writer {
 public:
  explicit Writer(std::string& out) : out_(out) {}
  // Optional fields the sender left empty are omitted, as most senders do.
  void Field(const char* name, std::string_view value, int depth) {
    if (value.empty()) return;
    out_.append(static_cast<size_t>(depth), '\t');
    out_ += "<ceb:";
    out_ += name;
    out_ += '>';
    AppendXmlEscaped(out_, value);
    out_ += "</ceb:";
    out_ += name;
    out_ += ">\n";
  }
  void Money(const char* name, core::Fen v, int depth) { Field(name, core::FormatCny(v), depth); }
  void Qty(const char* name, const core::Qty& q, int depth) {
    Field(name, core::FormatQty(q), depth);
  }
  void Int(const char* name, int64_t v, int depth) { Field(name, std::to_string(v), depth); }
  void Open(const char* name, int depth) {
    out_.append(static_cast<size_t>(depth), '\t');
    out_ += "<ceb:";
    out_ += name;
    out_ += ">\n";
  }
  void Close(const char* name, int depth) {
    out_.append(static_cast<size_t>(depth), '\t');
    out_ += "</ceb:";
    out_ += name;
    out_ += ">\n";
  }

 private:
  std::string& out_;
};

std::string AppType(core::AppType t) { return std::to_string(static_cast<int>(t)); }

void Begin(std::string& out, const char* type, const std::string& guid) {
  out += "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<ceb:";
  out += type;
  out += "Message guid=\"";
  out += guid;
  out +=
      "\" version=\"1.0\" xmlns:ceb=\"http://www.chinaport.gov.cn/ceb\" "
      "xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\">\n";
}

// BaseTransfer and a signature block shaped and sized like the official samples' SM2 blocks.
void End(std::string& out, const char* type, const Transfer& t, uint64_t sig_seed) {
  Writer w(out);
  w.Open("BaseTransfer", 1);
  w.Field("copCode", t.cop_code, 2);
  w.Field("copName", t.cop_name, 2);
  w.Field("dxpMode", "DXP", 2);
  w.Field("dxpId", t.dxp_id, 2);
  w.Close("BaseTransfer", 1);
  static const char kB64[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
  Rng r(sig_seed);
  out +=
      "\t<ds:Signature xmlns:ds=\"http://www.w3.org/2000/09/xmldsig#\">\n<ds:SignedInfo>\n"
      "<ds:CanonicalizationMethod "
      "Algorithm=\"http://www.w3.org/TR/2001/REC-xml-c14n-20010315\"></"
      "ds:CanonicalizationMethod>\n<ds:SignatureMethod "
      "Algorithm=\"http://www.chinaport.gov.cn/2022/04/xmldsig#sm2-sm3\"></ds:SignatureMethod>\n"
      "<ds:Reference URI=\"\">\n<ds:Transforms>\n<ds:Transform "
      "Algorithm=\"http://www.w3.org/2000/09/xmldsig#enveloped-signature\"></ds:Transform>\n"
      "</ds:Transforms>\n<ds:DigestMethod "
      "Algorithm=\"http://www.chinaport.gov.cn/2022/04/xmldsig#sm3\"></ds:DigestMethod>\n"
      "<ds:DigestValue>";
  out += r.Chars(kB64, 64, 43) +
         "=</ds:DigestValue>\n</ds:Reference>\n</ds:SignedInfo>\n"
         "<ds:SignatureValue>\n";
  out += r.Chars(kB64, 64, 86) + "==\n</ds:SignatureValue>\n<ds:KeyInfo>\n<ds:KeyName>";
  out += t.cop_code + "</ds:KeyName>\n<ds:X509Data>\n<ds:X509Certificate>\n";
  for (int line = 0; line < 14; ++line) out += r.Chars(kB64, 64, 76) + "\n";
  out += r.Chars(kB64, 64, 40) +
         "\n</ds:X509Certificate>\n</ds:X509Data>\n</ds:KeyInfo>\n"
         "</ds:Signature>\n</ceb:";
  out += type;
  out += "Message>\n";
}

}  // namespace

void AppendXmlEscaped(std::string& out, std::string_view text) {
  for (char c : text) {
    switch (c) {
      case '&':
        out += "&amp;";
        break;
      case '<':
        out += "&lt;";
        break;
      case '>':
        out += "&gt;";
        break;
      default:
        out += c;
    }
  }
}

std::string OrderXml(const core::Order& r, const Transfer& t, uint64_t sig_seed) {
  std::string out;
  out.reserve(6000);
  const core::OrderHead& h = r.head;
  Begin(out, "CEB311", h.guid);
  Writer w(out);
  w.Open("Order", 1);
  w.Open("OrderHead", 2);
  w.Field("guid", h.guid, 3);
  w.Field("appType", AppType(h.app_type), 3);
  w.Field("appTime", h.app_time.ToDigits(), 3);
  w.Field("appStatus", h.app_status, 3);
  w.Field("orderType", h.order_type, 3);
  w.Field("orderNo", h.order_no, 3);
  w.Field("ebpCode", h.ebp_code, 3);
  w.Field("ebpName", h.ebp_name, 3);
  w.Field("ebcCode", h.ebc_code, 3);
  w.Field("ebcName", h.ebc_name, 3);
  w.Money("goodsValue", h.goods_value, 3);
  w.Money("freight", h.freight, 3);
  w.Money("discount", h.discount, 3);
  w.Money("taxTotal", h.tax_total, 3);
  w.Money("acturalPaid", h.actural_paid, 3);
  w.Field("currency", h.currency, 3);
  w.Field("buyerRegNo", h.buyer_reg_no, 3);
  w.Field("buyerName", h.buyer_name, 3);
  w.Field("buyerTelephone", h.buyer_telephone, 3);
  w.Field("buyerIdType", h.buyer_id_type, 3);
  w.Field("buyerIdNumber", h.buyer_id_number, 3);
  w.Field("payCode", h.pay_code, 3);
  w.Field("payName", h.pay_name, 3);
  w.Field("payTransactionId", h.pay_transaction_id, 3);
  w.Field("batchNumbers", h.batch_numbers, 3);
  w.Field("consignee", h.consignee, 3);
  w.Field("consigneeTelephone", h.consignee_telephone, 3);
  w.Field("consigneeAddress", h.consignee_address, 3);
  w.Field("consigneeDistrict", h.consignee_district, 3);
  w.Field("note", h.note, 3);
  w.Close("OrderHead", 2);
  for (const core::OrderLine& l : r.lines) {
    w.Open("OrderList", 2);
    w.Int("gnum", l.gnum, 3);
    w.Field("itemNo", l.item_no, 3);
    w.Field("itemName", l.item_name, 3);
    w.Field("gmodel", l.gmodel, 3);
    w.Field("itemDescribe", l.item_describe, 3);
    w.Field("barCode", l.bar_code, 3);
    w.Field("unit", l.unit, 3);
    w.Qty("qty", l.qty, 3);
    w.Money("price", l.price, 3);
    w.Money("totalPrice", l.total_price, 3);
    w.Field("currency", l.currency, 3);
    w.Field("country", l.country, 3);
    w.Field("note", l.note, 3);
    w.Close("OrderList", 2);
  }
  w.Close("Order", 1);
  End(out, "CEB311", t, sig_seed);
  return out;
}

std::string PaymentXml(const core::Payment& r, const Transfer& t, uint64_t sig_seed) {
  std::string out;
  out.reserve(4500);
  const core::PaymentHead& h = r.head;
  Begin(out, "CEB411", h.guid);
  Writer w(out);
  w.Open("Payment", 1);
  w.Open("PaymentHead", 2);
  w.Field("guid", h.guid, 3);
  w.Field("appType", AppType(h.app_type), 3);
  w.Field("appTime", h.app_time.ToDigits(), 3);
  w.Field("appStatus", h.app_status, 3);
  w.Field("payCode", h.pay_code, 3);
  w.Field("payName", h.pay_name, 3);
  w.Field("payTransactionId", h.pay_transaction_id, 3);
  w.Field("orderNo", h.order_no, 3);
  w.Field("ebpCode", h.ebp_code, 3);
  w.Field("ebpName", h.ebp_name, 3);
  w.Field("payerIdType", h.payer_id_type, 3);
  w.Field("payerIdNumber", h.payer_id_number, 3);
  w.Field("payerName", h.payer_name, 3);
  w.Field("telephone", h.telephone, 3);
  w.Money("amountPaid", h.amount_paid, 3);
  w.Field("currency", h.currency, 3);
  w.Field("payTime", h.pay_time.ToDigits(), 3);
  w.Field("note", h.note, 3);
  w.Close("PaymentHead", 2);
  w.Close("Payment", 1);
  End(out, "CEB411", t, sig_seed);
  return out;
}

std::string WaybillXml(const core::Waybill& r, const Transfer& t, uint64_t sig_seed) {
  std::string out;
  out.reserve(4500);
  const core::LogisticsHead& h = r.head;
  Begin(out, "CEB511", h.guid);
  Writer w(out);
  w.Open("Logistics", 1);
  w.Open("LogisticsHead", 2);
  w.Field("guid", h.guid, 3);
  w.Field("appType", AppType(h.app_type), 3);
  w.Field("appTime", h.app_time.ToDigits(), 3);
  w.Field("appStatus", h.app_status, 3);
  w.Field("logisticsCode", h.logistics_code, 3);
  w.Field("logisticsName", h.logistics_name, 3);
  w.Field("logisticsNo", h.logistics_no, 3);
  w.Field("billNo", h.bill_no, 3);
  w.Field("orderNo", h.order_no, 3);
  if (h.freight) w.Money("freight", *h.freight, 3);
  if (h.insured_fee) w.Money("insuredFee", *h.insured_fee, 3);
  w.Field("currency", h.currency, 3);
  w.Qty("weight", h.weight, 3);
  w.Int("packNo", h.pack_no, 3);
  w.Field("goodsInfo", h.goods_info, 3);
  w.Field("consignee", h.consignee, 3);
  w.Field("consigneeAddress", h.consignee_address, 3);
  w.Field("consigneeTelephone", h.consignee_telephone, 3);
  w.Field("note", h.note, 3);
  w.Close("LogisticsHead", 2);
  w.Close("Logistics", 1);
  End(out, "CEB511", t, sig_seed);
  return out;
}

std::string InventoryXml(const core::Inventory& r, const Transfer& t, uint64_t sig_seed) {
  std::string out;
  out.reserve(8000);
  const core::InventoryHead& h = r.head;
  Begin(out, "CEB621", h.guid);
  Writer w(out);
  w.Open("Inventory", 1);
  w.Open("InventoryHead", 2);
  w.Field("guid", h.guid, 3);
  w.Field("appType", AppType(h.app_type), 3);
  w.Field("appTime", h.app_time.ToDigits(), 3);
  w.Field("appStatus", h.app_status, 3);
  w.Field("orderNo", h.order_no, 3);
  w.Field("ebpCode", h.ebp_code, 3);
  w.Field("ebpName", h.ebp_name, 3);
  w.Field("ebcCode", h.ebc_code, 3);
  w.Field("ebcName", h.ebc_name, 3);
  w.Field("logisticsNo", h.logistics_no, 3);
  w.Field("logisticsCode", h.logistics_code, 3);
  w.Field("logisticsName", h.logistics_name, 3);
  w.Field("copNo", h.cop_no, 3);
  w.Field("preNo", h.pre_no, 3);
  w.Field("assureCode", h.assure_code, 3);
  w.Field("emsNo", h.ems_no, 3);
  w.Field("invtNo", h.invt_no, 3);
  w.Field("ieFlag", h.ie_flag, 3);
  w.Field("declTime", h.decl_time.ToDigits(), 3);
  w.Field("customsCode", h.customs_code, 3);
  w.Field("portCode", h.port_code, 3);
  if (h.ie_date) w.Field("ieDate", h.ie_date->ToDigits(), 3);
  w.Field("buyerIdType", h.buyer_id_type, 3);
  w.Field("buyerIdNumber", h.buyer_id_number, 3);
  w.Field("buyerName", h.buyer_name, 3);
  w.Field("buyerTelephone", h.buyer_telephone, 3);
  w.Field("consigneeAddress", h.consignee_address, 3);
  w.Field("agentCode", h.agent_code, 3);
  w.Field("agentName", h.agent_name, 3);
  w.Field("areaCode", h.area_code, 3);
  w.Field("areaName", h.area_name, 3);
  w.Field("tradeMode", h.trade_mode, 3);
  w.Field("trafMode", h.traf_mode, 3);
  w.Field("trafNo", h.traf_no, 3);
  w.Field("voyageNo", h.voyage_no, 3);
  w.Field("billNo", h.bill_no, 3);
  w.Field("loctNo", h.loct_no, 3);
  w.Field("licenseNo", h.license_no, 3);
  w.Field("country", h.country, 3);
  w.Money("freight", h.freight, 3);
  w.Money("insuredFee", h.insured_fee, 3);
  w.Field("currency", h.currency, 3);
  w.Field("wrapType", h.wrap_type, 3);
  w.Int("packNo", h.pack_no, 3);
  w.Qty("grossWeight", h.gross_weight, 3);
  w.Qty("netWeight", h.net_weight, 3);
  w.Field("note", h.note, 3);
  w.Close("InventoryHead", 2);
  for (const core::InventoryLine& l : r.lines) {
    w.Open("InventoryList", 2);
    w.Int("gnum", l.gnum, 3);
    w.Field("itemRecordNo", l.item_record_no, 3);
    w.Field("itemNo", l.item_no, 3);
    w.Field("itemName", l.item_name, 3);
    w.Field("gcode", l.gcode, 3);
    w.Field("gname", l.gname, 3);
    w.Field("gmodel", l.gmodel, 3);
    w.Field("barCode", l.bar_code, 3);
    w.Field("country", l.country, 3);
    w.Field("tradeCountry", l.trade_country, 3);
    w.Field("currency", l.currency, 3);
    w.Qty("qty", l.qty, 3);
    w.Field("unit", l.unit, 3);
    w.Qty("qty1", l.qty1, 3);
    w.Field("unit1", l.unit1, 3);
    if (l.qty2) w.Qty("qty2", *l.qty2, 3);
    w.Field("unit2", l.unit2, 3);
    w.Money("price", l.price, 3);
    w.Money("totalPrice", l.total_price, 3);
    w.Field("note", l.note, 3);
    w.Close("InventoryList", 2);
  }
  w.Close("Inventory", 1);
  End(out, "CEB621", t, sig_seed);
  return out;
}

SetXml XmlOfSet(const GeneratedSet& s) {
  const uint64_t base = s.index * 4 + 0x5EED;
  SetXml x;
  x.order = OrderXml(
      s.order, {s.order.head.ebp_code, s.order.head.ebp_name, "DXPENT" + s.order.head.ebp_code},
      base);
  x.payment = PaymentXml(
      s.payment,
      {s.payment.head.pay_code, s.payment.head.pay_name, "DXPENT" + s.payment.head.pay_code},
      base + 1);
  x.waybill = WaybillXml(s.waybill,
                         {s.waybill.head.logistics_code, s.waybill.head.logistics_name,
                          "DXPENT" + s.waybill.head.logistics_code},
                         base + 2);
  x.list = InventoryXml(
      s.list, {s.list.head.agent_code, s.list.head.agent_name, "DXPENT" + s.list.head.agent_code},
      base + 3);
  return x;
}

core::Json JsonOfSet(const GeneratedSet& s) {
  core::Json messages = core::Json::array();
  messages.push_back({{"type", "CEB311"}, {"message", core::OrderToJson(s.order)}});
  messages.push_back({{"type", "CEB411"}, {"message", core::PaymentToJson(s.payment)}});
  messages.push_back({{"type", "CEB511"}, {"message", core::WaybillToJson(s.waybill)}});
  messages.push_back({{"type", "CEB621"}, {"message", core::InventoryToJson(s.list)}});
  return {{"messages", messages}};
}

}  // namespace gen
