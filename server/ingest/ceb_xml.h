// Reader of customs CEB XML messages (namespace http://www.chinaport.gov.cn/ceb) into core
// message values, with libxml2. Bytes in memory only: no file I/O, no network (XML_PARSE_NONET),
// no DTD or entities (any DOCTYPE is refused: XXE-safe). Thread-safe.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

#include "core/messages.h"
#include "core/status.h"

namespace server {

// Input above this many bytes is refused before parsing (a CEB message of 100 records is well
// under 1 MiB).
inline constexpr size_t kDefaultMaxCebBytes = 8u << 20;

// What any CEB message says about itself, read without typing its records.
struct CebEnvelope {
  std::string message_type;  // "CEB311", "CEB312", ... (from the root element's name)
  std::string guid;          // root attribute, "" when absent
  std::string version;       // root attribute, "" when absent
  size_t record_count = 0;   // child elements other than BaseTransfer, BaseSubscribe,
                             // ExtendMessage and the signature
  bool has_signature = false;
  std::string signature_method;  // SignatureMethod Algorithm URI, "" when none
  bool ingestible = false;       // one of CEB311, CEB411, CEB511, CEB621, CEB625
};

// Reads the root and top-level children of any CEB message (receipts included).
// Errors: ResourceExhausted when bytes exceed max_bytes; InvalidArgument for malformed XML
// ("malformed XML at line N: ..."), a DOCTYPE, a root element outside the CEB namespace (or in
// none), or a root whose name is not CEBnnnMessage.
core::StatusOr<CebEnvelope> ProbeCebXml(std::string_view bytes,
                                        size_t max_bytes = kDefaultMaxCebBytes);

// Parses an order (CEB311), payment (CEB411), waybill (CEB511), declaration list (CEB621) or
// return (CEB625) message: UTF-8 with or without BOM or XML declaration, or a declared legacy
// encoding (GB2312/GBK/GB18030, converted by libxml2); the `ceb:` prefix or a default
// namespace; several records; signature blocks noted, not verified; empty and self-closing
// elements read as absent; element text trimmed; unknown elements ignored.
// Errors: those of ProbeCebXml; InvalidArgument "message type CEB312 is not ingested ..." for
// other CEB types; InvalidArgument naming the element path with 1-based record and line indexes
// ("field 'CEB311Message/Order[3]/OrderList[2]/qty' ...") for a missing or repeated head, a
// repeated field, more than core::kMaxRecordsPerMessage records, and every field error of
// core::AppendRecordFromText (missing required field, amount with more than 2 decimals, ...).
core::StatusOr<core::CebMessage> ParseCebXml(std::string_view bytes,
                                             size_t max_bytes = kDefaultMaxCebBytes);

}  // namespace server
