// The route table: every API route with its method, path pattern, who may call it and a summary.
// The dispatcher registers handlers from it, and /api/v1/openapi.json is generated from it, so
// the two cannot drift apart. No I/O.
#pragma once

#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "core/json.h"
#include "http/context.h"

namespace server {

// Role bits; a route with no bits is public.
enum RoleBit : unsigned {
  kRoleAdmin = 1u << 0,
  kRoleOfficer = 1u << 1,
  kRoleEnterprise = 1u << 2,
  kRoleCrawler = 1u << 3,  // a crawler service account (bearer token), crawler routes only
};
inline constexpr unsigned kPublic = 0;
inline constexpr unsigned kCustoms = kRoleAdmin | kRoleOfficer;
inline constexpr unsigned kSignedIn = kRoleAdmin | kRoleOfficer | kRoleEnterprise;

// The bit for a role name (0 for an unknown role).
unsigned RoleBitFor(std::string_view role);

struct Route {
  std::string_view method;   // GET, POST, PUT, DELETE
  std::string_view pattern;  // "/api/v1/applications/{id}"; {id} matches digits only,
                             // {name} a lower-case identifier, {ems_no} any segment
  unsigned roles;            // kPublic, or the roles allowed
  std::string_view summary;
  HandlerFn handler;
};

const std::vector<Route>& RouteTable();

// Whether a state-changing route takes a CEB XML body (application/xml or text/xml) as well as
// JSON. Like JSON, those types need a CORS preflight, so a cross-site form cannot send them.
bool AcceptsXmlBody(const Route& route);

struct RouteMatch {
  const Route* route = nullptr;
  std::map<std::string, std::string> params;
  std::vector<std::string_view> allowed_methods;  // when the path exists under other methods
};

// The route for method + path (literal segments win over parameters by table order).
RouteMatch MatchRoute(std::string_view method, std::string_view path);

// The OpenAPI 3.0 document for the table.
core::Json OpenApiDocument();

}  // namespace server
