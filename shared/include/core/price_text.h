// Reading prices as shops write them: "¥1,299.00", "1299元", "券后价 ¥99", "原价¥199 现价¥149",
// "包邮", "运费 ¥10", "US$119.99", "€1.299,50". Amounts come back as integer hundredths of the
// currency's main unit (fen for CNY); no floating point. Pure.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/status.h"

namespace core {

// What a labelled amount means on a shop page.
enum class PriceRole {
  kPrice,  // the price a buyer pays now (现价, 售价, 价格, 到手价, "Price", a bare amount)
  kOriginal,  // a struck-through or reference price (原价, 划线价, 市场价, 吊牌价, "was", "RRP")
  kCoupon,   // a price after a coupon or discount (券后价, 折后价)
  kFreight,  // shipping (运费, 邮费, 配送费, "shipping", "delivery")
  kTax,      // tax shown to the buyer (税费, 进口税, "tax")
  kTotal,    // an order total (合计, 总计, 实付, 应付, "total")
};

std::string_view PriceRoleName(PriceRole role);  // "price", "original", "coupon", ...

struct PriceAmount {
  int64_t hundredths = 0;  // 129900 for ¥1,299.00
  // ISO 4217 code ("CNY", "USD", "EUR", "GBP", "JPY", "HKD", ...); ¥/￥/元/RMB/CNY mean CNY.
  // Empty when the text names no currency (the caller applies its default).
  std::string currency;
};

// One amount found in a text, with its role and where it was (byte offsets in the input).
struct PriceMention {
  PriceAmount amount;
  PriceRole role = PriceRole::kPrice;
  size_t begin = 0;
  size_t end = 0;
};

struct PriceTextReading {
  std::vector<PriceMention> mentions;  // in text order
  bool free_shipping = false;  // 包邮, 免运费, 免邮, "free shipping", "free delivery"
};

// Parses one amount that should be the whole text (after trimming spaces): "1,299.00",
// "¥1,299.00", "1299元", "1.299,50 €", "USD 12", "12.5". Thousands and decimal separators in
// both conventions ("1,299.50" and "1.299,50"; "1,299" is one thousand two hundred ninety-nine,
// "12,50" is twelve and a half). InvalidArgument when the text is not exactly one amount, has
// more than two decimals, or exceeds 10^15 hundredths.
StatusOr<PriceAmount> ParsePriceAmount(std::string_view text);

// Finds every amount in a snippet of visible text with its role from the nearest label before
// it (Chinese and English labels), and free-shipping wording. Text without amounts gives an
// empty list. Never fails: unreadable parts are skipped. Input is UTF-8 (invalid bytes are
// skipped too).
PriceTextReading ReadPriceText(std::string_view text);

}  // namespace core
