// libFuzzer target: CEB messages as JSON (the API's ingestion bodies): the JSON reader, then each
// message type's reader over the same document.
#include "core/messages.h"
#include "fuzz_input.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  core::StatusOr<core::Json> doc = core::ParseJson(fuzz::Text(data, size));
  if (!doc.ok()) return 0;
  (void)core::OrderFromJson(*doc);
  (void)core::PaymentFromJson(*doc);
  (void)core::WaybillFromJson(*doc);
  (void)core::InventoryFromJson(*doc);
  (void)core::RefundFromJson(*doc);
  return 0;
}
