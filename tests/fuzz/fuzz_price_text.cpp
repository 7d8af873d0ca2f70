// libFuzzer target: price text as shops write it (¥1,299.00, 1299元, 券后价, 包邮, ...).
#include "core/price_text.h"
#include "fuzz_input.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string_view text = fuzz::Text(data, size);
  (void)core::ParsePriceAmount(text);
  (void)core::ReadPriceText(text);
  return 0;
}
