// Errors as values for the core (no exceptions): Status and StatusOr<T>, with abseil's code names.
// Pure: no I/O.
#pragma once

#include <string>
#include <string_view>
#include <utility>
#include <variant>

namespace core {

enum class StatusCode {
  kOk = 0,
  kInvalidArgument,
  kNotFound,
  kAlreadyExists,
  kFailedPrecondition,
  kPermissionDenied,
  kUnauthenticated,
  kOutOfRange,
  kResourceExhausted,
  kInternal,
  kDeadlineExceeded,  // a remote party did not answer in time (the crawler's fetches)
  kUnavailable,       // a remote party could not be reached (retry later)
};

// Stable lower-case name of a code ("invalid_argument"), used in API error bodies.
std::string_view StatusCodeName(StatusCode code);

class [[nodiscard]] Status {
 public:
  Status() = default;
  Status(StatusCode code, std::string message) : code_(code), message_(std::move(message)) {}
  static Status Ok() { return Status(); }

  bool ok() const { return code_ == StatusCode::kOk; }
  StatusCode code() const { return code_; }
  const std::string& message() const { return message_; }
  // "invalid_argument: message" or "ok".
  std::string ToString() const;

 private:
  StatusCode code_ = StatusCode::kOk;
  std::string message_;
};

inline Status OkStatus() { return Status(); }
inline Status InvalidArgumentError(std::string m) {
  return Status(StatusCode::kInvalidArgument, std::move(m));
}
inline Status NotFoundError(std::string m) { return Status(StatusCode::kNotFound, std::move(m)); }
inline Status AlreadyExistsError(std::string m) {
  return Status(StatusCode::kAlreadyExists, std::move(m));
}
inline Status FailedPreconditionError(std::string m) {
  return Status(StatusCode::kFailedPrecondition, std::move(m));
}
inline Status PermissionDeniedError(std::string m) {
  return Status(StatusCode::kPermissionDenied, std::move(m));
}
inline Status UnauthenticatedError(std::string m) {
  return Status(StatusCode::kUnauthenticated, std::move(m));
}
inline Status OutOfRangeError(std::string m) {
  return Status(StatusCode::kOutOfRange, std::move(m));
}
inline Status ResourceExhaustedError(std::string m) {
  return Status(StatusCode::kResourceExhausted, std::move(m));
}
inline Status InternalError(std::string m) { return Status(StatusCode::kInternal, std::move(m)); }
inline Status DeadlineExceededError(std::string m) {
  return Status(StatusCode::kDeadlineExceeded, std::move(m));
}
inline Status UnavailableError(std::string m) {
  return Status(StatusCode::kUnavailable, std::move(m));
}

// A value or the error that prevented it. Accessing value() on an error is a programming error
// (checked by an assert-like trap, since the core has no exceptions).
template <typename T>
class [[nodiscard]] StatusOr {
 public:
  StatusOr(T value) : data_(std::move(value)) {}        // NOLINT: implicit by design
  StatusOr(Status status) : data_(std::move(status)) {  // NOLINT: implicit by design
    if (std::get<Status>(data_).ok()) data_ = Status(StatusCode::kInternal, "StatusOr from OK");
  }

  bool ok() const { return std::holds_alternative<T>(data_); }
  Status status() const { return ok() ? Status() : std::get<Status>(data_); }

  const T& value() const& {
    Check();
    return std::get<T>(data_);
  }
  T& value() & {
    Check();
    return std::get<T>(data_);
  }
  T&& value() && {
    Check();
    return std::get<T>(std::move(data_));
  }
  const T& operator*() const& { return value(); }
  T& operator*() & { return value(); }
  const T* operator->() const { return &value(); }
  T* operator->() { return &value(); }

 private:
  void Check() const {
    if (!ok()) __builtin_trap();
  }
  std::variant<Status, T> data_;
};

}  // namespace core

#define CORE_CONCAT_INNER_(a, b) a##b
#define CORE_CONCAT_(a, b) CORE_CONCAT_INNER_(a, b)

// Returns the Status from the enclosing function when expr is not OK.
#define CORE_RETURN_IF_ERROR(expr)                 \
  do {                                             \
    ::core::Status status_macro_ = (expr);         \
    if (!status_macro_.ok()) return status_macro_; \
  } while (0)

// `CORE_ASSIGN_OR_RETURN(auto x, F());` declares x from F()'s value or returns its error.
#define CORE_ASSIGN_OR_RETURN(lhs, expr) \
  CORE_ASSIGN_OR_RETURN_IMPL_(CORE_CONCAT_(status_or_, __LINE__), lhs, expr)
#define CORE_ASSIGN_OR_RETURN_IMPL_(tmp, lhs, expr) \
  auto tmp = (expr);                                \
  if (!tmp.ok()) return tmp.status();               \
  lhs = std::move(tmp).value()
