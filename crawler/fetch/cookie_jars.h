// One libcurl cookie jar per named session (a buyer identity, a profile preview), so that a
// buyer's login cookie never reaches a patrol fetch or another buyer. In-memory only.
#pragma once

#include <curl/curl.h>

#include <map>
#include <string>
#include <vector>

namespace crawler {

class CookieJars {
 public:
  CookieJars() = default;
  ~CookieJars();
  CookieJars(const CookieJars&) = delete;
  CookieJars& operator=(const CookieJars&) = delete;

  // The share handle holding `session`'s cookies, created on first use; nullptr for "" (no
  // cookies) or when libcurl cannot allocate one. Not thread-safe: one thread uses the jars.
  CURLSH* Get(const std::string& session);
  // The session's cookies as Netscape cookie-file lines; empty for an unknown session.
  std::vector<std::string> Cookies(const std::string& session) const;
  // Forgets the session's cookies. No transfer of the session may be running.
  void Clear(const std::string& session);

 private:
  std::map<std::string, CURLSH*> shares_;
};

}  // namespace crawler
