// The patrol walk: breadth-first over listing and product pages within the page budget, batch
// after batch. While batch k+1 is fetched on the caller's thread, the pool parses batch k; the
// readings are then applied in fetch order (links queued, observations kept, price calls queued).
#include "patrol/patrol_run.h"

#include <deque>
#include <set>

#include "core/json.h"
#include "core/price_text.h"
#include "fetch/url.h"
#include "parse/html_document.h"
#include "parse/json_path.h"
#include "parse/strip_inert.h"
#include "patrol/work_pool.h"
#include "profile/variables.h"

namespace crawler {

namespace {

// A URL waiting to be fetched: a page, or the price call of a product read without its price.
struct Pending {
  std::string url;
  bool product_link = false;  // a listing pointed at it
  std::optional<PatrolObservation> awaiting_price;
};

// One fetched page for a worker, and what the worker read from it.
struct PageJob {
  size_t index = 0;  // response index
  std::string url;
  std::string base;  // the final URL, against which links resolve
  bool product_link = false;
  std::string html;  // body_utf8, stripped of inert raw text
  bool is_product = false;
  ExtractedProduct read;
  ExtractedLinks links;
};

FetchRequest Get(const std::string& url, const std::string& purpose, const SiteProfile* profile) {
  FetchRequest r;
  r.url = url;
  r.purpose = purpose;
  r.charset = profile != nullptr ? profile->charset : "auto";
  return r;
}

// "/item/12?x=1" of an absolute URL, as profiles match product pages.
std::string PathAndQuery(const std::string& url) {
  core::StatusOr<UrlParts> p = ParseUrl(url);
  if (!p.ok()) return "";
  return p->PathAndQuery();
}

// Parses the page and reads it as a product page or as a listing (runs on a worker).
void ReadPage(const SiteProfile* profile, PageJob& job) {
  const HtmlDocument doc(job.html);
  if (profile != nullptr && !profile->product_url.empty()) {
    job.is_product = profile->IsProductPath(PathAndQuery(job.url));
    if (job.is_product) job.read = ExtractProduct(doc, profile);
  } else {
    // Without a product_url pattern: a page a listing pointed at, or any page with a price.
    job.read = ExtractProduct(doc, profile);
    job.is_product = job.product_link || job.read.price.has_value();
  }
  if (!job.is_product) job.links = ExtractLinks(doc, job.base, profile);
  job.html = std::string();  // the bytes are not needed once read
}

// The price in a response of the shop's JSON endpoint (fetch.price_json), if it has one.
void ReadJsonPrice(const PriceJsonFetch& pj, const FetchResult& r, ExtractedProduct& product) {
  if (!r.ok() || r.status != 200 || !pj.path) return;
  core::StatusOr<core::Json> json = core::ParseJson(r.body_utf8.empty() ? r.body : r.body_utf8);
  if (!json.ok()) return;
  const core::Json* value = pj.path->Find(*json);
  if (value == nullptr) return;
  std::optional<std::string> text = JsonScalarText(*value);
  if (!text) return;
  core::StatusOr<core::PriceAmount> amount = core::ParsePriceAmount(*text);
  if (!amount.ok()) return;
  product.price = amount->hundredths;
  product.price_source = "profile";
  if (!amount->currency.empty()) product.currency = amount->currency;
}

class Walk {
 public:
  Walk(Fetcher& fetcher, const SiteProfile* profile, const PatrolOptions& options,
       const PatrolHooks& hooks)
      : fetcher_(fetcher),
        profile_(profile),
        options_(options),
        hooks_(hooks),
        pool_(options.parse_workers) {}

  PatrolRun Run(const std::string& base_url) {
    if (profile_ != nullptr && !profile_->start_urls.empty()) {
      for (const std::string& u : profile_->start_urls) EnqueuePage(u, false);
    } else {
      EnqueuePage(base_url, false);
    }
    while (run_.sink.ok()) {
      std::vector<Pending> batch = TakeBatch();
      if (batch.empty() && jobs_.empty()) break;
      // The fetch of this batch overlaps the parse of the previous one.
      std::vector<FetchResult> results;
      if (!batch.empty()) results = fetcher_.FetchAll(Requests(batch));
      pool_.Wait();
      ApplyReadings();
      Dispatch(batch, results);
      if (hooks_.progress) {
        hooks_.progress(PatrolProgress{run_.responses, run_.observations.size(), frontier_.size()});
      }
    }
    pool_.Wait();  // a sink error may leave a batch parsing
    if (!run_.sink.ok()) {
      run_.stopped = "the evidence could not be delivered: " + run_.sink.message();
    }
    // Products whose price call never ran (budget or stop) are kept as read from the page.
    for (Pending& p : frontier_) {
      if (p.awaiting_price) run_.observations.push_back(std::move(*p.awaiting_price));
    }
    run_.complete_listing = run_.stopped.empty() && !listing_failed_;
    return std::move(run_);
  }

 private:
  // Next listing pages go to the front: read early, they keep the queue of product pages full
  // while the fetcher works (at the back, the walk would stall at the end of every listing page).
  void EnqueuePage(const std::string& url, bool product_link, bool front = false) {
    if (!seen_.insert(url).second) return;
    Pending p{url, product_link, std::nullopt};
    if (front) {
      frontier_.push_front(std::move(p));
    } else {
      frontier_.push_back(std::move(p));
    }
  }

  std::vector<Pending> TakeBatch() {
    std::vector<Pending> batch;
    while (!frontier_.empty() && batch.size() < options_.batch) {
      if (run_.responses + batch.size() >= options_.max_pages) {
        run_.stopped = "page budget of " + std::to_string(options_.max_pages) + " reached";
        break;
      }
      batch.push_back(std::move(frontier_.front()));
      frontier_.pop_front();
    }
    return batch;
  }

  std::vector<FetchRequest> Requests(const std::vector<Pending>& batch) const {
    std::vector<FetchRequest> out;
    for (const Pending& p : batch) {
      out.push_back(Get(p.url,
                        p.awaiting_price ? "price json"
                        : p.product_link ? "product page"
                                         : "listing page",
                        profile_));
    }
    return out;
  }

  // Hands the pages to the pool and the responses to the sink, in fetch order.
  void Dispatch(std::vector<Pending>& batch, std::vector<FetchResult>& results) {
    std::vector<std::function<void()>> tasks;
    for (size_t i = 0; i < results.size(); ++i) {
      FetchResult& r = results[i];
      Pending& p = batch[i];
      const size_t index = run_.responses++;
      if (p.awaiting_price) {
        ReadJsonPrice(*profile_->price_json, r, p.awaiting_price->product);
        run_.observations.push_back(std::move(*p.awaiting_price));
      } else if (!r.ok() || r.status != 200 || r.body_utf8.empty()) {
        if (!p.product_link) listing_failed_ = true;
      } else {
        PageJob job;
        job.index = index;
        job.url = p.url;
        job.base = r.final_url.empty() ? p.url : r.final_url;
        job.product_link = p.product_link;
        job.html = StripInertRawText(r.body_utf8);
        r.body_utf8 = std::string();  // evidence keeps the bytes as served
        jobs_.push_back(std::move(job));
      }
      if (!hooks_.sink) {
        run_.fetched.push_back(std::move(r));
      } else if (run_.sink.ok()) {
        run_.sink = hooks_.sink(index, std::move(r));
      }
    }
    for (PageJob& job : jobs_) tasks.push_back([this, &job] { ReadPage(profile_, job); });
    pool_.Start(std::move(tasks));
  }

  // Applies what the pool read from the previous batch.
  void ApplyReadings() {
    for (PageJob& job : jobs_) {
      if (!job.is_product) {
        for (const std::string& l : job.links.product_links) {
          product_links_.insert(l);
          EnqueuePage(l, true);
        }
        for (const std::string& l : job.links.next_pages) {
          EnqueuePage(l, product_links_.count(l) != 0, /*front=*/true);
        }
        continue;
      }
      PatrolObservation obs{job.url, std::move(job.read), job.index};
      // A shop that loads its price with a JSON call shows none in the page, so a price read
      // from the page's text is some other product's (a related item): the JSON call decides.
      if (profile_ != nullptr && profile_->price_json && obs.product.price_source != "profile" &&
          !obs.product.sku.empty()) {
        core::StatusOr<std::string> path =
            FillVariables(profile_->price_json->url, {{"sku", obs.product.sku}});
        core::StatusOr<std::string> url = path.ok() ? ResolveUrl(job.url, *path) : path;
        if (url.ok()) {
          frontier_.push_back(Pending{*url, false, std::move(obs)});
          continue;
        }
      }
      run_.observations.push_back(std::move(obs));
    }
    jobs_.clear();
  }

  Fetcher& fetcher_;
  const SiteProfile* profile_;
  const PatrolOptions& options_;
  const PatrolHooks& hooks_;
  WorkPool pool_;
  PatrolRun run_;
  std::deque<Pending> frontier_;
  std::set<std::string> seen_;
  std::set<std::string> product_links_;
  std::vector<PageJob> jobs_;  // the batch the pool is reading
  bool listing_failed_ = false;
};

}  // namespace

PatrolRun RunPatrol(Fetcher& fetcher, const SiteProfile* profile, const std::string& base_url,
                    const PatrolOptions& options, const PatrolHooks& hooks) {
  return Walk(fetcher, profile, options, hooks).Run(base_url);
}

}  // namespace crawler
