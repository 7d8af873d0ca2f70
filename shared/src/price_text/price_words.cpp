// The words the price-text reader knows (currencies, labels and their roles, noise words, free
// shipping wording) and their lookup, bucketed by first code point. Pure.
#include <array>
#include <cstdint>

#include "core/price_text.h"
#include "price_text/price_scan.h"

namespace core {
namespace price_text_internal {
namespace {

constexpr bool HasUpper(std::string_view text) {
  for (char c : text) {
    if (c >= 'A' && c <= 'Z') return true;
  }
  return false;
}
constexpr Word Cur(std::string_view text, std::string_view code) {  // US$ HK$: upper case only
  return Word{text, WordKind::kCurrency, PriceRole::kPrice, code, HasUpper(text), false};
}
constexpr Word Code(std::string_view text) {  // upper-case ISO code, also its own currency
  return Word{text, WordKind::kCurrency, PriceRole::kPrice, text, true, false};
}
constexpr Word After(std::string_view text, std::string_view code) {  // 元 美元: suffix only
  return Word{text, WordKind::kCurrency, PriceRole::kPrice, code, false, true};
}
constexpr Word Label(std::string_view text, PriceRole role) {
  return Word{text, WordKind::kLabel, role, {}, false, false};
}
constexpr Word Of(std::string_view text, WordKind kind) {
  return Word{text, kind, PriceRole::kPrice, {}, false, false};
}

constexpr PriceRole kP = PriceRole::kPrice;
constexpr PriceRole kO = PriceRole::kOriginal;
constexpr PriceRole kC = PriceRole::kCoupon;
constexpr PriceRole kF = PriceRole::kFreight;
constexpr PriceRole kT = PriceRole::kTax;
constexpr PriceRole kS = PriceRole::kTotal;
constexpr WordKind kBlock = WordKind::kBlocker;
constexpr WordKind kIf = WordKind::kThreshold;
constexpr WordKind kNot = WordKind::kNotPrice;
constexpr WordKind kFreeShip = WordKind::kFreeShipping;

constexpr Word kWords[] = {
    // Currencies. A bare ¥ is CNY on our shops; JP¥ and 円 are yen.
    Cur("\xC2\xA5", "CNY"),
    Cur("\xEF\xBF\xA5", "CNY"),
    After("元", "CNY"),
    Cur("RMB", "CNY"),
    Code("CNY"),
    Cur("人民币", "CNY"),
    Cur("$", "USD"),
    Cur("\xEF\xBC\x84", "USD"),
    Cur("US$", "USD"),
    Code("USD"),
    After("美元", "USD"),
    Cur("€", "EUR"),
    Code("EUR"),
    After("欧元", "EUR"),
    Cur("£", "GBP"),
    Cur("\xEF\xBF\xA1", "GBP"),
    Code("GBP"),
    After("英镑", "GBP"),
    Cur("HK$", "HKD"),
    Code("HKD"),
    After("港币", "HKD"),
    After("港元", "HKD"),
    Cur("JP\xC2\xA5", "JPY"),
    After("円", "JPY"),
    Code("JPY"),
    After("日元", "JPY"),
    Cur("₩", "KRW"),
    Cur("\xEF\xBF\xA6", "KRW"),
    Code("KRW"),
    After("韩元", "KRW"),
    Cur("C$", "CAD"),
    Cur("CA$", "CAD"),
    Code("CAD"),
    After("加元", "CAD"),
    Cur("A$", "AUD"),
    Cur("AU$", "AUD"),
    Code("AUD"),
    After("澳元", "AUD"),
    Cur("S$", "SGD"),
    Code("SGD"),
    Cur("NT$", "TWD"),
    Code("TWD"),
    After("新台币", "TWD"),
    Code("CHF"),
    // What a buyer pays now.
    Label("现价", kP),
    Label("售价", kP),
    Label("价格", kP),
    Label("到手价", kP),
    Label("促销价", kP),
    Label("活动价", kP),
    Label("秒杀价", kP),
    Label("会员价", kP),
    Label("优惠价", kP),
    Label("特价", kP),
    Label("单价", kP),
    Label("零售价", kP),
    Label("销售价", kP),
    Label("团购价", kP),
    Label("拼团价", kP),
    Label("抢购价", kP),
    Label("一口价", kP),
    Label("price", kP),
    Label("now", kP),
    Label("sale", kP),
    Label("our price", kP),
    Label("unit price", kP),
    // Struck-through or reference prices.
    Label("原价", kO),
    Label("划线价", kO),
    Label("市场价", kO),
    Label("吊牌价", kO),
    Label("参考价", kO),
    Label("专柜价", kO),
    Label("指导价", kO),
    Label("建议零售价", kO),
    Label("定价", kO),
    Label("门市价", kO),
    Label("日常价", kO),
    Label("官方价", kO),
    Label("was", kO),
    Label("rrp", kO),
    Label("msrp", kO),
    Label("list price", kO),
    Label("regular price", kO),
    Label("original price", kO),
    Label("retail price", kO),
    Label("compare at", kO),
    // After a coupon or discount.
    Label("券后价", kC),
    Label("券后", kC),
    Label("折后价", kC),
    Label("用券价", kC),
    Label("after coupon", kC),
    Label("with coupon", kC),
    // Shipping.
    Label("运费", kF),
    Label("邮费", kF),
    Label("配送费", kF),
    Label("快递费", kF),
    Label("物流费", kF),
    Label("shipping", kF),
    Label("delivery", kF),
    Label("postage", kF),
    Label("freight", kF),
    Label("shipping fee", kF),
    Label("shipping & handling", kF),
    // Tax.
    Label("税费", kT),
    Label("进口税", kT),
    Label("综合税", kT),
    Label("税金", kT),
    Label("关税", kT),
    Label("跨境税", kT),
    Label("行邮税", kT),
    Label("税额", kT),
    Label("tax", kT),
    Label("taxes", kT),
    Label("vat", kT),
    Label("gst", kT),
    Label("duty", kT),
    Label("duties", kT),
    Label("import tax", kT),
    // Totals.
    Label("合计", kS),
    Label("总计", kS),
    Label("实付", kS),
    Label("应付", kS),
    Label("订单总额", kS),
    Label("实付款", kS),
    Label("应付金额", kS),
    Label("实付金额", kS),
    Label("订单金额", kS),
    Label("总价", kS),
    Label("总金额", kS),
    Label("支付金额", kS),
    Label("小计", kS),
    Label("商品总价", kS),
    Label("total", kS),
    Label("subtotal", kS),
    Label("order total", kS),
    Label("grand total", kS),
    Label("amount due", kS),
    // Numbers near these are not prices: codes, counts, contacts, quantities, dates.
    Of("货号", kBlock),
    Of("型号", kBlock),
    Of("编号", kBlock),
    Of("条码", kBlock),
    Of("评价", kBlock),
    Of("评论", kBlock),
    Of("月销", kBlock),
    Of("已售", kBlock),
    Of("销量", kBlock),
    Of("已抢", kBlock),
    Of("库存", kBlock),
    Of("剩余", kBlock),
    Of("电话", kBlock),
    Of("热线", kBlock),
    Of("客服", kBlock),
    Of("手机", kBlock),
    Of("日期", kBlock),
    Of("时间", kBlock),
    Of("保质期", kBlock),
    Of("重量", kBlock),
    Of("净含量", kBlock),
    Of("规格", kBlock),
    Of("数量", kBlock),
    Of("收藏", kBlock),
    Of("付款", kBlock),
    Of("邮编", kBlock),
    Of("满意", kBlock),
    Of("免税", kBlock),
    Of("sku", kBlock),
    Of("model", kBlock),
    Of("item", kBlock),
    Of("qty", kBlock),
    Of("quantity", kBlock),
    Of("review", kBlock),
    Of("reviews", kBlock),
    Of("ratings", kBlock),
    Of("sold", kBlock),
    Of("stock", kBlock),
    Of("phone", kBlock),
    Of("tel", kBlock),
    Of("weight", kBlock),
    Of("size", kBlock),
    Of("date", kBlock),
    Of("ean", kBlock),
    Of("upc", kBlock),
    Of("isbn", kBlock),
    Of("mpn", kBlock),
    // Conditions: "满99包邮" is free shipping only above 99; 99 is a threshold, not a price.
    Of("满", kIf),
    Of("满额", kIf),
    Of("over", kIf),
    Of("above", kIf),
    Of("spend", kIf),
    Of("minimum", kIf),
    Of("min", kIf),
    // Discounts, coupons and fees that are not the goods' price.
    Of("减", kNot),
    Of("立减", kNot),
    Of("直降", kNot),
    Of("立省", kNot),
    Of("节省", kNot),
    Of("优惠", kNot),
    Of("优惠券", kNot),
    Of("领券", kNot),
    Of("券", kNot),
    Of("红包", kNot),
    Of("返现", kNot),
    Of("补贴", kNot),
    Of("抵扣", kNot),
    Of("可抵", kNot),
    Of("满减", kNot),
    Of("折", kNot),
    Of("运费险", kNot),
    Of("save", kNot),
    Of("off", kNot),
    Of("discount", kNot),
    Of("coupon", kNot),
    Of("rebate", kNot),
    Of("cashback", kNot),
    // Free shipping.
    Of("包邮", kFreeShip),
    Of("免运费", kFreeShip),
    Of("免邮", kFreeShip),
    Of("免邮费", kFreeShip),
    Of("免费配送", kFreeShip),
    Of("免费送货", kFreeShip),
    Of("free shipping", kFreeShip),
    Of("free delivery", kFreeShip),
    Of("free postage", kFreeShip),
    Of("ships free", kFreeShip),
    Of("免费", WordKind::kFreeWord),
    Of("免", WordKind::kFreeWord),
    Of("free", WordKind::kFreeWord),
    // Read whole so that the words inside them are not: 不包邮 is not 包邮, VAT here is no label.
    Of("不包邮", WordKind::kIgnored),
    Of("非包邮", WordKind::kIgnored),
    Of("不免运费", WordKind::kIgnored),
    Of("incl. vat", WordKind::kIgnored),
    Of("inc. vat", WordKind::kIgnored),
    Of("incl vat", WordKind::kIgnored),
    Of("including vat", WordKind::kIgnored),
    Of("incl. tax", WordKind::kIgnored),
    Of("including tax", WordKind::kIgnored),
    Of("含税", WordKind::kIgnored),
    Of("不含税", WordKind::kIgnored),
};
constexpr size_t kWordCount = sizeof(kWords) / sizeof(kWords[0]);

bool IsAsciiLetter(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
char Lower(char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; }

// Words are grouped in buckets by their first code point (ASCII letters folded to lower case).
constexpr size_t kBuckets = 512;
size_t BucketOf(char32_t cp) { return (cp >= 'A' && cp <= 'Z' ? cp - 'A' + 'a' : cp) % kBuckets; }

// The words by bucket, and a bitmap of the BMP code points that start one (both cases for ASCII
// letters): most characters of a page start no word and skip the lookup.
struct WordIndex {
  std::array<uint16_t, kWordCount> by_bucket{};
  std::array<uint16_t, kBuckets + 1> bucket_start{};
  std::array<uint64_t, 0x10000 / 64> starts{};

  void MarkStart(char32_t cp) { starts[cp / 64] |= uint64_t{1} << (cp % 64); }
  bool MayStart(char32_t cp) const {
    return cp >= 0x10000 || (starts[cp / 64] >> (cp % 64) & 1) != 0;
  }
};

const WordIndex& Index() {
  static const WordIndex index = [] {
    WordIndex built;
    std::array<uint16_t, kBuckets + 1> next{};
    for (const Word& word : kWords) {
      const char32_t first = DecodeAt(word.text, 0).value;
      built.MarkStart(first);
      if (first >= 'a' && first <= 'z') built.MarkStart(first - 'a' + 'A');
      if (first >= 'A' && first <= 'Z') built.MarkStart(first - 'A' + 'a');
      ++built.bucket_start[BucketOf(first) + 1];
    }
    for (size_t b = 0; b < kBuckets; ++b) built.bucket_start[b + 1] += built.bucket_start[b];
    next = built.bucket_start;
    for (size_t i = 0; i < kWordCount; ++i) {
      const size_t bucket = BucketOf(DecodeAt(kWords[i].text, 0).value);
      built.by_bucket[next[bucket]++] = static_cast<uint16_t>(i);
    }
    return built;
  }();
  return index;
}

bool MatchesAt(const Word& word, std::string_view text, size_t pos) {
  const std::string_view w = word.text;
  if (w.size() > text.size() - pos) return false;
  for (size_t i = 0; i < w.size(); ++i) {
    const char c = word.exact_case ? text[pos + i] : Lower(text[pos + i]);
    if (c != w[i]) return false;
  }
  if (IsAsciiLetter(w.front()) && pos > 0 && IsAsciiLetter(text[pos - 1])) return false;
  const size_t end = pos + w.size();
  return !(IsAsciiLetter(w.back()) && end < text.size() && IsAsciiLetter(text[end]));
}

}  // namespace

const Word* MatchWord(std::string_view text, size_t pos) {
  const WordIndex& index = Index();
  const char32_t first = DecodeAt(text, pos).value;
  if (!index.MayStart(first)) return nullptr;
  const size_t bucket = BucketOf(first);
  const Word* best = nullptr;
  for (size_t i = index.bucket_start[bucket]; i < index.bucket_start[bucket + 1]; ++i) {
    const Word& word = kWords[index.by_bucket[i]];
    if ((best == nullptr || word.text.size() > best->text.size()) && MatchesAt(word, text, pos)) {
      best = &word;
    }
  }
  return best;
}

}  // namespace price_text_internal

std::string_view PriceRoleName(PriceRole role) {
  switch (role) {
    case PriceRole::kPrice:
      return "price";
    case PriceRole::kOriginal:
      return "original";
    case PriceRole::kCoupon:
      return "coupon";
    case PriceRole::kFreight:
      return "freight";
    case PriceRole::kTax:
      return "tax";
    case PriceRole::kTotal:
      return "total";
  }
  return "price";
}

}  // namespace core
