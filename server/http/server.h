// The HTTP server: cpp-httplib configured with a thread pool, payload and keep-alive limits,
// security headers, the API dispatcher (route table, sessions, roles, CSRF checks, one
// transaction per request), static files for web/ and the wasm bundle, and the SPA fallback.
// Does network and file I/O.
#pragma once

#include <httplib.h>

#include <memory>
#include <string>

#include "app.h"
#include "core/status.h"

namespace server {

class HttpServer {
 public:
  explicit HttpServer(App& app);
  ~HttpServer();
  HttpServer(const HttpServer&) = delete;
  HttpServer& operator=(const HttpServer&) = delete;

  // Binds host:port (port 0 picks a free one) and returns the bound port. Connections queue from
  // here on, before Listen() runs. InvalidArgument when the address cannot be bound.
  core::StatusOr<int> Bind(const std::string& host, int port);
  // Serves until Stop(); returns false when the listening socket failed.
  bool Listen();
  // Stops serving; Listen() returns. Safe from any thread, once Listen() has started.
  void Stop();
  bool running() const;

 private:
  void Configure();

  App& app_;
  std::unique_ptr<httplib::Server> svr_;
};

// Handles one API request (registered for every method under /api/): checks, routing,
// authentication, authorisation, the transaction, the reply. Exposed for the server's tests.
void DispatchApi(App& app, const httplib::Request& req, httplib::Response& res);

}  // namespace server
