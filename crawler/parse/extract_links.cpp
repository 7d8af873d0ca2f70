// ExtractLinks: product and next-page links of a listing page, resolved and filtered by host.
// Pure (no I/O).
#include <unordered_set>

#include "fetch/url.h"
#include "parse/extract.h"
#include "profile/rule_eval.h"

namespace crawler {

ExtractedLinks ExtractLinks(const HtmlDocument& doc, std::string_view page_url,
                            const SiteProfile* profile) {
  ExtractedLinks out;
  std::string base(page_url);
  if (!doc.base_href().empty()) {
    if (auto resolved = ResolveUrl(page_url, doc.base_href()); resolved.ok()) base = *resolved;
  }
  auto page_origin = OriginOf(page_url);
  std::unordered_set<std::string> seen;
  auto keep = [&](const std::string& ref, std::vector<std::string>* into, bool product_filter) {
    auto url = ResolveUrl(base, ref);
    if (!url.ok()) return;
    auto parts = ParseUrl(*url);
    if (!parts.ok()) return;
    if (profile != nullptr) {
      if (!profile->IsAllowedHost(parts->HostPort())) return;
      if (product_filter && profile->product_url_regex != nullptr) {
        if (!profile->IsProductPath(parts->PathAndQuery())) return;
      }
    } else {
      auto origin = OriginOf(*url);
      if (!page_origin.ok() || !origin.ok() || *origin != *page_origin) return;
    }
    if (seen.insert(*url).second) into->push_back(*url);
  };
  RuleInput input;
  input.doc = &doc;
  if (profile != nullptr) {
    for (const Rule& rule : profile->next_page) {
      for (const std::string& ref : ApplyRuleAll(rule, input)) keep(ref, &out.next_pages, false);
    }
    for (const Rule& rule : profile->product_link) {
      for (const std::string& ref : ApplyRuleAll(rule, input)) keep(ref, &out.product_links, false);
    }
  }
  if (out.product_links.empty()) {
    static const auto* const kAnchors = new Selector(Selector::Parse("a[href]").value());
    for (const GumboNode* a : kAnchors->All(doc.root())) {
      auto href = Attr(a, "href");
      if (href) keep(std::string(*href), &out.product_links, /*product_filter=*/true);
    }
  }
  return out;
}

ExtractedLinks ExtractLinks(std::string_view html_utf8, std::string_view page_url,
                            const SiteProfile* profile) {
  HtmlDocument doc(html_utf8);
  return ExtractLinks(doc, page_url, profile);
}

}  // namespace crawler
