import Foundation
import Glibc

/// Whether this process may write a data directory the way a desk writes it: so that the
/// console can open a directory it may only read (an auditor's copy, a read-only mount,
/// another user's folder) read-only, instead of failing on the first lock file.
///
/// Asked with `access(2)`, which answers for the real user and knows read-only file
/// systems (`EROFS`), and does not touch anything.
public enum WriteAccess {
    /// The first path a desk opening for writing would have to write and may not, with
    /// the reason (`errno`); nil when it may write them all, or when the directory does not
    /// exist (it is made on first write, or its parent's error says why not).
    ///
    /// Looked at: the directory itself (config, key, `.heads`, new year folders), `.locks`
    /// and every lock file in it, each live year folder (quarantine files), and the newest
    /// year's file of every book (the one appended to). Older years are only read.
    public static func blocked(_ data: DataDirectory) -> (path: String, errno: Int32)? {
        guard data.exists else { return nil }
        var paths = [data.path]
        let locks = data.lockFolder
        if POSIXFile.exists(locks) {
            paths.append(locks)
            paths += files(in: locks).filter { $0.hasSuffix(".lock") }.map { locks + "/" + $0 }
        }
        var newest: [String: String] = [:]
        for year in data.years() {
            let folder = data.yearFolder(year)
            guard POSIXFile.exists(folder) else { continue }   // an archived year: only read
            paths.append(folder)
            for name in files(in: folder) where name.hasSuffix(".jsonl") { newest[name] = folder + "/" + name }
        }
        paths += newest.keys.sorted().map { newest[$0]! }
        for p in paths where access(p, W_OK) != 0 { return (p, errno) }
        return nil
    }

    static func files(in folder: String) -> [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []).sorted()
    }
}
