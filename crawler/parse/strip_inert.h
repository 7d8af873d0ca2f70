// Shrinks a page before Gumbo parses it: the text of <style> and of <script> elements that are not
// JSON-LD is dropped (the elements stay, empty). Extraction never reads that text — HtmlDocument
// keeps only JSON-LD script text, visible text and regex rules skip scripts and styles — but Gumbo
// tokenizes it byte by byte, and on real product pages it is most of the bytes. Evidence keeps the
// page as served; only the parser's copy is stripped. Pure.
#pragma once

#include <string>
#include <string_view>

namespace crawler {

// Comments are skipped whole; a raw-text element ends at the first "</script" / "</style" as in
// the HTML tokenizer (its escaped-script states aside); an unterminated one is left to Gumbo.
std::string StripInertRawText(std::string_view html);

}  // namespace crawler
