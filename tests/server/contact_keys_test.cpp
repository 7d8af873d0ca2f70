// server/common/contact_keys: one phone or address written differently gives one key.
#include "common/contact_keys.h"

#include <doctest/doctest.h>

namespace server {

TEST_CASE("phone keys keep the digits of a usable number, without the +86 prefix") {
  CHECK(PhoneKey("13912345678") == "13912345678");
  CHECK(PhoneKey("+86 139-1234-5678") == "13912345678");
  CHECK(PhoneKey("0086 13912345678") == "13912345678");
  CHECK(PhoneKey("１３９１２３４５６７８") == "13912345678");
  CHECK(PhoneKey("0371-6555 1234") == "037165551234");  // a landline keeps its area code
  CHECK(PhoneKey("8613") == "");                        // too short to mean anyone
  CHECK(PhoneKey("") == "");
  CHECK(PhoneKey("86371655512") == "86371655512");  // 86 then not a mobile number: kept
}

TEST_CASE("address keys ignore spacing, punctuation, width and case") {
  const std::string a = AddressKey("河南省郑州市金水区花园路1号 3#楼 A座");
  CHECK(a == "河南省郑州市金水区花园路1号3#楼a座");
  CHECK(AddressKey("河南省，郑州市　金水区（花园路）１号３＃楼Ａ座") == a);
  CHECK(AddressKey("河南省、郑州市—金水区花园路1号, 3#楼 a座。") == a);
  CHECK(AddressKey("河南省郑州市金水区花园路2号3#楼A座") != a);
  CHECK(AddressKey(" ，。 ") == "");
  CHECK(AddressKey(std::string("a\xff"
                               "b")) ==
        "a\xff"
        "b");  // invalid bytes kept
}

}  // namespace server
