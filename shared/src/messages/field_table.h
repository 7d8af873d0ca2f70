// Table-driven field rules for the CEB records: one table per head or line type lists each CEB
// field with its member, whether it is required and its maximum length, and the same table
// drives typing from text, writing JSON and reading JSON. Private to the core. Pure.
#pragma once

#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <type_traits>
#include <variant>

#include "core/json.h"
#include "core/messages.h"
#include "core/money.h"
#include "core/status.h"

namespace core::internal {

template <typename S>
using MemberPtr = std::variant<std::string S::*, Fen S::*, std::optional<Fen> S::*, Qty S::*,
                               std::optional<Qty> S::*, int S::*, CebTime S::*,
                               std::optional<CebTime> S::*, AppType S::*>;

template <typename S>
struct FieldSpec {
  std::string_view name;  // CEB element name
  MemberPtr<S> member;
  bool required = false;
  size_t max_chars = 0;  // text fields only
};

template <typename S>
using FieldTable = std::span<const FieldSpec<S>>;

// The tables (field_tables.cpp), in the XSD's element order.
FieldTable<OrderHead> OrderHeadFields();
FieldTable<OrderLine> OrderLineFields();
FieldTable<PaymentHead> PaymentHeadFields();
FieldTable<LogisticsHead> LogisticsHeadFields();
FieldTable<InventoryHead> InventoryHeadFields();
FieldTable<InventoryLine> InventoryLineFields();
FieldTable<RefundHead> RefundHeadFields();
FieldTable<RefundLine> RefundLineFields();
FieldTable<BaseTransfer> BaseTransferFields();

// Typing of single values (field_text.cpp). Each returns InvalidArgument with the message
// "field '<where><name>' <what>".
Status FieldValueError(const CebFields& in, std::string_view name, std::string_view what);
Status ReadText(const CebFields& in, std::string_view name, std::string_view text, size_t max_chars,
                std::string& out);
Status ReadAmount(const CebFields& in, std::string_view name, std::string_view text, Fen& out);
Status ReadQty(const CebFields& in, std::string_view name, std::string_view text, Qty& out);
Status ReadInt(const CebFields& in, std::string_view name, std::string_view text, int& out);
Status ReadTime(const CebFields& in, std::string_view name, std::string_view text, CebTime& out);
Status ReadAppType(const CebFields& in, std::string_view name, std::string_view text, AppType& out);

// Fills `out` from the text fields by the table. Absent (or empty) values leave the member at
// its default unless required.
template <typename S>
Status ReadFields(const CebFields& in, FieldTable<S> table, S& out) {
  for (const FieldSpec<S>& spec : table) {
    auto it = in.values.find(spec.name);
    const std::string_view text = it == in.values.end() ? std::string_view() : it->second;
    if (text.empty()) {
      if (spec.required) return FieldValueError(in, spec.name, "is required");
      continue;
    }
    Status s = std::visit(
        [&](auto member) -> Status {
          using M = std::remove_reference_t<decltype(out.*member)>;
          if constexpr (std::is_same_v<M, std::string>) {
            return ReadText(in, spec.name, text, spec.max_chars, out.*member);
          } else if constexpr (std::is_same_v<M, Fen>) {
            return ReadAmount(in, spec.name, text, out.*member);
          } else if constexpr (std::is_same_v<M, std::optional<Fen>>) {
            Fen v = 0;
            CORE_RETURN_IF_ERROR(ReadAmount(in, spec.name, text, v));
            out.*member = v;
            return OkStatus();
          } else if constexpr (std::is_same_v<M, Qty>) {
            return ReadQty(in, spec.name, text, out.*member);
          } else if constexpr (std::is_same_v<M, std::optional<Qty>>) {
            Qty v;
            CORE_RETURN_IF_ERROR(ReadQty(in, spec.name, text, v));
            out.*member = v;
            return OkStatus();
          } else if constexpr (std::is_same_v<M, int>) {
            return ReadInt(in, spec.name, text, out.*member);
          } else if constexpr (std::is_same_v<M, CebTime>) {
            return ReadTime(in, spec.name, text, out.*member);
          } else if constexpr (std::is_same_v<M, std::optional<CebTime>>) {
            CebTime v;
            CORE_RETURN_IF_ERROR(ReadTime(in, spec.name, text, v));
            out.*member = v;
            return OkStatus();
          } else {
            static_assert(std::is_same_v<M, AppType>);
            return ReadAppType(in, spec.name, text, out.*member);
          }
        },
        spec.member);
    CORE_RETURN_IF_ERROR(s);
  }
  return OkStatus();
}

// One JSON object holding every field of the table (see messages.h for the forms).
template <typename S>
Json FieldsToJson(const S& value, FieldTable<S> table) {
  Json obj = Json::object();
  for (const FieldSpec<S>& spec : table) {
    Json& slot = obj[std::string(spec.name)];
    std::visit(
        [&](auto member) {
          const auto& v = value.*member;
          using M = std::remove_cvref_t<decltype(v)>;
          if constexpr (std::is_same_v<M, std::string>) {
            slot = v;
          } else if constexpr (std::is_same_v<M, Fen>) {
            slot = FormatCny(v);
          } else if constexpr (std::is_same_v<M, std::optional<Fen>>) {
            slot = v ? Json(FormatCny(*v)) : Json(nullptr);
          } else if constexpr (std::is_same_v<M, Qty>) {
            slot = FormatQty(v);
          } else if constexpr (std::is_same_v<M, std::optional<Qty>>) {
            slot = v ? Json(FormatQty(*v)) : Json(nullptr);
          } else if constexpr (std::is_same_v<M, int>) {
            slot = v;
          } else if constexpr (std::is_same_v<M, CebTime>) {
            slot = v.ToDigits();
          } else if constexpr (std::is_same_v<M, std::optional<CebTime>>) {
            slot = v ? Json(v->ToDigits()) : Json(nullptr);
          } else {
            static_assert(std::is_same_v<M, AppType>);
            slot = std::to_string(static_cast<int>(v));
          }
        },
        spec.member);
  }
  return obj;
}

// True for the members whose JSON form is an integer rather than a string.
template <typename S>
bool IsIntegerField(const FieldSpec<S>& spec) {
  return std::holds_alternative<int S::*>(spec.member);
}

// The text form of a JSON object by the table: strings as they are, integers (gnum, packNo)
// in decimal. InvalidArgument "field '<where><name>' must be a string|an integer" otherwise.
template <typename S>
StatusOr<CebFields> JsonToFields(const Json& obj, FieldTable<S> table, std::string where) {
  CebFields out;
  out.where = std::move(where);
  for (const FieldSpec<S>& spec : table) {
    auto it = obj.find(spec.name);
    if (it == obj.end() || it->is_null()) continue;
    if (IsIntegerField(spec)) {
      if (!it->is_number_integer()) return FieldValueError(out, spec.name, "must be an integer");
      out.values[std::string(spec.name)] = it->dump();
    } else {
      if (!it->is_string()) return FieldValueError(out, spec.name, "must be a string");
      out.values[std::string(spec.name)] = it->template get_ref<const std::string&>();
    }
  }
  return out;
}

}  // namespace core::internal
