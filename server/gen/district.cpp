// The synthetic district: fixed templates (goods, names, places) combined by the seed.
#include "gen/district.h"

#include <algorithm>

#include "gen/rng.h"

namespace gen {

namespace {

constexpr uint64_t kStreamEnterprise = 1;
constexpr uint64_t kStreamGoods = 2;
constexpr uint64_t kStreamConsumer = 3;
constexpr uint64_t kStreamVehicle = 4;
constexpr uint64_t kStreamFamily = 5;

struct GoodsTemplate {
  const char* code10;
  const char* name;
  const char* brand;
  const char* spec;
  const char* unit_name;
  const char* unit1;   // "035" kg or "011" pieces
  int64_t qty1_e5;     // per unit
  int64_t gross_e5;    // per unit
  int64_t price_yuan;  // typical retail price
  const char* origin;
  const char* trade_mode;
};

// Codes from data/lists/positive_list.csv without exclusions, name restrictions, annual caps,
// licence controls (medicines) or high-risk quarantine measures: an ordinary filing is admitted.
constexpr GoodsTemplate kGoods[] = {
    {"3303000000", "玫瑰淡香水", "Shiseido", "50毫升/瓶", "瓶", "035", 5000, 25000, 360, "116",
     "9610"},
    {"3304100000", "丝绒哑光口红", "Dior", "3.5克/支", "支", "035", 350, 5000, 320, "305", "9610"},
    {"3304200000", "防水眼线笔", "Kate", "0.5克/支", "支", "035", 50, 3000, 98, "116", "9610"},
    {"3304990099", "玻尿酸保湿面霜", "Hadalabo", "50克/瓶", "瓶", "035", 5000, 15000, 128, "116",
     "1210"},
    {"3304990099", "修护精华液", "Estee Lauder", "50毫升/瓶", "瓶", "035", 5000, 18000, 690, "502",
     "1210"},
    {"3305100000", "无硅油洗发水", "Kerastase", "250毫升/瓶", "瓶", "035", 25000, 32000, 198, "305",
     "9610"},
    {"3306101000", "美白牙膏", "Lion", "130克/支", "支", "035", 13000, 16000, 39, "116", "1210"},
    {"3401110000", "植物精油香皂", "L'Occitane", "100克/块", "块", "035", 10000, 12000, 58, "305",
     "9610"},
    {"3924900000", "硅胶保鲜盒", "Lock&Lock", "3个/套", "套", "011", 100000, 90000, 129, "133",
     "9610"},
    {"4202210000", "真皮托特包", "Coach", "1个", "个", "011", 100000, 110000, 2350, "502", "9610"},
    {"4818100000", "抽取式卫生纸", "Nepia", "3层×24卷", "提", "035", 240000, 260000, 69, "116",
     "1210"},
    {"6109100000", "纯棉圆领T恤", "Uniqlo", "L码", "件", "011", 100000, 30000, 99, "116", "9610"},
    {"6403990000", "真皮休闲鞋", "Clarks", "42码", "双", "011", 100000, 150000, 890, "303", "9610"},
    {"8510100000", "旋转式电动剃须刀", "Panasonic", "1台", "台", "011", 100000, 60000, 399, "116",
     "1210"},
    {"8516320000", "负离子吹风机", "Dyson", "1台", "台", "011", 100000, 180000, 2990, "303",
     "9610"},
    {"9004100000", "偏光太阳镜", "Ray-Ban", "1副", "副", "011", 100000, 40000, 1080, "307", "9610"},
    {"9102110000", "光动能腕表", "Citizen", "1只", "只", "011", 100000, 35000, 1980, "116", "9610"},
    {"9503008900", "拼装积木玩具", "LEGO", "1盒", "盒", "011", 100000, 120000, 599, "601", "9610"},
    {"9603210000", "软毛牙刷", "Curaprox", "3支/盒", "盒", "011", 100000, 8000, 89, "304", "9610"},
    {"9619001100", "婴儿纸尿裤", "Merries", "L码54片/包", "包", "011", 100000, 160000, 139, "116",
     "1210"},
    {"1806310000", "夹心巧克力", "Lindt", "200克/盒", "盒", "035", 20000, 26000, 89, "304", "9610"},
    {"1905310000", "黄油曲奇饼干", "Danisa", "454克/罐", "罐", "035", 45400, 60000, 79, "304",
     "1210"},
    {"2101110000", "速溶咖啡精", "Nescafe", "200克/瓶", "瓶", "035", 20000, 40000, 119, "304",
     "9610"},
    {"2202100000", "气泡果味水", "Perrier", "330毫升×24瓶", "箱", "035", 792000, 900000, 168, "305",
     "1210"},
    {"2204210000", "波尔多红葡萄酒", "Chateau Lafleur", "750毫升/瓶", "瓶", "035", 75000, 140000,
     298, "305", "1210"},
};

constexpr const char* kSurnames[] = {"王", "李", "张", "刘", "陈", "杨", "赵", "黄", "周", "吴",
                                     "徐", "孙", "胡", "朱", "高", "林", "何", "郭", "马", "罗"};
constexpr const char* kGiven[] = {"伟", "芳",   "娜", "秀英", "敏",   "静",   "丽",
                                  "强", "磊",   "军", "洋",   "勇",   "艳",   "杰",
                                  "娟", "涛",   "明", "超",   "秀兰", "霞",   "平",
                                  "刚", "桂英", "晨", "思远", "雨涵", "子轩", "欣怡"};

struct Place {
  const char* code;
  const char* name;  // province + city + county
  const char* road;
};
constexpr Place kPlaces[] = {
    {"410102", "河南省郑州市中原区", "建设西路"},   {"410103", "河南省郑州市二七区", "大学路"},
    {"410104", "河南省郑州市管城回族区", "城东路"}, {"410105", "河南省郑州市金水区", "花园路"},
    {"410108", "河南省郑州市惠济区", "天河路"},     {"410122", "河南省郑州市中牟县", "青年路"},
    {"410181", "河南省巩义市", "杜甫路"},           {"410182", "河南省荥阳市", "索河路"},
    {"410184", "河南省新郑市", "轩辕路"},           {"410302", "河南省洛阳市老城区", "中州东路"},
    {"410305", "河南省洛阳市涧西区", "南昌路"},     {"410702", "河南省新乡市红旗区", "平原路"},
    {"411002", "河南省许昌市魏都区", "七一路"},     {"411302", "河南省南阳市宛城区", "工业路"},
    {"110105", "北京市朝阳区", "建国路"},           {"310115", "上海市浦东新区", "世纪大道"},
    {"440305", "广东省深圳市南山区", "科技园路"},   {"330106", "浙江省杭州市西湖区", "文三路"},
    {"510107", "四川省成都市武侯区", "人民南路"},   {"420106", "湖北省武汉市武昌区", "中南路"},
    {"370202", "山东省青岛市市南区", "香港中路"},   {"610113", "陕西省西安市雁塔区", "小寨路"},
    {"500103", "重庆市渝中区", "解放碑路"},         {"430104", "湖南省长沙市岳麓区", "麓山路"},
};

constexpr const char* kPhonePrefixes[] = {"130", "131", "135", "136", "137", "138", "139",
                                          "150", "151", "152", "158", "159", "176", "177",
                                          "185", "186", "187", "188", "189", "199"};

constexpr const char kUsccAlphabet[] = "0123456789ABCDEFGHJKLMNPQRTUWXY";  // GB 32100, 31 chars

int CharValue(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'A' && c <= 'Z') return c - 'A' + 10;
  return 0;
}

int UsccValue(char c) {
  for (int i = 0; i < 31; ++i) {
    if (kUsccAlphabet[i] == c) return i;
  }
  return 0;
}

std::string PlaceOfCustoms(uint64_t n) {
  // Zhengzhou customs area; position 5 is the zone, 6 the enterprise type; the "7" keeps these
  // clear of the hand-written demo enterprises' codes.
  std::string s = "41019";
  s += static_cast<char>('0' + n % 10);
  s += '7';
  return s;
}

struct EnterpriseTemplate {
  const char* key;
  const char* name;
  std::vector<std::string> roles;
  bool overseas;
  const char* country;
};

std::vector<EnterpriseTemplate> EnterpriseTemplates() {
  return {
      {"ebp01", "郑州中原优选跨境电子商务有限公司", {"ecommerce", "platform"}, false, ""},
      {"ebp02", "河南航空港全球购网络科技有限公司", {"ecommerce", "platform"}, false, ""},
      {"ebp03", "郑州丝路海淘信息技术有限公司", {"ecommerce", "platform"}, false, ""},
      {"ebc01", "郑州美妆汇进出口贸易有限公司", {"ecommerce"}, false, ""},
      {"ebc02", "河南母婴优品电子商务有限公司", {"ecommerce"}, false, ""},
      {"ebc03", "郑州环球酒窖商贸有限公司", {"ecommerce"}, false, ""},
      {"ebc04", "河南数码潮品贸易有限公司", {"ecommerce"}, false, ""},
      {"ebc05", "郑州生活家居跨境贸易有限公司", {"ecommerce"}, false, ""},
      {"ebc06", "東京生活雑貨株式会社", {"ecommerce"}, true, "116"},
      {"ebc07", "Euro Fine Goods GmbH", {"ecommerce"}, true, "304"},
      {"pay01", "郑州中原跨境支付服务有限公司", {"payment"}, false, ""},
      {"pay02", "河南豫付通支付科技有限公司", {"payment"}, false, ""},
      {"pay03", "郑州银联跨境结算服务有限公司", {"payment"}, false, ""},
      {"log01", "中原速递国际物流（郑州）有限公司", {"logistics"}, false, ""},
      {"log02", "河南空港供应链管理有限公司", {"logistics"}, false, ""},
      {"log03", "郑州陆港快运有限公司", {"logistics"}, false, ""},
  };
}

core::Json Qual(const std::string& type, const std::string& number, const std::string& issuer,
                const core::Date& from, const core::Date& to, const std::string& agent = "") {
  core::Json q = {{"type", type},
                  {"number", number},
                  {"issuer", issuer},
                  {"valid_from", from.ToIso()},
                  {"valid_to", to.ToIso()}};
  if (!agent.empty()) q["agent_uscc"] = agent;
  return q;
}

}  // namespace

bool GenEnterprise::Has(const std::string& role) const {
  return std::find(roles.begin(), roles.end(), role) != roles.end();
}

const GenEnterprise* District::Find(const std::string& key) const {
  for (const GenEnterprise& e : enterprises) {
    if (e.key == key) return &e;
  }
  return nullptr;
}

std::vector<const GenEnterprise*> District::WithRole(const std::string& role) const {
  std::vector<const GenEnterprise*> out;
  for (const GenEnterprise& e : enterprises) {
    if (e.Has(role)) out.push_back(&e);
  }
  return out;
}

std::vector<const GenGoods*> District::GoodsOf(const std::string& ebc_key) const {
  std::vector<const GenGoods*> out;
  for (const GenGoods& g : goods) {
    if (g.ebc_key == ebc_key) out.push_back(&g);
  }
  return out;
}

std::string ResidentIdWithCheck(const std::string& first17) {
  static constexpr int kWeights[17] = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
  int sum = 0;
  for (size_t i = 0; i < 17 && i < first17.size(); ++i) sum += (first17[i] - '0') * kWeights[i];
  return first17 + "10X98765432"[sum % 11];
}

std::string OrgCodeWithCheck(const std::string& first8) {
  static constexpr int kWeights[8] = {3, 7, 9, 10, 5, 8, 4, 2};
  int sum = 0;
  for (size_t i = 0; i < 8; ++i) sum += CharValue(first8[i]) * kWeights[i];
  const int c = 11 - sum % 11;
  return first8 + (c == 10 ? 'X' : c == 11 ? '0' : static_cast<char>('0' + c));
}

std::string UsccWithCheck(const std::string& first17) {
  int sum = 0;
  int weight = 1;
  for (size_t i = 0; i < 17; ++i) {
    sum += UsccValue(first17[i]) * weight;
    weight = weight * 3 % 31;
  }
  const int c = (31 - sum % 31) % 31;
  return first17 + kUsccAlphabet[c];
}

District MakeDistrict(uint64_t seed, uint64_t consumers) {
  District d;
  d.seed = seed;
  d.consumers = std::max<uint64_t>(consumers, 1);
  const std::vector<EnterpriseTemplate> templates = EnterpriseTemplates();
  for (size_t i = 0; i < templates.size(); ++i) {
    const EnterpriseTemplate& t = templates[i];
    Rng r = Rng::For(seed, kStreamEnterprise, i);
    GenEnterprise e;
    e.key = t.key;
    e.name = t.name;
    e.roles = t.roles;
    e.overseas = t.overseas;
    e.country = t.country;
    const Place& place = kPlaces[r.Below(9)];  // a Zhengzhou-area registration
    e.licence_city = place.name;
    const std::string org = OrgCodeWithCheck(r.Chars("0123456789ABCDEFGHJKLMNPQRTUWXY", 31, 8));
    const std::string uscc = UsccWithCheck(std::string("91") + place.code + org);
    if (t.overseas) {
      const Place& agent_place = kPlaces[r.Below(9)];
      e.agent_uscc =
          UsccWithCheck(std::string("91") + agent_place.code +
                        OrgCodeWithCheck(r.Chars("0123456789ABCDEFGHJKLMNPQRTUWXY", 31, 8)));
    } else {
      e.uscc = uscc;
    }
    e.customs_code = PlaceOfCustoms(r.Below(10)) + Pad((seed * 131 + i * 7) % 1000, 3);
    if (e.Has("ecommerce")) e.shop_url = "https://" + e.key + ".shop.example.cn/";
    d.enterprises.push_back(std::move(e));
  }
  // Each e-commerce enterprise files a slice of the templates; every template is sold by someone.
  const std::vector<const GenEnterprise*> sellers = d.WithRole("ecommerce");
  const size_t n_templates = sizeof(kGoods) / sizeof(kGoods[0]);
  for (size_t s = 0; s < sellers.size(); ++s) {
    Rng r = Rng::For(seed, kStreamGoods, s);
    const size_t count = 6 + r.Below(4);
    for (size_t k = 0; k < count; ++k) {
      const GoodsTemplate& t = kGoods[(s * 5 + k * 3 + r.Below(2)) % n_templates];
      bool dup = false;
      for (const GenGoods* g : d.GoodsOf(sellers[s]->key)) dup = dup || g->name == t.name;
      if (dup) continue;
      GenGoods g;
      g.ebc_key = sellers[s]->key;
      g.sku = sellers[s]->key + "-" + Pad(k + 1, 4);
      for (char& c : g.sku) c = static_cast<char>(c >= 'a' && c <= 'z' ? c - 'a' + 'A' : c);
      g.name = t.name;
      g.brand = t.brand;
      g.spec = t.spec;
      g.code10 = t.code10;
      g.origin = t.origin;
      g.unit_name = t.unit_name;
      g.unit = "011";
      g.unit1 = t.unit1;
      g.qty1_e5 = t.qty1_e5;
      g.gross_e5 = t.gross_e5;
      // Each seller's price within +-15% of the template, whole yuan less one fen now and then.
      const int64_t yuan = t.price_yuan * (85 + static_cast<int64_t>(r.Below(31))) / 100;
      g.price = std::max<int64_t>(yuan, 1) * 100 - (r.Chance(300) ? 1 : 0);
      g.trade_mode = t.trade_mode;
      d.goods.push_back(std::move(g));
    }
  }
  const std::vector<const GenEnterprise*> carriers = d.WithRole("logistics");
  const char* kLetters = "ABCDEFGHJKLMNPQRSTUVWXYZ0123456789";
  for (size_t i = 0; i < carriers.size() * 3; ++i) {
    Rng r = Rng::For(seed, kStreamVehicle, i);
    GenVehicle v;
    v.plate = std::string("豫A") + r.Chars(kLetters, 34, 5);
    v.ic_card_no = "IC" + r.Digits(12);
    v.frame_kg = 4000 + static_cast<int64_t>(r.Below(30)) * 100;
    v.enterprise_code = carriers[i % carriers.size()]->customs_code;
    d.vehicles.push_back(std::move(v));
  }
  return d;
}

GenConsumer ConsumerAt(uint64_t seed, uint64_t index) {
  Rng r = Rng::For(seed, kStreamConsumer, index);
  GenConsumer c;
  c.index = index;
  const Place& home = kPlaces[r.Below(sizeof(kPlaces) / sizeof(kPlaces[0]))];
  c.name = std::string(kSurnames[r.Below(20)]) + kGiven[r.Below(28)];
  const int year = static_cast<int>(r.Between(1960, 2004));
  const int month = static_cast<int>(r.Between(1, 12));
  const int day = static_cast<int>(r.Between(1, 28));
  c.id_number = ResidentIdWithCheck(std::string(home.code) + std::to_string(year) + Pad(month, 2) +
                                    Pad(day, 2) + r.Digits(3));
  c.phone = std::string(kPhonePrefixes[r.Below(20)]) + r.Digits(8);
  c.district_code = home.code;
  c.address = std::string(home.name) + home.road + std::to_string(r.Between(1, 399)) + "号" +
              std::to_string(r.Between(1, 30)) + "栋" + std::to_string(r.Between(1, 3)) + "单元" +
              std::to_string(r.Between(101, 2802)) + "室";
  return c;
}

GenConsumer FamilyMember(uint64_t seed, const GenConsumer& head, int member) {
  Rng r = Rng::For(seed, kStreamFamily, head.index * 16 + static_cast<uint64_t>(member));
  GenConsumer c = head;
  const std::string surname = head.name.substr(0, 3);  // one CJK character in UTF-8
  c.name = surname + kGiven[r.Below(28)];
  const int year = static_cast<int>(r.Between(1950, 2006));
  c.id_number = ResidentIdWithCheck(head.district_code + std::to_string(year) +
                                    Pad(static_cast<uint64_t>(r.Between(1, 12)), 2) +
                                    Pad(static_cast<uint64_t>(r.Between(1, 28)), 2) + r.Digits(3));
  return c;
}

core::Json ConsumerJson(const GenConsumer& c) {
  return {{"index", c.index}, {"name", c.name},       {"id_number", c.id_number},
          {"phone", c.phone}, {"address", c.address}, {"district_code", c.district_code}};
}

core::Json ApplicationJson(const GenEnterprise& e, const core::Date& today) {
  const core::Date from = today.AddMonths(-48);
  const core::Date to = today.AddMonths(120);
  const std::string issuer =
      e.licence_city.substr(0, e.licence_city.find("市") + 3) + "市场监督管理局";
  core::Json quals = core::Json::array();
  if (e.overseas) {
    quals.push_back(
        Qual("domestic_agent", "代理协议 " + e.customs_code, "境内代理人", from, to, e.agent_uscc));
  } else {
    quals.push_back(Qual("business_licence", e.uscc, issuer, from, to));
    if (e.Has("platform")) {
      quals.push_back(Qual("icp_filing", "豫ICP备" + e.customs_code.substr(4) + "号",
                           "河南省通信管理局", from, to));
    }
    if (e.Has("payment")) {
      quals.push_back(
          Qual("payment_licence", "Z20410" + e.customs_code.substr(2), "中国人民银行", from, to));
    }
    if (e.Has("logistics")) {
      quals.push_back(Qual("express_licence", "豫邮" + e.customs_code.substr(4) + "号",
                           "河南省邮政管理局", from, to));
    }
  }
  core::Json urls = core::Json::array();
  if (!e.shop_url.empty()) urls.push_back(e.shop_url);
  return {{"name", e.name},          {"uscc", e.uscc},       {"customs_code", e.customs_code},
          {"overseas", e.overseas},  {"country", e.country}, {"roles", e.roles},
          {"qualifications", quals}, {"shop_urls", urls}};
}

core::Json FilingJson(const GenGoods& g) {
  return {{"sku", g.sku},
          {"name", g.name},
          {"brand", g.brand},
          {"spec", g.spec},
          {"code10", g.code10},
          {"origin_country", g.origin},
          {"unit", g.unit_name},
          {"declared_unit_price_fen", g.price},
          {"trade_mode", g.trade_mode}};
}

core::Json DistrictJson(const District& d) {
  core::Json enterprises = core::Json::array();
  for (const GenEnterprise& e : d.enterprises) {
    enterprises.push_back({{"key", e.key},
                           {"name", e.name},
                           {"uscc", e.uscc},
                           {"customs_code", e.customs_code},
                           {"roles", e.roles},
                           {"overseas", e.overseas},
                           {"country", e.country},
                           {"agent_uscc", e.agent_uscc},
                           {"shop_url", e.shop_url}});
  }
  core::Json goods = core::Json::array();
  for (const GenGoods& g : d.goods) {
    core::Json j = FilingJson(g);
    j["ebc_key"] = g.ebc_key;
    j["declared_unit"] = g.unit;
    j["legal_unit"] = g.unit1;
    goods.push_back(std::move(j));
  }
  core::Json vehicles = core::Json::array();
  for (const GenVehicle& v : d.vehicles) {
    vehicles.push_back({{"plate", v.plate},
                        {"ic_card_no", v.ic_card_no},
                        {"frame_wt", std::to_string(v.frame_kg)},
                        {"enterprise_code", v.enterprise_code}});
  }
  return {{"seed", d.seed},
          {"enterprises", enterprises},
          {"goods", goods},
          {"vehicles", vehicles},
          {"consumers", d.consumers}};
}

}  // namespace gen
