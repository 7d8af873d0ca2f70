// crawler/parse/strip_inert: what the parser is spared, and what it must still see.
#include "parse/strip_inert.h"

#include <doctest/doctest.h>

namespace crawler {

TEST_CASE("script and style text is dropped, the elements and everything else stay") {
  CHECK(StripInertRawText("<p>a</p><script>var x = '<p>';</script><style>p{}</style><p>b</p>") ==
        "<p>a</p><script></script><style></style><p>b</p>");
  CHECK(StripInertRawText("<SCRIPT type=\"text/javascript\">x()</SCRIPT >") ==
        "<SCRIPT type=\"text/javascript\"></SCRIPT >");
  // The tag's attributes may hold '>' inside quotes.
  CHECK(StripInertRawText("<script data-x='a>b'>code</script>") ==
        "<script data-x='a>b'></script>");
}

TEST_CASE("JSON-LD, comments, look-alike tags and unterminated scripts are left alone") {
  const std::string ld = R"(<script type="application/ld+json">{"price": "1.00"}</script>)";
  CHECK(StripInertRawText(ld) == ld);
  CHECK(StripInertRawText("<!-- <script>x</script> --><p>k</p>") ==
        "<!-- <script>x</script> --><p>k</p>");
  CHECK(StripInertRawText("<scripts>keep</scripts>") == "<scripts>keep</scripts>");
  CHECK(StripInertRawText("<script>never closed") == "<script>never closed");
  CHECK(StripInertRawText("") == "");
}

}  // namespace crawler
