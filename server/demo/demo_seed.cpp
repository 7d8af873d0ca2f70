// The demo data set, built through the service layer.
#include "demo/demo_seed.h"

#include <map>
#include <optional>

#include "audit/audit_log.h"
#include "demo/demo_steps.h"
#include "demo/demo_supervision.h"
#include "demo/district_seed.h"
#include "service/applications.h"
#include "service/goods.h"
#include "service/routing_rules.h"
#include "service/users.h"

namespace server {

namespace {

constexpr const char* kEnterprisePassword = "Ent#2026demo";

core::Json Qual(const std::string& type, const std::string& number, const std::string& issuer,
                const core::Date& from, std::optional<core::Date> to,
                const std::string& agent_uscc = "") {
  core::Json q = {{"type", type},
                  {"number", number},
                  {"issuer", issuer},
                  {"valid_from", from.ToIso()},
                  {"valid_to", to ? core::Json(to->ToIso()) : core::Json()}};
  if (!agent_uscc.empty()) q["agent_uscc"] = agent_uscc;
  return q;
}

struct EnterpriseSpec {
  std::string key;  // for error messages
  core::Json application;
  std::string username;  // enterprise account ("" = none)
  std::string display_name;
  std::string decision;  // "approve", "reject" or "" (left pending)
  std::string reason;
};

constexpr const char* kWho = "demo seed";

// Runs one step in its own transaction.
template <typename Fn>
core::Status InTransaction(App& app, const std::string& step, Fn&& fn) {
  return demo::InTransaction(app, kWho, step, std::forward<Fn>(fn));
}

core::StatusOr<UserRecord> MakeUser(App& app, const std::string& username,
                                    const std::string& password, const std::string& role,
                                    const std::string& display_name) {
  core::Json body = {{"username", username},
                     {"password", password},
                     {"role", role},
                     {"display_name", display_name}};
  CORE_ASSIGN_OR_RETURN(UserRecord prepared, PrepareUser(body, app.config().password));
  UserRecord created;
  CORE_RETURN_IF_ERROR(InTransaction(app, "user " + username, [&](Db& db) -> core::Status {
    CORE_ASSIGN_OR_RETURN(created, CreateUser(db, Actor::System(), prepared, app.Now()));
    return core::OkStatus();
  }));
  return created;
}

std::vector<EnterpriseSpec> EnterpriseSpecs(const core::Date& today) {
  core::Date long_ago = today.AddMonths(-60);
  core::Date far = today.AddMonths(120);
  std::vector<EnterpriseSpec> specs;

  specs.push_back(
      {"hnby",
       {{"name", "河南保税优品电子商务有限公司"},
        {"uscc", "9141010052CL12THXP"},
        {"customs_code", "4101460012"},
        {"overseas", false},
        {"country", ""},
        {"roles", {"ecommerce", "platform"}},
        {"qualifications",
         {Qual("business_licence", "9141010052CL12THXP", "郑州市市场监督管理局", long_ago, far),
          Qual("icp_filing", "豫ICP备2020000001号", "河南省通信管理局", long_ago, std::nullopt)}},
        {"shop_urls", {"https://shop.hnby.example.cn/"}}},
       "hnby",
       "河南保税优品",
       "approve",
       "资质齐全，准予备案"});

  specs.push_back(
      {"zzpay",
       {{"name", "郑州中原跨境支付有限公司"},
        {"uscc", "9141010515J1XG6112"},
        {"customs_code", "4101960034"},
        {"overseas", false},
        {"country", ""},
        {"roles", {"payment"}},
        {"qualifications",
         {Qual("business_licence", "9141010515J1XG6112", "郑州市市场监督管理局", long_ago, far),
          Qual("payment_licence", "Z2041000000019", "中国人民银行", long_ago, far)}},
        {"shop_urls", core::Json::array()}},
       "zzpay",
       "郑州中原支付",
       "approve",
       "支付业务许可证有效，准予备案"});

  specs.push_back(
      {"ztlog",
       {{"name", "中原通达跨境物流（郑州）有限公司"},
        {"uscc", "9141018316D272HD38"},
        {"customs_code", "4101460056"},
        {"overseas", false},
        {"country", ""},
        {"roles", {"logistics"}},
        {"qualifications",
         {Qual("business_licence", "9141018316D272HD38", "郑州市市场监督管理局", long_ago, far),
          // Expires within the warning window: eligible, with a warning to renew.
          Qual("express_licence", "豫邮2019001号", "河南省邮政管理局", long_ago,
               today.AddDays(20))}},
        {"shop_urls", core::Json::array()}},
       "ztlog",
       "中原通达物流",
       "approve",
       "快递业务经营许可证即将到期，已提醒续期；准予备案"});

  specs.push_back({"jpbeauty",
                   {{"name", "日本美研株式会社"},
                    {"uscc", ""},
                    {"customs_code", "4101940078"},
                    {"overseas", true},
                    {"country", "116"},
                    {"roles", {"ecommerce"}},
                    {"qualifications",
                     {Qual("domestic_agent", "代理协议 JPB-2024-01", "郑州美研商贸有限公司",
                           long_ago, far, "91410104093Y7LLJ4B")}},
                    {"shop_urls", {"https://jpbeauty.example.jp/cn/"}}},
                   "jpbeauty",
                   "日本美研（境外）",
                   "approve",
                   "境内代理人委托有效，准予备案"});

  specs.push_back({"oldlog",
                   {{"name", "深圳老港物流有限公司"},
                    {"uscc", "9144030009JC171H9W"},
                    {"customs_code", "4403960021"},
                    {"overseas", false},
                    {"country", ""},
                    {"roles", {"logistics"}},
                    {"qualifications",
                     {Qual("business_licence", "9144030009JC171H9W", "深圳市市场监督管理局",
                           long_ago, today.AddDays(-45)),
                      Qual("express_licence", "粤邮2018077号", "广东省邮政管理局", long_ago, far)}},
                    {"shop_urls", core::Json::array()}},
                   "oldlog",
                   "深圳老港物流",
                   "",
                   ""});

  specs.push_back(
      {"newshop",
       {{"name", "上海新铺网络科技有限公司"},
        {"uscc", "9131011524D4H3J92H"},
        {"customs_code", "3101960088"},
        {"overseas", false},
        {"country", ""},
        {"roles", {"ecommerce", "platform"}},
        {"qualifications",
         {Qual("business_licence", "9131011524D4H3J92H", "上海市市场监督管理局", long_ago, far)}},
        {"shop_urls", {"https://newshop.example.cn/"}}},
       "newshop",
       "上海新铺",
       "",
       ""});

  specs.push_back(
      {"sugou",
       {{"name", "郑州速购贸易有限公司"},
        {"uscc", "91410102823JJL6B8N"},
        {"customs_code", "4101960099"},
        {"overseas", false},
        {"country", ""},
        {"roles", {"ecommerce"}},
        {"qualifications",
         {Qual("business_licence", "91410102823JJL6B8N", "郑州市市场监督管理局", long_ago, far)}},
        {"shop_urls", core::Json::array()}},
       "",
       "",
       "reject",
       "未提供网店地址，经营场所核查不符，不予备案"});

  specs.push_back(
      {"hthy",
       {{"name", "郑州海淘汇优商贸有限公司"},
        {"uscc", "9141018118N2J1K639"},
        {"customs_code", "4101460110"},
        {"overseas", false},
        {"country", ""},
        {"roles", {"ecommerce"}},
        {"qualifications",
         {Qual("business_licence", "9141018118N2J1K639", "郑州市市场监督管理局", long_ago, far)}},
        {"shop_urls", {"https://hthy.example.cn/"}}},
       "",
       "",
       "approve",
       "资质齐全，准予备案"});
  return specs;
}

core::Json Filing(const std::string& sku, const std::string& name, const std::string& brand,
                  const std::string& spec, const std::string& code10, const std::string& origin,
                  const std::string& unit, int64_t price_fen, const std::string& trade_mode) {
  return {{"sku", sku},
          {"name", name},
          {"brand", brand},
          {"spec", spec},
          {"code10", code10},
          {"origin_country", origin},
          {"unit", unit},
          {"declared_unit_price_fen", price_fen},
          {"trade_mode", trade_mode}};
}

struct GoodsSpec {
  std::string enterprise;  // key of EnterpriseSpec
  core::Json filing;
};

std::vector<GoodsSpec> GoodsSpecs() {
  return {
      // admitted: on the list, no remark
      {"hnby", Filing("HNBY-0001", "玻尿酸保湿面霜", "Hadalabo", "50克/瓶", "3304990099", "116",
                      "瓶", 12800, "1210")},
      // review: high-risk quarantine category (infant formula registration)
      {"hnby", Filing("HNBY-0002", "婴儿配方奶粉1段", "a2", "900克/罐", "1901101000", "609", "罐",
                      26800, "1210")},
      // admitted with an annual quantity cap (info)
      {"hnby", Filing("HNBY-0003", "和三盆砂糖", "Okinawa", "1千克/袋", "1701991000", "116", "千克",
                      4500, "9610")},
      // rejected: name restriction (household printer ink only)
      {"hnby", Filing("HNBY-0004", "工业印刷油墨", "DIC", "1千克/罐", "3215190000", "116", "千克",
                      9900, "1210")},
      // rejected: bonded-only medicine filed as direct purchase 9610
      {"hnby", Filing("HNBY-0005", "复合维生素片", "Swisse", "60片/瓶", "3004909099", "601", "瓶",
                      15900, "9610")},
      // rejected: not on the positive list and prohibited (swords)
      {"hnby",
       Filing("HNBY-0006", "装饰武士刀", "Seki", "1把", "9307009000", "116", "把", 88000, "9610")},
      // rejected: code not listed in the current year's catalogue and not on the list
      {"hnby", Filing("HNBY-0007", "太阳能电池板", "Panasonic", "1块", "8541401000", "116", "块",
                      50000, "9610")},
      // review: excluded kind must be ruled out (CITES species), aquatic quarantine
      {"hnby",
       Filing("HNBY-0008", "观赏锦鲤", "Sakai", "1尾", "0301110000", "116", "尾", 30000, "1210")},
      // review: unit price above the single-transaction limit
      {"hnby",
       Filing("HNBY-0009", "机械腕表", "Seiko", "1只", "9102110000", "116", "只", 680000, "1210")},
      // admitted: perfume from the overseas enterprise
      {"jpbeauty", Filing("JPB-0001", "玫瑰香水", "Shiseido", "50毫升/瓶", "3303000000", "116",
                          "瓶", 36000, "9610")},
      // same name, two codes, two enterprises: the second filing goes to review
      {"hnby", Filing("HNBY-0010", "便携电动剃须刀", "Panasonic", "1台", "8510100000", "116", "台",
                      39900, "1210")},
      {"jpbeauty", Filing("JPB-0002", "便携电动剃须刀", "Panasonic", "1台", "8516320000", "116",
                          "台", 39900, "9610")},
      // admitted: wine from a third enterprise
      {"hthy", Filing("HTHY-0001", "波尔多红葡萄酒", "Chateau Demo", "750毫升/瓶", "2204210000",
                      "305", "瓶", 19800, "1210")},
  };
}

}  // namespace

const std::vector<DemoLogin>& DemoLogins() {
  static const std::vector<DemoLogin> kLogins = {
      {"admin", "Admin#2026demo", "admin", "系统管理员 / administrator"},
      {"officer", "Officer#2026demo", "officer", "李巡查 / patrol officer"},
      {"officer2", "Officer#2026demo", "officer", "王审核 / officer"},
      {"hnby", kEnterprisePassword, "enterprise", "河南保税优品 (admitted e-commerce + platform)"},
      {"zzpay", kEnterprisePassword, "enterprise", "郑州中原支付 (admitted payment)"},
      {"ztlog", kEnterprisePassword, "enterprise", "中原通达物流 (admitted logistics)"},
      {"jpbeauty", kEnterprisePassword, "enterprise", "日本美研 (admitted overseas e-commerce)"},
      {"oldlog", kEnterprisePassword, "enterprise", "深圳老港物流 (pending, expired licence)"},
      {"newshop", kEnterprisePassword, "enterprise", "上海新铺 (pending, no ICP filing)"},
  };
  return kLogins;
}

core::StatusOr<bool> DemoDataPresent(App& app) {
  CORE_ASSIGN_OR_RETURN(DbPool::Lease db, app.pool().Acquire());
  AuditFilter f;
  f.action = "demo.seed";
  CORE_ASSIGN_OR_RETURN(ListResult<AuditEntry> entries, ListAudit(*db, f, Page{1, 0}));
  return entries.total > 0;
}

core::StatusOr<bool> SeedDemoIfEmpty(App& app) { return SeedDemoIfEmpty(app, 0); }

core::StatusOr<bool> SeedDemoIfEmpty(App& app, uint64_t generated_lists) {
  {
    CORE_ASSIGN_OR_RETURN(DbPool::Lease db, app.pool().Acquire());
    CORE_ASSIGN_OR_RETURN(int64_t users, CountUsers(*db));
    if (users > 0) return false;
  }
  CORE_ASSIGN_OR_RETURN(UserRecord admin,
                        MakeUser(app, "admin", "Admin#2026demo", "admin", "系统管理员"));
  CORE_ASSIGN_OR_RETURN(UserRecord officer,
                        MakeUser(app, "officer", "Officer#2026demo", "officer", "李巡查"));
  CORE_ASSIGN_OR_RETURN(UserRecord officer2,
                        MakeUser(app, "officer2", "Officer#2026demo", "officer", "王审核"));
  Actor by_officer = ActorFor(officer);
  Actor by_officer2 = ActorFor(officer2);

  std::map<std::string, int64_t> enterprise_ids;
  std::map<std::string, Actor> enterprise_actors;
  for (const EnterpriseSpec& spec : EnterpriseSpecs(app.Today())) {
    core::Json body = {{"application", spec.application}};
    if (!spec.username.empty()) {
      body["account"] = {{"username", spec.username},
                         {"password", kEnterprisePassword},
                         {"display_name", spec.display_name}};
    }
    CORE_ASSIGN_OR_RETURN(ApplicationRecord stored,
                          demo::SubmitApplication(app, by_officer, body, kWho, spec.key));
    enterprise_ids[spec.key] = stored.enterprise_id;
    if (!spec.decision.empty()) {
      const Actor& decider = spec.decision == "reject" ? by_officer2 : by_officer;
      core::Json decision = {{"decision", spec.decision}, {"reason", spec.reason}};
      CORE_RETURN_IF_ERROR(
          InTransaction(app, "decision on " + spec.key, [&](Db& db) -> core::Status {
            return DecideApplication(app, db, decider, stored.id, decision).status();
          }));
    }
    if (!spec.username.empty()) {
      CORE_ASSIGN_OR_RETURN(DbPool::Lease db, app.pool().Acquire());
      CORE_ASSIGN_OR_RETURN(std::optional<UserRecord> u, FindUserByUsername(*db, spec.username));
      if (u) enterprise_actors[spec.key] = ActorFor(*u);
    }
  }

  int n = 0;
  for (const GoodsSpec& g : GoodsSpecs()) {
    ++n;
    // Enterprises with an account file their own goods; the others through an officer.
    auto actor_it = enterprise_actors.find(g.enterprise);
    const Actor& actor = actor_it != enterprise_actors.end() ? actor_it->second : by_officer;
    int64_t enterprise_id = enterprise_ids[g.enterprise];
    core::Json body = {{"filing", g.filing}};
    CORE_RETURN_IF_ERROR(
        InTransaction(app, "goods filing " + std::to_string(n), [&](Db& db) -> core::Status {
          return FileGoods(app, db, actor, enterprise_id, body).status();
        }));
  }

  // Routing rules and credit grades before any list is screened.
  CORE_RETURN_IF_ERROR(InTransaction(app, "routing rules", [&](Db& db) -> core::Status {
    return SeedDemoRouting(app, db, ActorFor(admin), enterprise_ids);
  }));
  CORE_RETURN_IF_ERROR(SeedSupervisionDemo(app, enterprise_actors));

  // The generated district (server/gen) beside the hand-written data: message sets through the
  // real ingestion, so the queues are not empty.
  if (generated_lists > 0) {
    CORE_RETURN_IF_ERROR(SeedGeneratedDemo(app, by_officer, ActorFor(admin), generated_lists));
  }

  CORE_RETURN_IF_ERROR(InTransaction(app, "marker", [&](Db& db) -> core::Status {
    core::Json detail = {{"users", static_cast<int64_t>(DemoLogins().size())},
                         {"enterprises", static_cast<int64_t>(enterprise_ids.size())},
                         {"goods_filings", n}};
    return AppendAudit(db, Actor::System(), "demo.seed", "database", "demo", detail, app.Now());
  }));
  return true;
}

}  // namespace server
