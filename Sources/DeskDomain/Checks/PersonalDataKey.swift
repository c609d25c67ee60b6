import Crypto
import Foundation
import Glibc

/// The data directory's secret key for hashing ID numbers.
///
/// The ledger keeps `HMAC-SHA256(key, number)` so the desk can recognise the same document
/// again (a claimant, an applicant) without storing the number; without the key, the
/// hashes cannot be tried against a list of numbers. The key lives in `<data>/.keys/` and
/// is made on first use.
public struct PersonalDataKey: Sendable {
    let bytes: [UInt8]

    public init(key: SymmetricKey) { bytes = key.withUnsafeBytes { Array($0) } }
    var key: SymmetricKey { SymmetricKey(data: bytes) }

    /// Loads `<data>/.keys/personal.key`, creating it (32 random bytes, mode 0600) if absent.
    public static func load(_ data: DataDirectory) throws -> PersonalDataKey {
        let folder = data.path + "/.keys"
        let path = folder + "/personal.key"
        if let bytes = FileManager.default.contents(atPath: path), bytes.count == 32 {
            return PersonalDataKey(key: SymmetricKey(data: bytes))
        }
        try POSIXFile.makeDirectories(folder)
        chmod(folder, 0o700)
        let fresh = SymmetricKey(size: .bits256)
        let tmp = path + ".tmp-\(getpid())"
        let fd = try POSIXFile.open(tmp, O_WRONLY | O_CREAT | O_TRUNC, action: "create the key file", mode: 0o600)
        defer { close(fd) }
        try fresh.withUnsafeBytes { try POSIXFile.writeAll(fd, $0, path: tmp) }
        try POSIXFile.fsync(fd, path: tmp)
        // Another console may have made one meanwhile: the first one linked wins.
        if link(tmp, path) != 0 && errno != EEXIST {
            unlink(tmp)
            throw LedgerError.io(path: path, action: "create the key file", errno: errno)
        }
        unlink(tmp)
        try POSIXFile.fsyncDirectory(folder)
        guard let bytes = FileManager.default.contents(atPath: path), bytes.count == 32 else {
            throw LedgerError.io(path: path, action: "read the key file", errno: EIO)
        }
        return PersonalDataKey(key: SymmetricKey(data: bytes))
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
