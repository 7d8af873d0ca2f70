// patrol-gen: the synthetic district generator's command line (flags only; see gen_output.h).
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <string>

#include "gen/gen_output.h"

namespace {

constexpr const char* kUsage =
    "usage: patrol-gen --out DIR --seed S --lists N --from YYYY-MM-DD --to YYYY-MM-DD\n"
    "                  [--format xml|json] [--data DIR] [--fraud-per-mille K]\n"
    "Writes a synthetic CBEC district to DIR: district.json (enterprises, goods, vehicles,\n"
    "consumers), messages/ (CEB311/411/511/621 per set, importable with `server --import\n"
    "DIR/messages`), labels.jsonl (injected frauds), gate_passes.jsonl and ledger.jsonl.\n"
    "Same seed and options give the same bytes. --data is the project's data folder (tax\n"
    "rates; default ./data); --fraud-per-mille is the share of fraud episodes (default 60).\n";

bool ParseU64(const char* s, uint64_t& out) {
  if (!s || !*s) return false;
  char* end = nullptr;
  const unsigned long long v = std::strtoull(s, &end, 10);
  if (*end != '\0' || s[0] == '-') return false;
  out = v;
  return true;
}

int Fail(const std::string& message) {
  std::fprintf(stderr, "patrol-gen: %s\n(see patrol-gen --help)\n", message.c_str());
  return 2;
}

}  // namespace

int main(int argc, char** argv) {
  gen::OutputOptions o;
  std::string data_dir = "data";
  bool have_out = false, have_seed = false, have_lists = false, have_from = false, have_to = false;
  for (int i = 1; i < argc; ++i) {
    const std::string flag = argv[i];
    if (flag == "--help" || flag == "-h") {
      std::fputs(kUsage, stdout);
      return 0;
    }
    if (i + 1 >= argc) return Fail("flag " + flag + " needs a value");
    const char* value = argv[++i];
    if (flag == "--out") {
      o.out_dir = value;
      have_out = !o.out_dir.empty();
    } else if (flag == "--seed") {
      if (!ParseU64(value, o.seed)) return Fail("--seed must be a non-negative integer");
      have_seed = true;
    } else if (flag == "--lists") {
      if (!ParseU64(value, o.lists) || o.lists == 0) {
        return Fail("--lists must be a positive integer");
      }
      have_lists = true;
    } else if (flag == "--from" || flag == "--to") {
      core::StatusOr<core::Date> d = core::Date::Parse(value);
      if (!d.ok()) return Fail(flag + ": " + d.status().message());
      (flag == "--from" ? o.from : o.to) = *d;
      (flag == "--from" ? have_from : have_to) = true;
    } else if (flag == "--format") {
      o.format = value;
      if (o.format != "xml" && o.format != "json") return Fail("--format must be xml or json");
    } else if (flag == "--data") {
      data_dir = value;
    } else if (flag == "--fraud-per-mille") {
      uint64_t k = 0;
      if (!ParseU64(value, k) || k > 1000) return Fail("--fraud-per-mille must be 0..1000");
      o.fraud_per_mille = static_cast<int>(k);
    } else {
      return Fail("unknown flag " + flag);
    }
  }
  if (!have_out || !have_seed || !have_lists || !have_from || !have_to) {
    return Fail("--out, --seed, --lists, --from and --to are required");
  }
  if (o.to < o.from) return Fail("--to is before --from");
  core::StatusOr<core::TaxRateTable> rates = gen::LoadRates(data_dir);
  if (!rates.ok()) return Fail(rates.status().message() + " (set --data to the data folder)");
  core::StatusOr<gen::OutputSummary> s = gen::WriteDistrict(o, *rates);
  if (!s.ok()) return Fail(s.status().message());
  std::printf("patrol-gen: %llu sets, %llu message files (%llu bytes), %llu labels in %s\n",
              static_cast<unsigned long long>(s->sets), static_cast<unsigned long long>(s->files),
              static_cast<unsigned long long>(s->bytes), static_cast<unsigned long long>(s->labels),
              o.out_dir.c_str());
  return 0;
}
