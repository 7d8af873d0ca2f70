// Running leased tasks: the walk or the checkout, evidence uploads in batches, the result.
#include "client/task_runner.h"

#include "buyer/checkout_runner.h"
#include "client/evidence_upload.h"
#include "fetch/url.h"
#include "parse/html_document.h"
#include "profile/site_profile.h"

namespace crawler {

namespace {

core::Json OrNull(const std::optional<int64_t>& v) { return v ? core::Json(*v) : core::Json(); }

core::Json ObservationJson(const PatrolObservation& o) {
  const ExtractedProduct& p = o.product;
  std::optional<int64_t> freight = p.freight;
  if (!freight && p.free_shipping) freight = 0;
  return {{"url", o.url},
          {"sku", p.sku},
          {"name", p.name},
          {"price_fen", OrNull(p.price)},
          {"old_price_fen", OrNull(p.old_price)},
          {"freight_fen", OrNull(freight)},
          // A Chinese shop that names no currency prices in yuan.
          {"currency", p.currency.empty() ? "CNY" : p.currency},
          {"sources",
           {{"name", p.name_source},
            {"sku", p.sku_source},
            {"price", p.price_source},
            {"old_price", p.old_price_source},
            {"freight", p.freight_source}}},
          {"evidence_seq", static_cast<int64_t>(o.evidence + 1)}};
}

struct Leased {
  int64_t id = 0;
  std::string lease;
  std::string kind;
  std::string base_url;
  core::Json profile;  // the profile JSON or null
  core::Json params;
  core::Json buyer;
};

core::StatusOr<Leased> ReadLease(const core::Json& j) {
  Leased l;
  const core::Json& task = j["task"];
  if (!task.is_object() || !task["id"].is_number_integer() || !task["lease_token"].is_string()) {
    return core::InternalError("the server's lease has no task");
  }
  l.id = task["id"].get<int64_t>();
  l.lease = task["lease_token"].get<std::string>();
  l.kind = task["kind"].is_string() ? task["kind"].get<std::string>() : "";
  l.params = task["params"];
  l.base_url = j["shop"]["base_url"].is_string() ? j["shop"]["base_url"].get<std::string>() : "";
  if (j["profile"].is_object()) l.profile = j["profile"]["profile"];
  l.buyer = j.contains("buyer") ? j["buyer"] : core::Json();
  return l;
}

core::StatusOr<CycleOutcome> Fail(ServerClient& server, const Leased& l, const std::string& error,
                                  bool retryable, const LogFn& log) {
  log("task " + std::to_string(l.id) + " failed: " + error);
  core::StatusOr<core::Json> r = server.TaskCall(
      l.id, "fail", {{"lease_token", l.lease}, {"error", error}, {"retryable", retryable}});
  if (!r.ok() && r.status().code() == core::StatusCode::kFailedPrecondition) {
    return CycleOutcome::kLeaseLost;
  }
  CORE_RETURN_IF_ERROR(r.status());
  return CycleOutcome::kFailed;
}

// The status of a finishing call: a lost lease ends the cycle quietly.
core::StatusOr<CycleOutcome> Finish(const core::Status& st, CycleOutcome ok) {
  if (st.code() == core::StatusCode::kFailedPrecondition) return CycleOutcome::kLeaseLost;
  CORE_RETURN_IF_ERROR(st);
  return ok;
}

std::string Text(const core::Json& j, const char* key) {
  return j.is_object() && j.contains(key) && j[key].is_string() ? j[key].get<std::string>() : "";
}

EvidenceUploader Uploader(ServerClient& server, const RunnerOptions& options, const Leased& l) {
  return EvidenceUploader(server, l.id, l.lease, options.evidence_batch_bytes,
                          options.evidence_batch_items);
}

// The walk with its evidence sent as it goes: each batch's responses are uploaded before the
// next batch is read, and the lease is kept alive on long walks.
PatrolRun WalkShop(ServerClient& server, Fetcher& fetcher, const RunnerOptions& options,
                   const Leased& l, const SiteProfile* profile, EvidenceUploader& uploader,
                   const LogFn& log) {
  size_t reported = 0;
  PatrolHooks hooks;
  hooks.sink = [&](size_t index, FetchResult&& r) {
    return uploader.Add(static_cast<int64_t>(index + 1), r);
  };
  hooks.progress = [&](const PatrolProgress& p) {
    (void)uploader.Flush();  // an error sticks and stops the walk at its next response
    log("task " + std::to_string(l.id) + ": " + std::to_string(p.pages) + " pages, " +
        std::to_string(p.products) + " products, " + std::to_string(p.queued) + " queued");
    if (p.pages < reported + 20) return;
    reported = p.pages;
    (void)server.TaskCall(
        l.id, "progress",
        {{"lease_token", l.lease}, {"progress", {{"pages", p.pages}, {"products", p.products}}}});
  };
  return RunPatrol(fetcher, profile, l.base_url, options.patrol, hooks);
}

core::StatusOr<CycleOutcome> RunPatrolTask(ServerClient& server, Fetcher& fetcher,
                                           const RunnerOptions& options, const Leased& l,
                                           const SiteProfile* profile, const LogFn& log) {
  EvidenceUploader uploader = Uploader(server, options, l);
  PatrolRun run = WalkShop(server, fetcher, options, l, profile, uploader, log);
  core::Status up = uploader.Flush();
  if (!up.ok()) return Finish(up, CycleOutcome::kDone);
  core::Json observations = core::Json::array();
  for (const PatrolObservation& o : run.observations) observations.push_back(ObservationJson(o));
  log("task " + std::to_string(l.id) + ": " + std::to_string(run.observations.size()) +
      " products read from " + std::to_string(run.responses) + " responses" +
      (run.stopped.empty() ? "" : " (" + run.stopped + ")"));
  return Finish(server
                    .TaskCall(l.id, "complete",
                              {{"lease_token", l.lease},
                               {"complete_listing", run.complete_listing},
                               {"observations", observations}})
                    .status(),
                CycleOutcome::kDone);
}

core::StatusOr<CycleOutcome> RunMysteryTask(ServerClient& server, Fetcher& fetcher,
                                            const RunnerOptions& options, const Leased& l,
                                            const SiteProfile& profile, const LogFn& log) {
  const std::string sku = Text(l.params, "sku");
  const int quantity = l.params.contains("quantity") && l.params["quantity"].is_number_integer()
                           ? l.params["quantity"].get<int>()
                           : 1;
  // Find the product page and its price as a buyer would: through the shop's listing.
  EvidenceUploader uploader = Uploader(server, options, l);
  PatrolRun walk = WalkShop(server, fetcher, options, l, &profile, uploader, log);
  core::Status up = uploader.Flush();
  if (!up.ok()) return Finish(up, CycleOutcome::kDone);
  const PatrolObservation* page = nullptr;
  for (const PatrolObservation& o : walk.observations) {
    if (o.product.sku == sku) page = &o;
  }
  if (page == nullptr) {
    return Fail(server, l, "SKU " + sku + " was not found on the shop", false, log);
  }
  // From here an order may be placed: the server is told first, so that if this crawler dies
  // the task is not handed to another one (which could order twice) but left to an officer.
  core::Status told =
      server
          .TaskCall(l.id, "progress",
                    {{"lease_token", l.lease},
                     {"progress", {{"stage", "checkout"}, {"pages", walk.responses}}}})
          .status();
  if (!told.ok()) return Finish(told, CycleOutcome::kDone);
  BuyerIdentity buyer{Text(l.buyer, "name"), Text(l.buyer, "id_number"), Text(l.buyer, "phone"),
                      Text(l.buyer, "address")};
  CheckoutRun checkout = RunCheckout(fetcher, profile, page->url, sku, quantity, buyer,
                                     "buyer-" + std::to_string(l.id));
  const size_t offset = walk.responses;
  for (size_t i = 0; i < checkout.fetched.size(); ++i) {
    (void)uploader.Add(static_cast<int64_t>(offset + i + 1), checkout.fetched[i]);
  }
  up = uploader.Flush();
  if (!up.ok()) return Finish(up, CycleOutcome::kDone);
  if (!checkout.status.ok() || !checkout.totals) {
    // Never retried: the order may have gone through before the step that failed.
    return Fail(server, l, checkout.status.message(), false, log);
  }
  const CheckoutTotalsRead& t = *checkout.totals;
  log("task " + std::to_string(l.id) + ": order " + t.order_no + " placed, total " +
      std::to_string(t.total) + " fen");
  return Finish(server
                    .TaskCall(l.id, "complete",
                              {{"lease_token", l.lease},
                               {"order",
                                {{"order_no", t.order_no},
                                 {"unit_price_fen", page->product.price.value_or(0)},
                                 {"goods_fen", t.goods},
                                 {"freight_fen", t.freight},
                                 {"tax_fen", t.tax},
                                 {"total_fen", t.total},
                                 {"evidence_seq", static_cast<int64_t>(offset + t.evidence + 1)}}}})
                    .status(),
                CycleOutcome::kDone);
}

// A profile preview: one page fetched and read with the profile under edit (not the saved one).
core::StatusOr<CycleOutcome> RunPreviewTask(ServerClient& server, Fetcher& fetcher,
                                            const RunnerOptions& options, const Leased& l,
                                            const LogFn& log) {
  core::StatusOr<SiteProfile> profile = SiteProfileFromJson(l.params["profile"]);
  if (!profile.ok()) {
    return Fail(server, l, "the site profile is invalid: " + profile.status().message(), false,
                log);
  }
  FetchRequest req;
  req.url = Text(l.params, "url");
  req.purpose = "profile preview";
  req.charset = profile->charset;
  const FetchResult page = fetcher.Fetch(req);
  EvidenceUploader uploader = Uploader(server, options, l);
  (void)uploader.Add(1, page);
  core::Status up = uploader.Flush();
  if (!up.ok()) return Finish(up, CycleOutcome::kDone);
  core::Json preview = {{"url", req.url},
                        {"status", page.status},
                        {"error", page.ok() ? "" : page.error.message()},
                        {"evidence_seq", 1}};
  if (page.ok() && !page.body_utf8.empty()) {
    const HtmlDocument doc(page.body_utf8);
    preview["product"] = ExtractedProductJson(ExtractProduct(doc, &*profile));
    const ExtractedLinks links = ExtractLinks(doc, page.final_url, &*profile);
    preview["links"] = {{"product_links", links.product_links}, {"next_pages", links.next_pages}};
    core::StatusOr<UrlParts> parts = ParseUrl(req.url);
    preview["is_product_page"] = parts.ok() && profile->IsProductPath(parts->PathAndQuery());
  }
  log("task " + std::to_string(l.id) + ": preview of " + req.url);
  return Finish(
      server.TaskCall(l.id, "complete", {{"lease_token", l.lease}, {"preview", preview}}).status(),
      CycleOutcome::kDone);
}

}  // namespace

core::StatusOr<CycleOutcome> RunOneTask(ServerClient& server, Fetcher& fetcher,
                                        const RunnerOptions& options, const LogFn& log) {
  CORE_ASSIGN_OR_RETURN(std::optional<core::Json> leased, server.Lease(options.kinds));
  if (!leased) return CycleOutcome::kIdle;
  CORE_ASSIGN_OR_RETURN(Leased l, ReadLease(*leased));
  log("task " + std::to_string(l.id) + ": " + l.kind + " of " + l.base_url);
  if (l.kind == "preview") return RunPreviewTask(server, fetcher, options, l, log);
  std::optional<SiteProfile> profile;
  if (l.profile.is_object()) {
    core::StatusOr<SiteProfile> p = SiteProfileFromJson(l.profile);
    if (!p.ok())
      return Fail(server, l, "the site profile is invalid: " + p.status().message(), false, log);
    profile = *std::move(p);
  }
  if (l.kind == "patrol") {
    return RunPatrolTask(server, fetcher, options, l, profile ? &*profile : nullptr, log);
  }
  if (l.kind == "mystery_order") {
    if (!profile || !profile->checkout) {
      return Fail(server, l, "the shop's profile has no checkout", false, log);
    }
    return RunMysteryTask(server, fetcher, options, l, *profile, log);
  }
  return Fail(server, l, "unknown task kind '" + l.kind + "'", false, log);
}

}  // namespace crawler
