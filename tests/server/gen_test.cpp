// The synthetic district generator (server/gen): check digits, determinism, identifiers the core
// accepts, messages the server's XML reader reads back exactly, and the real import of a
// generated district: honest sets released, each fraud kind where it shows. File and DB I/O.
#include <doctest/doctest.h>

#include <cstdio>
#include <filesystem>
#include <map>
#include <set>

#include "core/gate.h"
#include "core/ids.h"
#include "core/ledger.h"
#include "demo/district_seed.h"
#include "gen/ceb_text.h"
#include "gen/district.h"
#include "gen/gen_output.h"
#include "gen/sets.h"
#include "ingest/ceb_xml.h"
#include "service/message_import.h"
#include "store/declarations_repo.h"
#include "test_server.h"

namespace server::testing {
namespace {

namespace fs = std::filesystem;

std::string Slurp(const fs::path& p) {
  std::string out;
  std::FILE* f = std::fopen(p.string().c_str(), "rb");
  REQUIRE_MESSAGE(f != nullptr, p.string());
  char buf[65536];
  size_t n;
  while ((n = std::fread(buf, 1, sizeof buf, f)) > 0) out.append(buf, n);
  std::fclose(f);
  return out;
}

std::vector<core::Json> JsonLines(const fs::path& p) {
  std::vector<core::Json> out;
  const std::string text = Slurp(p);
  size_t start = 0;
  while (start < text.size()) {
    size_t end = text.find('\n', start);
    if (end == std::string::npos) end = text.size();
    if (end > start) {
      core::StatusOr<core::Json> j = core::ParseJson(text.substr(start, end - start));
      REQUIRE(j.ok());
      out.push_back(*j);
    }
    start = end + 1;
  }
  return out;
}

core::Date D(const char* iso) { return *core::Date::Parse(iso); }

gen::OutputOptions GenOptions(const std::string& dir, uint64_t seed, uint64_t lists, int fraud) {
  gen::OutputOptions o;
  o.out_dir = dir;
  o.seed = seed;
  o.lists = lists;
  o.from = D("2026-11-01");
  o.to = D("2026-11-25");
  o.fraud_per_mille = fraud;
  return o;
}

gen::SetOptions SetOptionsOf(const gen::OutputOptions& o) {
  gen::SetOptions so;
  so.seed = o.seed;
  so.lists = o.lists;
  so.from = o.from;
  so.to = o.to;
  so.fraud_per_mille = o.fraud_per_mille;
  return so;
}

}  // namespace

TEST_CASE("generator check digits agree with known valid identifiers") {
  CHECK(gen::UsccWithCheck("9141010052CL12THX") == "9141010052CL12THXP");
  CHECK(gen::UsccWithCheck("9141018316D272HD3") == "9141018316D272HD38");
  CHECK(gen::ResidentIdWithCheck("41010519851120004") == "410105198511200048");
  CHECK(gen::ResidentIdWithCheck("41010519900307123") == "41010519900307123X");
}

TEST_CASE("generator: the same seed writes the same bytes, another seed other bytes") {
  TestServer s;
  const std::string root = s.dir() + "/gen-determinism";
  core::StatusOr<core::TaxRateTable> rates =
      gen::LoadRates(std::string(PATROL_SOURCE_DIR) + "/data");
  REQUIRE(rates.ok());
  for (const char* format : {"xml", "json"}) {
    gen::OutputOptions a = GenOptions(root + "/a", 5, 60, 200);
    gen::OutputOptions b = GenOptions(root + "/b", 5, 60, 200);
    gen::OutputOptions c = GenOptions(root + "/c", 6, 60, 200);
    a.format = b.format = c.format = format;
    REQUIRE(gen::WriteDistrict(a, *rates).ok());
    REQUIRE(gen::WriteDistrict(b, *rates).ok());
    REQUIRE(gen::WriteDistrict(c, *rates).ok());
    size_t files = 0;
    for (const fs::directory_entry& e : fs::recursive_directory_iterator(root + "/a")) {
      if (!e.is_regular_file()) continue;
      const fs::path rel = fs::relative(e.path(), root + "/a");
      CHECK_MESSAGE(Slurp(e.path()) == Slurp(fs::path(root + "/b") / rel), rel.string());
      ++files;
    }
    CHECK(files >= 60 + 4);  // messages, district.json and three JSON-lines files
    CHECK(Slurp(root + "/a/district.json") != Slurp(root + "/c/district.json"));
    CHECK(Slurp(root + "/a/labels.jsonl") != Slurp(root + "/c/labels.jsonl"));
    fs::remove_all(root);
  }
}

TEST_CASE("generator: every identifier passes the core's checks") {
  TestServer s;
  std::shared_ptr<const ReferenceData> ref = s.app().reference();
  const core::ReferenceTables& t = ref->tables;
  const gen::District d = gen::MakeDistrict(9, 200);
  std::set<std::string> codes;
  for (const gen::GenEnterprise& e : d.enterprises) {
    const std::string uscc = e.overseas ? e.agent_uscc : e.uscc;
    const core::IdCheck u = core::CheckUscc(uscc, core::UsccMode::kStrict, &t.divisions);
    CHECK_MESSAGE(u.valid, e.key, " ", uscc);
    CHECK_MESSAGE(u.findings.empty(), e.key, " ", uscc);
    const core::IdCheck c = core::CheckCustomsCode(e.customs_code, &t.divisions);
    CHECK_MESSAGE(c.valid, e.key, " ", e.customs_code);
    CHECK(codes.insert(e.customs_code).second);
  }
  for (const gen::GenGoods& g : d.goods) {
    CHECK_MESSAGE(core::CheckCommodityCode(g.code10, &t.hs8, 0).valid, g.code10);
    CHECK(t.positive_list.Find(g.code10.substr(0, 8)) != nullptr);
  }
  for (uint64_t i = 0; i < 500; ++i) {
    const gen::GenConsumer c = gen::ConsumerAt(9, i);
    const core::IdCheck id = core::CheckResidentId(c.id_number, &t.divisions, s.app().Today());
    CHECK_MESSAGE(id.valid, c.id_number);
    CHECK_MESSAGE(id.findings.empty(), c.id_number);
    CHECK(c.phone.size() == 11);
  }
  // The people of the fraud scenarios too (family members, third-party payers, ...).
  gen::SetOptions so;
  so.seed = 9;
  so.lists = 400;
  so.from = D("2026-01-01");
  so.to = D("2026-11-25");
  so.fraud_per_mille = 500;
  gen::SetGenerator g(d, t.tax_rates, so);
  gen::GeneratedSet set;
  int checked = 0;
  while (g.Next(set)) {
    for (const std::string& id :
         {set.order.head.buyer_id_number, set.payment.head.payer_id_number}) {
      CHECK_MESSAGE(core::CheckResidentId(id, &t.divisions, s.app().Today()).valid, id);
      ++checked;
    }
  }
  CHECK(checked == 800);
}

TEST_CASE("generator: every message parses with the server's reader and reads back exactly") {
  TestServer s;
  std::shared_ptr<const ReferenceData> ref = s.app().reference();
  const gen::District d = gen::MakeDistrict(3, 100);
  gen::SetOptions so;
  so.seed = 3;
  so.lists = 300;
  so.from = D("2026-06-01");
  so.to = D("2026-11-25");
  so.fraud_per_mille = 400;
  gen::SetGenerator g(d, ref->tables.tax_rates, so);
  gen::GeneratedSet set;
  size_t smallest = SIZE_MAX;
  size_t largest = 0;
  while (g.Next(set)) {
    const gen::SetXml x = gen::XmlOfSet(set);
    for (const std::string* text : {&x.order, &x.payment, &x.waybill, &x.list}) {
      smallest = std::min(smallest, text->size());
      largest = std::max(largest, text->size());
    }
    core::StatusOr<core::CebMessage> o = ParseCebXml(x.order);
    core::StatusOr<core::CebMessage> p = ParseCebXml(x.payment);
    core::StatusOr<core::CebMessage> w = ParseCebXml(x.waybill);
    core::StatusOr<core::CebMessage> l = ParseCebXml(x.list);
    REQUIRE_MESSAGE(o.ok(), o.status().message());
    REQUIRE_MESSAGE(p.ok(), p.status().message());
    REQUIRE_MESSAGE(w.ok(), w.status().message());
    REQUIRE_MESSAGE(l.ok(), l.status().message());
    REQUIRE(o->orders.size() == 1);
    CHECK(o->has_signature);
    CHECK(core::OrderToJson(o->orders[0]) == core::OrderToJson(set.order));
    CHECK(core::PaymentToJson(p->payments[0]) == core::PaymentToJson(set.payment));
    CHECK(core::WaybillToJson(w->waybills[0]) == core::WaybillToJson(set.waybill));
    CHECK(core::InventoryToJson(l->inventories[0]) == core::InventoryToJson(set.list));
    // The JSON batch form reads back through the core's codec too.
    const core::Json batch = gen::JsonOfSet(set);
    CHECK(core::InventoryFromJson(batch["messages"][3]["message"]).ok());
  }
  // Real size: a few KB per message, as the official samples' single records with signature.
  CHECK(smallest >= 2500);
  CHECK(largest <= 12000);
}

TEST_CASE(
    "generator: a district imported through the real server: honest sets released, "
    "frauds where they show") {
  TestServer s;
  const std::string root = s.dir() + "/gen-import";
  const gen::OutputOptions o = GenOptions(root, 11, 240, 350);
  std::shared_ptr<const ReferenceData> ref = s.app().reference();
  REQUIRE(gen::WriteDistrict(o, ref->tables.tax_rates).ok());
  const gen::District d = gen::MakeDistrict(o.seed, gen::ConsumersFor(o.lists));
  Actor officer = Actor::System();
  officer.name = "gen-test";
  core::StatusOr<DistrictIds> ids = SeedDistrict(s.app(), d, officer);
  REQUIRE_MESSAGE(ids.ok(), ids.status().message());

  std::FILE* log = std::fopen((s.dir() + "/import.log").c_str(), "w");
  REQUIRE(log != nullptr);
  core::StatusOr<ImportSummary> summary = ImportMessages(s.app(), root + "/messages", log);
  std::fclose(log);
  REQUIRE_MESSAGE(summary.ok(), summary.status().message());
  CHECK(summary->files == 4 * 240);
  CHECK(summary->refused_files == 0);
  CHECK(summary->stored == 4 * 240);

  // Each set's declaration: status and reasons, by regenerating the same stream.
  std::unique_ptr<Db> db = s.OpenDb();
  gen::SetGenerator g(d, ref->tables.tax_rates, SetOptionsOf(o));
  gen::GeneratedSet set;
  std::map<std::string, std::map<std::string, int>> outcomes;  // kind -> "status reasons" -> n
  std::map<std::string, std::set<int>> statuses;               // kind -> statuses seen
  while (g.Next(set)) {
    const core::MessageIdentity id = core::IdentityOf(set.list);
    core::StatusOr<std::optional<DeclarationRecord>> dr =
        FindDeclarationByListKey(*db, id.business_key);
    REQUIRE(dr.ok());
    REQUIRE_MESSAGE(dr->has_value(), set.key);
    const DeclarationRecord& decl = **dr;
    core::StatusOr<std::vector<DeclarationEvent>> events = ListDeclarationEvents(*db, decl.id);
    REQUIRE(events.ok());
    std::string reasons;
    if (!events->empty()) reasons = core::DumpJson(events->back().reasons);
    std::string kind = "clean";
    for (const gen::Label& l : set.labels) {
      if (l.kind != "overweight_gate_pass") kind = l.kind;
    }
    statuses[kind].insert(decl.status);
    ++outcomes[kind][std::to_string(decl.status) + " " + reasons];
  }
  for (const auto& [kind, seen] : outcomes) {
    for (const auto& [what, n] : seen) MESSAGE(kind, ": ", n, " x ", what);
  }
  // Honest sets are released, every one.
  REQUIRE(statuses.count("clean"));
  CHECK(statuses["clean"] == std::set<int>{kStatusReleased});
  // Kinds the screening sees are never released; the risk-model kinds pass screening.
  for (const char* kind : {"omitted_freight", "tax_not_declared", "fabricated_documents",
                           "under_declared_price", "unfiled_promotion", "ledger_shortfall"}) {
    if (!statuses.count(kind)) continue;
    CHECK_MESSAGE(statuses[kind].count(kStatusReleased) == 0, kind);
  }
  for (const char* kind : {"split_order", "family_quota", "shared_contact"}) {
    if (!statuses.count(kind)) continue;
    CHECK_MESSAGE(statuses[kind] == std::set<int>{kStatusReleased}, kind);
  }
  CHECK(statuses.size() >= 6);  // clean plus at least five fraud kinds in 240 sets at 35%

  // Gate passes: the core's gate check holds exactly the labelled over-weight ones.
  std::set<std::string> overweight;
  for (const core::Json& l : JsonLines(root + "/labels.jsonl")) {
    REQUIRE(l["set"].is_string());
    if (l["kind"] == "overweight_gate_pass") overweight.insert(l["set"].get<std::string>());
  }
  for (const core::Json& p : JsonLines(root + "/gate_passes.jsonl")) {
    REQUIRE(p["passport_no"].is_string());
    core::StatusOr<core::GateRequest> req = core::GateRequestFromJson(p["request"]);
    REQUIRE_MESSAGE(req.ok(), req.status().message());
    const core::GateVerdict v =
        core::CheckGate(req->pass, req->event, req->vehicles, req->lists, ref->policy);
    const bool held = v.outcome == "hold";
    CHECK_MESSAGE(held == (overweight.count(p["passport_no"].get<std::string>()) == 1),
                  p["passport_no"].get<std::string>());
  }
  fs::remove_all(root);
}

TEST_CASE("generator: the ledger entries refuse exactly the labelled shortfalls") {
  TestServer s;
  std::shared_ptr<const ReferenceData> ref = s.app().reference();
  const std::string root = s.dir() + "/gen-ledger";
  REQUIRE(gen::WriteDistrict(GenOptions(root, 21, 400, 400), ref->tables.tax_rates).ok());
  std::set<std::string> shortfall_lists;  // copNo of the labelled lists
  const gen::District d = gen::MakeDistrict(21, gen::ConsumersFor(400));
  gen::SetGenerator g(d, ref->tables.tax_rates, SetOptionsOf(GenOptions(root, 21, 400, 400)));
  gen::GeneratedSet set;
  while (g.Next(set)) {
    for (const gen::Label& l : set.labels) {
      if (l.kind == "ledger_shortfall") shortfall_lists.insert(set.list.head.cop_no);
    }
  }
  REQUIRE(!shortfall_lists.empty());
  std::map<std::string, std::vector<core::LedgerEntry>> books;
  std::set<std::string> refused;
  for (const core::Json& line : JsonLines(root + "/ledger.jsonl")) {
    REQUIRE(line["ems_no"].is_string());
    const std::string ems = line["ems_no"].get<std::string>();
    core::StatusOr<core::LedgerEntry> e = core::LedgerEntryFromJson(line["entry"], "entry");
    REQUIRE_MESSAGE(e.ok(), e.status().message());
    core::StatusOr<core::Ledger> book = core::Ledger::Build(ems, "", books[ems]);
    REQUIRE(book.ok());
    core::StatusOr<core::PendingCheck> check = core::CheckPendingEntry(*book, *e, {});
    REQUIRE_MESSAGE(check.ok(), check.status().message());
    if (!check->accepted) {
      refused.insert(e->invt_no);
    } else {
      books[ems].push_back(*e);
    }
  }
  for (const std::string& l : refused) CHECK_MESSAGE(shortfall_lists.count(l) == 1, l);
  for (const std::string& l : shortfall_lists) CHECK_MESSAGE(refused.count(l) == 1, l);
  fs::remove_all(root);
}

TEST_CASE("generator: the batched import (bench and demo path) decides as the per-file import") {
  const gen::OutputOptions o = GenOptions("", 17, 120, 300);
  const gen::District d = gen::MakeDistrict(o.seed, gen::ConsumersFor(o.lists));
  Actor officer = Actor::System();
  officer.name = "gen-test";
  // Per file: server --import of the written folder, one transaction per file.
  TestServer per_file;
  REQUIRE(SeedDistrict(per_file.app(), d, officer).ok());
  gen::OutputOptions written = o;
  written.out_dir = per_file.dir() + "/gen-compare";
  REQUIRE(gen::WriteDistrict(written, per_file.app().reference()->tables.tax_rates).ok());
  std::FILE* log = std::fopen((per_file.dir() + "/import.log").c_str(), "w");
  REQUIRE(log != nullptr);
  core::StatusOr<ImportSummary> summary =
      ImportMessages(per_file.app(), written.out_dir + "/messages", log);
  std::fclose(log);
  REQUIRE(summary.ok());
  // Batched: 40 sets per transaction, a savepoint per document.
  TestServer batched;
  REQUIRE(SeedDistrict(batched.app(), d, officer).ok());
  SetImportTimes times;
  core::StatusOr<SetImportCounts> counts =
      ImportGeneratedSets(batched.app(), d, SetOptionsOf(o), 40, &times);
  REQUIRE_MESSAGE(counts.ok(), counts.status().message());
  CHECK(counts->sets == 120);
  CHECK(counts->refused_documents == 0);
  CHECK(times.ingest > 0);

  auto decisions = [](TestServer& s) {
    std::map<std::string, std::string> out;  // list key -> "status reasons"
    std::unique_ptr<Db> db = s.OpenDb();
    core::StatusOr<Stmt> q = db->Query(
        "SELECT d.list_key, d.status, e.reasons FROM declarations d JOIN declaration_events e "
        "ON e.id = (SELECT MAX(id) FROM declaration_events WHERE declaration_id = d.id)");
    REQUIRE(q.ok());
    while (*q->Step()) out[q->Text(0)] = std::to_string(q->Int(1)) + " " + q->Text(2);
    return out;
  };
  const std::map<std::string, std::string> a = decisions(per_file);
  const std::map<std::string, std::string> b = decisions(batched);
  CHECK(a.size() == 120);
  CHECK(a == b);
  CHECK(counts->by_status.at(std::string(DeclarationStatusName(kStatusReleased))) > 60);
}

}  // namespace server::testing
