// Writes a generated district to a folder: district.json (enterprises, goods, vehicles and the
// consumers, streamed), messages/ (files the server's --import accepts: four CEB XML messages
// per set, or one JSON batch per set), labels.jsonl, gate_passes.jsonl and ledger.jsonl. Does
// file I/O; memory stays bounded by one set.
#pragma once

#include <cstdint>
#include <string>

#include "core/date.h"
#include "core/status.h"
#include "core/tax.h"

namespace gen {

struct OutputOptions {
  std::string out_dir;
  uint64_t seed = 1;
  uint64_t lists = 100;
  core::Date from;
  core::Date to;
  std::string format = "xml";  // "xml" | "json"
  int fraud_per_mille = 60;
};

struct OutputSummary {
  uint64_t sets = 0;
  uint64_t files = 0;
  uint64_t bytes = 0;  // of the message files
  uint64_t labels = 0;
};

// Consumers of a district generated for `lists` sets: each honest buyer buys a few times at most,
// so no honest buyer nears the annual limit.
uint64_t ConsumersFor(uint64_t lists);

// The tax table at data_dir/tax/rates.csv. NotFound / InvalidArgument naming the file.
core::StatusOr<core::TaxRateTable> LoadRates(const std::string& data_dir);

// Generates into options.out_dir (created when missing; existing generated files are
// overwritten). InvalidArgument for a bad option (lists 0, to before from, format), Internal when
// a file cannot be written.
core::StatusOr<OutputSummary> WriteDistrict(const OutputOptions& options,
                                            const core::TaxRateTable& rates);

}  // namespace gen
