// One CEB business record of any ingested type (order, payment, waybill, declaration list,
// return) as a variant, with what the server needs of every type alike: its identity, its
// canonical JSON, its join keys and the customs codes it names. No I/O.
#pragma once

#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "core/json.h"
#include "core/messages.h"

namespace server {

using CebRecord =
    std::variant<core::Order, core::Payment, core::Waybill, core::Inventory, core::Refund>;

// Reads a record of the type named by `code` ("CEB311" ...) with the core's JSON codec, field
// paths prefixed by `path`. InvalidArgument for another type or what the codec refuses.
core::StatusOr<CebRecord> RecordFromJson(std::string_view code, const core::Json& obj,
                                         const std::string& path);

// core::IdentityOf of the record.
core::MessageIdentity IdentityOfRecord(const CebRecord& r);

// The record in the core's JSON form; its compact dump is the canonical content.
core::Json RecordJson(const CebRecord& r);

// The head's orderNo, ebpCode and ebcCode ("" where the type has none).
struct HeadKeys {
  std::string order_no;
  std::string ebp_code;
  std::string ebc_code;
};
HeadKeys KeysOf(const CebRecord& r);

// The customs codes a record names as parties: who may submit it and read it.
//   CEB311 order: ebpCode, ebcCode, payCode, logisticsCode, agentCode
//   CEB411 payment: payCode, ebpCode
//   CEB511 waybill: logisticsCode
//   CEB621 list: ebpCode, ebcCode, logisticsCode, agentCode, areaCode
//   CEB625 return: ebpCode, ebcCode, logisticsCode, agentCode
// Empty codes are left out.
std::vector<std::string> PartiesOf(const CebRecord& record);

}  // namespace server
