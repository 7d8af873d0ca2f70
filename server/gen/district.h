// The synthetic district of the data generator: enterprises in every role (with valid USCCs and
// customs codes), the goods they file (real codes from the shipped positive-list subset),
// consumers with valid resident IDs, phones and addresses, and the logistics vehicles. All of it
// follows from a seed; consumers are computed by index, never held in memory. No I/O.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "core/date.h"
#include "core/json.h"
#include "core/money.h"

namespace gen {

struct GenEnterprise {
  std::string key;  // short stable name ("ebc01", "pay02", ...)
  std::string name;
  std::string uscc;  // "" for an overseas enterprise
  std::string customs_code;
  std::vector<std::string> roles;  // "ecommerce", "platform", "payment", "logistics"
  bool overseas = false;
  std::string country;       // customs country code when overseas
  std::string agent_uscc;    // an overseas enterprise's domestic agent
  std::string shop_url;      // "" when none
  std::string licence_city;  // issuer city of the business licence
  bool Has(const std::string& role) const;
};

struct GenGoods {
  std::string ebc_key;  // the e-commerce enterprise that files and sells it
  std::string sku;
  std::string name;
  std::string brand;
  std::string spec;
  std::string code10;
  std::string origin;      // customs country code
  std::string unit_name;   // the filing's unit ("瓶")
  std::string unit;        // JGS-20 code of the declared unit ("007" 个, "011" 件, ...)
  std::string unit1;       // legal first unit: "035" kg or "011" 件
  int64_t qty1_e5 = 0;     // legal quantity per declared unit (kg or pieces) x 10^5
  int64_t gross_e5 = 0;    // gross kg per unit x 10^5
  core::Fen price = 0;     // the filed (normal) unit price
  std::string trade_mode;  // "9610" or "1210"
};

struct GenVehicle {
  std::string plate;
  std::string ic_card_no;
  int64_t frame_kg = 0;
  std::string enterprise_code;  // the logistics enterprise
};

struct GenConsumer {
  uint64_t index = 0;
  std::string name;
  std::string id_number;  // 18-digit resident ID
  std::string phone;
  std::string address;        // full delivery address
  std::string district_code;  // GB/T 2260 county code of the address
};

struct District {
  uint64_t seed = 0;
  std::vector<GenEnterprise> enterprises;
  std::vector<GenGoods> goods;
  std::vector<GenVehicle> vehicles;
  uint64_t consumers = 0;  // ordinary consumers 0..consumers-1 (ConsumerAt)

  const GenEnterprise* Find(const std::string& key) const;
  std::vector<const GenEnterprise*> WithRole(const std::string& role) const;
  std::vector<const GenGoods*> GoodsOf(const std::string& ebc_key) const;
};

// The district of `seed` with `consumers` ordinary consumers (at least 1).
District MakeDistrict(uint64_t seed, uint64_t consumers);

// Consumer `index` of the district (deterministic; also valid beyond `consumers`, where the
// fraud scenarios draw their own people).
GenConsumer ConsumerAt(uint64_t seed, uint64_t index);
// A family member: same surname, address and phone as `head`, another valid resident ID.
GenConsumer FamilyMember(uint64_t seed, const GenConsumer& head, int member);

// Check digits, exposed for the tests.
std::string ResidentIdWithCheck(const std::string& first17);
std::string UsccWithCheck(const std::string& first17);
std::string OrgCodeWithCheck(const std::string& first8);

// The district's enterprises, goods and vehicles as JSON (consumers are written separately,
// streamed, by ConsumerJson).
core::Json DistrictJson(const District& d);
core::Json ConsumerJson(const GenConsumer& c);

// The enterprise application body ({"name", "uscc", ...}) the server's admission takes, with
// qualifications valid around `today`.
core::Json ApplicationJson(const GenEnterprise& e, const core::Date& today);
// The goods filing body ({"sku", "name", ...}) the server's FileGoods takes.
core::Json FilingJson(const GenGoods& g);

}  // namespace gen
