#!/usr/bin/env python3
# The Scrapy side of the crawl benchmark (tests/bench/bench_crawl.cpp starts it): the same walk of
# the demo shops from their site profiles (start URLs, listing and next-page links, product pages,
# the price JSON endpoint) with the same fields read by the profile rules (parsel/lxml .css()).
# Usage: scrapy_spider.py CONFIG.json (bench_crawl's config: profiles, concurrency,
# accept_encoding). Prints one JSON summary line on stdout. Does network I/O.
import json
import os
import re
import sys
import time
from decimal import Decimal, ROUND_HALF_UP
from urllib.parse import urlsplit

import scrapy
from scrapy.crawler import CrawlerProcess

DUMP = open(os.environ["BENCH_CRAWL_DUMP"] + ".scrapy", "w") if "BENCH_CRAWL_DUMP" in os.environ else None
NUMBER = re.compile(r"[0-9][0-9,]*(?:\.[0-9]+)?")
FREE = ("包邮", "免运费", "免邮")


def money(text):
    """Hundredths from a price text ('¥1,299.00', '1299元', '包邮' = 0), None when no amount."""
    if text is None:
        return None
    text = str(text)
    if any(f in text for f in FREE):
        return 0
    m = NUMBER.search(text)
    if not m:
        return None
    value = Decimal(m.group(0).replace(",", "")) * 100
    return int(value.quantize(Decimal(1), rounding=ROUND_HALF_UP))


def json_path(root, path):
    """The profiles' JSON path subset: a.b[0].c; an array without an index gives its first item."""
    if path.startswith("$."):
        path = path[2:]
    node = root
    for part in path.split("."):
        m = re.fullmatch(r"([^\[]*)((?:\[\d+\])*)", part)
        if not m:
            return None
        name, indexes = m.group(1), re.findall(r"\[(\d+)\]", m.group(2))
        if isinstance(node, list) and node:
            node = node[0]
        if name:
            if not isinstance(node, dict) or name not in node:
                return None
            node = node[name]
        for i in indexes:
            if not isinstance(node, list) or int(i) >= len(node):
                return None
            node = node[int(i)]
    if isinstance(node, list):
        node = node[0] if node else None
    if isinstance(node, (dict, list)) or node is None:
        return None
    return str(node)


class Page:
    """Lazily computed views of one response shared by its rules."""

    def __init__(self, response):
        self.response = response
        self._json_ld = None
        self._text = None

    def json_ld(self):
        if self._json_ld is None:
            objs = []
            for raw in self.response.css('script[type="application/ld+json"]::text').getall():
                try:
                    data = json.loads(raw)
                except ValueError:
                    continue
                objs.extend(data if isinstance(data, list) else [data])
            # Product objects first, as the crawler reads product fields.
            objs.sort(key=lambda o: not (isinstance(o, dict) and o.get("@type") == "Product"))
            self._json_ld = objs
        return self._json_ld

    def text(self):
        if self._text is None:
            self._text = " ".join(
                self.response.xpath(
                    "//body//text()[not(ancestor::script) and not(ancestor::style)]").getall())
        return self._text


def element_text(sel):
    return " ".join(t.strip() for t in sel.xpath(".//text()").getall() if t.strip())


def apply_rule(page, rule):
    if "css" in rule:
        sels = page.response.css(rule["css"])
        if not sels:
            return None
        if "attr" in rule:
            return sels[0].attrib.get(rule["attr"])
        return element_text(sels[0]) or None
    if "json_ld" in rule:
        for obj in page.json_ld():
            v = json_path(obj, rule["json_ld"])
            if v is not None:
                return v
        return None
    if "meta" in rule:
        return page.response.xpath(
            "//meta[@property=$k or @name=$k or @itemprop=$k]/@content", k=rule["meta"]).get()
    if "regex" in rule:
        m = re.search(rule["regex"], page.text())
        if not m:
            return None
        return m.group(rule.get("group", 1 if m.re.groups else 0))
    return None


def field(page, rules):
    for rule in rules or []:
        v = apply_rule(page, rule)
        if v is not None and str(v).strip():
            return str(v).strip()
    return None


class Shop:
    def __init__(self, profile):
        self.profile = profile
        self.product_url = re.compile(profile.get("product_url", "$^"))
        self.allowed = set(profile.get("allowed_hosts", []))
        self.listing = profile.get("listing", {})
        self.fields = profile.get("fields", {})
        self.price_json = profile.get("fetch", {}).get("price_json")
        self.charset = profile.get("charset", "auto")

    def is_product(self, url):
        parts = urlsplit(url)
        path = parts.path + ("?" + parts.query if parts.query else "")
        return self.product_url.search(path) is not None


class PatrolSpider(scrapy.Spider):
    name = "patrol"

    def __init__(self, shops, **kwargs):
        super().__init__(**kwargs)
        self.shops = shops
        self.summary = dict(pages=0, products=0, with_name=0, with_sku=0, with_price=0,
                            with_old_price=0, with_freight=0, price_sum=0, bytes=0)
        self.started = None
        self.finished = None

    def closed(self, reason):
        self.finished = time.monotonic()

    def start_requests(self):
        self.started = time.monotonic()
        for i, shop in enumerate(self.shops):
            for url in shop.profile.get("start_urls", []):
                yield scrapy.Request(url, callback=self.parse_page, cb_kwargs={"shop": i})

    def count(self, response):
        self.summary["pages"] += 1
        self.summary["bytes"] += len(response.body)

    def add(self, product):
        if DUMP:
            print(product["sku"], -1 if product["price"] is None else product["price"], file=DUMP)
        s = self.summary
        s["products"] += 1
        s["with_name"] += product["name"] is not None
        s["with_sku"] += product["sku"] is not None
        if product["price"] is not None:
            s["with_price"] += 1
            s["price_sum"] += product["price"]
        s["with_old_price"] += product["old_price"] is not None
        s["with_freight"] += product["freight"] is not None

    def parse_page(self, response, shop):
        self.count(response)
        if response.status != 200 or not isinstance(response, scrapy.http.TextResponse):
            return
        s = self.shops[shop]
        if s.charset != "auto":
            response = response.replace(encoding=s.charset)
        page = Page(response)
        if s.is_product(response.url):
            product = {k: field(page, s.fields.get(k)) for k in ("name", "sku", "stock")}
            for k in ("price", "old_price", "freight"):
                product[k] = money(field(page, s.fields.get(k)))
            if product["price"] is None and s.price_json and product["sku"]:
                url = response.urljoin(s.price_json["url"].replace("{sku}", product["sku"]))
                yield scrapy.Request(url, callback=self.parse_price,
                                     cb_kwargs={"shop": shop, "product": product})
            else:
                self.add(product)
            return
        for key in ("product_link", "next_page"):
            for rule in s.listing.get(key, []):
                for sel in response.css(rule["css"]):
                    href = sel.attrib.get(rule.get("attr", "href"))
                    if not href:
                        continue
                    url = response.urljoin(href)
                    if urlsplit(url).netloc in s.allowed:
                        yield scrapy.Request(url, callback=self.parse_page, cb_kwargs={"shop": shop})

    def parse_price(self, response, shop, product):
        self.count(response)
        try:
            data = json.loads(response.body)
            product["price"] = money(json_path(data, self.shops[shop].price_json["json_path"]))
        except ValueError:
            pass
        self.add(product)


def main():
    with open(sys.argv[1], encoding="utf-8") as f:
        config = json.load(f)
    shops = [Shop(p) for p in config["profiles"]]
    concurrency = int(config.get("concurrency", 8))
    process = CrawlerProcess(settings={
        "LOG_LEVEL": "WARNING",
        "ROBOTSTXT_OBEY": True,
        "CONCURRENT_REQUESTS": concurrency,
        # All shops share one host (127.0.0.1), hence one download slot: the same total limit
        # as the crawler's max_total (= max_per_origin).
        "CONCURRENT_REQUESTS_PER_DOMAIN": concurrency,
        "DOWNLOAD_DELAY": 0,
        "RANDOMIZE_DOWNLOAD_DELAY": False,
        "AUTOTHROTTLE_ENABLED": False,
        "HTTPCACHE_ENABLED": False,
        "COOKIES_ENABLED": False,
        "COMPRESSION_ENABLED": bool(config.get("accept_encoding")),
        # The crawler's Accept-Encoding exactly (Scrapy would also offer br, which the demo
        # shops' cpp-httplib compresses at its slowest level).
        "DEFAULT_REQUEST_HEADERS": {
            "Accept": "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8",
            "Accept-Language": "en",
            "Accept-Encoding": config.get("accept_encoding") or "identity",
        },
        "HTTPERROR_ALLOW_ALL": True,
        "TELNETCONSOLE_ENABLED": False,
        "USER_AGENT": "CBECPatrol-bench-scrapy/0.1",
        "REQUEST_FINGERPRINTER_IMPLEMENTATION": "2.7",
    })
    crawler = process.create_crawler(PatrolSpider)
    process.crawl(crawler, shops=shops)
    process.start()
    spider = crawler.spider
    summary = dict(spider.summary)
    end = spider.finished or time.monotonic()
    summary["seconds"] = end - (spider.started or end)
    print(json.dumps(summary), flush=True)


if __name__ == "__main__":
    main()
