import Foundation

/// Files that ship with Plaza Desk (default configuration, translations, help texts).
///
/// They live in their own target because SwiftPM takes resources only from inside a
/// target's folder; the folder is copied whole so that names keep their case on Linux.
public enum DeskResources {
    /// The folder holding the shipped files.
    public static var folder: URL {
        Bundle.module.resourceURL!.appendingPathComponent("Files", isDirectory: true)
    }

    /// The text of a shipped file, e.g. `text("default-config.toml")`.
    public static func text(_ relativePath: String) throws -> String {
        try String(contentsOf: folder.appendingPathComponent(relativePath), encoding: .utf8)
    }
}
