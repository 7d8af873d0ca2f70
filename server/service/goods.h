// Goods filings: validation, the same-name filings of other enterprises, evaluation by the core,
// storage and audit. The API and the demo seed share these paths. Does database I/O.
#pragma once

#include <optional>
#include <string_view>
#include <vector>

#include "app.h"
#include "common/actor.h"
#include "core/json.h"
#include "store/goods_repo.h"

namespace server {

// The other_filings input for a goods name: every filing of the same normalised name by an
// enterprise other than `exclude_enterprise_id`, as [{"name","code10"}].
core::StatusOr<core::Json> OtherFilingsJson(Db& db, std::string_view name,
                                            std::optional<int64_t> exclude_enterprise_id);

// Files goods for an enterprise from {"filing": {...}}, inside the caller's transaction, audited
// ("goods.file"). The verdict is core::EvaluateGoodsJson on App::Today() with the other
// enterprises' same-name filings. NotFound when the actor may not see the enterprise,
// FailedPrecondition unless it is admitted, InvalidArgument on a bad filing, AlreadyExists on a
// duplicate SKU.
core::StatusOr<GoodsRecord> FileGoods(App& app, Db& db, const Actor& actor, int64_t enterprise_id,
                                      const core::Json& body);

// The filing when the actor may see it, else NotFound.
core::StatusOr<GoodsRecord> GetGoodsFor(Db& db, const Actor& actor, int64_t id);

}  // namespace server
