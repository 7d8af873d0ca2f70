// ReconcileJson: parse the request (documents through the messages.h codec), reconcile,
// serialise deterministically (sorted keys, no floats). Pure.
#include "core/reconcile_api.h"

#include "api/field_reader.h"
#include "core/reconcile.h"
#include "internal/api_common.h"

namespace core {
namespace {

using internal::FieldError;
using internal::IndexPath;
using internal::Member;
using internal::ReadString;

constexpr size_t kMaxFiledGoods = 100000;

// Reads doc[key] with `parse` when present (null counts as absent).
template <typename T, typename Parse>
Status ReadDocument(const Json& doc, std::string_view key, Parse parse, std::optional<T>& out) {
  const Json* v = Member(doc, key);
  if (v == nullptr) return OkStatus();
  CORE_ASSIGN_OR_RETURN(T parsed, parse(*v, key));
  out = std::move(parsed);
  return OkStatus();
}

Status ReadFiledGoods(const Json& doc, ReconcileContext& context) {
  const Json* arr = Member(doc, "filed_goods");
  if (arr == nullptr) return OkStatus();
  if (!arr->is_array()) return FieldError("filed_goods", "must be an array");
  if (arr->size() > kMaxFiledGoods) {
    return FieldError("filed_goods", "has more than " + std::to_string(kMaxFiledGoods) + " items");
  }
  for (size_t i = 0; i < arr->size(); ++i) {
    const std::string path = IndexPath("filed_goods", i);
    const Json& item = (*arr)[i];
    CORE_RETURN_IF_ERROR(internal::ExpectObject(item, path));
    CORE_ASSIGN_OR_RETURN(std::string ebc, ReadString(item, "ebcCode", path, 18, true));
    CORE_ASSIGN_OR_RETURN(std::string code10, ReadString(item, "code10", path, 10, true));
    CORE_ASSIGN_OR_RETURN(std::string outcome, ReadString(item, "outcome", path, 20, true));
    if (outcome != "admitted" && outcome != "review" && outcome != "rejected") {
      return FieldError(internal::FieldPath(path, "outcome"),
                        "must be admitted, review or rejected");
    }
    context.filed_goods[ebc][code10] = outcome;
  }
  return OkStatus();
}

StatusOr<std::string> ReconcileImpl(std::string_view request, const ReferenceTables& tables) {
  CORE_ASSIGN_OR_RETURN(Json doc, internal::ParseRequestObject(request));
  ReconcileSet set;
  CORE_RETURN_IF_ERROR(ReadDocument<Order>(doc, "order", OrderFromJson, set.order));
  CORE_RETURN_IF_ERROR(ReadDocument<Payment>(doc, "payment", PaymentFromJson, set.payment));
  CORE_RETURN_IF_ERROR(ReadDocument<Waybill>(doc, "waybill", WaybillFromJson, set.waybill));
  CORE_RETURN_IF_ERROR(ReadDocument<Inventory>(doc, "inventory", InventoryFromJson, set.inventory));
  ReconcileContext context;
  CORE_ASSIGN_OR_RETURN(std::optional<Date> date,
                        internal::ReadDate(doc, "decision_date", "", true));
  context.decision_date = *date;
  CORE_RETURN_IF_ERROR(ReadFiledGoods(doc, context));
  context.positive_list = tables.positive_list.size() > 0 ? &tables.positive_list : nullptr;
  context.divisions = tables.divisions.size() > 0 ? &tables.divisions : nullptr;
  return DumpJson(ReconcileResultToJson(Reconcile(set, context)));
}

}  // namespace

std::string ReconcileJson(std::string_view request, const ReferenceTables& tables) {
  StatusOr<std::string> result = ReconcileImpl(request, tables);
  return result.ok() ? *result : internal::ErrorResponseJson(result.status());
}

}  // namespace core
