// Access to the real CEB messages under shared/testdata/ceb for the ingest tests (reads files).
// A missing folder fails the tests loudly: the samples are the point of these tests.
#pragma once

#include <doctest/doctest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <string_view>
#include <vector>

#include "core/json.h"
#include "core/messages.h"
#include "ingest/ceb_xml.h"

namespace server::testing {

inline std::filesystem::path CebTestdata() { return PATROL_CEB_TESTDATA; }

inline void RequireTestdata() {
  const std::filesystem::path dir = CebTestdata();
  REQUIRE_MESSAGE(std::filesystem::is_directory(dir),
                  "CEB samples not found at " << dir.string()
                                              << ": PATROL_CEB_TESTDATA must point at "
                                                 "shared/testdata/ceb (CI checks out ../shared "
                                                 "beside the clone)");
}

// The bytes of a sample, relative to the testdata folder.
inline std::string ReadSample(const std::string& relative) {
  RequireTestdata();
  const std::filesystem::path path = CebTestdata() / relative;
  std::ifstream in(path, std::ios::binary);
  REQUIRE_MESSAGE(in.good(), "cannot read CEB sample " << path.string());
  std::ostringstream bytes;
  bytes << in.rdbuf();
  return bytes.str();
}

// Every .xml file under the testdata folder, relative paths sorted.
inline std::vector<std::string> AllSamples() {
  RequireTestdata();
  std::vector<std::string> out;
  for (const auto& e : std::filesystem::recursive_directory_iterator(CebTestdata())) {
    if (e.is_regular_file() && e.path().extension() == ".xml") {
      out.push_back(std::filesystem::relative(e.path(), CebTestdata()).generic_string());
    }
  }
  std::sort(out.begin(), out.end());
  return out;
}

template <typename T>
T Require(core::StatusOr<T> result) {
  REQUIRE_MESSAGE(result.ok(), result.status().ToString());
  return std::move(result).value();
}

inline core::CebMessage ParseSample(const std::string& relative) {
  core::StatusOr<core::CebMessage> m = ParseCebXml(ReadSample(relative));
  REQUIRE_MESSAGE(m.ok(), relative << ": " << m.status().ToString());
  return std::move(m).value();
}

inline bool Contains(const std::string& text, std::string_view part) {
  return text.find(part) != std::string::npos;
}

// The records of a message as JSON text, to compare two readings of the same data.
inline std::string RecordsJson(const core::CebMessage& m) {
  return core::DumpJson(core::CebMessageToJson(m)["records"]);
}

inline constexpr const char* kOfficial2022 = "chinaport-data-signature/official-202205/import/";
inline constexpr const char* kOfficial2018 = "chinaport-data-signature/official-2018/import/";

}  // namespace server::testing
