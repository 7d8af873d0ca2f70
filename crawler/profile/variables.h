// {name} placeholders in site-profile templates (URLs, form fields, JSON bodies). Pure.
#pragma once

#include <map>
#include <string>

#include "core/status.h"

namespace crawler {

// `text` with every {name} replaced by its variable; the first unknown name is a
// FailedPrecondition error ("unknown variable {name}"). A '{' with no '}' after it is kept.
core::StatusOr<std::string> FillVariables(const std::string& text,
                                          const std::map<std::string, std::string>& vars);

}  // namespace crawler
