// The CSS selector subset of docs/site-profiles.md, compiled once and matched over Gumbo nodes:
// type, .class, #id, [attr], [attr=v], [attr^=v], [attr$=v], [attr*=v], descendant and child
// combinators, :first-child, :last-child, :nth-child(n|odd|even), groups. Pure (no I/O).
#pragma once

#include <gumbo.h>

#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "core/status.h"

namespace crawler {

class Selector {
 public:
  // Compiles `text`. InvalidArgument("unexpected ']' at 7") naming the 0-based byte offset of
  // the offending character ("unexpected end at N" when the text stops early, "empty selector").
  static core::StatusOr<Selector> Parse(std::string_view text);

  // True when the element matches one of the groups. False for non-elements.
  bool Matches(const GumboNode* node) const;
  // First match in document order in the subtree of `root` (root included), or nullptr.
  const GumboNode* First(const GumboNode* root) const;
  // Every match in document order in the subtree of `root` (root included).
  std::vector<const GumboNode*> All(const GumboNode* root) const;
  // Calls `visit` on each match in document order until it returns false (no list is built).
  void ForEach(const GumboNode* root, const std::function<bool(const GumboNode*)>& visit) const;

  const std::string& text() const { return text_; }

  struct AttrTest {
    enum class Op { kExists, kEquals, kPrefix, kSuffix, kContains };
    std::string name;  // lower case
    Op op = Op::kExists;
    std::string value;
  };
  struct Pseudo {
    enum class Kind { kFirstChild, kLastChild, kNthChild, kNthOdd, kNthEven };
    Kind kind = Kind::kFirstChild;
    int n = 0;
  };
  struct Compound {
    std::string tag;  // lower case; "" matches any element
    std::vector<std::string> ids;
    std::vector<std::string> classes;
    std::vector<AttrTest> attrs;
    std::vector<Pseudo> pseudos;
  };
  struct Complex {
    std::vector<Compound> parts;
    std::vector<bool> child_of;  // child_of[i]: parts[i+1] is a child (not any descendant) of i
  };

 private:
  bool MatchFrom(const Complex& c, size_t index, const GumboNode* node) const;

  std::string text_;
  std::vector<Complex> groups_;
};

}  // namespace crawler
