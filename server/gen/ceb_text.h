// CEB XML text of generated records, in the element order of the official 2022-05 schema (ceb:
// prefix, BaseTransfer, and an XML-DSig block of the real size; the signature is filler, not a
// valid signature: the server notes signatures, it does not verify them), and the JSON batch
// form of a set. No I/O.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "core/json.h"
#include "core/messages.h"
#include "gen/sets.h"

namespace gen {

// Who transmitted the message (BaseTransfer).
struct Transfer {
  std::string cop_code;
  std::string cop_name;
  std::string dxp_id;
};

// Appends `text` with &, < and > escaped, as CEB element text (no attributes are written).
void AppendXmlEscaped(std::string& out, std::string_view text);

// One-record messages; `sig_seed` makes the filler signature differ per message.
std::string OrderXml(const core::Order& r, const Transfer& t, uint64_t sig_seed);
std::string PaymentXml(const core::Payment& r, const Transfer& t, uint64_t sig_seed);
std::string WaybillXml(const core::Waybill& r, const Transfer& t, uint64_t sig_seed);
std::string InventoryXml(const core::Inventory& r, const Transfer& t, uint64_t sig_seed);

// The four messages of a set, in the order order, payment, waybill, list; each transmitted by
// the party that sends it (platform, payment, logistics, agent).
struct SetXml {
  std::string order;
  std::string payment;
  std::string waybill;
  std::string list;
};
SetXml XmlOfSet(const GeneratedSet& s);

// {"messages": [{"type": "CEB311", "message": ...}, ... payment, waybill, list]}.
core::Json JsonOfSet(const GeneratedSet& s);

}  // namespace gen
