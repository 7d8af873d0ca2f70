// The JSON path subset of docs/site-profiles.md: dot-separated names and [index]
// ("data.items[0].price"), an optional leading "$."; a step through an array without an index
// takes the first element. Compiled once, evaluated over core::Json. Pure (no I/O).
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/json.h"
#include "core/status.h"

namespace crawler {

class JsonPath {
 public:
  // Compiles `text`. InvalidArgument("unexpected ']' at 7") with the 0-based byte offset, or
  // "empty path".
  static core::StatusOr<JsonPath> Parse(std::string_view text);

  // The value at the path, or nullptr when a step is missing or has the wrong type.
  const core::Json* Find(const core::Json& root) const;

  const std::string& text() const { return text_; }

  struct Step {
    std::string name;  // object key; empty for an index step
    int index = -1;    // >= 0 for "[n]"
  };
  const std::vector<Step>& steps() const { return steps_; }

 private:
  std::string text_;
  std::vector<Step> steps_;
};

// A scalar as text: strings as they are, numbers as written by the serializer ("119.99", "13"),
// booleans "true"/"false". nullopt for null, objects and arrays (an array gives its first scalar
// element).
std::optional<std::string> JsonScalarText(const core::Json& value);

}  // namespace crawler
