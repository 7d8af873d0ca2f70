// CebRecord helpers: one visit per question.
#include "service/ceb_record.h"

#include <algorithm>

namespace server {

namespace {

template <class... Ts>
struct Overloaded : Ts... {
  using Ts::operator()...;
};
template <class... Ts>
Overloaded(Ts...) -> Overloaded<Ts...>;

}  // namespace

core::MessageIdentity IdentityOfRecord(const CebRecord& r) {
  return std::visit([](const auto& rec) { return core::IdentityOf(rec); }, r);
}

core::Json RecordJson(const CebRecord& r) {
  return std::visit(Overloaded{
                        [](const core::Order& o) { return core::OrderToJson(o); },
                        [](const core::Payment& p) { return core::PaymentToJson(p); },
                        [](const core::Waybill& w) { return core::WaybillToJson(w); },
                        [](const core::Inventory& l) { return core::InventoryToJson(l); },
                        [](const core::Refund& f) { return core::RefundToJson(f); },
                    },
                    r);
}

HeadKeys KeysOf(const CebRecord& r) {
  return std::visit(Overloaded{
                        [](const core::Order& o) {
                          return HeadKeys{o.head.order_no, o.head.ebp_code, o.head.ebc_code};
                        },
                        [](const core::Payment& p) {
                          return HeadKeys{p.head.order_no, p.head.ebp_code, ""};
                        },
                        [](const core::Waybill& w) {
                          return HeadKeys{w.head.order_no, "", ""};
                        },
                        [](const core::Inventory& l) {
                          return HeadKeys{l.head.order_no, l.head.ebp_code, l.head.ebc_code};
                        },
                        [](const core::Refund& f) {
                          return HeadKeys{f.head.order_no, f.head.ebp_code, f.head.ebc_code};
                        },
                    },
                    r);
}

core::StatusOr<CebRecord> RecordFromJson(std::string_view code, const core::Json& obj,
                                         const std::string& path) {
  std::optional<core::MessageType> type = core::MessageTypeFromCode(code);
  if (!type) {
    return core::InvalidArgumentError("message type '" + std::string(code) +
                                      "' is not ingested (only CEB311, CEB411, CEB511, CEB621 "
                                      "and CEB625 are)");
  }
  auto wrap = [](auto parsed) -> core::StatusOr<CebRecord> {
    if (!parsed.ok()) return parsed.status();
    return CebRecord(std::move(parsed).value());
  };
  switch (*type) {
    case core::MessageType::kOrder:
      return wrap(core::OrderFromJson(obj, path));
    case core::MessageType::kPayment:
      return wrap(core::PaymentFromJson(obj, path));
    case core::MessageType::kWaybill:
      return wrap(core::WaybillFromJson(obj, path));
    case core::MessageType::kInventory:
      return wrap(core::InventoryFromJson(obj, path));
    case core::MessageType::kRefund:
      return wrap(core::RefundFromJson(obj, path));
  }
  return core::InternalError("unknown message type");
}

std::vector<std::string> PartiesOf(const CebRecord& record) {
  std::vector<std::string> codes = std::visit(
      Overloaded{
          [](const core::Order& o) {
            const core::OrderHead& h = o.head;
            return std::vector<std::string>{h.ebp_code, h.ebc_code, h.pay_code, h.logistics_code,
                                            h.agent_code};
          },
          [](const core::Payment& p) {
            return std::vector<std::string>{p.head.pay_code, p.head.ebp_code};
          },
          [](const core::Waybill& w) { return std::vector<std::string>{w.head.logistics_code}; },
          [](const core::Inventory& l) {
            const core::InventoryHead& h = l.head;
            return std::vector<std::string>{h.ebp_code, h.ebc_code, h.logistics_code, h.agent_code,
                                            h.area_code};
          },
          [](const core::Refund& f) {
            const core::RefundHead& h = f.head;
            return std::vector<std::string>{h.ebp_code, h.ebc_code, h.logistics_code, h.agent_code};
          },
      },
      record);
  codes.erase(std::remove(codes.begin(), codes.end(), std::string()), codes.end());
  std::sort(codes.begin(), codes.end());
  codes.erase(std::unique(codes.begin(), codes.end()), codes.end());
  return codes;
}

}  // namespace server
