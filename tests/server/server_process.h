// The server binary as a child process, for the tests and benchmarks that must kill it or read
// its output: started with posix_spawn, its stdout on a pipe read up to the "listening on" line
// (which the server prints once its port is bound), its stderr optionally in a file. Header-only
// and free of doctest, so benchmarks use it too. Does process and file I/O.
#pragma once

#include <fcntl.h>
#include <signal.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstdio>
#include <string>
#include <vector>

extern char** environ;

namespace server::testing {

struct ServerProcess {
  pid_t pid = 0;
  int port = 0;  // 0 when it did not start
  int out = -1;  // the read end of its stdout, open until Reap (a closed pipe would kill it)
  std::string last_line;  // what it printed last before the port line, or instead of it
};

// Runs `binary args...` and waits for its port. `stderr_path` "" leaves stderr inherited.
inline ServerProcess StartServerProcess(const std::string& binary, std::vector<std::string> args,
                                        const std::string& stderr_path = "") {
  ServerProcess p;
  int fds[2];
  if (pipe(fds) != 0) return p;
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_adddup2(&actions, fds[1], STDOUT_FILENO);
  posix_spawn_file_actions_addclose(&actions, fds[0]);
  if (!stderr_path.empty()) {
    posix_spawn_file_actions_addopen(&actions, STDERR_FILENO, stderr_path.c_str(),
                                     O_WRONLY | O_CREAT | O_TRUNC, 0644);
  }
  std::vector<char*> argv = {const_cast<char*>(binary.c_str())};
  for (std::string& a : args) argv.push_back(a.data());
  argv.push_back(nullptr);
  const int spawned = posix_spawn(&p.pid, binary.c_str(), &actions, nullptr, argv.data(), environ);
  posix_spawn_file_actions_destroy(&actions);
  close(fds[1]);
  p.out = fds[0];
  if (spawned != 0) {
    p.pid = 0;
    return p;
  }
  std::string line;
  char c = 0;
  while (read(p.out, &c, 1) == 1) {  // blocks until the server has bound its port
    if (c != '\n') {
      line += c;
      continue;
    }
    if (std::sscanf(line.c_str(), "listening on http://127.0.0.1:%d", &p.port) == 1) break;
    p.last_line = line;
    line.clear();
  }
  return p;
}

// Waits for the process to end (after a kill) and closes its pipe; the wait status.
inline int ReapServerProcess(ServerProcess& p) {
  int status = 0;
  if (p.pid > 0) waitpid(p.pid, &status, 0);
  if (p.out >= 0) close(p.out);
  p.pid = 0;
  p.out = -1;
  return status;
}

}  // namespace server::testing
