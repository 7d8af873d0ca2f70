// The declared fields of the rule language: the context every rule may read, with types,
// bounds, closed vocabularies and descriptions for the browser's editor. Pure.
#include <algorithm>
#include <string>
#include <utility>
#include <vector>

#include "core/money.h"
#include "core/rules.h"

namespace core {
namespace {

constexpr int64_t kMaxCount = 1'000'000'000;

FieldDef Field(std::string path, FieldType type, std::string zh, std::string en) {
  FieldDef def;
  def.path = std::move(path);
  def.type = type;
  def.per_line = def.path.rfind("goods.", 0) == 0;
  def.max_value = type == FieldType::kMoney ? kMaxFen : kMaxCount;
  def.description_zh = std::move(zh);
  def.description_en = std::move(en);
  return def;
}

FieldDef Closed(FieldDef def, std::vector<std::string> allowed) {
  def.allowed = std::move(allowed);
  return def;
}

FieldDef Bounded(FieldDef def, int64_t min_value, int64_t max_value) {
  def.min_value = min_value;
  def.max_value = max_value;
  return def;
}

// Levenshtein distance, two rows; paths are short (< 100 bytes) so this is cheap.
size_t EditDistance(std::string_view a, std::string_view b) {
  std::vector<size_t> prev(b.size() + 1), cur(b.size() + 1);
  for (size_t j = 0; j <= b.size(); ++j) prev[j] = j;
  for (size_t i = 1; i <= a.size(); ++i) {
    cur[0] = i;
    for (size_t j = 1; j <= b.size(); ++j) {
      const size_t substitute = prev[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1);
      cur[j] = std::min({prev[j] + 1, cur[j - 1] + 1, substitute});
    }
    std::swap(prev, cur);
  }
  return prev[b.size()];
}

}  // namespace

std::string_view FieldTypeName(FieldType type) {
  switch (type) {
    case FieldType::kInt:
      return "int";
    case FieldType::kMoney:
      return "money";
    case FieldType::kString:
      return "string";
    case FieldType::kBool:
      return "bool";
    case FieldType::kStringList:
      return "string_list";
  }
  return "?";
}

void RuleSchema::Add(FieldDef def) {
  def.slot = def.per_line ? line_slots_++ : scalar_slots_++;
  fields_.push_back(std::move(def));
}

const FieldDef* RuleSchema::Find(std::string_view path) const {
  for (const FieldDef& def : fields_) {
    if (def.path == path) return &def;
  }
  return nullptr;
}

std::string RuleSchema::Suggest(std::string_view path) const {
  if (path.size() > 100) return "";
  const FieldDef* best = nullptr;
  size_t best_distance = 0;
  for (const FieldDef& def : fields_) {
    const size_t d = EditDistance(path, def.path);
    if (best == nullptr || d < best_distance) {
      best = &def;
      best_distance = d;
    }
  }
  // Close enough to be a typo: a few edits, fewer than a third of the path.
  if (best == nullptr || best_distance > 3 || best_distance * 3 > path.size()) return "";
  return best->path;
}

RuleSchema RuleSchema::Default(const Policy& policy) {
  std::vector<std::string> grades;
  for (const GradeScale& scale : policy.grade_scales) {
    for (const Grade& g : scale.grades) grades.push_back(g.id);
  }
  std::sort(grades.begin(), grades.end());
  grades.erase(std::unique(grades.begin(), grades.end()), grades.end());

  using T = FieldType;
  RuleSchema s;
  s.Add(Field("enterprise.id", T::kString, "企业编号（统一社会信用代码）", "enterprise id (USCC)"));
  s.Add(Field("enterprise.customs_code", T::kString, "海关编码", "customs registration code"));
  s.Add(Field("enterprise.name", T::kString, "企业名称", "enterprise name"));
  s.Add(Closed(Field("enterprise.grade", T::kString, "海关信用等级", "customs credit grade"),
               grades));
  s.Add(Closed(Field("enterprise.risk_level", T::kString, "风险等级", "risk level"),
               {"high", "low", "medium"}));
  s.Add(
      Bounded(Field("enterprise.risk_score", T::kInt, "风险分值（0–1000）", "risk score (0-1000)"),
              0, 1000));
  s.Add(Closed(Field("enterprise.roles", T::kStringList, "企业角色", "enterprise roles"),
               {"ecommerce", "logistics", "payment", "platform"}));
  s.Add(Field("enterprise.overseas", T::kBool, "境外企业", "overseas enterprise"));

  s.Add(Field("goods.code10", T::kString, "商品编码（10位）", "commodity code (10 digits)"));
  s.Add(Field("goods.code8", T::kString, "商品编码前8位", "first 8 digits of the commodity code"));
  s.Add(Field("goods.name", T::kString, "商品名称", "goods name"));
  s.Add(Field("goods.high_risk", T::kBool, "高风险商品", "high-risk goods"));
  s.Add(Field("goods.consumption_tax", T::kBool, "应征消费税", "subject to consumption tax"));
  s.Add(Field("goods.origin_country", T::kString, "原产国（海关国别代码）",
              "country of origin (customs code)"));
  s.Add(Field("goods.unit_price_fen", T::kMoney, "单价（分）", "unit price (fen)"));
  s.Add(Field("goods.total_fen", T::kMoney, "行总价（分）", "line total (fen)"));

  s.Add(Field("consumer.ytd_fen", T::kMoney, "本年度已累计交易额（分）",
              "value bought this calendar year (fen)"));
  s.Add(Field("consumer.lists_30d", T::kInt, "近30天清单数", "lists in the last 30 days"));
  s.Add(Field("consumer.ids_per_phone", T::kInt, "同一手机号关联的身份证数",
              "buyer IDs sharing this phone number"));
  s.Add(Field("consumer.ids_per_address", T::kInt, "同一收货地址关联的身份证数",
              "buyer IDs sharing this delivery address"));
  s.Add(Bounded(Field("consumer.age", T::kInt, "年龄", "age"), 0, 150));

  s.Add(Closed(Field("list.trade_mode", T::kString, "监管方式", "trade mode"),
               {"1210", "1239", "9610"}));
  s.Add(Field("list.value_fen", T::kMoney, "货值（分）", "goods value (fen)"));
  s.Add(Field("list.freight_fen", T::kMoney, "运费（分）", "freight (fen)"));
  s.Add(Field("list.insured_fen", T::kMoney, "保费（分）", "insurance (fen)"));
  s.Add(Field("list.tax_fen", T::kMoney, "应征税额（分）", "tax due (fen)"));
  s.Add(Bounded(Field("list.lines", T::kInt, "商品行数", "goods lines"), 0, 1000));
  s.Add(Field("list.findings", T::kStringList, "单证审核发现的代码",
              "finding codes of the document checks"));
  s.Add(Bounded(Field("list.hour", T::kInt, "申报时刻（0–23 时）", "hour declared (0-23)"), 0, 23));
  s.Add(Bounded(Field("list.weekday", T::kInt, "申报星期（1=周一 … 7=周日）",
                      "weekday declared (1 = Monday ... 7 = Sunday)"),
                1, 7));
  s.Add(Field("list.ebp_code", T::kString, "电商平台代码", "platform code"));
  s.Add(Field("list.ebc_code", T::kString, "电商企业代码", "e-commerce enterprise code"));
  s.Add(Field("list.logistics_code", T::kString, "物流企业代码", "logistics enterprise code"));
  s.Add(Field("list.port_code", T::kString, "口岸海关代码", "port customs code"));

  s.Add(Field("risk.buyer_hits", T::kInt,
              "最近一次风险模型运行中涉及该买家（身份证、手机、地址）的命中数",
              "hits of the newest risk-model run on this buyer (ID, phone or address)"));
  s.Add(Field("risk.enterprise_hits", T::kInt, "最近一次风险模型运行中涉及该电商企业的命中数",
              "hits of the newest risk-model run on this e-commerce enterprise"));
  s.Add(Field("risk.arrival_hits", T::kInt,
              "到达时消费者风险模型对该清单（买家、手机、地址、支付人）的命中数",
              "hits of the consumer risk models on this list (buyer, phone, address, payer) at "
              "arrival"));
  s.Add(Field("risk.arrival_models", T::kStringList, "到达时命中的消费者风险模型",
              "the consumer risk models that hit this list at arrival"));
  s.Add(Bounded(Field("risk.learned_score_pm", T::kInt,
                      "到达时的学习评分（千分比，最新模型与最新一次风险模型运行）",
                      "learned score at arrival (per mille; the newest model over the newest "
                      "risk-model run)"),
                0, 1000));

  s.Add(Field("history.lists_90d", T::kInt, "近90天清单数", "lists in the last 90 days"));
  s.Add(Field("history.reviews_90d", T::kInt, "近90天人工审核数", "manual reviews, 90 days"));
  s.Add(Field("history.inspections_90d", T::kInt, "近90天查验数", "inspections, 90 days"));
  s.Add(Field("history.mismatches_90d", T::kInt, "近90天查验不符数",
              "inspections that found a mismatch, 90 days"));
  s.Add(Field("history.valuations_90d", T::kInt, "近90天验估数", "valuations, 90 days"));
  s.Add(Field("history.rejections_90d", T::kInt, "近90天退单数", "rejected lists, 90 days"));
  return s;
}

Json RuleSchemaToJson(const RuleSchema& schema) {
  Json fields = Json::array();
  for (const FieldDef& def : schema.fields()) {
    Json f = Json::object();
    f["path"] = def.path;
    f["type"] = std::string(FieldTypeName(def.type));
    f["per_line"] = def.per_line;
    f["allowed"] = def.allowed;
    if (def.type == FieldType::kInt || def.type == FieldType::kMoney) {
      f["min"] = def.min_value;
      f["max"] = def.max_value;
    }
    f["description_zh"] = def.description_zh;
    f["description_en"] = def.description_en;
    fields.push_back(std::move(f));
  }
  Json out = Json::object();
  out["fields"] = std::move(fields);
  return out;
}

}  // namespace core
