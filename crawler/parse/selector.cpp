// Selector: a small recursive-descent parser and right-to-left matcher. Pure (no I/O).
#include "parse/selector.h"

#include <charconv>

#include "parse/html_document.h"

namespace crawler {
namespace {

bool IsSpace(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f'; }

bool IsIdentChar(char c) {
  unsigned char u = static_cast<unsigned char>(c);
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' ||
         c == '_' || u >= 0x80;
}

class Parser {
 public:
  explicit Parser(std::string_view text) : s_(text) {}

  core::Status Error() const {
    if (pos_ >= s_.size()) return core::InvalidArgumentError("unexpected end at " + Pos());
    return core::InvalidArgumentError("unexpected '" + std::string(1, s_[pos_]) + "' at " + Pos());
  }

  core::StatusOr<std::vector<Selector::Complex>> ParseGroups() {
    std::vector<Selector::Complex> groups;
    SkipSpace();
    if (pos_ >= s_.size()) return core::InvalidArgumentError("empty selector");
    while (true) {
      CORE_ASSIGN_OR_RETURN(Selector::Complex c, ParseComplex());
      groups.push_back(std::move(c));
      SkipSpace();
      if (pos_ >= s_.size()) break;
      if (s_[pos_] != ',') return Error();
      ++pos_;
      SkipSpace();
    }
    return groups;
  }

 private:
  std::string Pos() const { return std::to_string(pos_); }
  void SkipSpace() {
    while (pos_ < s_.size() && IsSpace(s_[pos_])) ++pos_;
  }
  bool AtCompoundStart() const {
    if (pos_ >= s_.size()) return false;
    char c = s_[pos_];
    return c == '.' || c == '#' || c == '[' || c == ':' || c == '*' || c == '\\' || IsIdentChar(c);
  }

  // An identifier with backslash escapes of single characters.
  core::StatusOr<std::string> Ident() {
    std::string out;
    while (pos_ < s_.size()) {
      char c = s_[pos_];
      if (c == '\\') {
        if (pos_ + 1 >= s_.size()) {
          ++pos_;
          return Error();
        }
        out.push_back(s_[pos_ + 1]);
        pos_ += 2;
      } else if (IsIdentChar(c)) {
        out.push_back(c);
        ++pos_;
      } else {
        break;
      }
    }
    if (out.empty()) return Error();
    return out;
  }

  core::StatusOr<Selector::Complex> ParseComplex() {
    Selector::Complex c;
    CORE_ASSIGN_OR_RETURN(Selector::Compound first, ParseCompound());
    c.parts.push_back(std::move(first));
    while (true) {
      size_t before = pos_;
      SkipSpace();
      bool child = false;
      if (pos_ < s_.size() && s_[pos_] == '>') {
        child = true;
        ++pos_;
        SkipSpace();
      } else if (pos_ == before || !AtCompoundStart()) {
        break;  // no combinator: the end, a group comma or an error for the caller
      }
      CORE_ASSIGN_OR_RETURN(Selector::Compound next, ParseCompound());
      c.child_of.push_back(child);
      c.parts.push_back(std::move(next));
    }
    return c;
  }

  core::StatusOr<Selector::Compound> ParseCompound() {
    Selector::Compound comp;
    bool any = false;
    if (pos_ < s_.size() && s_[pos_] == '*') {
      ++pos_;
      any = true;
    } else if (pos_ < s_.size() && (IsIdentChar(s_[pos_]) || s_[pos_] == '\\')) {
      CORE_ASSIGN_OR_RETURN(std::string tag, Ident());
      comp.tag = AsciiLower(tag);
      any = true;
    }
    while (pos_ < s_.size()) {
      char c = s_[pos_];
      if (c == '.') {
        ++pos_;
        CORE_ASSIGN_OR_RETURN(std::string cls, Ident());
        comp.classes.push_back(std::move(cls));
      } else if (c == '#') {
        ++pos_;
        CORE_ASSIGN_OR_RETURN(std::string id, Ident());
        comp.ids.push_back(std::move(id));
      } else if (c == '[') {
        ++pos_;
        CORE_ASSIGN_OR_RETURN(Selector::AttrTest test, ParseAttr());
        comp.attrs.push_back(std::move(test));
      } else if (c == ':') {
        ++pos_;
        CORE_ASSIGN_OR_RETURN(Selector::Pseudo p, ParsePseudo());
        comp.pseudos.push_back(p);
      } else {
        break;
      }
      any = true;
    }
    if (!any) return Error();
    return comp;
  }

  core::StatusOr<Selector::AttrTest> ParseAttr() {
    Selector::AttrTest t;
    SkipSpace();
    CORE_ASSIGN_OR_RETURN(std::string name, Ident());
    t.name = AsciiLower(name);
    SkipSpace();
    if (pos_ >= s_.size()) return Error();
    char c = s_[pos_];
    if (c == ']') {
      ++pos_;
      return t;
    }
    using Op = Selector::AttrTest::Op;
    if (c == '=') {
      t.op = Op::kEquals;
      ++pos_;
    } else if ((c == '^' || c == '$' || c == '*') && pos_ + 1 < s_.size() && s_[pos_ + 1] == '=') {
      t.op = c == '^' ? Op::kPrefix : c == '$' ? Op::kSuffix : Op::kContains;
      pos_ += 2;
    } else {
      return Error();
    }
    SkipSpace();
    if (pos_ >= s_.size()) return Error();
    if (s_[pos_] == '"' || s_[pos_] == '\'') {
      char quote = s_[pos_++];
      while (pos_ < s_.size() && s_[pos_] != quote) {
        if (s_[pos_] == '\\' && pos_ + 1 < s_.size()) ++pos_;
        t.value.push_back(s_[pos_++]);
      }
      if (pos_ >= s_.size()) return Error();
      ++pos_;
    } else {
      CORE_ASSIGN_OR_RETURN(t.value, Ident());
    }
    SkipSpace();
    if (pos_ >= s_.size() || s_[pos_] != ']') return Error();
    ++pos_;
    return t;
  }

  core::StatusOr<Selector::Pseudo> ParsePseudo() {
    size_t start = pos_;
    CORE_ASSIGN_OR_RETURN(std::string name, Ident());
    name = AsciiLower(name);
    using Kind = Selector::Pseudo::Kind;
    Selector::Pseudo p;
    if (name == "first-child") {
      p.kind = Kind::kFirstChild;
      return p;
    }
    if (name == "last-child") {
      p.kind = Kind::kLastChild;
      return p;
    }
    if (name != "nth-child") {
      pos_ = start;
      return core::InvalidArgumentError("unsupported pseudo-class ':" + name + "' at " + Pos());
    }
    if (pos_ >= s_.size() || s_[pos_] != '(') return Error();
    ++pos_;
    SkipSpace();
    size_t arg_start = pos_;
    while (pos_ < s_.size() && IsIdentChar(s_[pos_])) ++pos_;
    std::string arg = AsciiLower(s_.substr(arg_start, pos_ - arg_start));
    if (arg == "odd") {
      p.kind = Kind::kNthOdd;
    } else if (arg == "even") {
      p.kind = Kind::kNthEven;
    } else {
      p.kind = Kind::kNthChild;
      auto [ptr, ec] = std::from_chars(arg.data(), arg.data() + arg.size(), p.n);
      if (arg.empty() || ec != std::errc() || ptr != arg.data() + arg.size() || p.n < 1) {
        pos_ = arg_start;
        return Error();
      }
    }
    SkipSpace();
    if (pos_ >= s_.size() || s_[pos_] != ')') return Error();
    ++pos_;
    return p;
  }

  std::string_view s_;
  size_t pos_ = 0;
};

bool MatchAttr(const GumboNode* node, const Selector::AttrTest& t) {
  auto v = Attr(node, t.name);
  if (!v) return false;
  using Op = Selector::AttrTest::Op;
  switch (t.op) {
    case Op::kExists:
      return true;
    case Op::kEquals:
      return *v == t.value;
    case Op::kPrefix:
      return !t.value.empty() && v->substr(0, t.value.size()) == t.value;
    case Op::kSuffix:
      return !t.value.empty() && v->size() >= t.value.size() &&
             v->substr(v->size() - t.value.size()) == t.value;
    case Op::kContains:
      return !t.value.empty() && v->find(t.value) != std::string_view::npos;
  }
  return false;
}

// 1-based position among element siblings, and the number of element siblings.
std::pair<int, int> ElementPosition(const GumboNode* node) {
  const GumboVector* siblings = Children(node->parent);
  if (siblings == nullptr) return {1, 1};
  int pos = 0;
  int count = 0;
  for (unsigned i = 0; i < siblings->length; ++i) {
    const auto* s = static_cast<const GumboNode*>(siblings->data[i]);
    if (!IsElement(s)) continue;
    ++count;
    if (s == node) pos = count;
  }
  return {pos, count};
}

bool MatchPseudo(const GumboNode* node, const Selector::Pseudo& p) {
  auto [pos, count] = ElementPosition(node);
  using Kind = Selector::Pseudo::Kind;
  switch (p.kind) {
    case Kind::kFirstChild:
      return pos == 1;
    case Kind::kLastChild:
      return pos == count;
    case Kind::kNthChild:
      return pos == p.n;
    case Kind::kNthOdd:
      return pos % 2 == 1;
    case Kind::kNthEven:
      return pos % 2 == 0;
  }
  return false;
}

bool MatchCompound(const Selector::Compound& c, const GumboNode* node) {
  if (!IsElement(node)) return false;
  if (!c.tag.empty() && !HasTagName(node, c.tag)) return false;
  for (const std::string& id : c.ids) {
    auto v = Attr(node, "id");
    if (!v || *v != id) return false;
  }
  for (const std::string& cls : c.classes) {
    if (!HasClass(node, cls)) return false;
  }
  for (const auto& a : c.attrs) {
    if (!MatchAttr(node, a)) return false;
  }
  for (const auto& p : c.pseudos) {
    if (!MatchPseudo(node, p)) return false;
  }
  return true;
}

}  // namespace

core::StatusOr<Selector> Selector::Parse(std::string_view text) {
  Parser parser(text);
  CORE_ASSIGN_OR_RETURN(auto groups, parser.ParseGroups());
  Selector s;
  s.text_ = std::string(text);
  s.groups_ = std::move(groups);
  return s;
}

bool Selector::MatchFrom(const Complex& c, size_t index, const GumboNode* node) const {
  if (!MatchCompound(c.parts[index], node)) return false;
  if (index == 0) return true;
  if (c.child_of[index - 1])
    return IsElement(node->parent) && MatchFrom(c, index - 1, node->parent);
  for (const GumboNode* a = node->parent; IsElement(a); a = a->parent) {
    if (MatchFrom(c, index - 1, a)) return true;
  }
  return false;
}

bool Selector::Matches(const GumboNode* node) const {
  if (!IsElement(node)) return false;
  for (const Complex& c : groups_) {
    if (MatchFrom(c, c.parts.size() - 1, node)) return true;
  }
  return false;
}

namespace {

// Document-order walk with an explicit stack; `visit` returns false to stop.
template <typename Visit>
void Walk(const GumboNode* root, Visit visit) {
  std::vector<const GumboNode*> stack{root};
  while (!stack.empty()) {
    const GumboNode* n = stack.back();
    stack.pop_back();
    if (IsElement(n) && !visit(n)) return;
    const GumboVector* ch = Children(n);
    if (ch == nullptr) continue;
    for (unsigned i = ch->length; i-- > 0;) {
      const auto* c = static_cast<const GumboNode*>(ch->data[i]);
      if (IsElement(c)) stack.push_back(c);
    }
  }
}

}  // namespace

const GumboNode* Selector::First(const GumboNode* root) const {
  const GumboNode* found = nullptr;
  Walk(root, [&](const GumboNode* n) {
    if (Matches(n)) {
      found = n;
      return false;
    }
    return true;
  });
  return found;
}

void Selector::ForEach(const GumboNode* root,
                       const std::function<bool(const GumboNode*)>& visit) const {
  Walk(root, [&](const GumboNode* n) { return !Matches(n) || visit(n); });
}

std::vector<const GumboNode*> Selector::All(const GumboNode* root) const {
  std::vector<const GumboNode*> out;
  Walk(root, [&](const GumboNode* n) {
    if (Matches(n)) out.push_back(n);
    return true;
  });
  return out;
}

}  // namespace crawler
