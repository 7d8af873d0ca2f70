// ReadPriceText: one linear pass over a snippet of visible text that keeps the last label,
// condition and discount words it saw and decides for each number whether it is a price. Pure.
#include <cstdint>
#include <string>
#include <utility>

#include "core/price_text.h"
#include "price_text/price_scan.h"

namespace core {
namespace {

using price_text_internal::AmountToken;
using price_text_internal::CodePoint;
using price_text_internal::DecodeAt;
using price_text_internal::MatchWord;
using price_text_internal::NumberError;
using price_text_internal::SkipSpaces;
using price_text_internal::Word;
using price_text_internal::WordKind;

// Distances are counted on a clock that advances by the bytes of text passed, a run of spaces
// counting as one: 24 is about eight Chinese characters or "(incl. VAT): ".
constexpr int64_t kLabelReach = 24;      // a label names the next amount within this distance
constexpr int64_t kConditionReach = 16;  // 满 / "over" this close makes free shipping conditional
constexpr int64_t kNever = INT64_MIN / 4;

bool IsAsciiLetter(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
bool IsAsciiAlnum(char c) { return IsAsciiLetter(c) || (c >= '0' && c <= '9') || c == '_'; }

// CJK and general punctuation that may follow an amount: 。，、：；！？（）【】《》「」“” …
bool IsWidePunctuation(char32_t cp) {
  if (cp == 0xFF05 || cp == 0xFF0B || cp == 0xFF0A || cp == 0xFF0F) return false;  // ％＋＊／
  return (cp >= 0x3000 && cp <= 0x303F) || (cp >= 0xFF01 && cp <= 0xFF0F) ||
         (cp >= 0xFF1A && cp <= 0xFF20) || (cp >= 0xFF3B && cp <= 0xFF40) ||
         (cp >= 0xFF5B && cp <= 0xFF65) || (cp >= 0x2018 && cp <= 0x2027) || cp == 0xB7;
}

class Reader {
 public:
  explicit Reader(std::string_view text) : text_(text) {}

  PriceTextReading Run() {
    while (pos_ < text_.size()) Step();
    if (free_pending_) reading_.free_shipping = true;
    return std::move(reading_);
  }

 private:
  void Advance(size_t bytes) {
    pos_ += bytes;
    clock_ += static_cast<int64_t>(bytes);
  }

  void Step() {
    const char b = text_[pos_];
    if (b >= '0' && b <= '9') return OnNumber();
    const CodePoint cp = DecodeAt(text_, pos_);
    if (price_text_internal::IsSpace(cp.value)) {
      pos_ = SkipSpaces(text_, pos_);
      ++clock_;
      return;
    }
    if (price_text_internal::NumberCharOf(cp.value) >= '0' &&
        price_text_internal::NumberCharOf(cp.value) <= '9') {
      return OnNumber();
    }
    if (IsAsciiLetter(b) && pos_ > 0 && IsAsciiLetter(text_[pos_ - 1])) {
      // Inside a word no word of ours can start: skip to its end.
      size_t end = pos_;
      while (end < text_.size() && IsAsciiLetter(text_[end])) ++end;
      return Advance(end - pos_);
    }
    if (const Word* word = MatchWord(text_, pos_)) return OnWord(*word);
    if (price_text_internal::IsMinus(cp.value)) minus_before_ = pos_ + cp.length;
    Advance(cp.length);
  }

  void OnWord(const Word& word) {
    const int64_t start = clock_;
    if (word.kind == WordKind::kCurrency && !word.suffix_only) {
      AmountToken amount;
      if (price_text_internal::ReadAmountAt(text_, pos_, false, &amount)) return OnAmount(amount);
    }
    Advance(word.text.size());
    switch (word.kind) {
      case WordKind::kCurrency:
      case WordKind::kIgnored:
        break;
      case WordKind::kLabel:
        has_label_ = true;
        label_ = word.role;
        label_clock_ = clock_;
        threshold_pending_ = false;
        not_price_pending_ = false;
        break;
      case WordKind::kBlocker:
        has_label_ = false;
        threshold_pending_ = false;
        not_price_pending_ = false;
        break;
      case WordKind::kThreshold:
        threshold_pending_ = true;
        threshold_clock_ = clock_;
        if (free_pending_ && start - free_clock_ <= kConditionReach) free_pending_ = false;
        break;
      case WordKind::kNotPrice:
        not_price_pending_ = true;
        not_price_clock_ = clock_;
        break;
      case WordKind::kFreeWord:
        if (!(has_label_ && label_ == PriceRole::kFreight && start - label_clock_ <= kLabelReach)) {
          break;
        }
        has_label_ = false;
        [[fallthrough]];
      case WordKind::kFreeShipping:
        if (start - threshold_clock_ <= kConditionReach) break;  // "满99包邮": conditional
        if (free_pending_) reading_.free_shipping = true;
        free_pending_ = true;
        free_clock_ = clock_;
        break;
    }
  }

  void OnNumber() {
    const char prev = pos_ > 0 ? text_[pos_ - 1] : ' ';
    if (IsAsciiLetter(prev) || prev == '_' || prev == '#') {
      // Part of a code ("A100", "SKU100234", "#12"): skip the whole run.
      price_text_internal::NumberRun run;
      if (!price_text_internal::LexNumber(text_, pos_, false, &run)) return Advance(1);
      return Advance(run.end - pos_);
    }
    AmountToken amount;
    if (!price_text_internal::ReadAmountAt(text_, pos_, false, &amount)) return Advance(1);
    OnAmount(amount);
  }

  // Whether what follows an amount ending at end shows it is not a price: a percentage, 折,
  // a discount word, or (for an amount without currency) anything but punctuation or our words.
  bool FollowedByNoise(size_t end, bool marked) const {
    const size_t at = SkipSpaces(text_, end);
    if (at >= text_.size()) return false;
    const CodePoint cp = DecodeAt(text_, at);
    if (cp.value == '%' || cp.value == 0xFF05 || cp.value == 0x2030) return true;
    if (cp.value == 0xFFFD) return false;  // invalid bytes are skipped, not read as a unit
    const Word* word = MatchWord(text_, at);
    if (word != nullptr && word->kind == WordKind::kNotPrice) return true;
    if (marked) return false;
    if (cp.value < 0x80) {
      const char c = static_cast<char>(cp.value);
      if (IsAsciiAlnum(c) && word == nullptr) return true;
      return c == '+' || c == '*' || c == '/' || c == '#' || c == '-' || c == '~' || c == '&' ||
             c == '=';
    }
    if (word != nullptr) return false;
    return !IsWidePunctuation(cp.value);
  }

  // The end of a chain of digit groups joined by / - : . ("2024/03/15", "400-123-4567",
  // "12:30") that starts at end, so that its later groups are not read as numbers of their own.
  size_t DigitChainEnd(size_t end) const {
    const auto digit = [this](size_t p) {
      return p < text_.size() && text_[p] >= '0' && text_[p] <= '9';
    };
    while (end < text_.size()) {
      if (digit(end)) {
        ++end;
      } else if ((text_[end] == '/' || text_[end] == '-' || text_[end] == ':' ||
                  text_[end] == '.') &&
                 digit(end + 1)) {
        end += 2;
      } else {
        break;
      }
    }
    return end;
  }

  // A second amount after a range dash ("¥99-¥199", "99~199元", "99 至 199"), read into second.
  bool RangeAfter(size_t end, AmountToken* second) const {
    size_t at = SkipSpaces(text_, end);
    if (at >= text_.size()) return false;
    const CodePoint cp = DecodeAt(text_, at);
    if (price_text_internal::IsDash(cp.value)) {
      at += cp.length;
    } else if (text_.substr(at, 3) == "\xE8\x87\xB3") {  // 至
      at += 3;
    } else if (text_.substr(at, 3) == "to " && at > 0 && !IsAsciiLetter(text_[at - 1])) {
      at += 2;
    } else {
      return false;
    }
    at = SkipSpaces(text_, at);
    return at < text_.size() && price_text_internal::ReadAmountAt(text_, at, false, second);
  }

  void OnAmount(AmountToken first) {
    const int64_t start = clock_;
    const bool negative = minus_before_ == first.begin;
    AmountToken second;
    bool range = RangeAfter(first.end, &second) && second.error == NumberError::kNone;
    if (range) {
      if (first.currency.empty()) first.currency = second.currency;
      if (second.currency.empty()) second.currency = first.currency;
      range = !FollowedByNoise(second.end, !second.currency.empty());
    }
    const bool marked = !first.currency.empty();
    const bool noise = !range && FollowedByNoise(first.end, marked);
    size_t consumed_end = range ? second.end : first.end;
    if (noise && !marked) consumed_end = DigitChainEnd(first.end);
    Advance(consumed_end - pos_);

    if (threshold_pending_ && start - threshold_clock_ <= kLabelReach) {
      threshold_pending_ = false;  // the amount of a condition ("满99"), not a price
      return;
    }
    if (not_price_pending_ && start - not_price_clock_ <= kLabelReach) {
      not_price_pending_ = false;  // a discount ("立减¥20")
      return;
    }
    const bool labelled = has_label_ && start - label_clock_ <= kLabelReach;
    if (first.error != NumberError::kNone || negative || noise || (!marked && !labelled)) return;
    const PriceRole role = labelled ? label_ : PriceRole::kPrice;
    has_label_ = false;
    Emit(first, role);
    if (range) Emit(second, role);
  }

  void Emit(const AmountToken& token, PriceRole role) {
    PriceMention mention;
    mention.amount.hundredths = token.hundredths;
    mention.amount.currency = std::string(token.currency);
    mention.role = role;
    mention.begin = token.begin;
    mention.end = token.end;
    reading_.mentions.push_back(std::move(mention));
  }

  std::string_view text_;
  size_t pos_ = 0;
  int64_t clock_ = 0;
  bool has_label_ = false;
  PriceRole label_ = PriceRole::kPrice;
  int64_t label_clock_ = kNever;
  bool threshold_pending_ = false;
  int64_t threshold_clock_ = kNever;
  bool not_price_pending_ = false;
  int64_t not_price_clock_ = kNever;
  bool free_pending_ = false;
  int64_t free_clock_ = kNever;
  size_t minus_before_ = static_cast<size_t>(-1);
  PriceTextReading reading_;
};

}  // namespace

PriceTextReading ReadPriceText(std::string_view text) { return Reader(text).Run(); }

}  // namespace core
