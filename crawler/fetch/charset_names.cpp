// Charset labels: WHATWG aliases to canonical names, glibc iconv's names for them, and the
// charset parameter of a Content-Type. Pure.
#include <array>

#include "fetch/charset.h"

namespace crawler {

namespace {

std::string Lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return out;
}

std::string_view Trim(std::string_view s) {
  const auto space = [](char c) {
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f';
  };
  while (!s.empty() && space(s.front())) s.remove_prefix(1);
  while (!s.empty() && space(s.back())) s.remove_suffix(1);
  return s;
}

std::string_view Unquote(std::string_view s) {
  const auto space = [](char c) {
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f';
  };
  while (!s.empty() && space(s.front())) s.remove_prefix(1);
  while (!s.empty() && space(s.back())) s.remove_suffix(1);
  if (s.size() >= 2 && (s.front() == '"' || s.front() == '\'') && s.back() == s.front()) {
    s = s.substr(1, s.size() - 2);
  }
  while (!s.empty() && space(s.front())) s.remove_prefix(1);
  while (!s.empty() && space(s.back())) s.remove_suffix(1);
  return s;
}

struct Alias {
  std::string_view label;
  std::string_view canonical;
};

// WHATWG Encoding Standard labels for the charsets the Chinese, Japanese, Korean and Western web
// uses, mapped to our canonical names.
constexpr std::array kAliases = {
    Alias{"utf-8", "utf-8"},
    Alias{"utf8", "utf-8"},
    Alias{"unicode-1-1-utf-8", "utf-8"},
    Alias{"x-unicode20utf8", "utf-8"},
    Alias{"gb18030", "gb18030"},
    Alias{"gbk", "gb18030"},
    Alias{"gb2312", "gb18030"},
    Alias{"gb_2312", "gb18030"},
    Alias{"gb_2312-80", "gb18030"},
    Alias{"x-gbk", "gb18030"},
    Alias{"cp936", "gb18030"},
    Alias{"ms936", "gb18030"},
    Alias{"windows-936", "gb18030"},
    Alias{"chinese", "gb18030"},
    Alias{"csgb2312", "gb18030"},
    Alias{"iso-ir-58", "gb18030"},
    Alias{"euc-cn", "gb18030"},
    Alias{"big5", "big5"},
    Alias{"big5-hkscs", "big5"},
    Alias{"cn-big5", "big5"},
    Alias{"csbig5", "big5"},
    Alias{"x-x-big5", "big5"},
    Alias{"shift_jis", "shift_jis"},
    Alias{"shift-jis", "shift_jis"},
    Alias{"sjis", "shift_jis"},
    Alias{"ms_kanji", "shift_jis"},
    Alias{"ms932", "shift_jis"},
    Alias{"cp932", "shift_jis"},
    Alias{"windows-31j", "shift_jis"},
    Alias{"x-sjis", "shift_jis"},
    Alias{"csshiftjis", "shift_jis"},
    Alias{"euc-jp", "euc-jp"},
    Alias{"x-euc-jp", "euc-jp"},
    Alias{"euc-kr", "euc-kr"},
    Alias{"cp949", "euc-kr"},
    Alias{"windows-949", "euc-kr"},
    Alias{"ks_c_5601-1987", "euc-kr"},
    Alias{"korean", "euc-kr"},
    Alias{"windows-1252", "windows-1252"},
    Alias{"cp1252", "windows-1252"},
    Alias{"x-cp1252", "windows-1252"},
    Alias{"iso-8859-1", "windows-1252"},
    Alias{"iso8859-1", "windows-1252"},
    Alias{"iso_8859-1", "windows-1252"},
    Alias{"latin1", "windows-1252"},
    Alias{"l1", "windows-1252"},
    Alias{"ascii", "windows-1252"},
    Alias{"us-ascii", "windows-1252"},
    Alias{"cp819", "windows-1252"},
    Alias{"ibm819", "windows-1252"},
    Alias{"utf-16", "utf-16le"},
    Alias{"utf-16le", "utf-16le"},
    Alias{"utf-16be", "utf-16be"},
    Alias{"koi8-r", "koi8-r"},
    Alias{"koi8", "koi8-r"},
    Alias{"koi8-u", "koi8-u"},
};

}  // namespace

std::string IconvCharsetName(std::string_view canonical) {
  if (canonical == "gb18030") return "GB18030";
  // WHATWG's big5 decoder is Big5 with the HKSCS extensions.
  if (canonical == "big5") return "BIG5-HKSCS";
  // What browsers call Shift_JIS is Microsoft's superset.
  if (canonical == "shift_jis") return "CP932";
  if (canonical == "euc-jp") return "EUC-JP";
  if (canonical == "euc-kr") return "CP949";
  if (canonical == "utf-16le") return "UTF-16LE";
  if (canonical == "utf-16be") return "UTF-16BE";
  if (canonical == "koi8-r") return "KOI8-R";
  if (canonical == "koi8-u") return "KOI8-U";
  if (canonical.substr(0, 8) == "windows-") return "CP" + std::string(canonical.substr(8));
  if (canonical.substr(0, 9) == "iso-8859-") return "ISO-8859-" + std::string(canonical.substr(9));
  return "";
}

std::string CanonicalCharset(std::string_view label) {
  const std::string l = Lower(Unquote(label));
  if (l.empty()) return "";
  for (const Alias& a : kAliases) {
    if (a.label == l) return std::string(a.canonical);
  }
  for (std::string_view prefix : {"windows-", "cp", "x-cp"}) {
    if (l.rfind(prefix, 0) == 0) {
      const std::string n = l.substr(prefix.size());
      if (n.size() == 4 && n >= "1250" && n <= "1258") return "windows-" + n;
    }
  }
  for (std::string_view prefix : {"iso-8859-", "iso8859-", "iso_8859-"}) {
    if (l.rfind(prefix, 0) == 0) {
      const std::string n = l.substr(prefix.size());
      static constexpr std::array<std::string_view, 14> kParts = {
          "2", "3", "4", "5", "6", "7", "8", "9", "10", "11", "13", "14", "15", "16"};
      for (std::string_view p : kParts) {
        if (n == p) return "iso-8859-" + n;
      }
    }
  }
  return "";
}

std::string CharsetParam(std::string_view content_type) {
  size_t pos = content_type.find(';');
  while (pos != std::string_view::npos) {
    const size_t next = content_type.find(';', pos + 1);
    const std::string_view param = content_type.substr(
        pos + 1, next == std::string_view::npos ? std::string_view::npos : next - pos - 1);
    const size_t eq = param.find('=');
    if (eq != std::string_view::npos && Lower(Trim(param.substr(0, eq))) == "charset") {
      return std::string(Unquote(param.substr(eq + 1)));
    }
    pos = next;
  }
  return "";
}

}  // namespace crawler
