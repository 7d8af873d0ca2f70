// A cpp-httplib server on an ephemeral 127.0.0.1 port for the fetcher's tests, counting the
// requests per path; small helpers for requests and fast options; the tests' own iconv encoder
// (so test bytes are not built by the code under test). Test-only; does I/O.
#pragma once

#include <doctest/doctest.h>
#include <httplib.h>
#include <iconv.h>

#include <functional>
#include <map>
#include <mutex>
#include <string>
#include <thread>

#include "fetch/fetcher.h"

namespace crawler::fetch_test {

// A server on an ephemeral port, started in the constructor and stopped in the destructor. It
// counts the requests per path so tests can prove that nothing reached a path.
class TestServer {
 public:
  explicit TestServer(const std::function<void(httplib::Server&, TestServer&)>& routes) {
    server_.set_keep_alive_timeout(1);
    server_.set_tcp_nodelay(true);  // else Nagle + delayed ACK add ~40 ms per response
    // Counted before routing, so a hit is recorded before its response can reach the client.
    server_.set_pre_routing_handler([this](const httplib::Request& req, httplib::Response&) {
      std::lock_guard<std::mutex> lock(mu_);
      ++hits_[req.path];
      return httplib::Server::HandlerResponse::Unhandled;
    });
    routes(server_, *this);
    port_ = server_.bind_to_any_port("127.0.0.1");
    REQUIRE(port_ > 0);
    // The socket listens from here on; the thread only runs the accept loop.
    thread_ = std::thread([this] { server_.listen_after_bind(); });
  }
  ~TestServer() {
    // stop() is a no-op before the accept loop has started, so wait for it first.
    while (!server_.is_running()) std::this_thread::yield();
    server_.stop();
    thread_.join();
  }
  std::string Url(const std::string& path) const {
    return "http://127.0.0.1:" + std::to_string(port_) + path;
  }
  std::string Origin() const { return "http://127.0.0.1:" + std::to_string(port_); }
  int port() const { return port_; }
  int Hits(const std::string& path) {
    std::lock_guard<std::mutex> lock(mu_);
    return hits_[path];
  }

 private:
  httplib::Server server_;
  std::thread thread_;
  int port_ = 0;
  std::mutex mu_;
  std::map<std::string, int> hits_;
};

inline void NoRobots(httplib::Server& s) {
  s.Get("/robots.txt", [](const httplib::Request&, httplib::Response& res) {
    res.status = 404;
    res.set_content("not found", "text/plain");
  });
}

inline FetchRequest Get(const std::string& url) {
  FetchRequest r;
  r.url = url;
  return r;
}

inline FetcherOptions FastOptions() {
  FetcherOptions o;
  o.backoff_base_ms = 1;
  o.backoff_max_ms = 5;
  o.connect_timeout_ms = 5000;
  o.total_timeout_ms = 10000;
  return o;
}

// UTF-8 → `to` ("GBK", "BIG5", ...) with glibc iconv directly.
inline std::string Encode(const std::string& utf8, const char* to) {
  iconv_t cd = iconv_open(to, "UTF-8");
  REQUIRE(cd != reinterpret_cast<iconv_t>(-1));
  std::string out(utf8.size() * 4 + 16, '\0');
  char* in = const_cast<char*>(utf8.data());
  size_t inleft = utf8.size();
  char* outp = out.data();
  size_t outleft = out.size();
  REQUIRE(iconv(cd, &in, &inleft, &outp, &outleft) != static_cast<size_t>(-1));
  iconv_close(cd);
  out.resize(out.size() - outleft);
  return out;
}

}  // namespace crawler::fetch_test
