// Demo shops, profiles, a covert buyer and a crawler account for `make run`.
#include "demo/demo_patrol.h"

#include <sys/stat.h>

#include <cstdio>

#include "demo/demo_steps.h"
#include "demo_shop.h"
#include "profiles.h"
#include "service/shops.h"
#include "store/enterprises_repo.h"

namespace server {

namespace {

// The generated demo district's seed (server/demo/district_seed.cpp).
constexpr uint64_t kDemoDistrictSeed = 2026;

core::StatusOr<int64_t> EnterpriseIdByCode(Db& db, const std::string& code) {
  EnterpriseFilter f;
  f.q = code;
  CORE_ASSIGN_OR_RETURN(ListResult<EnterpriseRecord> found, ListEnterprises(db, f, Page{10, 0}));
  for (const EnterpriseRecord& e : found.items) {
    if (e.customs_code == code) return e.id;
  }
  return core::FailedPreconditionError("no enterprise with customs code " + code +
                                       " (seed the generated district first)");
}

core::Status WriteToken(const std::string& path, const std::string& token) {
  const std::string tmp = path + ".tmp";
  std::FILE* f = std::fopen(tmp.c_str(), "w");
  if (f == nullptr) return core::InternalError("cannot write " + tmp);
  chmod(tmp.c_str(), 0600);
  const bool ok = std::fputs((token + "\n").c_str(), f) >= 0;
  if (std::fclose(f) != 0 || !ok || std::rename(tmp.c_str(), path.c_str()) != 0) {
    return core::InternalError("cannot write " + path);
  }
  return core::OkStatus();
}

}  // namespace

core::Status SeedDemoPatrol(App& app, int port_base, const std::string& token_file) {
  Actor officer = Actor::System();
  officer.name = "demo";
  {
    CORE_ASSIGN_OR_RETURN(DbPool::Lease db, app.pool().Acquire());
    CORE_ASSIGN_OR_RETURN(ListResult<ShopRecord> shops, ListShops(*db, std::nullopt, Page{1, 0}));
    if (shops.total > 0) return core::OkStatus();
  }
  shops::CatalogOptions catalog;
  catalog.seed = kDemoDistrictSeed;
  const std::vector<shops::DemoShop> demo = shops::MakeDemoShops(catalog);
  for (size_t i = 0; i < demo.size(); ++i) {
    const shops::DemoShop& shop = demo[i];
    const std::string origin =
        "http://127.0.0.1:" + std::to_string(port_base + static_cast<int>(i));
    CORE_RETURN_IF_ERROR(
        demo::InTransaction(app, "demo patrol", shop.key, [&](Db& db) -> core::Status {
          CORE_ASSIGN_OR_RETURN(int64_t enterprise,
                                EnterpriseIdByCode(db, shop.enterprise_customs_code));
          CORE_ASSIGN_OR_RETURN(ShopRecord s, RegisterShop(app, db, officer,
                                                           {{"enterprise_id", enterprise},
                                                            {"name", shop.name},
                                                            {"base_url", origin + "/"},
                                                            {"cycle_days", 7}}));
          CORE_ASSIGN_OR_RETURN(core::Json profile,
                                core::ParseJson(shops::ProfileJson(shop, origin)));
          return SaveProfile(app, db, officer, s.id,
                             {{"profile", profile}, {"comment", "demo shop"}})
              .status();
        }));
  }
  std::string token;
  CORE_RETURN_IF_ERROR(
      demo::InTransaction(app, "demo patrol", "crawler", [&](Db& db) -> core::Status {
        CORE_RETURN_IF_ERROR(RegisterCovertBuyer(app, db, officer,
                                                 {{"name", "李晓梅"},
                                                  {"id_number", "41010519900307123X"},
                                                  {"phone", "13903710000"},
                                                  {"address", "河南省郑州市金水区农业路1号"}})
                                 .status());
        CORE_ASSIGN_OR_RETURN(auto account, CreateCrawlerAccount(app, db, officer, "demo-crawler"));
        token = account.second;
        return core::OkStatus();
      }));
  return WriteToken(token_file, token);
}

}  // namespace server
