// The credit assessment: factor points, the risk level, the legal triggers, the recommended
// grade on the scale in force, what would lower the level, and the measures that follow. Pure.
#include "core/credit.h"

#include <algorithm>
#include <string>

namespace core {
namespace {

struct FactorText {
  std::string_view id, name_zh, name_en, unit_zh, unit_en;
};

constexpr FactorText kFactorTexts[] = {
    {"REJECTION_RATE", "筛查退单率", "rejection rate", "‰", "‰"},
    {"INSPECTION_MISMATCH_RATE", "查验不符率", "inspection mismatch rate", "‰", "‰"},
    {"RISK_HIT_RATE", "风险模型命中率", "risk-model hit rate", "‰", "‰"},
    {"PATROL_FINDINGS", "网上巡查发现问题", "patrol findings", "次", ""},
    {"MYSTERY_DISCREPANCIES", "神秘买家实测不符", "mystery-order discrepancies", "次", ""},
    {"STOCKTAKE_DIFFERENCES", "盘库差异", "stocktake differences", "次", ""},
    {"VIOLATIONS", "违规记录", "violations", "次", ""},
};

const FactorText& TextOf(std::string_view id) {
  for (const FactorText& t : kFactorTexts) {
    if (t.id == id) return t;
  }
  return kFactorTexts[0];  // unreachable: the model's ids are checked when it is read
}

std::string N(int64_t v) { return std::to_string(v); }

int64_t PerMille(int64_t part, int64_t whole) {
  return whole > 0 ? part * 1000 / whole : (part > 0 ? 1000 : 0);
}

// The factor's value and the figures its explanation quotes.
struct Reading {
  int64_t value = 0;
  std::string zh, en;  // "3/120 份清单被退单", "3 of 120 lists rejected"
};

Reading Read(std::string_view id, const CreditFacts& f) {
  if (id == "REJECTION_RATE") {
    return {PerMille(f.rejections, f.lists), N(f.rejections) + "/" + N(f.lists) + " 份清单被退单",
            N(f.rejections) + " of " + N(f.lists) + " lists rejected"};
  }
  if (id == "INSPECTION_MISMATCH_RATE") {
    return {
        PerMille(f.inspection_mismatches, f.inspections),
        N(f.inspection_mismatches) + "/" + N(f.inspections) + " 次查验不符",
        N(f.inspection_mismatches) + " of " + N(f.inspections) + " inspections found a mismatch"};
  }
  if (id == "RISK_HIT_RATE") {
    return {PerMille(f.risk_hits, f.lists),
            N(f.risk_hits) + " 次模型命中 / " + N(f.lists) + " 份清单",
            N(f.risk_hits) + " risk-model hits over " + N(f.lists) + " lists"};
  }
  if (id == "PATROL_FINDINGS") {
    return {f.patrol_findings, N(f.patrol_findings) + " 次巡查发现价格、运费或商品不符",
            N(f.patrol_findings) + " patrols found price, freight or goods differences"};
  }
  if (id == "MYSTERY_DISCREPANCIES") {
    return {f.mystery_discrepancies, N(f.mystery_discrepancies) + " 笔实测订单与申报不符或未申报",
            N(f.mystery_discrepancies) + " test orders paid above declared or never declared"};
  }
  if (id == "STOCKTAKE_DIFFERENCES") {
    return {f.stocktake_differences, N(f.stocktake_differences) + " 次盘库短少或溢余",
            N(f.stocktake_differences) + " stocktakes with a shortage or surplus"};
  }
  return {f.violations, N(f.violations) + " 次违规", N(f.violations) + " violations"};
}

int Points(int weight, int64_t value, int64_t full_at) {
  const int64_t v = std::clamp<int64_t>(value, 0, full_at);
  return static_cast<int>((2 * weight * v + full_at) / (2 * full_at));  // half up
}

std::string LevelOf(int score, const CreditModel& m) {
  return score >= m.high_from ? "high" : score >= m.medium_from ? "medium" : "low";
}

std::string LevelZh(std::string_view level) {
  return level == "high" ? "高风险" : level == "medium" ? "中风险" : "低风险";
}

bool IsDishonest(std::string_view grade) { return grade.find("dishonest") != std::string::npos; }

int IndexIn(const GradeScale& scale, std::string_view grade) {
  for (size_t i = 0; i < scale.grades.size(); ++i) {
    if (scale.grades[i].id == grade) return static_cast<int>(i);
  }
  return -1;
}

// The legal triggers (dishonest grades); the worst grade they call for, "" when none applies.
std::string Triggers(const CreditFacts& f, const CreditModel& m, const GradeScale& scale,
                     Findings& out) {
  const bool has_serious = IndexIn(scale, "seriously_dishonest") >= 0;
  const std::string dishonest = IndexIn(scale, "dishonest") >= 0 ? "dishonest" : "";
  std::string grade;
  if (f.smuggling_crime) {
    grade = has_serious ? "seriously_dishonest" : dishonest;
    out.push_back(MakeFinding(
        "CREDIT_SMUGGLING_CRIME", Severity::kError, "smuggling_crime",
        "企业构成走私犯罪：认定为" + std::string(has_serious ? "严重失信企业" : "失信企业"),
        "the enterprise was convicted of smuggling: " + grade));
  }
  if (f.smuggling_penalty) {
    if (grade.empty()) grade = dishonest;
    out.push_back(MakeFinding("CREDIT_SMUGGLING_PENALTY", Severity::kError, "smuggling_penalty",
                              "企业因走私行为受到行政处罚：认定为失信企业",
                              "an administrative penalty for smuggling: dishonest"));
  }
  const Fen threshold = f.declarant ? m.declarant_penalty_fen : m.penalty_fen;
  if (f.violations > 0 &&
      f.violations * 1000 > m.violations_per_mille * f.documents_previous_year &&
      f.penalties_fen > threshold) {
    if (grade.empty()) grade = dishonest;
    out.push_back(MakeFinding(
        "CREDIT_VIOLATION_RATE", Severity::kError, "violations",
        "违规 " + N(f.violations) + " 次，超过上年度单证 " + N(f.documents_previous_year) +
            " 票的千分之" + N(m.violations_per_mille) + "，且罚款累计 " +
            FormatCny(f.penalties_fen) + " 元超过 " + FormatCny(threshold) + " 元：认定为失信企业",
        N(f.violations) + " violations, above " + N(m.violations_per_mille) + " per thousand of " +
            N(f.documents_previous_year) + " documents last year, with penalties of " +
            FormatCny(f.penalties_fen) + " CNY above " + FormatCny(threshold) + " CNY: dishonest"));
  }
  if (f.tax_overdue_days > m.tax_overdue_days) {
    if (grade.empty()) grade = dishonest;
    out.push_back(MakeFinding("CREDIT_TAX_OVERDUE", Severity::kError, "tax_overdue_days",
                              "拖欠税款 " + N(f.tax_overdue_days) + " 天，超过 " +
                                  N(m.tax_overdue_days) + " 天：认定为失信企业",
                              "tax overdue for " + N(f.tax_overdue_days) + " days, beyond " +
                                  N(m.tax_overdue_days) + ": dishonest"));
  }
  return grade;
}

// Whether the enterprise may hold `grade` without a certification it lacks.
bool Eligible(std::string_view grade, const CreditFacts& f) {
  if (grade == "advanced_certified") return f.advanced_certified;
  if (grade == "certified") return f.certified || f.advanced_certified;
  return !IsDishonest(grade);
}

// Among the grades it may hold: low keeps the best, medium one lower, high the ordinary grade.
std::string ByRisk(const CreditFacts& f, const std::string& level, const GradeScale& scale) {
  std::vector<std::string> eligible;
  for (const Grade& g : scale.grades) {
    if (Eligible(g.id, f)) eligible.push_back(g.id);
  }
  if (eligible.empty()) return scale.grades.empty() ? "" : scale.grades.back().id;
  if (level == "high") return eligible.back();
  if (level == "medium") return eligible[std::min<size_t>(1, eligible.size() - 1)];
  return eligible.front();
}

void AddToLower(CreditAssessment& a, const CreditModel& m) {
  if (a.risk_level == "low") return;
  const int cut = a.risk_level == "high" ? m.high_from : m.medium_from;
  const int need = a.score - cut + 1;  // points to shed to fall below the cut
  for (const CreditFactor& f : a.factors) {
    if (f.points < need) continue;
    // The largest value whose points still take the score below the cut.
    int64_t lo = 0, hi = f.value;
    while (lo < hi) {
      const int64_t mid = lo + (hi - lo + 1) / 2;
      if (f.points - Points(f.weight, mid, f.full_at) >= need) {
        lo = mid;
      } else {
        hi = mid - 1;
      }
    }
    CreditChange c;
    c.factor = f.id;
    c.value = f.value;
    c.to = lo;
    c.target_level = LevelOf(a.score - f.points + Points(f.weight, lo, f.full_at), m);
    const FactorText& t = TextOf(f.id);
    c.explanation_zh = std::string(t.name_zh) + "由 " + N(f.value) + std::string(t.unit_zh) +
                       " 降至 " + N(lo) + std::string(t.unit_zh) + " 及以下，风险等级降为" +
                       LevelZh(c.target_level);
    c.explanation_en = std::string(t.name_en) + " from " + N(f.value) + std::string(t.unit_en) +
                       " down to " + N(lo) + std::string(t.unit_en) +
                       " or less lowers the risk level to " + c.target_level;
    a.to_lower.push_back(std::move(c));
  }
}

}  // namespace

StatusOr<CreditAssessment> AssessCredit(const CreditFacts& facts, const Date& as_of,
                                        const Policy& policy) {
  const GradeScale* scale = policy.ScaleOn(as_of);
  if (scale == nullptr || scale->grades.empty()) {
    return FailedPreconditionError("no credit grade scale is in force on " + as_of.ToIso());
  }
  const CreditModel& m = policy.credit;
  CreditAssessment a;
  a.as_of = as_of;
  a.scale = scale->id;
  a.current_grade = facts.current_grade;
  for (const CreditFactorWeight& w : m.factors) {
    const Reading r = Read(w.id, facts);
    const FactorText& t = TextOf(w.id);
    CreditFactor f;
    f.id = w.id;
    f.value = r.value;
    f.full_at = w.full_at;
    f.weight = w.weight;
    f.points = Points(w.weight, r.value, w.full_at);
    f.explanation_zh = std::string(t.name_zh) + "：" + r.zh + "（" + N(r.value) +
                       std::string(t.unit_zh) + "，满 " + N(w.full_at) + std::string(t.unit_zh) +
                       " 计满分）得 " + N(f.points) + "/" + N(w.weight) + " 分";
    f.explanation_en = std::string(t.name_en) + ": " + r.en + " (" + N(r.value) +
                       std::string(t.unit_en) + "; full weight at " + N(w.full_at) +
                       std::string(t.unit_en) + "): " + N(f.points) + " of " + N(w.weight) +
                       " points";
    a.score += f.points;
    a.factors.push_back(std::move(f));
  }
  a.score = std::min(a.score, 100);
  a.risk_level = LevelOf(a.score, m);

  const std::string legal = Triggers(facts, m, *scale, a.triggers);
  a.recommended_grade = legal.empty() ? ByRisk(facts, a.risk_level, *scale) : legal;
  const int now = IndexIn(*scale, facts.current_grade);
  const int next = IndexIn(*scale, a.recommended_grade);
  a.change = now < 0 ? "set" : next > now ? "downgrade" : next < now ? "upgrade" : "keep";
  if (legal.empty() && a.risk_level == "high" &&
      (facts.current_grade == "advanced_certified" || facts.current_grade == "certified")) {
    a.triggers.push_back(MakeFinding("CREDIT_CERTIFICATION_REVIEW", Severity::kWarning,
                                     "current_grade", "认证企业处于高风险：建议对其认证重新审核",
                                     "a certified enterprise at high risk: its "
                                     "certification should be re-examined"));
  }
  if (legal.empty() && IsDishonest(facts.current_grade) && a.change == "upgrade") {
    a.triggers.push_back(MakeFinding("CREDIT_REPAIR_REQUIRED", Severity::kInfo, "current_grade",
                                     "失信企业须经信用修复程序方可调整等级",
                                     "a dishonest grade changes only through credit "
                                     "repair (Decree 282)"));
  }
  AddToLower(a, m);
  if (auto it = policy.measures.find(a.recommended_grade); it != policy.measures.end()) {
    a.measures = it->second;
  }
  if (auto it = policy.risk_level_addon_bp.find(a.risk_level);
      it != policy.risk_level_addon_bp.end()) {
    a.risk_addon_bp = it->second;
  }
  return a;
}

}  // namespace core
