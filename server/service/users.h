// Creating users (API and demo seeding share this path): validation, argon2id hashing, insert,
// audit. Does database I/O.
#pragma once

#include <string_view>

#include "app.h"
#include "common/actor.h"
#include "core/json.h"
#include "store/users_repo.h"

namespace server {

// The user as the actor of a request or a seeded step.
Actor ActorFor(const UserRecord& user);

// InvalidArgument unless 3..32 characters of [A-Za-z0-9_.-].
core::Status CheckUsername(std::string_view username);

// Validates {username, password, role, display_name?, enterprise_id?} (role "enterprise" needs
// an enterprise_id; the others must not have one) and hashes the password. Slow by design: call
// it before opening the write transaction. InvalidArgument naming the field.
core::StatusOr<UserRecord> PrepareUser(const core::Json& body, const PasswordParams& params);

// Inserts a prepared user, audited ("user.create"); must run inside a transaction. NotFound when
// the enterprise does not exist, AlreadyExists when the username is taken.
core::StatusOr<UserRecord> CreateUser(Db& db, const Actor& actor, UserRecord user, int64_t now);

}  // namespace server
