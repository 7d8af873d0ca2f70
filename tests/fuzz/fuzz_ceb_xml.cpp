// libFuzzer target: CEB XML messages as senders deliver them (libxml2 DOM into the core's
// message values), the probe of any CEB root and the full parse of the ingested types.
#include "fuzz_input.h"
#include "ingest/ceb_xml.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string_view bytes = fuzz::Text(data, size);
  (void)server::ProbeCebXml(bytes);
  (void)server::ParseCebXml(bytes);
  return 0;
}
