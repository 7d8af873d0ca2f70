// Private pieces of the price-text reader: UTF-8 stepping with full-width folding, the number
// lexer and its interpretation, amount tokens (currency, number, 万, currency), and the word table
// (labels, currencies, noise words). Pure; nothing here allocates.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string_view>

#include "core/price_text.h"

namespace core::price_text_internal {

// One decoded code point. Invalid, overlong or truncated UTF-8 gives U+FFFD with length 1, so a
// scan always advances and never reads past the end.
struct CodePoint {
  char32_t value = 0;
  size_t length = 1;
};
// Requires pos < text.size().
CodePoint DecodeAt(std::string_view text, size_t pos);

// '0'-'9', ',' or '.' for a digit or number separator, folding full-width forms (１ ， ．); 0 else.
char NumberCharOf(char32_t cp);
// ASCII white space, NBSP, U+2000-U+200B, U+202F, U+205F and the ideographic space U+3000.
bool IsSpace(char32_t cp);
// Range dashes between two amounts: - ~ – — － ～ 〜.
bool IsDash(char32_t cp);
// Minus signs: - − －.
bool IsMinus(char32_t cp);
// First position at or after pos that is not a space (text.size() when none).
size_t SkipSpaces(std::string_view text, size_t pos);
// Whether a number starts at pos: a digit (ASCII or full-width), or '.' followed by a digit.
bool NumberStartsAt(std::string_view text, size_t pos);

inline constexpr size_t kMaxNumberChars = 40;  // longer runs are too large to be amounts

// A run of digits and separators as written, folded to ASCII: digits, ',', '.' and ' ' (a
// thousands space: NBSP, narrow NBSP or thin space, or a plain space when allowed).
struct NumberRun {
  size_t begin = 0;  // byte offsets of the run in the text
  size_t end = 0;
  char chars[kMaxNumberChars] = {};
  size_t size = 0;
  bool too_long = false;
  std::string_view Chars() const { return std::string_view(chars, size); }
};

// Lexes the number starting at pos: a digit, or '.' followed by a digit (".99"). A separator
// belongs to the run only when a digit follows it. An NBSP, narrow NBSP or thin space groups
// thousands; a plain space does when plain_space_groups (the whole text is one amount) and, in
// running text, only before groups of three that end in a decimal comma ("1 299,00"), since a
// space usually separates numbers there. False (run untouched) when no number starts at pos.
bool LexNumber(std::string_view text, size_t pos, bool plain_space_groups, NumberRun* run);

enum class NumberError { kNone, kSyntax, kTooManyDecimals, kOverflow };

// The value of a lexed run in hundredths, by these rules:
// - ',' and '.' both present: the last one is the decimal mark and occurs once ("1,299.50",
//   "1.299,50"); the other groups thousands.
// - a space group with one ',' or '.': that mark is decimal ("1 299,00").
// - one kind of mark occurring several times groups thousands ("1,299,000", "1.299.000").
// - one mark occurring once: followed by exactly three digits after an integer part of 1-3
//   digits not starting with 0, a ',' groups thousands ("1,299" = 1299) and so does a '.' when
//   dot_thousands (euro shops: "1.299" = 1299); otherwise it is the decimal mark, so "1.299" in a
//   CNY shop has three decimals (kTooManyDecimals) and "12,50" is 12.50.
// - thousands groups: a first group of 1-3 digits, then groups of exactly three.
// - at most two decimals (six with wan, which multiplies by 10 000: "1.2万" = 12 000.00).
// kOverflow beyond 10^15 hundredths (core::kMaxFen), kSyntax for anything else.
NumberError InterpretNumber(std::string_view chars, bool dot_thousands, bool wan,
                            int64_t* hundredths);

// An amount as written: [currency] number [万] [currency], with spaces allowed between parts.
struct AmountToken {
  size_t begin = 0;           // first byte (the currency prefix or the number)
  size_t end = 0;             // after the last part read
  std::string_view currency;  // ISO code, empty when none is written
  bool has_prefix = false;    // a currency mark came before the number
  NumberError error = NumberError::kSyntax;
  int64_t hundredths = 0;  // valid when error == kNone
};

// Reads an amount at pos (a currency prefix or a number start). whole_text: the text is meant to
// be one amount (plain spaces group thousands, and a currency symbol after the number is always
// its suffix); in running text a symbol followed by a number is the next amount's prefix
// ("¥99 ¥199"). A suffix naming another currency than the prefix is left unread. False when no
// number starts at pos (after an optional prefix).
bool ReadAmountAt(std::string_view text, size_t pos, bool whole_text, AmountToken* token);

enum class WordKind {
  kCurrency,   // ¥ 元 US$ RMB ...: the currency of the adjacent number
  kLabel,      // 现价 原价 运费 "price" ...: the role of the next amount
  kBlocker,    // 货号 评价 已售 SKU ...: the next number is not labelled by an earlier label
  kThreshold,  // 满 "over": the next amount is a condition, and free shipping near is conditional
  kNotPrice,   // 减 优惠券 "save" "off": the adjacent amount is a discount, not a price
  kFreeShipping,  // 包邮 免运费 "free shipping"
  kFreeWord,      // 免费 "free": free shipping right after a freight label ("运费：免费")
  kIgnored,       // 不包邮 "incl. VAT": read whole so that the words inside them are not
};

struct Word {
  std::string_view text;  // UTF-8; ASCII letters lower case unless exact_case
  WordKind kind = WordKind::kBlocker;
  PriceRole role = PriceRole::kPrice;  // kLabel
  std::string_view currency;           // kCurrency: ISO 4217 code
  bool exact_case = false;             // currency codes match in upper case only
  bool suffix_only = false;            // 元 美元 円 ...: written after the number only
};

// The longest word of the table that starts at pos, or nullptr. ASCII letters compare without
// case (except exact_case words), and a word that begins or ends with an ASCII letter must not
// continue a longer ASCII word on that side. Requires pos < text.size().
const Word* MatchWord(std::string_view text, size_t pos);

}  // namespace core::price_text_internal
