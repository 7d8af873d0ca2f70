// The field tables of the CEB heads and lines: names, members, required flags and maximum
// lengths from the 2022-05 import XSD (guid allowed up to 64 characters: real senders do not
// keep to 36). Pure.
#include "messages/field_table.h"

namespace core::internal {
namespace {

constexpr bool kReq = true;
constexpr bool kOpt = false;
constexpr size_t kGuidMax = 64;

template <typename S>
constexpr FieldSpec<S> F(std::string_view name, MemberPtr<S> member, bool required,
                         size_t max_chars = 0) {
  return FieldSpec<S>{name, member, required, max_chars};
}

using OH = OrderHead;
const FieldSpec<OH> kOrderHead[] = {
    F<OH>("guid", &OH::guid, kReq, kGuidMax),
    F<OH>("appType", &OH::app_type, kReq),
    F<OH>("appTime", &OH::app_time, kReq),
    F<OH>("appStatus", &OH::app_status, kReq, 3),
    F<OH>("orderType", &OH::order_type, kReq, 1),
    F<OH>("orderNo", &OH::order_no, kReq, 60),
    F<OH>("ebpCode", &OH::ebp_code, kReq, 18),
    F<OH>("ebpName", &OH::ebp_name, kReq, 100),
    F<OH>("ebcCode", &OH::ebc_code, kReq, 18),
    F<OH>("ebcName", &OH::ebc_name, kReq, 100),
    F<OH>("goodsValue", &OH::goods_value, kReq),
    F<OH>("freight", &OH::freight, kReq),
    F<OH>("discount", &OH::discount, kReq),
    F<OH>("taxTotal", &OH::tax_total, kReq),
    F<OH>("acturalPaid", &OH::actural_paid, kReq),
    F<OH>("currency", &OH::currency, kReq, 3),
    F<OH>("buyerRegNo", &OH::buyer_reg_no, kReq, 60),
    F<OH>("buyerName", &OH::buyer_name, kReq, 60),
    F<OH>("buyerTelephone", &OH::buyer_telephone, kReq, 30),
    F<OH>("buyerIdType", &OH::buyer_id_type, kReq, 1),
    F<OH>("buyerIdNumber", &OH::buyer_id_number, kReq, 60),
    F<OH>("payCode", &OH::pay_code, kOpt, 18),
    F<OH>("payName", &OH::pay_name, kOpt, 100),
    F<OH>("payTransactionId", &OH::pay_transaction_id, kOpt, 60),
    F<OH>("batchNumbers", &OH::batch_numbers, kOpt, 100),
    F<OH>("consignee", &OH::consignee, kReq, 100),
    F<OH>("consigneeTelephone", &OH::consignee_telephone, kReq, 50),
    F<OH>("consigneeAddress", &OH::consignee_address, kReq, 200),
    F<OH>("consigneeDistrict", &OH::consignee_district, kOpt, 6),
    F<OH>("note", &OH::note, kOpt, 1000),
    F<OH>("copNo", &OH::cop_no, kOpt, 20),
    F<OH>("assureCode", &OH::assure_code, kOpt, 30),
    F<OH>("country", &OH::country, kOpt, 3),
    F<OH>("netWeight", &OH::net_weight, kOpt),
    F<OH>("agentCode", &OH::agent_code, kOpt, 18),
    F<OH>("logisticsCode", &OH::logistics_code, kOpt, 18),
    F<OH>("logisticsNo", &OH::logistics_no, kOpt, 60),
    F<OH>("isBuyAndPut", &OH::is_buy_and_put, kOpt, 1),
    F<OH>("areaId", &OH::area_id, kOpt, 30),
};

using OL = OrderLine;
const FieldSpec<OL> kOrderLine[] = {
    F<OL>("gnum", &OL::gnum, kReq),
    F<OL>("itemNo", &OL::item_no, kOpt, 30),
    F<OL>("itemName", &OL::item_name, kReq, 250),
    F<OL>("gmodel", &OL::gmodel, kReq, 510),
    F<OL>("itemDescribe", &OL::item_describe, kOpt, 1000),
    F<OL>("barCode", &OL::bar_code, kOpt, 50),
    F<OL>("unit", &OL::unit, kReq, 3),
    F<OL>("qty", &OL::qty, kReq),
    F<OL>("price", &OL::price, kReq),
    F<OL>("totalPrice", &OL::total_price, kReq),
    F<OL>("currency", &OL::currency, kReq, 3),
    F<OL>("country", &OL::country, kReq, 3),
    F<OL>("note", &OL::note, kOpt, 1000),
    F<OL>("gcode", &OL::gcode, kOpt, 10),
    F<OL>("gname", &OL::gname, kOpt, 250),
    F<OL>("qty1", &OL::qty1, kOpt),
    F<OL>("unit1", &OL::unit1, kOpt, 3),
    F<OL>("qty2", &OL::qty2, kOpt),
    F<OL>("unit2", &OL::unit2, kOpt, 3),
};

using PH = PaymentHead;
const FieldSpec<PH> kPaymentHead[] = {
    F<PH>("guid", &PH::guid, kReq, kGuidMax),
    F<PH>("appType", &PH::app_type, kReq),
    F<PH>("appTime", &PH::app_time, kReq),
    F<PH>("appStatus", &PH::app_status, kReq, 3),
    F<PH>("payCode", &PH::pay_code, kReq, 18),
    F<PH>("payName", &PH::pay_name, kReq, 100),
    F<PH>("payTransactionId", &PH::pay_transaction_id, kReq, 60),
    F<PH>("orderNo", &PH::order_no, kReq, 60),
    F<PH>("ebpCode", &PH::ebp_code, kReq, 18),
    F<PH>("ebpName", &PH::ebp_name, kReq, 100),
    F<PH>("payerIdType", &PH::payer_id_type, kReq, 1),
    F<PH>("payerIdNumber", &PH::payer_id_number, kReq, 60),
    F<PH>("payerName", &PH::payer_name, kReq, 60),
    F<PH>("telephone", &PH::telephone, kOpt, 60),
    F<PH>("amountPaid", &PH::amount_paid, kReq),
    F<PH>("currency", &PH::currency, kReq, 3),
    F<PH>("payTime", &PH::pay_time, kReq),
    F<PH>("note", &PH::note, kOpt, 1000),
};

using LH = LogisticsHead;
const FieldSpec<LH> kLogisticsHead[] = {
    F<LH>("guid", &LH::guid, kReq, kGuidMax),
    F<LH>("appType", &LH::app_type, kReq),
    F<LH>("appTime", &LH::app_time, kReq),
    F<LH>("appStatus", &LH::app_status, kReq, 3),
    F<LH>("logisticsCode", &LH::logistics_code, kReq, 18),
    F<LH>("logisticsName", &LH::logistics_name, kReq, 100),
    F<LH>("logisticsNo", &LH::logistics_no, kReq, 60),
    F<LH>("billNo", &LH::bill_no, kOpt, 37),
    F<LH>("orderNo", &LH::order_no, kReq, 60),
    F<LH>("freight", &LH::freight, kOpt),
    F<LH>("insuredFee", &LH::insured_fee, kOpt),
    F<LH>("currency", &LH::currency, kReq, 3),
    F<LH>("weight", &LH::weight, kReq),
    F<LH>("packNo", &LH::pack_no, kReq),
    F<LH>("goodsInfo", &LH::goods_info, kOpt, 200),
    F<LH>("consignee", &LH::consignee, kReq, 100),
    F<LH>("consigneeAddress", &LH::consignee_address, kReq, 200),
    F<LH>("consigneeTelephone", &LH::consignee_telephone, kReq, 50),
    F<LH>("note", &LH::note, kOpt, 1000),
};

using IH = InventoryHead;
const FieldSpec<IH> kInventoryHead[] = {
    F<IH>("guid", &IH::guid, kReq, kGuidMax),
    F<IH>("appType", &IH::app_type, kReq),
    F<IH>("appTime", &IH::app_time, kReq),
    F<IH>("appStatus", &IH::app_status, kReq, 3),
    F<IH>("orderNo", &IH::order_no, kReq, 60),
    F<IH>("ebpCode", &IH::ebp_code, kReq, 18),
    F<IH>("ebpName", &IH::ebp_name, kReq, 100),
    F<IH>("ebcCode", &IH::ebc_code, kReq, 18),
    F<IH>("ebcName", &IH::ebc_name, kReq, 100),
    F<IH>("logisticsNo", &IH::logistics_no, kReq, 60),
    F<IH>("logisticsCode", &IH::logistics_code, kReq, 18),
    F<IH>("logisticsName", &IH::logistics_name, kReq, 100),
    F<IH>("copNo", &IH::cop_no, kOpt, 20),
    F<IH>("preNo", &IH::pre_no, kOpt, 18),
    F<IH>("assureCode", &IH::assure_code, kReq, 30),
    F<IH>("emsNo", &IH::ems_no, kOpt, 30),
    F<IH>("invtNo", &IH::invt_no, kOpt, 18),
    F<IH>("ieFlag", &IH::ie_flag, kReq, 1),
    F<IH>("declTime", &IH::decl_time, kReq),
    F<IH>("customsCode", &IH::customs_code, kReq, 4),
    F<IH>("portCode", &IH::port_code, kReq, 4),
    F<IH>("ieDate", &IH::ie_date, kOpt),
    F<IH>("buyerIdType", &IH::buyer_id_type, kReq, 1),
    F<IH>("buyerIdNumber", &IH::buyer_id_number, kReq, 60),
    F<IH>("buyerName", &IH::buyer_name, kReq, 60),
    F<IH>("buyerTelephone", &IH::buyer_telephone, kReq, 30),
    F<IH>("consigneeAddress", &IH::consignee_address, kReq, 200),
    F<IH>("agentCode", &IH::agent_code, kReq, 18),
    F<IH>("agentName", &IH::agent_name, kReq, 100),
    F<IH>("areaCode", &IH::area_code, kOpt, 18),
    F<IH>("areaName", &IH::area_name, kOpt, 100),
    F<IH>("tradeMode", &IH::trade_mode, kReq, 4),
    F<IH>("trafMode", &IH::traf_mode, kReq, 1),
    F<IH>("trafNo", &IH::traf_no, kOpt, 100),
    F<IH>("voyageNo", &IH::voyage_no, kOpt, 32),
    F<IH>("billNo", &IH::bill_no, kOpt, 37),
    F<IH>("loctNo", &IH::loct_no, kOpt, 10),
    F<IH>("licenseNo", &IH::license_no, kOpt, 19),
    F<IH>("country", &IH::country, kReq, 3),
    F<IH>("freight", &IH::freight, kReq),
    F<IH>("insuredFee", &IH::insured_fee, kReq),
    F<IH>("currency", &IH::currency, kReq, 3),
    F<IH>("wrapType", &IH::wrap_type, kOpt, 1),
    F<IH>("packNo", &IH::pack_no, kReq),
    F<IH>("grossWeight", &IH::gross_weight, kReq),
    F<IH>("netWeight", &IH::net_weight, kReq),
    F<IH>("note", &IH::note, kOpt, 1000),
};

using IL = InventoryLine;
const FieldSpec<IL> kInventoryLine[] = {
    F<IL>("gnum", &IL::gnum, kReq),
    F<IL>("itemRecordNo", &IL::item_record_no, kOpt, 30),
    F<IL>("itemNo", &IL::item_no, kOpt, 20),
    F<IL>("itemName", &IL::item_name, kOpt, 250),
    F<IL>("gcode", &IL::gcode, kReq, 10),
    F<IL>("gname", &IL::gname, kReq, 250),
    F<IL>("gmodel", &IL::gmodel, kReq, 510),
    F<IL>("barCode", &IL::bar_code, kOpt, 50),
    F<IL>("country", &IL::country, kReq, 3),
    F<IL>("tradeCountry", &IL::trade_country, kOpt, 3),
    F<IL>("currency", &IL::currency, kReq, 3),
    F<IL>("qty", &IL::qty, kReq),
    F<IL>("unit", &IL::unit, kReq, 3),
    F<IL>("qty1", &IL::qty1, kReq),
    F<IL>("unit1", &IL::unit1, kReq, 3),
    F<IL>("qty2", &IL::qty2, kOpt),
    F<IL>("unit2", &IL::unit2, kOpt, 3),
    F<IL>("price", &IL::price, kReq),
    F<IL>("totalPrice", &IL::total_price, kReq),
    F<IL>("note", &IL::note, kOpt, 1000),
};

using RH = RefundHead;
const FieldSpec<RH> kRefundHead[] = {
    F<RH>("guid", &RH::guid, kReq, kGuidMax),
    F<RH>("appType", &RH::app_type, kReq),
    F<RH>("appTime", &RH::app_time, kReq),
    F<RH>("appStatus", &RH::app_status, kReq, 3),
    F<RH>("customsCode", &RH::customs_code, kReq, 4),
    F<RH>("orderNo", &RH::order_no, kReq, 60),
    F<RH>("ebpCode", &RH::ebp_code, kReq, 18),
    F<RH>("ebpName", &RH::ebp_name, kReq, 100),
    F<RH>("ebcCode", &RH::ebc_code, kReq, 18),
    F<RH>("ebcName", &RH::ebc_name, kReq, 100),
    F<RH>("logisticsNo", &RH::logistics_no, kReq, 60),
    F<RH>("logisticsCode", &RH::logistics_code, kReq, 18),
    F<RH>("logisticsName", &RH::logistics_name, kReq, 100),
    F<RH>("copNo", &RH::cop_no, kOpt, 20),
    F<RH>("preNo", &RH::pre_no, kOpt, 18),
    F<RH>("invtNo", &RH::invt_no, kReq, 18),
    F<RH>("buyerIdType", &RH::buyer_id_type, kReq, 1),
    F<RH>("buyerIdNumber", &RH::buyer_id_number, kReq, 60),
    F<RH>("buyerName", &RH::buyer_name, kReq, 60),
    F<RH>("buyerTelephone", &RH::buyer_telephone, kReq, 30),
    F<RH>("agentCode", &RH::agent_code, kReq, 18),
    F<RH>("agentName", &RH::agent_name, kReq, 100),
    F<RH>("reason", &RH::reason, kReq, 1000),
    F<RH>("note", &RH::note, kOpt, 1000),
};

using RL = RefundLine;
const FieldSpec<RL> kRefundLine[] = {
    F<RL>("gnum", &RL::gnum, kReq),        F<RL>("gcode", &RL::gcode, kReq, 10),
    F<RL>("gname", &RL::gname, kReq, 250), F<RL>("qty", &RL::qty, kReq),
    F<RL>("unit", &RL::unit, kReq, 3),     F<RL>("note", &RL::note, kOpt, 1000),
};

using BT = BaseTransfer;
const FieldSpec<BT> kBaseTransfer[] = {
    F<BT>("copCode", &BT::cop_code, kReq, 18), F<BT>("copName", &BT::cop_name, kReq, 100),
    F<BT>("dxpMode", &BT::dxp_mode, kReq, 3),  F<BT>("dxpId", &BT::dxp_id, kReq, 30),
    F<BT>("note", &BT::note, kOpt, 1000),
};

}  // namespace

FieldTable<OrderHead> OrderHeadFields() { return kOrderHead; }
FieldTable<OrderLine> OrderLineFields() { return kOrderLine; }
FieldTable<PaymentHead> PaymentHeadFields() { return kPaymentHead; }
FieldTable<LogisticsHead> LogisticsHeadFields() { return kLogisticsHead; }
FieldTable<InventoryHead> InventoryHeadFields() { return kInventoryHead; }
FieldTable<InventoryLine> InventoryLineFields() { return kInventoryLine; }
FieldTable<RefundHead> RefundHeadFields() { return kRefundHead; }
FieldTable<RefundLine> RefundLineFields() { return kRefundLine; }
FieldTable<BaseTransfer> BaseTransferFields() { return kBaseTransfer; }

}  // namespace core::internal
