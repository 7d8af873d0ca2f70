// CEB XML -> core::CebMessage with libxml2: a DOM parse of bytes in memory (no network, no DTD,
// no entities), the root's namespace and type checked, then each record's head and lines
// collected as text and typed by the core's rules. No file I/O.
#include "ingest/ceb_xml.h"

#include <libxml/parser.h>
#include <libxml/tree.h>
#include <libxml/xmlerror.h>

#include <memory>
#include <optional>

namespace server {
namespace {

constexpr std::string_view kCebNs = "http://www.chinaport.gov.cn/ceb";
constexpr std::string_view kDsigNs = "http://www.w3.org/2000/09/xmldsig#";

struct DocFree {
  void operator()(xmlDoc* d) const { xmlFreeDoc(d); }
};
struct CtxtFree {
  void operator()(xmlParserCtxt* c) const { xmlFreeParserCtxt(c); }
};
using DocPtr = std::unique_ptr<xmlDoc, DocFree>;
using CtxtPtr = std::unique_ptr<xmlParserCtxt, CtxtFree>;

std::string_view AsView(const xmlChar* s) {
  return s == nullptr ? std::string_view() : std::string_view(reinterpret_cast<const char*>(s));
}

std::string_view Name(const xmlNode* n) { return AsView(n->name); }
std::string_view NsHref(const xmlNode* n) {
  return n->ns == nullptr ? std::string_view() : AsView(n->ns->href);
}
bool IsElement(const xmlNode* n, std::string_view ns) {
  return n->type == XML_ELEMENT_NODE && NsHref(n) == ns;
}

std::string_view TrimXmlSpace(std::string_view s) {
  auto space = [](char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; };
  while (!s.empty() && space(s.front())) s.remove_prefix(1);
  while (!s.empty() && space(s.back())) s.remove_suffix(1);
  return s;
}

// The element's text (CDATA included), trimmed.
std::string NodeText(const xmlNode* n) {
  const xmlNode* only = n->children;
  // The usual case, one text node: read it in place instead of a malloc'd copy.
  if (only == nullptr) return std::string();
  if (only->next == nullptr &&
      (only->type == XML_TEXT_NODE || only->type == XML_CDATA_SECTION_NODE)) {
    return std::string(TrimXmlSpace(AsView(only->content)));
  }
  xmlChar* content = xmlNodeGetContent(n);
  std::string out(TrimXmlSpace(AsView(content)));
  xmlFree(content);
  return out;
}

std::string Attribute(const xmlNode* n, const char* name) {
  xmlChar* v = xmlGetNoNsProp(n, reinterpret_cast<const xmlChar*>(name));
  std::string out(TrimXmlSpace(AsView(v)));
  xmlFree(v);
  return out;
}

// A DOCTYPE is where entities (and XXE) come from, and CEB messages never carry one: stop the
// parser as soon as it starts, before any declaration inside is read.
void RefuseDoctype(void* ctx, const xmlChar*, const xmlChar*, const xmlChar*) {
  xmlStopParser(static_cast<xmlParserCtxt*>(ctx));
}

void InitLibxml() {
  static const bool initialised = [] {
    xmlInitParser();
    return true;
  }();
  (void)initialised;
}

core::StatusOr<DocPtr> ParseDocument(std::string_view bytes, size_t max_bytes) {
  if (bytes.size() > max_bytes) {
    return core::ResourceExhaustedError("CEB message of " + std::to_string(bytes.size()) +
                                        " bytes exceeds the limit of " + std::to_string(max_bytes) +
                                        " bytes");
  }
  if (bytes.empty()) return core::InvalidArgumentError("malformed XML: the message is empty");
  InitLibxml();
  // One parser context per thread, reset by every read: creating one costs about as much as
  // parsing a small message.
  thread_local CtxtPtr ctxt = [] {
    CtxtPtr c(xmlNewParserCtxt());
    if (c) {
      c->sax->internalSubset = RefuseDoctype;
      c->sax->externalSubset = nullptr;
    }
    return c;
  }();
  if (!ctxt) return core::InternalError("libxml2: cannot create a parser context");
  // No NOENT (entities stay unexpanded), no DTDLOAD/DTDATTR/DTDVALID, no XINCLUDE, no HUGE
  // (libxml2's depth and size limits stay on); errors come back as values, not on stderr.
  // NOBLANKS and COMPACT only save memory: indentation nodes are never read.
  constexpr int kOptions = XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING |
                           XML_PARSE_NOBLANKS | XML_PARSE_COMPACT;
  DocPtr doc(xmlCtxtReadMemory(ctxt.get(), bytes.data(), static_cast<int>(bytes.size()), nullptr,
                               nullptr, kOptions));
  // xmlStopParser records XML_ERR_USER_STOP in errNo only (not as a reported error).
  if (ctxt->errNo == XML_ERR_USER_STOP) {
    return core::InvalidArgumentError("a DOCTYPE is not allowed in a CEB message");
  }
  const xmlError* err = xmlCtxtGetLastError(ctxt.get());
  if (!doc || !ctxt->wellFormed) {
    std::string what = err != nullptr && err->message != nullptr
                           ? std::string(TrimXmlSpace(err->message))
                           : std::string("not well-formed");
    const int line = err != nullptr ? err->line : 0;
    return core::InvalidArgumentError("malformed XML at line " + std::to_string(line) + ": " +
                                      what);
  }
  if (doc->intSubset != nullptr || doc->extSubset != nullptr) {
    return core::InvalidArgumentError("a DOCTYPE is not allowed in a CEB message");
  }
  return doc;
}

// The root element, checked for the CEB namespace and a CEBnnnMessage name; sets `code`.
core::StatusOr<const xmlNode*> CheckRoot(const xmlDoc* doc, std::string& code) {
  const xmlNode* root = xmlDocGetRootElement(doc);
  if (root == nullptr) return core::InvalidArgumentError("malformed XML: no root element");
  const std::string name(Name(root));
  if (root->ns == nullptr) {
    return core::InvalidArgumentError("root element '" + name + "' has no namespace; expected " +
                                      std::string(kCebNs));
  }
  if (NsHref(root) != kCebNs) {
    return core::InvalidArgumentError("root element '" + name + "' is in namespace '" +
                                      std::string(NsHref(root)) + "', expected " +
                                      std::string(kCebNs));
  }
  constexpr std::string_view kSuffix = "Message";
  auto digit = [&](size_t i) { return name[i] >= '0' && name[i] <= '9'; };
  const bool shaped = name.size() == 6 + kSuffix.size() && name.rfind("CEB", 0) == 0 &&
                      name.compare(6, kSuffix.size(), kSuffix) == 0 && digit(3) && digit(4) &&
                      digit(5);
  if (!shaped) {
    return core::InvalidArgumentError("unknown message type: root element '" + name +
                                      "' is not a CEBnnnMessage");
  }
  code = name.substr(0, 6);
  return root;
}

// Notes a ds:Signature child (prefixed or not) and its SignatureMethod algorithm.
bool ReadSignature(const xmlNode* child, std::string& method) {
  if (!IsElement(child, kDsigNs) || Name(child) != "Signature") return false;
  for (const xmlNode* si = child->children; si != nullptr; si = si->next) {
    if (!IsElement(si, kDsigNs) || Name(si) != "SignedInfo") continue;
    for (const xmlNode* m = si->children; m != nullptr; m = m->next) {
      if (IsElement(m, kDsigNs) && Name(m) == "SignatureMethod") {
        method = Attribute(m, "Algorithm");
      }
    }
  }
  return true;
}

bool IsEnvelopePart(std::string_view name) {
  return name == "BaseTransfer" || name == "BaseSubscribe" || name == "ExtendMessage";
}

// The CEB-namespace child elements of a group as field text.
core::StatusOr<core::CebFields> ReadGroup(const xmlNode* group, std::string where) {
  core::CebFields fields;
  fields.where = std::move(where);
  for (const xmlNode* f = group->children; f != nullptr; f = f->next) {
    if (!IsElement(f, kCebNs)) continue;
    auto [it, inserted] = fields.values.emplace(std::string(Name(f)), NodeText(f));
    if (!inserted) {
      return core::InvalidArgumentError("field '" + fields.where + it->first +
                                        "' appears more than once");
    }
  }
  return fields;
}

core::Status ReadRecord(const xmlNode* record, const std::string& where,
                        core::CebMessage& message) {
  const std::string_view head_name = core::HeadElementName(message.type);
  const std::string_view line_name = core::LineElementName(message.type);
  core::CebRecordText text;
  text.where = where;
  bool have_head = false;
  for (const xmlNode* c = record->children; c != nullptr; c = c->next) {
    if (!IsElement(c, kCebNs)) continue;
    if (Name(c) == head_name) {
      if (have_head) {
        return core::InvalidArgumentError("record '" + where + "' has more than one " +
                                          std::string(head_name));
      }
      CORE_ASSIGN_OR_RETURN(text.head, ReadGroup(c, where + "/" + std::string(head_name) + "/"));
      have_head = true;
    } else if (!line_name.empty() && Name(c) == line_name) {
      if (text.lines.size() >= core::kMaxLinesPerRecord) {
        return core::InvalidArgumentError("record '" + where + "' has more than " +
                                          std::to_string(core::kMaxLinesPerRecord) + " " +
                                          std::string(line_name) + " lines");
      }
      const std::string line_where =
          where + "/" + std::string(line_name) + "[" + std::to_string(text.lines.size() + 1) + "]/";
      CORE_ASSIGN_OR_RETURN(core::CebFields line, ReadGroup(c, line_where));
      text.lines.push_back(std::move(line));
    }
  }
  if (!have_head) {
    return core::InvalidArgumentError("record '" + where + "' has no " + std::string(head_name));
  }
  return core::AppendRecordFromText(text, message);
}

}  // namespace

core::StatusOr<CebEnvelope> ProbeCebXml(std::string_view bytes, size_t max_bytes) {
  CORE_ASSIGN_OR_RETURN(DocPtr doc, ParseDocument(bytes, max_bytes));
  CebEnvelope env;
  CORE_ASSIGN_OR_RETURN(const xmlNode* root, CheckRoot(doc.get(), env.message_type));
  env.guid = Attribute(root, "guid");
  env.version = Attribute(root, "version");
  env.ingestible = core::MessageTypeFromCode(env.message_type).has_value();
  for (const xmlNode* c = root->children; c != nullptr; c = c->next) {
    if (ReadSignature(c, env.signature_method)) {
      env.has_signature = true;
    } else if (IsElement(c, kCebNs) && !IsEnvelopePart(Name(c))) {
      ++env.record_count;
    }
  }
  return env;
}

core::StatusOr<core::CebMessage> ParseCebXml(std::string_view bytes, size_t max_bytes) {
  CORE_ASSIGN_OR_RETURN(DocPtr doc, ParseDocument(bytes, max_bytes));
  std::string code;
  CORE_ASSIGN_OR_RETURN(const xmlNode* root, CheckRoot(doc.get(), code));
  std::optional<core::MessageType> type = core::MessageTypeFromCode(code);
  if (!type) {
    return core::InvalidArgumentError("message type " + code +
                                      " is not ingested (only CEB311, CEB411, CEB511, CEB621 "
                                      "and CEB625 are)");
  }
  core::CebMessage message;
  message.type = *type;
  message.guid = Attribute(root, "guid");
  message.version = Attribute(root, "version");
  const std::string root_name(Name(root));
  const std::string_view record_name = core::RecordElementName(*type);
  size_t records = 0;
  for (const xmlNode* c = root->children; c != nullptr; c = c->next) {
    if (ReadSignature(c, message.signature_method)) {
      message.has_signature = true;
      continue;
    }
    if (!IsElement(c, kCebNs)) continue;
    if (Name(c) == record_name) {
      ++records;
      const std::string where =
          root_name + "/" + std::string(record_name) + "[" + std::to_string(records) + "]";
      if (records > core::kMaxRecordsPerMessage) {
        return core::InvalidArgumentError("record '" + where + "': a message holds at most " +
                                          std::to_string(core::kMaxRecordsPerMessage) + " records");
      }
      CORE_RETURN_IF_ERROR(ReadRecord(c, where, message));
    } else if (Name(c) == "BaseTransfer") {
      if (message.base_transfer) {
        return core::InvalidArgumentError(root_name + " has more than one BaseTransfer");
      }
      CORE_ASSIGN_OR_RETURN(core::CebFields f, ReadGroup(c, root_name + "/BaseTransfer/"));
      CORE_ASSIGN_OR_RETURN(message.base_transfer, core::BaseTransferFromText(f));
    }
  }
  if (records == 0) {
    return core::InvalidArgumentError(root_name + " holds no " + std::string(record_name) +
                                      " record");
  }
  return message;
}

}  // namespace server
