// cpp-httplib glue for the demo shops: one server and thread per shop, requests adapted to
// ShopSite. Does network I/O.
#include "server.h"

#include <httplib.h>

#include <chrono>
#include <cstdio>

namespace shops {
namespace {

std::map<std::string, std::string> ParseCookies(const std::string& header) {
  std::map<std::string, std::string> out;
  size_t pos = 0;
  while (pos < header.size()) {
    size_t end = header.find(';', pos);
    if (end == std::string::npos) end = header.size();
    std::string part = header.substr(pos, end - pos);
    const size_t b = part.find_first_not_of(' ');
    part = b == std::string::npos ? "" : part.substr(b);
    const size_t eq = part.find('=');
    if (eq != std::string::npos) out[part.substr(0, eq)] = part.substr(eq + 1);
    pos = end + 1;
  }
  return out;
}

void Serve(ShopSite& site, const httplib::Request& req, httplib::Response& res) {
  SiteRequest r;
  r.method = req.method;
  r.path = req.path;
  for (const auto& [k, v] : req.params) r.params.emplace(k, v);  // first value wins
  r.cookies = ParseCookies(req.get_header_value("Cookie"));
  r.content_type = req.get_header_value("Content-Type");
  r.body = req.body;
  SiteResponse out = site.Handle(r);
  res.status = out.status;
  for (const std::string& c : out.set_cookies) res.set_header("Set-Cookie", c);
  if (!out.location.empty()) res.set_header("Location", out.location);
  res.set_content(std::move(out.body), out.content_type.c_str());
}

}  // namespace

DemoShops::DemoShops(DemoShopsOptions options, const core::TaxRateTable& rates)
    : options_(std::move(options)) {
  shops_ = MakeDemoShops(options_.catalog);
  for (const DemoShop& shop : shops_) {
    SiteOptions so;
    so.seed = options_.catalog.seed;
    so.heavy = options_.catalog.heavy;
    so.today = options_.today;
    so.on_order = options_.on_order;
    sites_.push_back(std::make_unique<ShopSite>(shop, rates, so));
  }
}

DemoShops::~DemoShops() { Stop(); }

core::Status DemoShops::Start() {
  for (size_t i = 0; i < sites_.size(); ++i) {
    auto svr = std::make_unique<httplib::Server>();
    ShopSite* site = sites_[i].get();
    auto handler = [this, site, i](const httplib::Request& req, httplib::Response& res) {
      if (options_.before_request) options_.before_request(i, req.method, req.path);
      Serve(*site, req, res);
    };
    svr->Get(".*", handler);
    svr->Post(".*", handler);
    svr->set_exception_handler([](const httplib::Request& req, httplib::Response& res,
                                  std::exception_ptr) {
      std::fprintf(stderr, "demo shop: exception on %s %s\n", req.method.c_str(), req.path.c_str());
      res.status = 500;
      res.set_content("internal error\n", "text/plain; charset=utf-8");
    });
    int port = 0;
    if (options_.port_base == 0) {
      port = svr->bind_to_any_port(options_.host);
    } else {
      port = options_.port_base + static_cast<int>(i);
      if (!svr->bind_to_port(options_.host, port)) port = -1;
    }
    if (port <= 0) {
      Stop();
      return core::InvalidArgumentError("cannot bind shop " + shops_[i].key + " on " +
                                        options_.host + ":" +
                                        std::to_string(options_.port_base + i));
    }
    ports_.push_back(port);
    httplib::Server* raw = svr.get();
    servers_.push_back(std::move(svr));
    threads_.emplace_back([raw] { raw->listen_after_bind(); });
  }
  // httplib 0.11 has no wait_until_ready(); stop() is a no-op until listen has begun, so wait
  // for every server to run (the sockets already queue connections since bind).
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(10);
  for (auto& s : servers_) {
    while (!s->is_running() && std::chrono::steady_clock::now() < deadline) {
      std::this_thread::yield();
    }
  }
  return core::OkStatus();
}

void DemoShops::Stop() {
  for (auto& s : servers_) s->stop();
  for (std::thread& t : threads_) {
    if (t.joinable()) t.join();
  }
  threads_.clear();
  servers_.clear();
}

std::string DemoShops::Origin(size_t i) const {
  return "http://" + options_.host + ":" + std::to_string(ports_.at(i));
}

std::vector<DemoOrder> DemoShops::Orders() const {
  std::vector<DemoOrder> out;
  for (const auto& site : sites_) {
    std::vector<DemoOrder> o = site->Orders();
    out.insert(out.end(), o.begin(), o.end());
  }
  return out;
}

}  // namespace shops
