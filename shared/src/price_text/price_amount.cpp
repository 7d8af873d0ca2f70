// Amount tokens ([currency] number [万] [currency]) and ParsePriceAmount, the reader of one
// amount. Pure.
#include <string>

#include "core/price_text.h"
#include "price_text/price_scan.h"

namespace core {
namespace price_text_internal {
namespace {

constexpr std::string_view kWan = "\xE4\xB8\x87";  // 万

const Word* CurrencyAt(std::string_view text, size_t pos) {
  if (pos >= text.size()) return nullptr;
  const Word* word = MatchWord(text, pos);
  return word != nullptr && word->kind == WordKind::kCurrency ? word : nullptr;
}

}  // namespace

bool ReadAmountAt(std::string_view text, size_t pos, bool whole_text, AmountToken* token) {
  std::string_view currency;
  size_t at = pos;
  if (const Word* prefix = CurrencyAt(text, pos); prefix != nullptr && !prefix->suffix_only) {
    currency = prefix->currency;
    at = SkipSpaces(text, pos + prefix->text.size());
  }
  NumberRun run;
  if (!LexNumber(text, at, whole_text, &run)) return false;
  token->begin = pos;
  token->has_prefix = !currency.empty();
  size_t end = run.end;
  bool wan = false;
  size_t next = SkipSpaces(text, end);
  if (text.substr(next, kWan.size()) == kWan) {
    wan = true;
    end = next + kWan.size();
    next = SkipSpaces(text, end);
  }
  if (const Word* suffix = CurrencyAt(text, next);
      suffix != nullptr && (currency.empty() || suffix->currency == currency)) {
    const size_t after = next + suffix->text.size();
    // In running text "¥99 ¥199" is two amounts: a symbol before a number is that number's.
    const bool starts_next =
        !whole_text && !suffix->suffix_only && NumberStartsAt(text, SkipSpaces(text, after));
    if (!starts_next) {
      currency = suffix->currency;
      end = after;
    }
  }
  token->end = end;
  token->currency = currency;
  token->hundredths = 0;
  token->error = run.too_long
                     ? NumberError::kOverflow
                     : InterpretNumber(run.Chars(), currency == "EUR", wan, &token->hundredths);
  return true;
}

}  // namespace price_text_internal

namespace {

using price_text_internal::AmountToken;
using price_text_internal::DecodeAt;
using price_text_internal::NumberError;

// The start of a text for error messages, cut on a code point boundary.
std::string Quote(std::string_view text) {
  constexpr size_t kMax = 40;
  if (text.size() <= kMax) return "\"" + std::string(text) + "\"";
  size_t cut = kMax;
  while (cut > 0 && (static_cast<unsigned char>(text[cut]) & 0xC0) == 0x80) --cut;
  return "\"" + std::string(text.substr(0, cut)) + "...\"";
}

bool MinusAt(std::string_view text, size_t pos) {
  return pos < text.size() && price_text_internal::IsMinus(DecodeAt(text, pos).value);
}

}  // namespace

StatusOr<PriceAmount> ParsePriceAmount(std::string_view text) {
  using price_text_internal::SkipSpaces;
  const size_t start = SkipSpaces(text, 0);
  if (start == text.size()) return InvalidArgumentError("empty amount");
  AmountToken token;
  if (!price_text_internal::ReadAmountAt(text, start, /*whole_text=*/true, &token)) {
    // Find the minus of "-12" or "¥-12" to say why.
    size_t at = start;
    if (const auto* word = price_text_internal::MatchWord(text, start);
        word != nullptr && word->kind == price_text_internal::WordKind::kCurrency) {
      at = SkipSpaces(text, start + word->text.size());
    }
    if (MinusAt(text, at))
      return InvalidArgumentError("negative amounts are refused: " + Quote(text));
    return InvalidArgumentError("not an amount: " + Quote(text));
  }
  if (SkipSpaces(text, token.end) != text.size()) {
    return InvalidArgumentError("not exactly one amount: " + Quote(text));
  }
  switch (token.error) {
    case NumberError::kNone:
      break;
    case NumberError::kTooManyDecimals:
      return InvalidArgumentError("more than two decimals: " + Quote(text));
    case NumberError::kOverflow:
      return InvalidArgumentError("amount beyond 10^15 hundredths: " + Quote(text));
    case NumberError::kSyntax:
      return InvalidArgumentError("misplaced separators in amount: " + Quote(text));
  }
  return PriceAmount{token.hundredths, std::string(token.currency)};
}

}  // namespace core
