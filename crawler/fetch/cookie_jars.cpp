// Cookie jars as libcurl share handles sharing CURL_LOCK_DATA_COOKIE. No network I/O.
#include "fetch/cookie_jars.h"

namespace crawler {

CookieJars::~CookieJars() {
  for (auto& [name, share] : shares_) curl_share_cleanup(share);
}

CURLSH* CookieJars::Get(const std::string& session) {
  if (session.empty()) return nullptr;
  auto it = shares_.find(session);
  if (it != shares_.end()) return it->second;
  CURLSH* s = curl_share_init();
  if (s == nullptr) return nullptr;
  // One thread drives the fetcher, so the share needs no lock callbacks.
  curl_share_setopt(s, CURLSHOPT_SHARE, CURL_LOCK_DATA_COOKIE);
  shares_[session] = s;
  return s;
}

std::vector<std::string> CookieJars::Cookies(const std::string& session) const {
  std::vector<std::string> out;
  auto it = shares_.find(session);
  if (it == shares_.end()) return out;
  // The jar is read through a throwaway handle attached to the share.
  CURL* e = curl_easy_init();
  if (e == nullptr) return out;
  curl_easy_setopt(e, CURLOPT_SHARE, it->second);
  curl_slist* list = nullptr;
  if (curl_easy_getinfo(e, CURLINFO_COOKIELIST, &list) == CURLE_OK) {
    for (curl_slist* n = list; n != nullptr; n = n->next) out.emplace_back(n->data);
  }
  curl_slist_free_all(list);
  curl_easy_cleanup(e);
  return out;
}

void CookieJars::Clear(const std::string& session) {
  auto it = shares_.find(session);
  if (it == shares_.end()) return;
  curl_share_cleanup(it->second);
  shares_.erase(it);
}

}  // namespace crawler
