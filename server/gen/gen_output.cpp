// The generator's files: JSON lines and message files, written as the sets stream by.
#include "gen/gen_output.h"

#include <algorithm>
#include <cstdio>
#include <filesystem>

#include "gen/ceb_text.h"
#include "gen/district.h"
#include "gen/rng.h"
#include "gen/sets.h"

namespace gen {

namespace {

namespace fs = std::filesystem;

// A FILE* that closes itself; writes report failure through ok().
class OutFile {
 public:
  explicit OutFile(const fs::path& p) : f_(std::fopen(p.string().c_str(), "wb")), path_(p) {}
  ~OutFile() {
    if (f_) std::fclose(f_);
  }
  OutFile(const OutFile&) = delete;
  OutFile& operator=(const OutFile&) = delete;
  bool ok() const { return f_ != nullptr && !failed_; }
  void Write(const std::string& s) {
    if (f_ && std::fwrite(s.data(), 1, s.size(), f_) != s.size()) failed_ = true;
  }
  core::Status Close() {
    if (!f_) return core::InternalError("cannot write " + path_.string());
    const bool bad = std::fclose(f_) != 0 || failed_;
    f_ = nullptr;
    if (bad) return core::InternalError("cannot write " + path_.string());
    return core::OkStatus();
  }

 private:
  std::FILE* f_;
  fs::path path_;
  bool failed_ = false;
};

core::Status WriteWhole(const fs::path& p, const std::string& bytes) {
  OutFile f(p);
  f.Write(bytes);
  return f.Close();
}

}  // namespace

uint64_t ConsumersFor(uint64_t lists) { return std::max<uint64_t>(50, lists / 4); }

core::StatusOr<core::TaxRateTable> LoadRates(const std::string& data_dir) {
  const std::string path = data_dir + "/tax/rates.csv";
  std::FILE* f = std::fopen(path.c_str(), "rb");
  if (!f) return core::NotFoundError("cannot read " + path);
  std::string text;
  char buf[65536];
  size_t n;
  while ((n = std::fread(buf, 1, sizeof buf, f)) > 0) text.append(buf, n);
  std::fclose(f);
  core::StatusOr<core::TaxRateTable> t = core::TaxRateTable::FromCsv(text);
  if (!t.ok()) return core::InvalidArgumentError(path + ": " + t.status().message());
  return t;
}

core::StatusOr<OutputSummary> WriteDistrict(const OutputOptions& o,
                                            const core::TaxRateTable& rates) {
  if (o.lists == 0) return core::InvalidArgumentError("--lists must be at least 1");
  if (o.to < o.from) return core::InvalidArgumentError("--to is before --from");
  if (o.format != "xml" && o.format != "json") {
    return core::InvalidArgumentError("--format must be xml or json, not '" + o.format + "'");
  }
  std::error_code ec;
  const fs::path root(o.out_dir);
  fs::create_directories(root / "messages", ec);
  if (ec) return core::InternalError("cannot create " + (root / "messages").string());

  const District d = MakeDistrict(o.seed, ConsumersFor(o.lists));
  {
    OutFile f(root / "district.json");
    std::string head = core::DumpJson(DistrictJson(d));
    head.pop_back();  // reopen the object to stream the consumers in
    f.Write(head + ",\"consumer_list\":[\n");
    for (uint64_t i = 0; i < d.consumers; ++i) {
      f.Write((i ? ",\n" : "") + core::DumpJson(ConsumerJson(ConsumerAt(o.seed, i))));
    }
    f.Write("\n]}\n");
    CORE_RETURN_IF_ERROR(f.Close());
  }
  OutFile labels(root / "labels.jsonl");
  OutFile gates(root / "gate_passes.jsonl");
  OutFile ledger(root / "ledger.jsonl");
  SetOptions so;
  so.seed = o.seed;
  so.lists = o.lists;
  so.from = o.from;
  so.to = o.to;
  so.fraud_per_mille = o.fraud_per_mille;
  SetGenerator g(d, rates, so);
  OutputSummary sum;
  GeneratedSet s;
  const fs::path dir = root / "messages";
  while (g.Next(s)) {
    ++sum.sets;
    const std::string stem = Pad(s.index, 8);
    if (o.format == "xml") {
      const SetXml x = XmlOfSet(s);
      const std::pair<const char*, const std::string*> files[] = {{"-1-CEB311.xml", &x.order},
                                                                  {"-2-CEB411.xml", &x.payment},
                                                                  {"-3-CEB511.xml", &x.waybill},
                                                                  {"-4-CEB621.xml", &x.list}};
      for (const auto& [suffix, text] : files) {
        CORE_RETURN_IF_ERROR(WriteWhole(dir / (stem + suffix), *text));
        ++sum.files;
        sum.bytes += text->size();
      }
    } else {
      const std::string text = core::DumpJson(JsonOfSet(s)) + "\n";
      CORE_RETURN_IF_ERROR(WriteWhole(dir / (stem + ".json"), text));
      ++sum.files;
      sum.bytes += text.size();
    }
    for (const Label& l : s.labels) {
      labels.Write(core::DumpJson(LabelJson(l)) + "\n");
      ++sum.labels;
    }
    for (const core::Json& p : s.gate_passes) gates.Write(core::DumpJson(p) + "\n");
    for (const core::Json& e : s.ledger_entries) ledger.Write(core::DumpJson(e) + "\n");
  }
  CORE_RETURN_IF_ERROR(labels.Close());
  CORE_RETURN_IF_ERROR(gates.Close());
  CORE_RETURN_IF_ERROR(ledger.Close());
  return sum;
}

}  // namespace gen
