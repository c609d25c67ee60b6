import Crypto
import Foundation
import Glibc

/// Everything under a folder that a write could change: every entry's path, type, mode,
/// size and modification time (to the nanosecond), a file's SHA-256 and a link's target.
/// Equal before and after means nothing was created, removed, written, renamed or chmodded
/// (a file made and deleted again still moves its folder's time).
struct TreeDigest: Equatable, CustomStringConvertible {
    let entries: [String]

    init(_ root: String) {
        var out: [String] = []
        Self.walk(root, relative: ".", into: &out)
        entries = out
    }

    static func walk(_ path: String, relative: String, into out: inout [String]) {
        var st = stat()
        guard lstat(path, &st) == 0 else { out.append("\(relative) missing"); return }
        let type = st.st_mode & S_IFMT
        var line = "\(relative) mode \(String(st.st_mode & 0o7777, radix: 8)) size \(st.st_size) mtime \(st.st_mtim.tv_sec).\(st.st_mtim.tv_nsec)"
        switch type {
        case S_IFDIR:
            out.append(line + " dir")
            let names = ((try? FileManager.default.contentsOfDirectory(atPath: path)) ?? []).sorted()
            for n in names { walk(path + "/" + n, relative: relative + "/" + n, into: &out) }
        case S_IFREG:
            let bytes = FileManager.default.contents(atPath: path) ?? Data()
            line += " sha256 " + SHA256.hash(data: bytes).map { String(format: "%02x", $0) }.joined()
            out.append(line)
        case S_IFLNK:
            out.append(line + " link " + ((try? FileManager.default.destinationOfSymbolicLink(atPath: path)) ?? "?"))
        default:
            out.append(line + " type \(type)")
        }
    }

    var description: String { entries.joined(separator: "\n") }

    /// The entries that differ (for a failure message).
    func difference(from other: TreeDigest) -> String {
        let a = Set(entries), b = Set(other.entries)
        return (a.subtracting(b).sorted().map { "- " + $0 } + b.subtracting(a).sorted().map { "+ " + $0 }).joined(separator: "\n")
    }
}
