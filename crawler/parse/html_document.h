// An HTML page parsed once with Gumbo (RAII over GumboOutput), with the indexes every reader needs
// collected in one DOM walk: <meta> map, JSON-LD scripts, <base href>, microdata roots, ids.
// Pure: bytes in, structures out (no I/O).
#pragma once

#include <gumbo.h>

#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

namespace crawler {

// Byte range [begin, end) in a text built by VisibleText.
using TextRange = std::pair<size_t, size_t>;

class HtmlDocument {
 public:
  // Parses `html_utf8` (UTF-8; the fetcher converts other charsets). Never fails: Gumbo repairs
  // any input into a tree, as browsers do.
  explicit HtmlDocument(std::string_view html_utf8);
  ~HtmlDocument();
  HtmlDocument(const HtmlDocument&) = delete;
  HtmlDocument& operator=(const HtmlDocument&) = delete;

  const GumboNode* root() const;  // the <html> element
  const GumboNode* body() const;  // <body>, or root() when Gumbo made none

  // <meta property|name|itemprop=K content=V>: K (as written, lower-cased) -> first V.
  const std::unordered_map<std::string, std::string>& meta() const { return meta_; }
  // Content of `<meta property|name=key>` or nullopt.
  std::optional<std::string_view> Meta(std::string_view key) const;
  // Text of every <script type="application/ld+json">, in document order.
  const std::vector<std::string>& json_ld_scripts() const { return json_ld_; }
  // href of the first <base>, "" when none.
  const std::string& base_href() const { return base_href_; }
  // Elements with `itemscope` that are not the value of an `itemprop` (top-level items).
  const std::vector<const GumboNode*>& microdata_roots() const { return item_roots_; }
  // Element with this id (the first one), or nullptr.
  const GumboNode* ElementById(std::string_view id) const;
  // First <h1> in the body, or nullptr.
  const GumboNode* first_h1() const { return first_h1_; }
  // Visible text of the whole body, computed on first use and kept.
  const std::string& BodyText() const;

 private:
  void Index(const GumboNode* node);

  std::string html_;  // Gumbo's original_text pieces point into this buffer
  GumboOutput* output_ = nullptr;
  const GumboNode* body_ = nullptr;
  const GumboNode* first_h1_ = nullptr;
  std::unordered_map<std::string, std::string> meta_;
  std::vector<std::string> json_ld_;
  std::string base_href_;
  bool have_base_ = false;
  std::vector<const GumboNode*> item_roots_;
  std::unordered_map<std::string_view, const GumboNode*> ids_;
  mutable std::optional<std::string> body_text_;
};

// ASCII letters lower-cased (tag, attribute and meta names; other bytes unchanged).
std::string AsciiLower(std::string_view s);
// True for element (and template) nodes.
bool IsElement(const GumboNode* node);
// Lower-case tag name ("div"; for tags Gumbo does not know, the name as written, lower-cased).
std::string TagName(const GumboNode* node);
// Compares the node's tag name with `lower_name` (lower case) without allocating.
bool HasTagName(const GumboNode* node, std::string_view lower_name);
// Attribute value or nullopt (also for non-elements).
std::optional<std::string_view> Attr(const GumboNode* node, std::string_view name);
// True when the class attribute holds `cls` as a whole word.
bool HasClass(const GumboNode* node, std::string_view cls);
// The children vector of an element/document node (nullptr for text nodes).
const GumboVector* Children(const GumboNode* node);

// Visible text of a subtree as a reader sees it: script/style/noscript/template/svg/head content
// and elements with `hidden` or an inline display:none / visibility:hidden style skipped, runs of
// whitespace collapsed to one space, block elements and <br> separating text by a newline; trimmed.
// When `struck` is given, the ranges of text inside <del>/<s>/<strike> elements are appended to it
// (strike-through prices are reference prices).
std::string VisibleText(const GumboNode* node, std::vector<TextRange>* struck = nullptr);

}  // namespace crawler
