import Foundation
import Glibc
import Testing

/// Runs the real `plazadesk` binary that `swift build` put beside the test bundle.
enum PlazaDeskProcess {
    /// `$PLAZADESK_BIN`, else `plazadesk` in the folder of the running test bundle.
    static var binary: String {
        if let env = ProcessInfo.processInfo.environment["PLAZADESK_BIN"], !env.isEmpty { return env }
        let runner = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath()
        var folder = runner.deletingLastPathComponent()
        for _ in 0..<4 {
            let candidate = folder.appendingPathComponent("plazadesk").path
            if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
            folder = folder.deletingLastPathComponent()
        }
        return URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent(".build/debug/plazadesk").path
    }

    /// The binary where any user may run it: a test running it as nobody (root ignores file
    /// modes) cannot reach a build folder under a private checkout. A hard link in a folder
    /// of its own, not a copy: a copy being written while another test forks would be "busy"
    /// to exec (ETXTBSY); a copy only where no link can be made (another file system). Its
    /// resource bundles (the default config, the FAQ) are copied beside it, where a binary
    /// looks for them first.
    static func binaryAnyoneMayRun() throws -> String {
        let folder = NSTemporaryDirectory() + "plazadesk-e2e-bin-\(getpid())"
        let path = folder + "/plazadesk"
        mkdir(folder, 0o755)
        chmod(folder, 0o755)
        if access(path, X_OK) == 0 { return path }
        let built = URL(fileURLWithPath: binary).deletingLastPathComponent().path
        for bundle in try FileManager.default.contentsOfDirectory(atPath: built) where bundle.hasSuffix(".resources") {
            let temp = folder + "/." + bundle + "-\(UUID().uuidString)"
            try FileManager.default.copyItem(atPath: built + "/" + bundle, toPath: temp)
            try openToAnyone(temp)
            rename(temp, folder + "/" + bundle)
        }
        if link(binary, path) != 0 && errno != EEXIST {
            let temp = path + ".part-\(UUID().uuidString)"
            try FileManager.default.copyItem(atPath: binary, toPath: temp)
            chmod(temp, 0o755)
            rename(temp, path)
        }
        return path
    }

    /// A desk of two through the real `operator add`: lead.li (李娜, PIN 2468) and clerk.wang
    /// (王芳, PIN 1357, added by the lead).
    static func addLeadAndClerk(_ data: String) throws {
        let lead = try run(["operator", "add", "--data", data, "--id", "lead.li", "--name", "李娜", "--role", "lead", "--pin", "2468"])
        try #require(lead.status == 0, "\(lead.stderr)")
        let clerk = try run(["operator", "add", "--data", data, "--id", "clerk.wang", "--name", "王芳", "--role", "clerk",
                             "--pin", "1357", "--as", "lead.li", "--as-pin", "2468"])
        try #require(clerk.status == 0, "\(clerk.stderr)")
    }

    /// Folders 0755 and files 0644 below `path`: readable by any user.
    static func openToAnyone(_ path: String) throws {
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isFolder) else { return }
        chmod(path, isFolder.boolValue ? 0o755 : 0o644)
        guard isFolder.boolValue else { return }
        for name in try FileManager.default.contentsOfDirectory(atPath: path) { try openToAnyone(path + "/" + name) }
    }

    /// The machine state folder the binary is given (`XDG_STATE_HOME`): never the real home's.
    static let stateHome = NSTemporaryDirectory() + "plazadesk-e2e-state-\(getpid())"

    struct Result {
        var status: Int32
        var stdout: String
        var stderr: String
        /// True when the process ended by a signal (a crash), not by exiting.
        var signalled: Bool
    }

    /// Runs plazadesk (or, with `prefix`, e.g. `setpriv …`, a command that runs it) and waits.
    static func run(_ arguments: [String], prefix: [String] = [], environment: [String: String] = [:],
                    binary: String = PlazaDeskProcess.binary) throws -> Result {
        var env = ProcessInfo.processInfo.environment
        env["XDG_STATE_HOME"] = stateHome
        for (k, v) in environment { env[k] = v }
        let r = try ChildProcess.run(prefix + [binary] + arguments, environment: env)
        return Result(status: r.ended.status, stdout: r.stdout, stderr: r.stderr, signalled: r.ended.signalled)
    }

    /// Starts plazadesk with its standard output going to a file (so nothing it printed is
    /// lost when it is killed).
    static func start(_ arguments: [String], stdoutFile: String) throws -> ChildProcess {
        var env = ProcessInfo.processInfo.environment
        env["XDG_STATE_HOME"] = stateHome
        return try ChildProcess([binary] + arguments, environment: env, stdout: stdoutFile)
    }
}

/// A fresh folder per test.
final class Scratch {
    let path: String
    init() {
        path = NSTemporaryDirectory() + "plazadesk-e2e-" + UUID().uuidString
        try! FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    }
    deinit { try? FileManager.default.removeItem(atPath: path) }

    func bytes(_ relative: String) -> [UInt8] {
        [UInt8](FileManager.default.contents(atPath: path + "/" + relative) ?? Data())
    }
    func write(_ relative: String, _ bytes: [UInt8]) {
        _ = FileManager.default.createFile(atPath: path + "/" + relative, contents: Data(bytes))
    }
    func append(_ relative: String, _ bytes: [UInt8]) {
        let h = FileHandle(forWritingAtPath: path + "/" + relative)!
        h.seekToEndOfFile()
        h.write(Data(bytes))
        try? h.close()
    }
    func files(_ relative: String) -> [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: path + "/" + relative)) ?? []).sorted()
    }
}
