#include "core/hardware/process.h"

#include <cerrno>
#include <chrono>
#include <csignal>

#include <fcntl.h>
#include <poll.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <unistd.h>

namespace quantcfg {

namespace {

constexpr std::size_t kMaxStreamBytes = 1024 * 1024;

struct Pipe
{
    int fd[2] = {-1, -1};
    bool open() { return ::pipe2(fd, O_CLOEXEC) == 0; }
    void closeEnd(int i)
    {
        if (fd[i] >= 0)
            ::close(fd[i]);
        fd[i] = -1;
    }
    ~Pipe()
    {
        closeEnd(0);
        closeEnd(1);
    }
};

// Runs in the forked child: only async-signal-safe calls until exec.
[[noreturn]] void execChild(const std::vector<char *> &args, Pipe &out, Pipe &err, Pipe &status)
{
    ::setpgid(0, 0); // own process group, so a timeout kills the program and its children
    const int devNull = ::open("/dev/null", O_RDONLY);
    if (devNull >= 0)
        ::dup2(devNull, STDIN_FILENO);
    ::dup2(out.fd[1], STDOUT_FILENO);
    ::dup2(err.fd[1], STDERR_FILENO);
    ::execvp(args[0], args.data());
    const int e = errno;
    [[maybe_unused]] const auto n = ::write(status.fd[1], &e, sizeof e);
    ::_exit(127);
}

void drain(int &fd, std::string &into)
{
    char buf[4096];
    const ssize_t n = ::read(fd, buf, sizeof buf);
    if (n > 0) {
        if (into.size() < kMaxStreamBytes)
            into.append(buf, static_cast<std::size_t>(n));
        return;
    }
    if (n == 0 || (errno != EINTR && errno != EAGAIN)) {
        ::close(fd);
        fd = -1;
    }
}

} // namespace

ProcessResult runProcess(const std::vector<std::string> &argv, int timeoutMs)
{
    ProcessResult result;
    if (argv.empty())
        return result;
    std::vector<char *> args;
    for (const std::string &a : argv)
        args.push_back(const_cast<char *>(a.c_str()));
    args.push_back(nullptr);

    Pipe out, err, status;
    if (!out.open() || !err.open() || !status.open()) {
        result.startError = errno;
        return result;
    }
    const pid_t pid = ::fork();
    if (pid < 0) {
        result.startError = errno;
        return result;
    }
    if (pid == 0)
        execChild(args, out, err, status);

    out.closeEnd(1);
    err.closeEnd(1);
    status.closeEnd(1);
    int execErrno = 0;
    if (::read(status.fd[0], &execErrno, sizeof execErrno) == static_cast<ssize_t>(sizeof execErrno)) {
        ::waitpid(pid, nullptr, 0);
        result.startError = execErrno;
        return result;
    }
    result.started = true;

    const auto deadline = std::chrono::steady_clock::now() + std::chrono::milliseconds(timeoutMs);
    while (out.fd[0] >= 0 || err.fd[0] >= 0) {
        const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(deadline - std::chrono::steady_clock::now());
        if (left.count() <= 0) {
            result.timedOut = true;
            break;
        }
        pollfd fds[2] = {{out.fd[0], POLLIN, 0}, {err.fd[0], POLLIN, 0}};
        const int ready = ::poll(fds, 2, static_cast<int>(left.count()));
        if (ready < 0 && errno != EINTR)
            break;
        if (fds[0].revents)
            drain(out.fd[0], result.out);
        if (fds[1].revents)
            drain(err.fd[0], result.err);
    }

    int wstatus = 0;
    if (result.timedOut) {
        ::kill(-pid, SIGKILL);
        ::kill(pid, SIGKILL);
        ::waitpid(pid, &wstatus, 0);
        return result;
    }
    // Both streams are closed: the program has exited or is about to. Give it the rest of the
    // timeout to do so.
    while (::waitpid(pid, &wstatus, WNOHANG) == 0) {
        if (std::chrono::steady_clock::now() >= deadline) {
            result.timedOut = true;
            ::kill(-pid, SIGKILL);
            ::waitpid(pid, &wstatus, 0);
            return result;
        }
        ::usleep(1000);
    }
    if (WIFEXITED(wstatus))
        result.exitCode = WEXITSTATUS(wstatus);
    return result;
}

} // namespace quantcfg
