// crawler/fetch/charset: detection order (header, BOM, meta, UTF-8, GB18030) and conversion.
// Non-UTF-8 test bytes are built with glibc iconv directly, not with the code under test.
#include "fetch/charset.h"

#include <doctest/doctest.h>

#include <string>

#include "local_server.h"

namespace crawler {

using fetch_test::Encode;

TEST_CASE("charset labels map to canonical names") {
  CHECK(CanonicalCharset("GBK") == "gb18030");
  CHECK(CanonicalCharset(" gb2312 ") == "gb18030");
  CHECK(CanonicalCharset("\"x-gbk\"") == "gb18030");
  CHECK(CanonicalCharset("UTF8") == "utf-8");
  CHECK(CanonicalCharset("Big5") == "big5");
  CHECK(CanonicalCharset("Shift_JIS") == "shift_jis");
  CHECK(CanonicalCharset("ISO-8859-1") == "windows-1252");
  CHECK(CanonicalCharset("cp1251") == "windows-1251");
  CHECK(CanonicalCharset("iso8859-15") == "iso-8859-15");
  CHECK(CanonicalCharset("klingon").empty());
  CHECK(CanonicalCharset("").empty());
  CHECK(CharsetParam("text/html; charset=\"GBK\"") == "GBK");
  CHECK(CharsetParam("text/html;Charset=utf-8;q=1") == "utf-8");
  CHECK(CharsetParam("text/html").empty());
}

TEST_CASE("GBK bytes convert to the exact UTF-8") {
  const std::string text = "<p>价格：￥1,299.00 包邮 — 原价 1599元</p>";
  const std::string gbk = Encode(text, "GBK");
  CHECK(Encode("中文价格", "GBK") == "\xD6\xD0\xCE\xC4\xBC\xDB\xB8\xF1");
  size_t replaced = 99;
  CHECK(ConvertToUtf8(gbk, "gbk", &replaced) == text);
  CHECK(replaced == 0);
  CHECK(ConvertToUtf8(gbk, "GB2312") == text);
  CHECK(ConvertToUtf8(Encode("繁體中文價格", "BIG5"), "big5") == "繁體中文價格");
  CHECK(ConvertToUtf8(Encode("日本語の価格", "SHIFT_JIS"), "shift_jis") == "日本語の価格");
  CHECK(ConvertToUtf8("caf\xE9 \x80", "iso-8859-1") == "café €");  // read as windows-1252
  CHECK(ConvertFromUtf8(text, "gbk") == gbk);
}

TEST_CASE("invalid sequences are replaced, never crash") {
  size_t replaced = 0;
  // A GBK lead byte followed by an invalid trail, and a truncated sequence at the end.
  const std::string bad = std::string("\xD6\xD0") + "\x81\x20" + "ok" + "\xD6";
  const std::string out = ConvertToUtf8(bad, "gbk", &replaced);
  CHECK(IsValidUtf8(out));
  CHECK(out.rfind("中", 0) == 0);
  CHECK(out.find("ok") != std::string::npos);
  CHECK(replaced >= 2);
  CHECK(ConvertToUtf8("a\xFF\xC0\xAF"
                      "b\xED\xA0\x80",
                      "utf-8", &replaced) ==
        "a\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD"
        "b\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD");
  CHECK(replaced == 6);
  CHECK(ConvertToUtf8("\xEF\xBB\xBFhi", "utf-8") == "hi");
  CHECK(ConvertToUtf8("abc", "no-such-charset") == "abc");
  CHECK(IsValidUtf8(ConvertToUtf8(std::string("\0\xFF\xFE", 3), "utf-16le")));
  CHECK_FALSE(IsValidUtf8("\xC0\x80"));          // overlong NUL
  CHECK_FALSE(IsValidUtf8("\xF4\x90\x80\x80"));  // past U+10FFFF
  CHECK(IsValidUtf8("价格 ok"));
}

TEST_CASE("detection order: header, BOM, meta, UTF-8 validity, GB18030 fallback") {
  const std::string gbk_page = Encode("<html><body>价格 ￥99</body></html>", "GBK");
  const std::string utf8_page = "<html><body>价格 ￥99</body></html>";

  DetectedCharset d = DetectCharset("text/html; charset=GBK", gbk_page);
  CHECK(d.charset == "gb18030");
  CHECK(d.source == CharsetSource::kHeader);

  d = DetectCharset("text/html; charset=klingon", "\xEF\xBB\xBF" + utf8_page);
  CHECK(d.charset == "utf-8");
  CHECK(d.source == CharsetSource::kBom);
  CHECK(DetectCharset("", "\xFF\xFEh\0i").charset == "utf-16le");

  const std::string meta1 = "<html><head><meta charset=\"gb2312\"></head>" + gbk_page;
  d = DetectCharset("text/html", meta1);
  CHECK(d.charset == "gb18030");
  CHECK(d.source == CharsetSource::kMeta);
  const std::string meta2 =
      "<!-- <meta charset=big5> --><HTML><HEAD><META HTTP-EQUIV='Content-Type' "
      "CONTENT='text/html; charset=GBK'></HEAD>" +
      gbk_page;
  CHECK(SniffMetaCharset(meta2) == "gbk");
  CHECK(DecodePage("text/html", meta2).utf8.find("价格 ￥99") != std::string::npos);
  CHECK(SniffMetaCharset("<?xml version=\"1.0\" encoding=\"GB2312\"?><r/>") == "gb2312");
  CHECK(SniffMetaCharset("<meta name=viewport content=width=device-width><meta charset=utf-8>") ==
        "utf-8");
  // A <meta> past the first 4 KiB is not looked at.
  CHECK(SniffMetaCharset(std::string(5000, ' ') + "<meta charset=gbk>").empty());

  d = DetectCharset("", utf8_page);
  CHECK(d.charset == "utf-8");
  CHECK(d.source == CharsetSource::kUtf8Valid);

  d = DetectCharset("text/html", gbk_page);
  CHECK(d.charset == "gb18030");
  CHECK(d.source == CharsetSource::kFallback);
  CHECK(DecodePage("text/html", gbk_page).utf8 == utf8_page);

  // A profile's fixed charset wins over everything.
  const DecodedPage fixed = DecodePage("text/html; charset=utf-8", gbk_page, "GBK");
  CHECK(fixed.detected.source == CharsetSource::kFixed);
  CHECK(fixed.utf8 == utf8_page);
  CHECK(IsTextualContentType("application/ld+json"));
  CHECK(IsTextualContentType("TEXT/HTML; charset=gbk"));
  CHECK_FALSE(IsTextualContentType("image/png"));
}

}  // namespace crawler
