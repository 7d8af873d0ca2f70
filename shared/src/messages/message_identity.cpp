// Identity of CEB records: (type, guid) for one version, the business key for the document it
// versions, appType and appTime to order versions. Pure.
#include <initializer_list>
#include <utility>

#include "core/messages.h"

namespace core {
namespace {

using KeyPart = std::pair<std::string_view, std::string_view>;

std::string JoinKey(std::initializer_list<KeyPart> parts) {
  std::string out;
  for (const auto& [name, value] : parts) {
    if (!out.empty()) out += '|';
    out += name;
    out += '=';
    out += value;
  }
  return out;
}

template <typename Head>
MessageIdentity Base(MessageType type, const Head& h, std::string key) {
  MessageIdentity id;
  id.type = type;
  id.guid = h.guid;
  id.business_key = std::move(key);
  id.app_type = h.app_type;
  id.app_time = h.app_time;
  return id;
}

}  // namespace

MessageIdentity IdentityOf(const Order& r) {
  const OrderHead& h = r.head;
  return Base(MessageType::kOrder, h, JoinKey({{"ebpCode", h.ebp_code}, {"orderNo", h.order_no}}));
}

MessageIdentity IdentityOf(const Payment& r) {
  const PaymentHead& h = r.head;
  return Base(MessageType::kPayment, h,
              JoinKey({{"payCode", h.pay_code}, {"payTransactionId", h.pay_transaction_id}}));
}

MessageIdentity IdentityOf(const Waybill& r) {
  const LogisticsHead& h = r.head;
  return Base(MessageType::kWaybill, h,
              JoinKey({{"logisticsCode", h.logistics_code}, {"logisticsNo", h.logistics_no}}));
}

MessageIdentity IdentityOf(const Inventory& r) {
  const InventoryHead& h = r.head;
  // copNo is the declarant's own number and survives corrections; without one, an order has
  // exactly one list, so the order's key names it.
  std::string key = h.cop_no.empty() ? JoinKey({{"ebpCode", h.ebp_code}, {"orderNo", h.order_no}})
                                     : JoinKey({{"agentCode", h.agent_code}, {"copNo", h.cop_no}});
  return Base(MessageType::kInventory, h, std::move(key));
}

MessageIdentity IdentityOf(const Refund& r) {
  const RefundHead& h = r.head;
  std::string key = h.cop_no.empty() ? JoinKey({{"invtNo", h.invt_no}})
                                     : JoinKey({{"agentCode", h.agent_code}, {"copNo", h.cop_no}});
  return Base(MessageType::kRefund, h, std::move(key));
}

std::vector<MessageIdentity> IdentitiesOf(const CebMessage& message) {
  std::vector<MessageIdentity> out;
  for (const Order& r : message.orders) out.push_back(IdentityOf(r));
  for (const Payment& r : message.payments) out.push_back(IdentityOf(r));
  for (const Waybill& r : message.waybills) out.push_back(IdentityOf(r));
  for (const Inventory& r : message.inventories) out.push_back(IdentityOf(r));
  for (const Refund& r : message.refunds) out.push_back(IdentityOf(r));
  return out;
}

}  // namespace core
