// Folding text so that what people write differently compares equal: goods names (the
// same-name-different-code check) and consumers' delivery addresses. Pure.
#pragma once

#include <string>
#include <string_view>

namespace core {

// Full-width ASCII (U+FF01..U+FF5E) folded to ASCII, ASCII letters lower-cased, and separators
// people type differently dropped: whitespace (incl. U+3000), dashes, brackets, commas, quotes,
// slashes, dots (but a decimal point between digits: "2.5kg" is not "25kg"), in ASCII and CJK
// forms (、。《》「」【】...). Symbols that carry meaning (+ % & #) stay; malformed UTF-8 bytes
// are kept as they are.
std::string FoldForComparison(std::string_view text);

}  // namespace core
