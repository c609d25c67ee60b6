import Crypto
import Foundation
import Glibc

/// The data directory's secret key for hashing ID numbers and keying PINs.
///
/// The ledger keeps `HMAC-SHA256(key, number)` so the desk can recognise the same document
/// again (a claimant, an applicant) without storing the number; without the key, the
/// hashes cannot be tried against a list of numbers. The key lives in
/// `<data>/.keys/personal.key`. It is made only for a brand-new data directory (no book
/// holds a line yet); on a directory with records a missing, damaged or different key is
/// refused (``KeyError``), since a new key would lock every operator out and make every
/// stored ID hash unrecognisable. The operators book carries the key's ``fingerprint``
/// (`operators.key-registered`), which every opening compares.
public struct PersonalDataKey: Sendable {
    let bytes: [UInt8]

    public init(key: SymmetricKey) { bytes = key.withUnsafeBytes { Array($0) } }
    init(bytes: [UInt8]) { self.bytes = bytes }
    var key: SymmetricKey { SymmetricKey(data: bytes) }

    /// `<data>/.keys/personal.key`.
    public static func path(_ data: DataDirectory) -> String { data.path + "/.keys/personal.key" }

    /// Hex `HMAC-SHA256(key, "plazadesk key fingerprint 1")`: names the key in the ledger
    /// without telling anything about it.
    public var fingerprint: String { hash("plazadesk key fingerprint 1") }

    /// Loads `<data>/.keys/personal.key` and checks it against the ledger's fingerprint;
    /// makes it (32 random bytes, mode 0600) only for a brand-new data directory.
    ///
    /// - Parameter create: false for a read-only desk: a brand-new directory's key is made
    ///   in memory only (nothing is written with it, and no record exists to match it).
    /// - Throws: ``KeyError/missing(path:)`` when the directory holds records but no key,
    ///   ``KeyError/unreadable(path:bytes:)``, ``KeyError/changed(path:found:registered:)``.
    public static func load(_ data: DataDirectory, create: Bool = true) throws -> PersonalDataKey {
        let path = path(data)
        if let bytes = try read(path) {
            guard bytes.count == 32 else { throw KeyError.unreadable(path: path, bytes: bytes.count) }
            let key = PersonalDataKey(bytes: bytes)
            if let registered = try KeyRegistration.fingerprint(data), registered != key.fingerprint {
                throw KeyError.changed(path: path, found: key.fingerprint, registered: registered)
            }
            return key
        }
        guard !KeyRegistration.holdsRecords(data) else { throw KeyError.missing(path: path) }
        guard create else { return PersonalDataKey(key: SymmetricKey(size: .bits256)) }
        return try Self.create(data)
    }

    /// The key file's bytes, or nil when there is none; a file that cannot be read (no
    /// permission) is an error, not a missing key.
    static func read(_ path: String) throws -> [UInt8]? {
        let fd = Glibc.open(path, O_RDONLY | O_CLOEXEC)
        if fd < 0 {
            if errno == ENOENT { return nil }
            throw LedgerError.io(path: path, action: "read the key file", errno: errno)
        }
        defer { close(fd) }
        var out: [UInt8] = []
        var buf = [UInt8](repeating: 0, count: 64)
        while true {
            let n = buf.withUnsafeMutableBytes { Glibc.read(fd, $0.baseAddress, 64) }
            if n < 0 {
                if errno == EINTR { continue }
                throw LedgerError.io(path: path, action: "read the key file", errno: errno)
            }
            if n == 0 || out.count > 4096 { return out }
            out += buf[0..<n]
        }
    }

    /// Makes the key of a brand-new data directory. Another console may make one at the
    /// same moment: the first one linked wins and both use it.
    static func create(_ data: DataDirectory) throws -> PersonalDataKey {
        let path = path(data)
        let folder = POSIXFile.parentOf(path)
        try POSIXFile.makeDirectories(folder)
        chmod(folder, 0o700)
        let tmp = try writeTemporary(PersonalDataKey(key: SymmetricKey(size: .bits256)), beside: path)
        if link(tmp, path) != 0 && errno != EEXIST {
            unlink(tmp)
            throw LedgerError.io(path: path, action: "create the key file", errno: errno)
        }
        unlink(tmp)
        try POSIXFile.fsyncDirectory(folder)
        guard let bytes = FileManager.default.contents(atPath: path), bytes.count == 32 else {
            throw LedgerError.io(path: path, action: "read the key file", errno: EIO)
        }
        return PersonalDataKey(bytes: Array(bytes))
    }

    /// Puts `key` in place as the data directory's key (for `key restore`); a key file
    /// already there (a different key) is moved aside, never deleted. Returns where.
    public func install(in data: DataDirectory, now: Int64) throws -> String? {
        let path = Self.path(data)
        let folder = POSIXFile.parentOf(path)
        try POSIXFile.makeDirectories(folder)
        chmod(folder, 0o700)
        let tmp = try Self.writeTemporary(self, beside: path)
        var setAside: String?
        if POSIXFile.exists(path) {
            let aside = path + ".replaced-\(now)"
            guard rename(path, aside) == 0 else {
                unlink(tmp)
                throw LedgerError.io(path: path, action: "move aside to \(aside)", errno: errno)
            }
            setAside = aside
        }
        guard rename(tmp, path) == 0 else {
            unlink(tmp)
            throw LedgerError.io(path: path, action: "put the restored key in place", errno: errno)
        }
        try POSIXFile.fsyncDirectory(folder)
        return setAside
    }

    static func writeTemporary(_ key: PersonalDataKey, beside path: String) throws -> String {
        let tmp = path + ".tmp-\(getpid())"
        let fd = try POSIXFile.open(tmp, O_WRONLY | O_CREAT | O_TRUNC, action: "create the key file", mode: 0o600)
        defer { close(fd) }
        try key.bytes.withUnsafeBytes { try POSIXFile.writeAll(fd, $0, path: tmp) }
        try POSIXFile.fsync(fd, path: tmp)
        return tmp
    }

    /// Hex HMAC-SHA256 of a normalised document number.
    public func hash(_ number: String) -> String {
        let mac = HMAC<SHA256>.authenticationCode(for: Array(number.utf8), using: key)
        return mac.map { String(format2hex: $0) }.joined()
    }
}

extension String {
    init(format2hex byte: UInt8) {
        let digits: [Character] = ["0", "1", "2", "3", "4", "5", "6", "7", "8", "9", "a", "b", "c", "d", "e", "f"]
        self = String([digits[Int(byte >> 4)], digits[Int(byte & 15)]])
    }
}
