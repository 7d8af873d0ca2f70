// Server tests: sign-in, sign-out, sessions (idle and absolute expiry), password hashing,
// throttling, and user administration.
#include <doctest/doctest.h>

#include "test_server.h"

namespace server::testing {
namespace {

TEST_CASE("login sets an HttpOnly SameSite=Strict cookie; me and logout work") {
  TestServer s({.seed_demo = true});
  Response r =
      s.Post("/api/v1/auth/login", {{"username", "officer"}, {"password", kOfficerPassword}});
  REQUIRE(r.status == 200);
  CHECK(r.json["user"]["username"] == "officer");
  CHECK(r.json["user"]["role"] == "officer");
  CHECK(r.json["user"]["display_name"] == "李巡查");
  CHECK_FALSE(r.json["user"].contains("password_hash"));
  std::string set_cookie = r.Header("Set-Cookie");
  CHECK(set_cookie.rfind("patrol_session=", 0) == 0);
  CHECK(set_cookie.find("; HttpOnly") != std::string::npos);
  CHECK(set_cookie.find("; SameSite=Strict") != std::string::npos);
  CHECK(set_cookie.find("; Path=/") != std::string::npos);
  std::string cookie = set_cookie.substr(0, set_cookie.find(';'));
  CHECK(cookie.size() == std::string("patrol_session=").size() + 64);

  Response me = s.Get("/api/v1/auth/me", cookie);
  REQUIRE(me.status == 200);
  CHECK(me.json["user"]["username"] == "officer");
  CHECK(me.json["today"] == kToday);

  Response out = s.Send("POST", "/api/v1/auth/logout", "{}", cookie);
  CHECK(out.status == 204);
  CHECK(out.Header("Set-Cookie").find("Max-Age=0") != std::string::npos);
  Response after = s.Get("/api/v1/auth/me", cookie);
  CHECK(after.status == 401);
  CHECK(after.ErrorCode() == "unauthenticated");
  CHECK(s.Count("sessions") == 0);
}

TEST_CASE("only the SHA-256 of the session token is stored") {
  TestServer s({.seed_demo = true});
  std::string cookie = s.Login("hnby", kEnterprisePassword);
  std::string token = cookie.substr(cookie.find('=') + 1);
  std::unique_ptr<Db> db = s.OpenDb();
  auto q = db->Query("SELECT token_hash FROM sessions");
  REQUIRE(q.ok());
  REQUIRE(*q->Step());
  std::string stored = q->Text(0);
  CHECK(stored != token);
  CHECK(stored.size() == 64);
  CHECK(s.Get("/api/v1/auth/me", "patrol_session=" + stored).status == 401);
}

TEST_CASE("wrong password and unknown user answer 401 without a cookie") {
  TestServer s({.seed_demo = true});
  Response wrong =
      s.Post("/api/v1/auth/login", {{"username", "officer"}, {"password", "nope-nope-nope"}});
  CHECK(wrong.status == 401);
  CHECK(wrong.ErrorCode() == "unauthenticated");
  CHECK(wrong.Header("Set-Cookie").empty());
  Response unknown =
      s.Post("/api/v1/auth/login", {{"username", "ghost"}, {"password", "whatever123"}});
  CHECK(unknown.status == 401);
  CHECK(unknown.json["error"]["message"] == wrong.json["error"]["message"]);
  CHECK(s.Count("sessions") == 0);
}

TEST_CASE("repeated failed logins are throttled with 429, even with the right password") {
  TestServer s({.seed_demo = true});
  for (int i = 0; i < 10; ++i) {
    CHECK(s.Post("/api/v1/auth/login", {{"username", "officer2"}, {"password", "bad-password"}})
              .status == 401);
  }
  Response blocked =
      s.Post("/api/v1/auth/login", {{"username", "officer2"}, {"password", kOfficerPassword}});
  CHECK(blocked.status == 429);
  CHECK(blocked.ErrorCode() == "resource_exhausted");
  // Another account is unaffected, and the window passes.
  s.Login("officer", kOfficerPassword);
  s.Advance(15 * 60);
  s.Login("officer2", kOfficerPassword);
}

TEST_CASE("sessions expire after the idle timeout and after the absolute lifetime") {
  TestServer s({.seed_demo = true});
  const SessionConfig& cfg = s.app().config().session;
  std::string cookie = s.Login("officer", kOfficerPassword);
  s.Advance(cfg.idle_seconds - 10);
  CHECK(s.Get("/api/v1/auth/me", cookie).status == 200);  // refreshes last_seen
  s.Advance(cfg.idle_seconds - 10);
  CHECK(s.Get("/api/v1/auth/me", cookie).status == 200);
  s.Advance(cfg.idle_seconds + 1);
  CHECK(s.Get("/api/v1/auth/me", cookie).status == 401);
  CHECK(s.Count("sessions") == 0);

  // Kept busy, the session still ends at its absolute expiry.
  std::string busy = s.Login("officer", kOfficerPassword);
  int64_t elapsed = 0;
  while (elapsed + cfg.idle_seconds / 2 < cfg.absolute_seconds) {
    s.Advance(cfg.idle_seconds / 2);
    elapsed += cfg.idle_seconds / 2;
    REQUIRE(s.Get("/api/v1/auth/me", busy).status == 200);
  }
  s.Advance(cfg.absolute_seconds - elapsed);
  CHECK(s.Get("/api/v1/auth/me", busy).status == 401);
}

TEST_CASE("a malformed or foreign cookie is simply not signed in") {
  TestServer s({.seed_demo = true});
  CHECK(s.Get("/api/v1/auth/me", "patrol_session=zz").status == 401);
  CHECK(s.Get("/api/v1/auth/me", "patrol_session=" + std::string(64, 'a')).status == 401);
  std::string cookie = s.Login("admin", kAdminPassword);
  CHECK(s.Get("/api/v1/auth/me", "theme=dark; " + cookie + "; lang=zh").status == 200);
}

TEST_CASE("password hashes are argon2id") {
  TestServer s({.seed_demo = true});
  std::unique_ptr<Db> db = s.OpenDb();
  auto q = db->Query("SELECT username, password_hash FROM users");
  REQUIRE(q.ok());
  int n = 0;
  while (*q->Step()) {
    ++n;
    CAPTURE(q->Text(0));
    CHECK(q->Text(1).rfind("$argon2id$", 0) == 0);
  }
  CHECK(n == 9);
  // The production setting is libsodium's interactive cost; tests use the minimum.
  CHECK(PasswordParams::Interactive().opslimit >= 2);
  CHECK(PasswordParams::Interactive().memlimit >= (64u << 20));
  core::StatusOr<std::string> h = HashPassword("correct horse", PasswordParams::FastForTests());
  REQUIRE(h.ok());
  CHECK(VerifyPassword("correct horse", *h));
  CHECK_FALSE(VerifyPassword("correct horsE", *h));
  CHECK_FALSE(VerifyPassword("correct horse", "not a hash"));
}

TEST_CASE("admin lists and creates users; validation writes nothing") {
  TestServer s({.seed_demo = true});
  std::string admin = s.Login("admin", kAdminPassword);
  Response list = s.Get("/api/v1/users", admin);
  REQUIRE(list.status == 200);
  CHECK(list.json["total"] == 9);
  CHECK(list.json["items"].size() == 9);
  CHECK(list.body.find("argon2") == std::string::npos);

  Response created = s.Post("/api/v1/users",
                            {{"username", "officer3"},
                             {"password", "Officer3#long"},
                             {"role", "officer"},
                             {"display_name", "赵稽查"}},
                            admin);
  REQUIRE(created.status == 201);
  CHECK(created.json["user"]["username"] == "officer3");
  s.Login("officer3", "Officer3#long");

  auto before = s.Counts();
  struct Bad {
    core::Json body;
    int status;
  };
  const Bad bad[] = {
      {{{"username", "officer3"}, {"password", "Officer3#long"}, {"role", "officer"}}, 409},
      {{{"username", "x"}, {"password", "Officer3#long"}, {"role", "officer"}}, 400},
      {{{"username", "bad name"}, {"password", "Officer3#long"}, {"role", "officer"}}, 400},
      {{{"username", std::string(33, 'a')}, {"password", "Officer3#long"}, {"role", "officer"}},
       400},
      {{{"username", "short"}, {"password", "short"}, {"role", "officer"}}, 400},
      {{{"username", "rolex"}, {"password", "Officer3#long"}, {"role", "king"}}, 400},
      {{{"username", "entx"}, {"password", "Officer3#long"}, {"role", "enterprise"}}, 400},
      {{{"username", "entx"},
        {"password", "Officer3#long"},
        {"role", "enterprise"},
        {"enterprise_id", 9999}},
       404},
      {{{"username", "offx"},
        {"password", "Officer3#long"},
        {"role", "officer"},
        {"enterprise_id", 1}},
       400},
      {{{"username", 12}, {"password", "Officer3#long"}, {"role", "officer"}}, 400},
      {{{"password", "Officer3#long"}, {"role", "officer"}}, 400},
  };
  for (const Bad& b : bad) {
    CAPTURE(core::DumpJson(b.body));
    Response r = s.Post("/api/v1/users", b.body, admin);
    CHECK(r.status == b.status);
    CHECK(!r.ErrorCode().empty());
  }
  CHECK(s.Counts() == before);

  // An enterprise account bound to an existing enterprise.
  Response ent = s.Post("/api/v1/users",
                        {{"username", "hnby2"},
                         {"password", "Ent2#longpass"},
                         {"role", "enterprise"},
                         {"enterprise_id", 1}},
                        admin);
  REQUIRE(ent.status == 201);
  std::string hnby2 = s.Login("hnby2", "Ent2#longpass");
  Response me = s.Get("/api/v1/auth/me", hnby2);
  CHECK(me.json["enterprise"]["id"] == 1);
  CHECK(me.json["enterprise"]["status"] == "admitted");

  // Officers cannot administer users.
  std::string officer = s.Login("officer", kOfficerPassword);
  CHECK(s.Get("/api/v1/users", officer).status == 403);
  CHECK(s.Post("/api/v1/users",
               {{"username", "sneaky"}, {"password", "Sneaky#12345"}, {"role", "admin"}}, officer)
            .status == 403);
}

TEST_CASE("signing out everywhere ends every session of the user, and only theirs") {
  TestServer s({.seed_demo = true});
  const std::string laptop = s.Login("officer", kOfficerPassword);
  const std::string phone = s.Login("officer", kOfficerPassword);
  const std::string colleague = s.Login("officer2", kOfficerPassword);
  CHECK(s.Post("/api/v1/auth/logout-all", core::Json::object()).status == 401);
  Response r = s.Post("/api/v1/auth/logout-all", core::Json::object(), phone);
  CHECK(r.status == 204);
  CHECK(r.Header("Set-Cookie").find("Max-Age=0") != std::string::npos);
  CHECK(s.Get("/api/v1/auth/me", laptop).status == 401);
  CHECK(s.Get("/api/v1/auth/me", phone).status == 401);
  CHECK(s.Get("/api/v1/auth/me", colleague).status == 200);
  const std::string admin = s.Login("admin", kAdminPassword);
  Response audit = s.Get("/api/v1/audit?action=auth.logout_all", admin);
  REQUIRE(audit.status == 200);
  REQUIRE(audit.json["items"].size() == 1);
  CHECK(audit.json["items"][0]["detail"]["sessions"] == 2);
}

TEST_CASE("changing one's password ends every session; a wrong current password changes nothing") {
  TestServer s({.seed_demo = true});
  const std::string a = s.Login("hnby", kEnterprisePassword);
  const std::string b = s.Login("hnby", kEnterprisePassword);
  const std::string next = "Hnby#Rotated2026";
  auto change = [&](const std::string& current, const std::string& to) {
    return s.Post("/api/v1/auth/password", {{"current_password", current}, {"new_password", to}},
                  a);
  };
  std::unique_ptr<Db> db = s.OpenDb();
  auto hash = [&] {
    auto q = db->Query("SELECT password_hash FROM users WHERE username = 'hnby'");
    REQUIRE(q.ok());
    REQUIRE(*q->Step());
    return q->Text(0);
  };
  const std::string before = hash();
  Response wrong = change("not-it", next);
  CHECK(wrong.status == 403);
  CHECK(wrong.ErrorCode() == "permission_denied");
  CHECK(change(kEnterprisePassword, "short").status == 400);  // too weak: refused
  CHECK(hash() == before);
  CHECK(s.Get("/api/v1/auth/me", b).status == 200);

  CHECK(change(kEnterprisePassword, next).status == 204);
  CHECK(hash() != before);
  CHECK(hash().rfind("$argon2id$", 0) == 0);
  CHECK(s.Get("/api/v1/auth/me", a).status == 401);
  CHECK(s.Get("/api/v1/auth/me", b).status == 401);
  CHECK(s.Post("/api/v1/auth/login", {{"username", "hnby"}, {"password", kEnterprisePassword}})
            .status == 401);
  CHECK(s.Login("hnby", next).size() > 0);
  const std::string admin = s.Login("admin", kAdminPassword);
  Response audit = s.Get("/api/v1/audit?action=auth.password_changed", admin);
  REQUIRE(audit.status == 200);
  REQUIRE(audit.json["items"].size() == 1);
  CHECK(audit.body.find(next) == std::string::npos);  // never the password itself
  CHECK(audit.body.find(kEnterprisePassword) == std::string::npos);
}

}  // namespace
}  // namespace server::testing