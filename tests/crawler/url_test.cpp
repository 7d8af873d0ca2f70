// crawler/fetch/url: resolution of links against their page and origins for politeness limits.
#include "fetch/url.h"

#include <doctest/doctest.h>

namespace crawler {

TEST_CASE("links resolve against their page as RFC 3986 says") {
  const std::string base = "http://127.0.0.1:18081/shop/item/12?x=1#top";
  CHECK(*ResolveUrl(base, "13") == "http://127.0.0.1:18081/shop/item/13");
  CHECK(*ResolveUrl(base, "../list?page=2") == "http://127.0.0.1:18081/shop/list?page=2");
  CHECK(*ResolveUrl(base, "/cart#x") == "http://127.0.0.1:18081/cart");
  CHECK(*ResolveUrl(base, "?sku=9") == "http://127.0.0.1:18081/shop/item/12?sku=9");
  CHECK(*ResolveUrl(base, "//example.com/a") == "http://example.com/a");
  CHECK(*ResolveUrl(base, "https://Shop.Example.COM/p") == "https://shop.example.com/p");
  CHECK_FALSE(ResolveUrl(base, "javascript:void(0)").ok());
  CHECK_FALSE(ResolveUrl(base, "mailto:a@b.cn").ok());
  CHECK_FALSE(ResolveUrl("not a url", "/x").ok());
}

TEST_CASE("origins always carry the port, so per-host limits count 127.0.0.1 shops apart") {
  CHECK(*OriginOf("http://127.0.0.1:18081/a?b") == "http://127.0.0.1:18081");
  CHECK(*OriginOf("http://shop.example.cn/a") == "http://shop.example.cn:80");
  CHECK(*OriginOf("https://SHOP.example.cn/") == "https://shop.example.cn:443");
  CHECK(*OriginOf("http://[::1]:8080/") == "http://[::1]:8080");
  const core::StatusOr<UrlParts> p = ParseUrl("http://127.0.0.1:18081/item?id=3");
  REQUIRE(p.ok());
  CHECK(p->host == "127.0.0.1");
  CHECK(p->port == 18081);
  CHECK(p->path == "/item");
  CHECK(p->query == "id=3");
  CHECK_FALSE(ParseUrl("ftp://x/").ok());
  CHECK_FALSE(ParseUrl("/relative").ok());
  CHECK_FALSE(ParseUrl("").ok());
}

}  // namespace crawler
