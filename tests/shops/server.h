// The demo shops served over HTTP: one cpp-httplib server per shop on 127.0.0.1, ports
// port_base + index (port_base 0: ephemeral ports, for tests). Does network I/O and runs one
// listening thread per shop.
#pragma once

#include <functional>
#include <memory>
#include <string>
#include <thread>
#include <vector>

#include "core/status.h"
#include "core/tax.h"
#include "demo_shop.h"
#include "site.h"

namespace httplib {
class Server;
}

namespace shops {

struct DemoShopsOptions {
  std::string host = "127.0.0.1";
  int port_base = 0;  // 0: each shop on an ephemeral port
  CatalogOptions catalog;
  core::Date today;  // required: the order date (order numbers, the tax rates in force)
  std::function<void(const DemoOrder&)> on_order;  // called from the serving threads
  // Called from the serving threads before shop `shop` answers a request: tests block here to
  // catch a client in the middle of its work. It must return before Stop.
  std::function<void(size_t shop, const std::string& method, const std::string& path)>
      before_request;
};

class DemoShops {
 public:
  // `rates` (the CBEC tax table, data/tax/rates.csv) prices the tax at checkout; copied.
  DemoShops(DemoShopsOptions options, const core::TaxRateTable& rates);
  ~DemoShops();  // stops
  DemoShops(const DemoShops&) = delete;
  DemoShops& operator=(const DemoShops&) = delete;

  // Binds every shop and starts serving; returns once all accept connections. InvalidArgument
  // when a port cannot be bound (nothing keeps running then).
  core::Status Start();
  // Stops every server and joins the threads; idempotent.
  void Stop();

  const std::vector<DemoShop>& shops() const { return shops_; }
  // "http://127.0.0.1:18081" of shop i (after Start).
  std::string Origin(size_t i) const;
  int Port(size_t i) const { return ports_.at(i); }
  const ShopSite& Site(size_t i) const { return *sites_.at(i); }
  // Every order placed in every shop, by shop then time.
  std::vector<DemoOrder> Orders() const;

 private:
  DemoShopsOptions options_;
  std::vector<DemoShop> shops_;
  std::vector<std::unique_ptr<ShopSite>> sites_;
  std::vector<std::unique_ptr<httplib::Server>> servers_;
  std::vector<std::thread> threads_;
  std::vector<int> ports_;
};

}  // namespace shops
