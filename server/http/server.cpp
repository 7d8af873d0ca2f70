// cpp-httplib set-up and the API dispatcher.
#include "http/server.h"

#include <chrono>
#include <cstdio>
#include <exception>

#include "auth/sessions.h"
#include "common/crypto.h"
#include "common/files.h"
#include "http/errors.h"
#include "http/routes.h"
#include "http/shedding_pool.h"
#include "service/users.h"
#include "store/patrol_repo.h"

namespace server {

namespace {

bool StartsWith(std::string_view s, std::string_view prefix) {
  return s.substr(0, prefix.size()) == prefix;
}

std::string Lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return out;
}

bool IsStateChanging(std::string_view method) {
  return method == "POST" || method == "PUT" || method == "DELETE" || method == "PATCH";
}

// "application/json" with optional parameters (charset=utf-8).
bool IsJsonContentType(std::string_view value) {
  std::string v = Lower(value);
  size_t semi = v.find(';');
  std::string type = v.substr(0, semi);
  while (!type.empty() && type.back() == ' ') type.pop_back();
  while (!type.empty() && type.front() == ' ') type.erase(type.begin());
  return type == "application/json";
}

// "application/xml" or "text/xml" with optional parameters: CEB XML bodies.
bool IsXmlContentType(std::string_view value) {
  std::string v = Lower(value);
  std::string type = v.substr(0, v.find(';'));
  while (!type.empty() && type.back() == ' ') type.pop_back();
  while (!type.empty() && type.front() == ' ') type.erase(type.begin());
  return type == "application/xml" || type == "text/xml";
}

// Origin "scheme://host[:port]" must name the Host the request was sent to.
bool OriginMatchesHost(std::string_view origin, std::string_view host) {
  if (host.empty()) return false;
  std::string o = Lower(origin);
  std::string h = Lower(host);
  return o == "http://" + h || o == "https://" + h;
}

void WriteReply(httplib::Response& res, const Reply& reply) {
  res.status = reply.status;
  for (const auto& [k, v] : reply.headers) {
    res.headers.erase(k);  // a reply's own header replaces a server default of that name
    res.set_header(k.c_str(), v);
  }
  res.set_header("Cache-Control", "no-store");
  if (reply.status == 204 || reply.status == 304) return;
  res.set_content(reply.body, reply.content_type.c_str());
}

// The token of "Authorization: Bearer <token>", when that header is present.
std::optional<std::string> BearerToken(const std::string& header) {
  constexpr std::string_view kScheme = "Bearer ";
  if (header.size() <= kScheme.size() || header.compare(0, kScheme.size(), kScheme) != 0) {
    return std::nullopt;
  }
  return header.substr(kScheme.size());
}

Actor AnonymousActor() {
  Actor a;
  a.name = "anonymous";
  a.role = "anonymous";
  return a;
}

core::StatusOr<Reply> Run(App& app, const httplib::Request& req, const RouteMatch& match) {
  const Route& route = *match.route;
  CORE_ASSIGN_OR_RETURN(DbPool::Lease lease, app.pool().Acquire());
  RequestContext ctx(app, req, *lease);
  ctx.path_params = match.params;
  ctx.actor = AnonymousActor();
  if (auto bearer = BearerToken(req.get_header_value("Authorization"))) {
    // Crawler service accounts: a token, no cookie, so no session and nothing for CSRF to ride.
    CORE_ASSIGN_OR_RETURN(std::optional<CrawlerAccount> account,
                          FindCrawlerByToken(*lease, Sha256Hex(*bearer)));
    if (!account) return core::UnauthenticatedError("unknown or revoked crawler token");
    UserRecord u;
    u.username = "crawler:" + account->name;
    u.role = "crawler";
    u.display_name = account->name;
    ctx.user = u;
    ctx.actor.name = u.username;
    ctx.actor.role = "crawler";
  } else if (auto token = SessionTokenFromCookies(req.get_header_value("Cookie"))) {
    core::StatusOr<UserRecord> user =
        ResolveSession(*lease, *token, app.Now(), app.config().session);
    if (user.ok()) {
      ctx.user = *std::move(user);
      ctx.actor = ActorFor(*ctx.user);
    } else if (user.status().code() != core::StatusCode::kUnauthenticated) {
      return user.status();
    }
  }
  if (route.roles != kPublic) {
    if (!ctx.user) return core::UnauthenticatedError("sign in first");
    if ((route.roles & RoleBitFor(ctx.user->role)) == 0) {
      return core::PermissionDeniedError("your role may not " + std::string(route.summary));
    }
    if (ctx.actor.is_enterprise() && !ctx.actor.enterprise_id) {
      return core::PermissionDeniedError("this account is not bound to an enterprise");
    }
  }
  core::StatusOr<Reply> reply = route.handler(ctx);
  if (!reply.ok()) {
    ctx.tx().Rollback();
    return reply;
  }
  if (ctx.tx().active()) {
    CORE_RETURN_IF_ERROR(ctx.tx().Commit());
    for (auto& fn : ctx.on_commit()) fn();
  }
  return reply;
}

}  // namespace

void DispatchApi(App& app, const httplib::Request& req, httplib::Response& res) {
  RouteMatch match = MatchRoute(req.method, req.path);
  if (IsStateChanging(req.method)) {
    // A cross-site form cannot send application/json (nor the XML types of the routes that take
    // CEB XML), and SameSite=Strict keeps the cookie off cross-site requests: together they are
    // the CSRF defence.
    const std::string content_type = req.get_header_value("Content-Type");
    const bool xml_ok =
        match.route != nullptr && AcceptsXmlBody(*match.route) && IsXmlContentType(content_type);
    if (!IsJsonContentType(content_type) && !xml_ok) {
      core::Json body = ErrorJsonForHttpStatus(415);
      if (match.route != nullptr && AcceptsXmlBody(*match.route)) {
        body = ErrorJson("unsupported_media_type",
                         "Content-Type must be application/json, application/xml or text/xml");
      }
      WriteReply(res, Reply::Json(415, body));
      return;
    }
    if (req.has_header("Origin") &&
        !OriginMatchesHost(req.get_header_value("Origin"), req.get_header_value("Host"))) {
      WriteReply(res,
                 Reply::Json(403, ErrorJson("permission_denied", "cross-origin request refused")));
      return;
    }
  }
  if (match.route == nullptr) {
    if (!match.allowed_methods.empty()) {
      std::string allow;
      for (std::string_view m : match.allowed_methods) {
        if (!allow.empty()) allow += ", ";
        allow += m;
      }
      Reply r = Reply::Json(405, ErrorJsonForHttpStatus(405));
      r.headers.emplace_back("Allow", allow);
      WriteReply(res, r);
    } else {
      WriteReply(res, Reply::Json(404, ErrorJson("not_found", "no such API route")));
    }
    return;
  }
  core::StatusOr<Reply> reply = Run(app, req, match);
  WriteReply(res, reply.ok() ? *reply : ErrorReply(reply.status()));
}

HttpServer::HttpServer(App& app) : app_(app), svr_(std::make_unique<httplib::Server>()) {
  Configure();
}

HttpServer::~HttpServer() = default;

void HttpServer::Configure() {
  httplib::Server& s = *svr_;
  const AppConfig& cfg = app_.config();
  const size_t threads = cfg.threads, max_queued = cfg.max_queued_connections;
  const std::chrono::milliseconds max_wait(cfg.max_queue_wait_ms);
  s.new_task_queue = [threads, max_queued, max_wait] {
    return new SheddingPool(threads, max_queued, max_wait);
  };
  // A connection taken in shed mode gets 503 on every request, before any routing or file.
  s.set_pre_routing_handler([](const httplib::Request&, httplib::Response& res) {
    if (!SheddingPool::Shedding()) return httplib::Server::HandlerResponse::Unhandled;
    res.status = 503;
    res.set_header("Retry-After", "1");
    res.set_header("Connection", "close");
    res.set_content(core::DumpJson(ErrorJson("unavailable", "the server is busy; retry shortly")),
                    "application/json; charset=utf-8");
    return httplib::Server::HandlerResponse::Handled;
  });
  s.set_payload_max_length(cfg.payload_max_bytes);
  // Without it a kept-alive connection waits out the peer's delayed ACK (~40 ms) whenever a
  // response goes out in two writes (headers, then body).
  s.set_tcp_nodelay(true);
  s.set_keep_alive_max_count(100);
  s.set_keep_alive_timeout(cfg.keep_alive_seconds);
  // A kept-alive connection holds its worker; while others wait for one, it is asked to close.
  s.set_post_routing_handler([](const httplib::Request&, httplib::Response& res) {
    if (SheddingPool::Backlogged() && !res.has_header("Connection")) {
      res.set_header("Connection", "close");
    }
  });
  s.set_read_timeout(10, 0);
  s.set_write_timeout(10, 0);
  s.set_default_headers({
      {"X-Content-Type-Options", "nosniff"},
      {"X-Frame-Options", "DENY"},
      {"Referrer-Policy", "same-origin"},
      {"Content-Security-Policy",
       "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; "
       "img-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'none'; "
       "frame-ancestors 'none'; form-action 'self'"},
  });
  s.set_file_extension_and_mimetype_mapping("mjs", "text/javascript");
  s.set_file_extension_and_mimetype_mapping("js", "text/javascript");
  s.set_file_extension_and_mimetype_mapping("wasm", "application/wasm");
  s.set_file_extension_and_mimetype_mapping("html", "text/html; charset=utf-8");
  s.set_file_extension_and_mimetype_mapping("css", "text/css; charset=utf-8");
  s.set_file_extension_and_mimetype_mapping("json", "application/json");
  // Mount failures (a directory that does not exist yet) leave the API working.
  if (!s.set_mount_point("/wasm", cfg.wasm_dir)) {
    std::fprintf(stderr, "warning: wasm directory %s not found; /wasm is not served\n",
                 cfg.wasm_dir.c_str());
  }
  if (!s.set_mount_point("/vendor", cfg.vendor_dir)) {
    std::fprintf(stderr, "warning: vendor directory %s not found; /vendor is not served\n",
                 cfg.vendor_dir.c_str());
  }
  if (!s.set_mount_point("/", cfg.web_dir)) {
    std::fprintf(stderr, "warning: web directory %s not found; / is not served\n",
                 cfg.web_dir.c_str());
  }
  s.set_file_request_handler([](const httplib::Request&, httplib::Response& res) {
    res.set_header("Cache-Control", "no-cache");
  });

  App* app = &app_;
  auto api = [app](const httplib::Request& req, httplib::Response& res) {
    DispatchApi(*app, req, res);
  };
  s.Get("/api/.*", api);
  s.Post("/api/.*", api);
  s.Put("/api/.*", api);
  s.Delete("/api/.*", api);
  s.Patch("/api/.*", api);
  s.Options("/api/.*", api);

  // SPA fallback: a path without a file extension is a client-side route.
  std::string index_path = JoinPath(cfg.web_dir, "index.html");
  s.Get(".*", [index_path](const httplib::Request& req, httplib::Response& res) {
    std::string_view path = req.path;
    std::string_view last = path.substr(path.rfind('/') + 1);
    if (StartsWith(path, "/api/") || path == "/api" || last.find('.') != std::string_view::npos) {
      res.status = 404;
      return;
    }
    core::StatusOr<std::string> index = ReadFile(index_path);
    if (!index.ok()) {
      res.status = 404;
      return;
    }
    res.set_header("Cache-Control", "no-cache");
    res.set_content(*index, "text/html; charset=utf-8");
  });

  s.set_error_handler(httplib::Server::HandlerWithResponse([](const httplib::Request& req,
                                                              httplib::Response& res) {
    if (!res.body.empty()) return httplib::Server::HandlerResponse::Unhandled;
    if (StartsWith(req.path, "/api/") || res.status == 413) {
      res.set_content(core::DumpJson(ErrorJsonForHttpStatus(res.status)),
                      "application/json; charset=utf-8");
    } else {
      res.set_content(res.status == 404 ? "not found\n" : "error\n", "text/plain; charset=utf-8");
    }
    return httplib::Server::HandlerResponse::Handled;
  }));

  s.set_exception_handler(
      [](const httplib::Request& req, httplib::Response& res, std::exception_ptr ep) {
        std::string what = "unknown exception";
        try {
          if (ep) std::rethrow_exception(ep);
        } catch (const std::exception& e) {
          what = e.what();
        } catch (...) {
        }
        std::fprintf(stderr, "unhandled exception on %s %s: %s\n", req.method.c_str(),
                     req.path.c_str(), what.c_str());
        res.status = 500;
        res.set_content(core::DumpJson(ErrorJson("internal", "internal server error")),
                        "application/json; charset=utf-8");
      });

  if (cfg.log_requests) {
    // Method, path and status only: never bodies, query strings, cookies or tokens.
    s.set_logger([](const httplib::Request& req, const httplib::Response& res) {
      std::fprintf(stderr, "%s %s %d\n", req.method.c_str(), req.path.c_str(), res.status);
    });
  }
}

core::StatusOr<int> HttpServer::Bind(const std::string& host, int port) {
  int bound = 0;
  if (port == 0) {
    bound = svr_->bind_to_any_port(host);
    if (bound <= 0) return core::InvalidArgumentError("cannot bind " + host + " to any port");
  } else {
    if (!svr_->bind_to_port(host, port)) {
      return core::InvalidArgumentError("cannot bind " + host + ":" + std::to_string(port));
    }
    bound = port;
  }
  return bound;
}

bool HttpServer::Listen() { return svr_->listen_after_bind(); }

void HttpServer::Stop() { svr_->stop(); }

bool HttpServer::running() const { return svr_->is_running(); }

}  // namespace server
