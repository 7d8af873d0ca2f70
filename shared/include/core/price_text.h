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
// Rules chosen for the ambiguous cases: a lone '.' before exactly three digits is a thousands
// separator only in euros ("€1.299" = 1299.00); elsewhere "1.299" has three decimals and is
// refused (a CNY shop never writes 1.299). A lone ',' before exactly three digits groups
// thousands in every currency ("1,299" = 1299). ".99" is 0.99. Spaces (plain, NBSP, narrow NBSP,
// thin) group thousands ("1 299,00"). 万 multiplies by 10 000 ("1.2万" = 12 000.00, up to six
// decimals before it). Full-width digits and ，．are folded. Negative amounts are refused.
// Currencies: ¥ ￥ 元 RMB CNY 人民币 (a bare ¥ is CNY), $ ＄ US$ USD 美元, € EUR 欧元, £ GBP 英镑,
// HK$ HKD 港币 港元, JP¥ 円 JPY 日元, ₩ KRW 韩元, C$ CAD, A$ AUD, S$ SGD, NT$ TWD, CHF; before or
// after the number (元 and the other Chinese names after only); codes in upper case.
StatusOr<PriceAmount> ParsePriceAmount(std::string_view text);

// Finds every amount in a snippet of visible text with its role from the nearest label before
// it (Chinese and English labels), and free-shipping wording. Text without amounts gives an
// empty list. Never fails: unreadable parts are skipped. Input is UTF-8 (invalid bytes are
// skipped too).
// A number is a price only with a currency mark or a label at most ~8 characters before it (a
// bare "1299" is not); a label names the next amount only (and both ends of a range: "¥99-¥199",
// "99~199元", "$10 to $20"). Not prices: numbers followed by %, 折, a unit or count word (500ml,
// 2件, 1,234条评价, 1234 reviews), numbers glued to letters (SKU100234), numbers after 货号, SKU,
// 月销, 已售, 电话 ..., dates and phone numbers, negative amounts, discounts (立减¥20, "Save $20",
// "$20 off", ¥20优惠券), and invalid amounts ("¥1.299"). "满99包邮" / "free shipping on orders
// over $50" is conditional: free_shipping stays false and 99 / $50 are not mentions. "运费 ¥0" is
// a freight mention of 0 (free_shipping comes from wording only: 包邮, "运费：免费", "Shipping:
// Free"). In running text a plain space separates numbers unless groups of three end in a
// decimal comma ("1 299,00 €"). Linear in the text; allocates only for the mentions.
PriceTextReading ReadPriceText(std::string_view text);

}  // namespace core
