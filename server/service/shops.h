// Online patrol, the customs side: shops and their site profiles, covert buyers, crawler
// accounts, patrols and mystery orders queued by officers or by the schedule. Does database
// I/O; every change is audited.
#pragma once

#include <optional>
#include <string>
#include <utility>

#include "app.h"
#include "common/actor.h"
#include "core/json.h"
#include "profile/site_profile.h"
#include "store/patrol_evidence_repo.h"
#include "store/patrol_repo.h"

namespace server {

core::Json ShopToJson(const ShopRecord& shop);
core::Json ProfileToJson(const ProfileRecord& profile);

// {"enterprise_id", "name", "base_url" (absolute http(s) URL), "cycle_days"? (1..366, default
// 30)}: an admitted enterprise's shop, due for a first patrol now. InvalidArgument for a bad
// field, NotFound/FailedPrecondition for the enterprise, AlreadyExists for a known base URL.
core::StatusOr<ShopRecord> RegisterShop(App& app, Db& db, const Actor& actor,
                                        const core::Json& body);
// The shop when the actor may see it (customs: all; an enterprise user: its own), else NotFound.
core::StatusOr<ShopRecord> GetShopFor(Db& db, const Actor& actor, int64_t id);

// {"profile": {...docs/site-profiles.md}, "comment"?}: the next version of the shop's profile.
// InvalidArgument naming the field when the profile does not validate.
core::StatusOr<ProfileRecord> SaveProfile(App& app, Db& db, const Actor& actor, int64_t shop_id,
                                          const core::Json& body);
// The profile as every crawler will read it (profile_version 1, then the crawler's own parser:
// rules, selectors, regexes, hosts, checkout steps); InvalidArgument naming the field at fault
// ("field 'profile.fields.price[0].css' ...").
core::StatusOr<crawler::SiteProfile> ValidateSiteProfile(const core::Json& profile);

// Queues a patrol of the shop now (FailedPrecondition when one is already queued or running).
core::StatusOr<TaskRecord> QueuePatrol(App& app, Db& db, const Actor& actor, int64_t shop_id);
// {"buyer_id", "sku", "quantity"? (1..99)}: a mystery order through the shop's profile.
// FailedPrecondition without a profile with a checkout, or for an inactive buyer.
core::StatusOr<MysteryOrderRecord> QueueMysteryOrder(App& app, Db& db, const Actor& actor,
                                                     int64_t shop_id, const core::Json& body);

// {"profile", "url"}: what `profile` reads from the page at `url` (on the profile's allowed
// hosts), fetched by the next crawler that asks (previews go first). The task's result holds the
// reading once done. InvalidArgument for a profile that does not validate or a URL off its hosts.
core::StatusOr<TaskRecord> QueuePreview(App& app, Db& db, const Actor& actor, int64_t shop_id,
                                        const core::Json& body);

// {"name", "id_number" (valid 18-digit resident ID), "phone", "address"}.
core::StatusOr<CovertBuyer> RegisterCovertBuyer(App& app, Db& db, const Actor& actor,
                                                const core::Json& body);

// A crawler service account and its bearer token (returned once; only its SHA-256 is kept).
core::StatusOr<std::pair<CrawlerAccount, std::string>> CreateCrawlerAccount(
    App& app, Db& db, const Actor& actor, const std::string& name);

// Seconds from one patrol of the shop to the next: its cycle divided by the policy's divisor for
// its enterprise's risk level (enterprise_credit; "low" when none is recorded).
core::StatusOr<int64_t> PatrolCycleSeconds(App& app, Db& db, const ShopRecord& shop);

// The schedule: queues a patrol of every active shop that is due, fails tasks whose leases ran
// out of attempts, and records MYSTERY_NO_DECLARATION for placed mystery orders past the
// policy's window. Returns {"queued": n, "overdue": n}. Inside the caller's write transaction.
core::StatusOr<core::Json> RunPatrolSchedule(App& app, Db& db);

}  // namespace server
