// The value types of CEB fields: exact decimals (amounts N16,2 in fen, quantities N19,5 in
// 1e-5 units), timestamps at 8/14/17 digits, appType and message-type names. Pure.
#include <string>

#include "core/messages.h"
#include "internal/text_fields.h"

namespace core {
namespace {

// Splits "123.45" into its digit runs; false unless it is digits with an optional point that
// has digits on both sides.
bool SplitDecimal(std::string_view text, std::string_view& whole, std::string_view& frac) {
  const size_t dot = text.find('.');
  whole = text.substr(0, dot);
  frac = dot == std::string_view::npos ? std::string_view() : text.substr(dot + 1);
  if (!internal::IsAsciiDigits(whole)) return false;
  if (dot != std::string_view::npos && !internal::IsAsciiDigits(frac)) return false;
  return true;
}

// Digits of an exact decimal as an integer scaled by 10^scale. The caller bounds the lengths.
int64_t ScaledValue(std::string_view whole, std::string_view frac, size_t scale) {
  int64_t v = 0;
  for (char c : whole) v = v * 10 + (c - '0');
  for (size_t i = 0; i < scale; ++i) v = v * 10 + (i < frac.size() ? frac[i] - '0' : 0);
  return v;
}

// Without leading zeros, so the integer-digit limit counts significant digits ("007" is 7).
std::string_view StripLeadingZeros(std::string_view s) {
  while (s.size() > 1 && s.front() == '0') s.remove_prefix(1);
  return s;
}

bool ParseFixedDigits(std::string_view s, int& out) {
  if (!internal::IsAsciiDigits(s)) return false;
  out = 0;
  for (char c : s) out = out * 10 + (c - '0');
  return true;
}

std::string Pad(int v, int width) {
  std::string s = std::to_string(v);
  while (static_cast<int>(s.size()) < width) s.insert(s.begin(), '0');
  return s;
}

}  // namespace

StatusOr<Qty> ParseQty(std::string_view text) {
  std::string_view whole, frac;
  if (!SplitDecimal(text, whole, frac)) {
    return InvalidArgumentError("must be a decimal number such as 2 or 0.5 (N19,5)");
  }
  if (frac.size() > 5) return InvalidArgumentError("has more than 5 decimals (N19,5)");
  whole = StripLeadingZeros(whole);
  if (whole.size() > 13) return InvalidArgumentError("has more than 13 integer digits");
  return Qty{ScaledValue(whole, frac, 5)};
}

std::string FormatQty(Qty q) {
  const bool negative = q.e5 < 0;
  const uint64_t magnitude = negative ? static_cast<uint64_t>(0) - static_cast<uint64_t>(q.e5)
                                      : static_cast<uint64_t>(q.e5);
  std::string out = std::to_string(magnitude / Qty::kScale);
  std::string frac = Pad(static_cast<int>(magnitude % Qty::kScale), 5);
  while (!frac.empty() && frac.back() == '0') frac.pop_back();
  if (!frac.empty()) out += "." + frac;
  return negative ? "-" + out : out;
}

StatusOr<Fen> ParseCebAmount(std::string_view text) {
  std::string_view whole, frac;
  if (!SplitDecimal(text, whole, frac)) {
    return InvalidArgumentError("must be an amount such as 19050 or 12.30 (N16,2)");
  }
  if (frac.size() > 2) {
    return InvalidArgumentError("has more than 2 decimals (N16,2): '" + std::string(text) + "'");
  }
  whole = StripLeadingZeros(whole);
  if (whole.size() > 14) return InvalidArgumentError("has more than 14 integer digits (N16,2)");
  const Fen fen = ScaledValue(whole, frac, 2);
  if (fen > kMaxFen) return InvalidArgumentError("is too large");
  return fen;
}

StatusOr<CebTime> CebTime::Parse(std::string_view digits) {
  const size_t n = digits.size();
  if ((n != 8 && n != 14 && n != 17) || !internal::IsAsciiDigits(digits)) {
    return InvalidArgumentError(
        "must be a time of 8, 14 or 17 digits (YYYYMMDD, YYYYMMDDhhmmss, YYYYMMDDhhmmssSSS)");
  }
  StatusOr<Date> date = Date::Parse(digits.substr(0, 8));
  if (!date.ok()) return InvalidArgumentError("is not a real date");
  int hh = 0, mm = 0, ss = 0, ms = 0;
  if (n >= 14) {
    ParseFixedDigits(digits.substr(8, 2), hh);
    ParseFixedDigits(digits.substr(10, 2), mm);
    ParseFixedDigits(digits.substr(12, 2), ss);
    if (hh > 23 || mm > 59 || ss > 59) return InvalidArgumentError("is not a real time of day");
  }
  if (n == 17) ParseFixedDigits(digits.substr(14, 3), ms);
  CebTime t;
  t.date_ = *date;
  t.ms_of_day_ = ((hh * 60 + mm) * 60 + ss) * 1000 + ms;
  t.digits_ = static_cast<int>(n);
  return t;
}

std::string CebTime::ToDigits() const {
  std::string out = Pad(date_.year(), 4) + Pad(date_.month(), 2) + Pad(date_.day(), 2);
  if (digits_ >= 14) out += Pad(hour(), 2) + Pad(minute(), 2) + Pad(second(), 2);
  if (digits_ == 17) out += Pad(millisecond(), 3);
  return out;
}

std::string CebTime::ToIso() const {
  std::string out = date_.ToIso();
  if (digits_ >= 14) {
    out += "T" + Pad(hour(), 2) + ":" + Pad(minute(), 2) + ":" + Pad(second(), 2);
  }
  if (digits_ == 17) out += "." + Pad(millisecond(), 3);
  return out;
}

std::string_view AppTypeName(AppType t) {
  switch (t) {
    case AppType::kNew:
      return "new";
    case AppType::kChange:
      return "change";
    case AppType::kDelete:
      return "delete";
  }
  return "new";
}

namespace {

struct TypeNames {
  MessageType type;
  std::string_view code;
  std::string_view record;
  std::string_view head;
  std::string_view line;
};

constexpr TypeNames kTypeNames[] = {
    {MessageType::kOrder, "CEB311", "Order", "OrderHead", "OrderList"},
    {MessageType::kPayment, "CEB411", "Payment", "PaymentHead", ""},
    {MessageType::kWaybill, "CEB511", "Logistics", "LogisticsHead", ""},
    {MessageType::kInventory, "CEB621", "Inventory", "InventoryHead", "InventoryList"},
    {MessageType::kRefund, "CEB625", "InvtRefund", "InvtRefundHead", "InvtRefundList"},
};

const TypeNames& NamesOf(MessageType t) {
  for (const TypeNames& n : kTypeNames) {
    if (n.type == t) return n;
  }
  return kTypeNames[0];  // unreachable: every enumerator is in the table
}

}  // namespace

std::string_view MessageTypeCode(MessageType t) { return NamesOf(t).code; }
std::string_view RecordElementName(MessageType t) { return NamesOf(t).record; }
std::string_view HeadElementName(MessageType t) { return NamesOf(t).head; }
std::string_view LineElementName(MessageType t) { return NamesOf(t).line; }

std::optional<MessageType> MessageTypeFromCode(std::string_view code) {
  for (const TypeNames& n : kTypeNames) {
    if (n.code == code) return n.type;
  }
  return std::nullopt;
}

size_t CebMessage::record_count() const {
  return orders.size() + payments.size() + waybills.size() + inventories.size() + refunds.size();
}

}  // namespace core
