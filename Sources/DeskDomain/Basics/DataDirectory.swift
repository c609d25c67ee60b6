import Foundation

/// The folder that holds a desk's ledgers, configuration and operators.
///
/// It is always passed in, never global, so that tests, the demo and several desks can
/// each have their own. ``resolve(flag:environment:)`` picks the default a newcomer gets.
public struct DataDirectory: Hashable, Sendable, CustomStringConvertible {
    /// The folder, as an absolute path.
    public let path: String
    /// The machine's state folder for plazadesk (`$XDG_STATE_HOME/plazadesk`), where the
    /// second copy of the acknowledged heads is kept (``AcknowledgedHeads``); nil keeps only
    /// the copy inside the data directory. Tests pass a folder of their own, never the home.
    public let stateFolder: String?

    public init(path: String, stateFolder: String? = nil) {
        self.path = path.hasPrefix("/") ? path : FileManager.default.currentDirectoryPath + "/" + path
        self.stateFolder = stateFolder
    }

    /// `--data DIR`, else `$PLAZADESK_DATA`, else `$XDG_DATA_HOME/plazadesk`, else
    /// `~/.local/share/plazadesk`.
    ///
    /// The state folder is `$XDG_STATE_HOME/plazadesk`, else `~/.local/state/plazadesk`.
    public static func resolve(flag: String?, environment: [String: String]) -> DataDirectory {
        let home = environment["HOME"].flatMap { $0.isEmpty ? nil : $0 } ?? NSHomeDirectory()
        let state = (environment["XDG_STATE_HOME"].flatMap { $0.isEmpty ? nil : $0 } ?? home + "/.local/state") + "/plazadesk"
        if let flag, !flag.isEmpty { return DataDirectory(path: flag, stateFolder: state) }
        if let env = environment["PLAZADESK_DATA"], !env.isEmpty { return DataDirectory(path: env, stateFolder: state) }
        if let xdg = environment["XDG_DATA_HOME"], !xdg.isEmpty { return DataDirectory(path: xdg + "/plazadesk", stateFolder: state) }
        return DataDirectory(path: home + "/.local/share/plazadesk", stateFolder: state)
    }

    public var description: String { path }

    /// `<data>/<year>`.
    public func yearFolder(_ year: Int) -> String { "\(path)/\(year)" }

    /// `<data>/archive/<year>`: where `archive` moves years past retention.
    public func archivedYearFolder(_ year: Int) -> String { "\(path)/archive/\(year)" }

    /// `<data>/.locks`: one lock file per book, shared by every year of it.
    public var lockFolder: String { "\(path)/.locks" }

    /// The years that have a folder, live or archived, in ascending order.
    public func years() -> [Int] {
        var found = Set<Int>()
        for folder in [path, path + "/archive"] {
            guard let names = try? FileManager.default.contentsOfDirectory(atPath: folder) else { continue }
            for n in names where n.count == 4 { if let y = Int(n), y >= 1970, y <= 9999 { found.insert(y) } }
        }
        return found.sorted()
    }

    /// Whether the folder exists at all.
    public var exists: Bool {
        var isDir: ObjCBool = false
        return FileManager.default.fileExists(atPath: path, isDirectory: &isDir) && isDir.boolValue
    }
}
