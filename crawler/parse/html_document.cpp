// HtmlDocument: one Gumbo parse and one indexing walk; visible-text rendering. Pure (no I/O).
#include "parse/html_document.h"

#include <cstring>

namespace crawler {
namespace {

bool IsAsciiSpace(char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
}

std::string_view Trim(std::string_view s) {
  while (!s.empty() && IsAsciiSpace(s.front())) s.remove_prefix(1);
  while (!s.empty() && IsAsciiSpace(s.back())) s.remove_suffix(1);
  return s;
}

bool EqualsIgnoreCase(std::string_view a, std::string_view lower) {
  if (a.size() != lower.size()) return false;
  for (size_t i = 0; i < a.size(); ++i) {
    char c = a[i];
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    if (c != lower[i]) return false;
  }
  return true;
}

// Content a reader never sees.
bool IsHiddenTag(GumboTag tag) {
  switch (tag) {
    case GUMBO_TAG_SCRIPT:
    case GUMBO_TAG_STYLE:
    case GUMBO_TAG_NOSCRIPT:
    case GUMBO_TAG_TEMPLATE:
    case GUMBO_TAG_SVG:
    case GUMBO_TAG_HEAD:
    case GUMBO_TAG_IFRAME:
    case GUMBO_TAG_OBJECT:
      return true;
    default:
      return false;
  }
}

bool IsBlockTag(GumboTag tag) {
  switch (tag) {
    case GUMBO_TAG_P:
    case GUMBO_TAG_DIV:
    case GUMBO_TAG_H1:
    case GUMBO_TAG_H2:
    case GUMBO_TAG_H3:
    case GUMBO_TAG_H4:
    case GUMBO_TAG_H5:
    case GUMBO_TAG_H6:
    case GUMBO_TAG_LI:
    case GUMBO_TAG_UL:
    case GUMBO_TAG_OL:
    case GUMBO_TAG_DL:
    case GUMBO_TAG_DT:
    case GUMBO_TAG_DD:
    case GUMBO_TAG_TABLE:
    case GUMBO_TAG_TR:
    case GUMBO_TAG_SECTION:
    case GUMBO_TAG_ARTICLE:
    case GUMBO_TAG_HEADER:
    case GUMBO_TAG_FOOTER:
    case GUMBO_TAG_NAV:
    case GUMBO_TAG_ASIDE:
    case GUMBO_TAG_MAIN:
    case GUMBO_TAG_FORM:
    case GUMBO_TAG_BLOCKQUOTE:
    case GUMBO_TAG_PRE:
    case GUMBO_TAG_ADDRESS:
    case GUMBO_TAG_FIGURE:
    case GUMBO_TAG_FIGCAPTION:
    case GUMBO_TAG_FIELDSET:
    case GUMBO_TAG_HR:
    case GUMBO_TAG_BR:
    case GUMBO_TAG_BODY:
    case GUMBO_TAG_CAPTION:
    case GUMBO_TAG_OPTION:
      return true;
    default:
      return false;
  }
}

// style="display: none" / "visibility:hidden": decoy prices are hidden this way.
bool IsStyledHidden(const GumboNode* node) {
  auto style = Attr(node, "style");
  if (!style) return false;
  std::string compact;
  for (char c : *style) {
    if (!IsAsciiSpace(c)) compact.push_back(c >= 'A' && c <= 'Z' ? static_cast<char>(c + 32) : c);
  }
  return compact.find("display:none") != std::string::npos ||
         compact.find("visibility:hidden") != std::string::npos;
}

bool IsStruckTag(GumboTag tag) {
  return tag == GUMBO_TAG_DEL || tag == GUMBO_TAG_S || tag == GUMBO_TAG_STRIKE;
}

// Appends text with collapsed whitespace; separators are emitted lazily so the result is trimmed.
class TextBuilder {
 public:
  enum Sep { kNone = 0, kSpace = 1, kNewline = 2 };
  void Separate(Sep s) {
    if (s > pending_) pending_ = s;
  }
  void Append(std::string_view text) {
    size_t i = 0;
    while (i < text.size()) {
      char c = text[i];
      if (IsAsciiSpace(c)) {
        Separate(kSpace);
        ++i;
        continue;
      }
      // U+00A0 (no-break space) reads as a space.
      if (static_cast<unsigned char>(c) == 0xC2 && i + 1 < text.size() &&
          static_cast<unsigned char>(text[i + 1]) == 0xA0) {
        Separate(kSpace);
        i += 2;
        continue;
      }
      if (pending_ != kNone && !out_.empty()) out_.push_back(pending_ == kNewline ? '\n' : ' ');
      pending_ = kNone;
      size_t j = i;
      while (j < text.size() && !IsAsciiSpace(text[j]) &&
             !(static_cast<unsigned char>(text[j]) == 0xC2 && j + 1 < text.size() &&
               static_cast<unsigned char>(text[j + 1]) == 0xA0)) {
        ++j;
      }
      out_.append(text.substr(i, j - i));
      i = j;
    }
  }
  size_t size() const { return out_.size(); }
  std::string Take() { return std::move(out_); }

 private:
  std::string out_;
  Sep pending_ = kNone;
};

}  // namespace

std::string AsciiLower(std::string_view s) {
  std::string out(s);
  for (char& c : out) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return out;
}

bool IsElement(const GumboNode* node) {
  return node != nullptr && (node->type == GUMBO_NODE_ELEMENT || node->type == GUMBO_NODE_TEMPLATE);
}

const GumboVector* Children(const GumboNode* node) {
  if (node == nullptr) return nullptr;
  if (node->type == GUMBO_NODE_DOCUMENT) return &node->v.document.children;
  if (IsElement(node)) return &node->v.element.children;
  return nullptr;
}

std::string TagName(const GumboNode* node) {
  if (!IsElement(node)) return "";
  const GumboElement& el = node->v.element;
  if (el.tag != GUMBO_TAG_UNKNOWN) return gumbo_normalized_tagname(el.tag);
  GumboStringPiece piece = el.original_tag;
  gumbo_tag_from_original_text(&piece);
  return AsciiLower(std::string_view(piece.data, piece.length));
}

bool HasTagName(const GumboNode* node, std::string_view lower_name) {
  if (!IsElement(node)) return false;
  const GumboElement& el = node->v.element;
  if (el.tag != GUMBO_TAG_UNKNOWN) return lower_name == gumbo_normalized_tagname(el.tag);
  GumboStringPiece piece = el.original_tag;
  gumbo_tag_from_original_text(&piece);
  return EqualsIgnoreCase(std::string_view(piece.data, piece.length), lower_name);
}

std::optional<std::string_view> Attr(const GumboNode* node, std::string_view name) {
  if (!IsElement(node)) return std::nullopt;
  const GumboVector& attrs = node->v.element.attributes;
  for (unsigned i = 0; i < attrs.length; ++i) {
    const auto* a = static_cast<const GumboAttribute*>(attrs.data[i]);
    if (name == a->name) return std::string_view(a->value);
  }
  return std::nullopt;
}

bool HasClass(const GumboNode* node, std::string_view cls) {
  auto value = Attr(node, "class");
  if (!value || cls.empty()) return false;
  std::string_view v = *value;
  size_t i = 0;
  while (i < v.size()) {
    while (i < v.size() && IsAsciiSpace(v[i])) ++i;
    size_t j = i;
    while (j < v.size() && !IsAsciiSpace(v[j])) ++j;
    if (v.substr(i, j - i) == cls) return true;
    i = j;
  }
  return false;
}

std::string VisibleText(const GumboNode* node, std::vector<TextRange>* struck) {
  TextBuilder builder;
  // Explicit stack: real pages nest deeper than a recursion should trust. A null node marks the
  // end of the element below it on the stack.
  struct Frame {
    const GumboNode* node;
    bool exit;
    size_t struck_begin;
  };
  std::vector<Frame> stack;
  stack.push_back({node, false, 0});
  while (!stack.empty()) {
    Frame f = stack.back();
    stack.pop_back();
    const GumboNode* n = f.node;
    if (n == nullptr) continue;
    if (n->type == GUMBO_NODE_TEXT || n->type == GUMBO_NODE_CDATA ||
        n->type == GUMBO_NODE_WHITESPACE) {
      builder.Append(n->v.text.text);
      continue;
    }
    if (n->type == GUMBO_NODE_DOCUMENT) {
      const GumboVector& ch = n->v.document.children;
      for (unsigned i = ch.length; i-- > 0;) {
        stack.push_back({static_cast<const GumboNode*>(ch.data[i]), false, 0});
      }
      continue;
    }
    if (!IsElement(n)) continue;
    GumboTag tag = n->v.element.tag;
    if (f.exit) {
      if (IsBlockTag(tag)) builder.Separate(TextBuilder::kNewline);
      if (tag == GUMBO_TAG_TD || tag == GUMBO_TAG_TH) builder.Separate(TextBuilder::kSpace);
      if (struck != nullptr && IsStruckTag(tag) && builder.size() > f.struck_begin) {
        struck->push_back({f.struck_begin, builder.size()});
      }
      continue;
    }
    if (n != node && (IsHiddenTag(tag) || n->type == GUMBO_NODE_TEMPLATE)) continue;
    if (n != node && (Attr(n, "hidden") || IsStyledHidden(n))) continue;
    if (IsBlockTag(tag)) builder.Separate(TextBuilder::kNewline);
    if (tag == GUMBO_TAG_TD || tag == GUMBO_TAG_TH) builder.Separate(TextBuilder::kSpace);
    // The struck range may start with a separator byte; mentions found in it still fall inside.
    stack.push_back({n, true, builder.size()});
    const GumboVector& ch = n->v.element.children;
    for (unsigned i = ch.length; i-- > 0;) {
      stack.push_back({static_cast<const GumboNode*>(ch.data[i]), false, 0});
    }
  }
  return builder.Take();
}

HtmlDocument::HtmlDocument(std::string_view html_utf8) : html_(html_utf8) {
  GumboOptions options = kGumboDefaultOptions;
  options.max_errors = 0;  // parse errors are not used; recording them costs time
  output_ = gumbo_parse_with_options(&options, html_.data(), html_.size());
  const GumboVector* ch = Children(output_->root);
  for (unsigned i = 0; ch != nullptr && i < ch->length; ++i) {
    const auto* c = static_cast<const GumboNode*>(ch->data[i]);
    if (IsElement(c) && c->v.element.tag == GUMBO_TAG_BODY) body_ = c;
  }
  if (body_ == nullptr) body_ = output_->root;
  Index(output_->root);
}

HtmlDocument::~HtmlDocument() {
  if (output_ != nullptr) gumbo_destroy_output(&kGumboDefaultOptions, output_);
}

const GumboNode* HtmlDocument::root() const { return output_->root; }
const GumboNode* HtmlDocument::body() const { return body_; }

std::optional<std::string_view> HtmlDocument::Meta(std::string_view key) const {
  auto it = meta_.find(AsciiLower(key));
  if (it == meta_.end()) return std::nullopt;
  return std::string_view(it->second);
}

const GumboNode* HtmlDocument::ElementById(std::string_view id) const {
  auto it = ids_.find(id);
  return it == ids_.end() ? nullptr : it->second;
}

const std::string& HtmlDocument::BodyText() const {
  if (!body_text_) body_text_ = VisibleText(body_);
  return *body_text_;
}

void HtmlDocument::Index(const GumboNode* start) {
  std::vector<const GumboNode*> stack{start};
  while (!stack.empty()) {
    const GumboNode* n = stack.back();
    stack.pop_back();
    if (!IsElement(n)) continue;
    const GumboElement& el = n->v.element;
    for (unsigned i = 0; i < el.attributes.length; ++i) {
      const auto* a = static_cast<const GumboAttribute*>(el.attributes.data[i]);
      if (std::strcmp(a->name, "id") == 0 && a->value[0] != '\0') {
        ids_.emplace(std::string_view(a->value), n);
      } else if (std::strcmp(a->name, "itemscope") == 0 && !Attr(n, "itemprop")) {
        item_roots_.push_back(n);
      }
    }
    switch (el.tag) {
      case GUMBO_TAG_META: {
        auto content = Attr(n, "content");
        auto key = Attr(n, "property");
        if (!key) key = Attr(n, "name");
        if (content && key && !Attr(n, "itemprop")) {
          meta_.emplace(AsciiLower(Trim(*key)), std::string(Trim(*content)));
        }
        break;
      }
      case GUMBO_TAG_BASE:
        if (!have_base_) {
          if (auto href = Attr(n, "href")) {
            base_href_ = std::string(Trim(*href));
            have_base_ = true;
          }
        }
        break;
      case GUMBO_TAG_H1:
        if (first_h1_ == nullptr) first_h1_ = n;
        break;
      case GUMBO_TAG_SCRIPT: {
        auto type = Attr(n, "type");
        if (type && AsciiLower(Trim(type->substr(0, type->find(';')))) == "application/ld+json") {
          std::string text;
          for (unsigned i = 0; i < el.children.length; ++i) {
            const auto* c = static_cast<const GumboNode*>(el.children.data[i]);
            if (c->type == GUMBO_NODE_TEXT || c->type == GUMBO_NODE_CDATA ||
                c->type == GUMBO_NODE_WHITESPACE) {
              text += c->v.text.text;
            }
          }
          json_ld_.push_back(std::move(text));
        }
        continue;  // scripts have no element children
      }
      default:
        break;
    }
    for (unsigned i = el.children.length; i-- > 0;) {
      stack.push_back(static_cast<const GumboNode*>(el.children.data[i]));
    }
  }
}

}  // namespace crawler
