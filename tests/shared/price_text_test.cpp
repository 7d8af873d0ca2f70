// Tests for the price-text reader (core/price_text.h): one amount, and every amount of a snippet
// with its role, free-shipping wording and the look-alikes that are not prices.
#include "core/price_text.h"

#include <doctest/doctest.h>

#include <string>
#include <string_view>
#include <vector>

namespace core {
namespace {

struct AmountCase {
  std::string_view text;
  int64_t hundredths;
  std::string_view currency;
};

TEST_CASE("ParsePriceAmount reads one amount in every convention shops use") {
  const AmountCase cases[] = {
      {"1,299.00", 129900, ""},
      {"¥1,299.00", 129900, "CNY"},
      {"￥1,299.00", 129900, "CNY"},
      {"1299元", 129900, "CNY"},
      {"¥99元", 9900, "CNY"},
      {"1299", 129900, ""},
      {"12.5", 1250, ""},
      {"12,50", 1250, ""},
      {"12,5", 1250, ""},
      {"1,29", 129, ""},
      {"1,299", 129900, ""},
      {"1,299.5", 129950, ""},
      {"1,299,000", 129900000, ""},
      {"1.299.000", 129900000, ""},
      {"1.299,00", 129900, ""},
      {"1.299,50 €", 129950, "EUR"},
      {"€1.299", 129900, "EUR"},  // a lone dot before three digits groups thousands in euros
      {"EUR 1.299", 129900, "EUR"},
      {"1 299,00", 129900, ""},
      {"1\xC2\xA0"
       "299,00 €",
       129900, "EUR"},  // NBSP
      {"1\xE2\x80\xAF"
       "299,00",
       129900, ""},  // narrow NBSP
      {"1 299", 129900, ""},
      {"1 299.00", 129900, ""},
      {".99", 99, ""},
      {"$.99", 99, "USD"},
      {"0.5", 50, ""},
      {"0", 0, ""},
      {"¥0", 0, "CNY"},
      {"US$119.99", 11999, "USD"},
      {"$119.99", 11999, "USD"},
      {"＄5", 500, "USD"},
      {"USD 12", 1200, "USD"},
      {"12 USD", 1200, "USD"},
      {"12美元", 1200, "USD"},
      {"RMB 99", 9900, "CNY"},
      {"CNY99", 9900, "CNY"},
      {"人民币 99", 9900, "CNY"},
      {"99 人民币", 9900, "CNY"},
      {"HK$ 88", 8800, "HKD"},
      {"88港币", 8800, "HKD"},
      {"HKD88", 8800, "HKD"},
      {"JP¥1,500", 150000, "JPY"},
      {"1500円", 150000, "JPY"},
      {"JPY 1500", 150000, "JPY"},
      {"1500日元", 150000, "JPY"},
      {"¥1500", 150000, "CNY"},  // a bare ¥ is CNY on our shops
      {"₩12,000", 1200000, "KRW"},
      {"12000韩元", 1200000, "KRW"},
      {"KRW 12000", 1200000, "KRW"},
      {"£9.56", 956, "GBP"},
      {"9.56 GBP", 956, "GBP"},
      {"€5", 500, "EUR"},
      {"5欧元", 500, "EUR"},
      {"C$20", 2000, "CAD"},
      {"A$20", 2000, "AUD"},
      {"1.2万", 1200000, ""},
      {"1.2万元", 1200000, "CNY"},
      {"¥3万", 3000000, "CNY"},
      {"1.2345万", 1234500, ""},
      {"1,234万", 1234000000, ""},
      {"１２９９", 129900, ""},
      {"１，２９９．００", 129900, ""},
      {"￥１２９９", 129900, "CNY"},
      {"  ¥ 99  ", 9900, "CNY"},
      {"\xE3\x80\x80¥99\xE3\x80\x80", 9900, "CNY"},   // ideographic spaces
      {"10000000000000", 1'000'000'000'000'000, ""},  // exactly 10^15 hundredths
      {"10,000,000,000,000.00", 1'000'000'000'000'000, ""},
      {"0000000000000000000001", 100, ""},
  };
  for (const AmountCase& c : cases) {
    CAPTURE(c.text);
    StatusOr<PriceAmount> amount = ParsePriceAmount(c.text);
    REQUIRE(amount.ok());
    CHECK(amount->hundredths == c.hundredths);
    CHECK(amount->currency == c.currency);
  }
}

struct BadAmountCase {
  std::string_view text;
  std::string_view message;  // a part of the error message
};

TEST_CASE("ParsePriceAmount refuses what is not exactly one amount") {
  const BadAmountCase cases[] = {
      {"", "empty"},
      {"   ", "empty"},
      {"abc", "not an amount"},
      {"¥", "not an amount"},
      {"$$5", "not an amount"},
      {"1.299", "more than two decimals"},  // a CNY shop (or no currency): 1.299 is decimals
      {"¥1.299", "more than two decimals"},
      {"$1.299", "more than two decimals"},
      {"12.345", "more than two decimals"},
      {"1,2999", "more than two decimals"},
      {"0,999", "more than two decimals"},  // a first thousands group never starts with 0
      {"1.2345678万", "more than two decimals"},
      {"10000000000000.01", "beyond"},
      {"10000000000001", "beyond"},
      {"99999999999999999999999", "beyond"},
      {"1000000001万", "beyond"},
      {"12345678901234567890123456789012345678901234567890", "beyond"},
      {"-12", "negative"},
      {"¥-12", "negative"},
      {"\xE2\x88\x92"
       "5",
       "negative"},  // U+2212 minus
      {"1,29,000", "separators"},
      {"1.299.00", "separators"},
      {"1,299.00.00", "separators"},
      {"1,299 000", "separators"},
      {"12 34", "separators"},
      {"¥99 ¥199", "not exactly one"},
      {"99元 包邮", "not exactly one"},
      {"¥99 USD", "not exactly one"},
      {"12abc", "not exactly one"},
      {"1299元元", "not exactly one"},
      {"\xFF"
       "99",
       "not an amount"},
      {"99\xE4", "not exactly one"},
  };
  for (const BadAmountCase& c : cases) {
    CAPTURE(c.text);
    StatusOr<PriceAmount> amount = ParsePriceAmount(c.text);
    REQUIRE_FALSE(amount.ok());
    CHECK(amount.status().code() == StatusCode::kInvalidArgument);
    CHECK(amount.status().message().find(c.message) != std::string::npos);
  }
}

TEST_CASE("PriceRoleName gives the stable names") {
  CHECK(PriceRoleName(PriceRole::kPrice) == "price");
  CHECK(PriceRoleName(PriceRole::kOriginal) == "original");
  CHECK(PriceRoleName(PriceRole::kCoupon) == "coupon");
  CHECK(PriceRoleName(PriceRole::kFreight) == "freight");
  CHECK(PriceRoleName(PriceRole::kTax) == "tax");
  CHECK(PriceRoleName(PriceRole::kTotal) == "total");
}

// "role=hundredths CUR@text as written" for each mention, joined by " | ": one string checks
// roles, amounts, currencies and byte offsets at once.
std::string Render(std::string_view text, const PriceTextReading& reading) {
  std::string out;
  for (const PriceMention& m : reading.mentions) {
    if (!out.empty()) out += " | ";
    out += std::string(PriceRoleName(m.role)) + "=" + std::to_string(m.amount.hundredths);
    if (!m.amount.currency.empty()) out += " " + m.amount.currency;
    REQUIRE(m.begin <= m.end);
    REQUIRE(m.end <= text.size());
    out += "@" + std::string(text.substr(m.begin, m.end - m.begin));
  }
  return out;
}

struct ReadCase {
  std::string_view text;
  std::string_view mentions;
  bool free_shipping;
};

void CheckReadCases(const std::vector<ReadCase>& cases) {
  for (const ReadCase& c : cases) {
    CAPTURE(c.text);
    const PriceTextReading reading = ReadPriceText(c.text);
    CHECK(Render(c.text, reading) == c.mentions);
    CHECK(reading.free_shipping == c.free_shipping);
  }
}

TEST_CASE("ReadPriceText finds Chinese prices with their labels") {
  CheckReadCases({
      {"", "", false},
      {"现价 原价 运费 合计", "", false},
      {"¥1,299.00", "price=129900 CNY@¥1,299.00", false},
      {"原价¥199 现价¥149", "original=19900 CNY@¥199 | price=14900 CNY@¥149", false},
      {"券后价 ¥99", "coupon=9900 CNY@¥99", false},
      {"折后价：88元", "coupon=8800 CNY@88元", false},
      {"到手价￥89", "price=8900 CNY@￥89", false},
      {"秒杀价 ¥9.9 划线价 ¥29.9", "price=990 CNY@¥9.9 | original=2990 CNY@¥29.9", false},
      {"市场价：1299元", "original=129900 CNY@1299元", false},
      {"运费 ¥10", "freight=1000 CNY@¥10", false},
      {"运费：0元", "freight=0 CNY@0元", false},
      {"运费 ¥0", "freight=0 CNY@¥0", false},
      {"进口税 ¥11.82", "tax=1182 CNY@¥11.82", false},
      {"价格：99", "price=9900@99", false},  // a label makes a bare number a price
      {"价格（含税）：¥99", "price=9900 CNY@¥99", false},
      {"1299元", "price=129900 CNY@1299元", false},
      {"1.2万元", "price=1200000 CNY@1.2万元", false},
      {"原价 ¥199 ¥149", "original=19900 CNY@¥199 | price=14900 CNY@¥149", false},
      {"¥99 ¥199", "price=9900 CNY@¥99 | price=19900 CNY@¥199", false},
      {"原价说明：本店所有商品均为保税仓直发正品 ¥99", "price=9900 CNY@¥99", false},
      {"商品总价 ¥1,299.00 运费 ¥10.00 进口税 ¥118.21 实付款 ¥1,427.21",
       "total=129900 CNY@¥1,299.00 | freight=1000 CNY@¥10.00 | tax=11821 CNY@¥118.21 | "
       "total=142721 CNY@¥1,427.21",
       false},
      {"合计：¥1,309.00", "total=130900 CNY@¥1,309.00", false},
      {"运费险 ¥3 运费 ¥10", "freight=1000 CNY@¥10", false},
  });
}

TEST_CASE("ReadPriceText reads product-page snippets as a whole") {
  CheckReadCases({
      {"运费：¥10（满99包邮）", "freight=1000 CNY@¥10", false},
      {"销量 1.2万 | 评价 3000+ | 价格 ¥199", "price=19900 CNY@¥199", false},
      {"会员价 ¥89 (原价 ¥99)", "price=8900 CNY@¥89 | original=9900 CNY@¥99", false},
      {"券后 ¥79 到手价￥89起", "coupon=7900 CNY@¥79 | price=8900 CNY@￥89", false},
      {"Price: $119.99 Regular price: $179.99",
       "price=11999 USD@$119.99 | original=17999 USD@$179.99", false},
      {"Total: $113.00 (incl. tax)", "total=11300 USD@$113.00", false},
      {"7天无理由退货 正品保障 ¥1,299.00 包邮", "price=129900 CNY@¥1,299.00", true},
  });
}

TEST_CASE("ReadPriceText reads other currencies and English labels") {
  CheckReadCases({
      {"US$119.99", "price=11999 USD@US$119.99", false},
      {"Regular price: $179.99", "original=17999 USD@$179.99", false},
      {"Was $199 Now $149", "original=19900 USD@$199 | price=14900 USD@$149", false},
      {"RRP £20.00", "original=2000 GBP@£20.00", false},
      {"Price (incl. VAT): £12.00", "price=1200 GBP@£12.00", false},
      {"Price: 12.99", "price=1299@12.99", false},
      {"Subtotal $100.00 Shipping $5.00 Tax $8.00 Total $113.00",
       "total=10000 USD@$100.00 | freight=500 USD@$5.00 | tax=800 USD@$8.00 | total=11300 "
       "USD@$113.00",
       false},
      {"€1.299,50", "price=129950 EUR@€1.299,50", false},
      {"1.299 €", "price=129900 EUR@1.299 €", false},
      {"HK$88 JP¥1,500 ₩12,000 1500円",
       "price=8800 HKD@HK$88 | price=150000 JPY@JP¥1,500 | price=1200000 KRW@₩12,000 | "
       "price=150000 JPY@1500円",
       false},
      {"USD 12 and 5 GBP", "price=1200 USD@USD 12 | price=500 GBP@5 GBP", false},
      {"$.99", "price=99 USD@$.99", false},
      {"1 299,00 €", "price=129900 EUR@1 299,00 €", false},
      {"Prix : 12 345 678,50 EUR", "price=1234567850 EUR@12 345 678,50 EUR", false},
      {"¥1\xC2\xA0"
       "299",
       "price=129900 CNY@¥1\xC2\xA0"
       "299",
       false},                                   // NBSP groups
      {"¥99 100", "price=9900 CNY@¥99", false},  // a plain space separates numbers
      {"¥99 100,555", "price=9900 CNY@¥99", false},
      {"iPhone15 ¥7999", "price=799900 CNY@¥7999", false},
  });
}

TEST_CASE("ReadPriceText gives two mentions for a range") {
  CheckReadCases({
      {"¥99-¥199", "price=9900 CNY@¥99 | price=19900 CNY@¥199", false},
      {"99~199元", "price=9900 CNY@99 | price=19900 CNY@199元", false},
      {"¥99 - 199", "price=9900 CNY@¥99 | price=19900 CNY@199", false},
      {"¥99～¥199", "price=9900 CNY@¥99 | price=19900 CNY@¥199", false},
      {"原价 ¥199~¥299", "original=19900 CNY@¥199 | original=29900 CNY@¥299", false},
      {"$10 to $20", "price=1000 USD@$10 | price=2000 USD@$20", false},
      {"价格 99 至 199", "price=9900@99 | price=19900@199", false},
  });
}

TEST_CASE("ReadPriceText reads free-shipping wording, conditional or not") {
  CheckReadCases({
      {"包邮", "", true},
      {"¥99 包邮", "price=9900 CNY@¥99", true},
      {"免运费", "", true},
      {"本店免邮", "", true},
      {"Free shipping", "", true},
      {"FREE DELIVERY on this item", "", true},
      {"Shipping: Free", "", true},
      {"运费：免费", "", true},
      {"全国包邮，新疆西藏不包邮", "", true},
      {"新疆西藏不包邮", "", false},
      {"免费赠品", "", false},  // free, but not shipping
      // Conditional free shipping: stays false, and the threshold is not a price.
      {"满99包邮", "", false},
      {"满99元包邮 ¥199", "price=19900 CNY@¥199", false},
      {"满2件包邮", "", false},
      {"包邮（满99元）", "", false},
      {"free shipping on orders over $50", "", false},
      {"Free delivery over £20", "", false},
  });
}

TEST_CASE("ReadPriceText does not take look-alikes for prices") {
  CheckReadCases({
      {"1299", "", false},  // a bare number without currency or label
      {"1,234条评价", "", false},
      {"2万+评价", "", false},
      {"1234 reviews", "", false},
      {"月销 3000+", "", false},
      {"已售 1.2万件", "", false},
      {"SKU 100234", "", false},
      {"货号 12345", "", false},
      {"价格 货号 12345", "", false},
      {"A100", "", false},
      {"8.5折", "", false},
      {"价格 8.5折", "", false},
      {"20% off", "", false},
      {"价格 20%", "", false},
      {"$20 off", "", false},
      {"Save $20", "", false},
      {"立减¥20", "", false},
      {"领券减20元", "", false},
      {"¥20优惠券", "", false},
      {"满300减50", "", false},
      {"满意度 98%", "", false},
      {"2024-03-15", "", false},
      {"价格更新 2024-03-15", "", false},
      {"2024年3月15日", "", false},
      {"2024.03.15", "", false},
      {"价格更新于 2024/03/15", "", false},
      {"型号 A1234 Model 2024", "", false},
      {"★4.8分 (1,234)", "", false},
      {"400-123-4567", "", false},
      {"电话 13800138000", "", false},
      {"Tel: 021-12345678", "", false},
      {"500ml", "", false},
      {"价格 500ml", "", false},
      {"50g", "", false},
      {"2件", "", false},
      {"Delivery in 2-3 days", "", false},
      {"运费 3天到", "", false},
      {"运费 3-5天送达 ¥10", "freight=1000 CNY@¥10", false},
      {"净含量 50g ¥99", "price=9900 CNY@¥99", false},
      {"99元 100ml", "price=9900 CNY@99元", false},
      {"-¥5", "", false},  // negative amounts are refused
      {"优惠 -¥5", "", false},
      {"¥1.299", "", false},  // three decimals in a CNY shop
      {"¥10000000000000", "price=1000000000000000 CNY@¥10000000000000", false},
      {"¥10000000000001", "", false},
  });
}

TEST_CASE("ReadPriceText normalises full-width forms and keeps byte offsets of the original") {
  CheckReadCases({
      {"１２９９元", "price=129900 CNY@１２９９元", false},
      {"￥１，２９９．００", "price=129900 CNY@￥１，２９９．００", false},
      {"现价：￥８９", "price=8900 CNY@￥８９", false},
  });
  const std::string_view text = "原价¥199 现价¥149";
  const PriceTextReading reading = ReadPriceText(text);
  REQUIRE(reading.mentions.size() == 2);
  CHECK(reading.mentions[0].begin == 6);  // after 原价 (two 3-byte characters)
  CHECK(reading.mentions[0].end == 11);   // ¥ is two bytes, 199 three
  CHECK(reading.mentions[1].begin == 18);
  CHECK(reading.mentions[1].end == text.size());
}

TEST_CASE("ReadPriceText skips invalid UTF-8 without reading past the end") {
  CheckReadCases({
      {"\xFF\xFE¥99\xE4\xB8", "price=9900 CNY@¥99", false},
      {"\xE4", "", false},
      {"\xC2", "", false},
      {"¥", "", false},
      {"¥\xA5", "", false},
      {"现价\xE4\xB8 ¥5", "price=500 CNY@¥5", false},
      {"\xED\xA0\x80¥5\xC0\xAF", "price=500 CNY@¥5", false},  // a surrogate, an overlong '/'
      {"价格 1\xC2", "price=100@1", false},
  });
}

TEST_CASE("ReadPriceText reads long texts and long number runs to the end") {
  std::string page;
  for (int i = 0; i < 5000; ++i) page += "价格 ¥99 1,234条评价 SKU 100234 ";
  const PriceTextReading reading = ReadPriceText(page);
  REQUIRE(reading.mentions.size() == 5000);
  CHECK(reading.mentions.back().amount.hundredths == 9900);
  const PriceMention& last = reading.mentions.back();
  CHECK(page.substr(last.begin, last.end - last.begin) == "¥99");

  const std::string digits = "¥" + std::string(100000, '9');
  CHECK(ReadPriceText(digits).mentions.empty());
  std::string spaced;
  for (int i = 0; i < 20000; ++i) spaced += "1 ";
  CHECK(ReadPriceText(spaced).mentions.empty());
}

}  // namespace
}  // namespace core
