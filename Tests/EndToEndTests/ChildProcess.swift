import Foundation
import Glibc

/// A child process started with `posix_spawn` and reaped with `waitpid`.
///
/// The end-to-end tests do not use Foundation's `Process`: on Linux its `waitUntilExit`
/// sometimes never notices that a quick child (a `tmux` client) has ended, leaving a zombie
/// and a test that waits for ever — that hung CI. `waitpid` cannot miss it. Standard
/// streams go to files, never pipes, so a daemon the child starts (the tmux server) cannot
/// hold a pipe open, and a chatty child cannot fill one.
final class ChildProcess {
    let pid: pid_t
    private var reaped: Ended?

    /// How a child ended.
    struct Ended: Equatable {
        /// The exit status, or the signal number when `signalled`.
        var status: Int32
        /// True when a signal ended it (a crash or a kill), not an exit.
        var signalled: Bool
    }

    /// Starts `arguments[0]` (looked up in `PATH` when it has no slash) with `arguments`.
    ///
    /// - Parameters:
    ///   - environment: the whole environment; nil keeps this process's.
    ///   - stdout, stderr: files the streams are written to (created or emptied).
    init(_ arguments: [String], environment: [String: String]? = nil,
         stdout: String = "/dev/null", stderr: String = "/dev/null") throws {
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, stdout, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        posix_spawn_file_actions_addopen(&actions, 2, stderr, O_WRONLY | O_CREAT | O_TRUNC, 0o644)

        // The test runner's threads may block signals; the child starts with none blocked
        // and default handlers, as it would from a shell.
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        var none = sigset_t()
        sigemptyset(&none)
        posix_spawnattr_setsigmask(&attributes, &none)
        var defaults = sigset_t()
        sigemptyset(&defaults)
        for s in [SIGINT, SIGTERM, SIGHUP, SIGPIPE, SIGCHLD] { sigaddset(&defaults, s) }
        posix_spawnattr_setsigdefault(&attributes, &defaults)
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF))

        let env = (environment ?? ProcessInfo.processInfo.environment).map { "\($0.key)=\($0.value)" }
        var argv: [UnsafeMutablePointer<CChar>?] = arguments.map { strdup($0) } + [nil]
        var envp: [UnsafeMutablePointer<CChar>?] = env.map { strdup($0) } + [nil]
        defer { (argv + envp).forEach { free($0) } }

        var child: pid_t = 0
        let rc = posix_spawnp(&child, arguments[0], &actions, &attributes, &argv, &envp)
        guard rc == 0 else { throw SpawnError(command: arguments[0], code: rc) }
        pid = child
    }

    deinit {
        if reaped == nil {
            Glibc.kill(pid, SIGKILL)
            _ = wait()
        }
    }

    /// Sends `signal`.
    func kill(_ signal: Int32) { Glibc.kill(pid, signal) }

    /// Waits for the child to end.
    @discardableResult
    func wait() -> Ended {
        if let reaped { return reaped }
        var status: Int32 = 0
        while waitpid(pid, &status, 0) < 0 {
            guard errno == EINTR else { reaped = Ended(status: -1, signalled: false); return reaped! }
        }
        let ended = status & 0x7f == 0
            ? Ended(status: (status >> 8) & 0xff, signalled: false)
            : Ended(status: status & 0x7f, signalled: true)
        reaped = ended
        return ended
    }

    /// Runs `arguments` to its end and returns how it ended with what it printed.
    static func run(_ arguments: [String], environment: [String: String]? = nil) throws
        -> (ended: Ended, stdout: String, stderr: String) {
        let base = NSTemporaryDirectory() + "plazadesk-child-" + UUID().uuidString
        defer { unlink(base + ".out"); unlink(base + ".err") }
        let child = try ChildProcess(arguments, environment: environment, stdout: base + ".out", stderr: base + ".err")
        let ended = child.wait()
        let read = { (p: String) in String(decoding: FileManager.default.contents(atPath: p) ?? Data(), as: UTF8.self) }
        return (ended, read(base + ".out"), read(base + ".err"))
    }

    struct SpawnError: Error, CustomStringConvertible {
        let command: String
        let code: Int32
        var description: String { "cannot start \(command): \(String(cString: strerror(code)))" }
    }
}
