import Crypto
import _CryptoExtras

/// A PIN stored as a salted, slow hash (PBKDF2-SHA256), never as itself.
///
/// The PIN is first keyed with the data directory's secret (``PersonalDataKey``), so a
/// copy of the ledger alone is not enough to try PINs offline; the round count is stored
/// with the hash so it can be raised later.
public struct PINHash: Equatable, Sendable {
    public var salt: String
    public var hash: String
    public var rounds: Int

    /// The rounds used for new and changed PINs of real operators: OWASP's figure for
    /// PBKDF2-HMAC-SHA256 (2023). Older hashes keep the rounds they were made with.
    public static let defaultRounds = 600_000

    /// A new hash with a random salt.
    public static func make(pin: String, key: PersonalDataKey, rounds: Int = defaultRounds) -> PINHash {
        var saltBytes = [UInt8](repeating: 0, count: 16)
        var rng = SystemRandomNumberGenerator()
        for i in saltBytes.indices { saltBytes[i] = UInt8.random(in: 0...255, using: &rng) }
        let salt = saltBytes.map { String(format2hex: $0) }.joined()
        return PINHash(salt: salt, hash: derive(pin: pin, salt: salt, key: key, rounds: rounds), rounds: rounds)
    }

    /// Whether `pin` is the PIN this hash was made from.
    public func matches(_ pin: String, key: PersonalDataKey) -> Bool {
        let candidate = Array(Self.derive(pin: pin, salt: salt, key: key, rounds: rounds).utf8)
        let stored = Array(hash.utf8)
        guard candidate.count == stored.count else { return false }
        var diff: UInt8 = 0
        for i in 0..<stored.count { diff |= candidate[i] ^ stored[i] }
        return diff == 0
    }

    /// Spends the time a check of a real PIN would, for an id that does not exist, so the
    /// answer's delay does not tell whether an id exists.
    static func spend(pin: String, key: PersonalDataKey, rounds: Int) {
        _ = derive(pin: pin, salt: "00000000000000000000000000000000", key: key, rounds: rounds)
    }

    static func derive(pin: String, salt: String, key: PersonalDataKey, rounds: Int) -> String {
        let keyed = key.hash("pin:" + pin)
        let derived = try! KDF.Insecure.PBKDF2.deriveKey(from: Array(keyed.utf8), salt: Array(salt.utf8), using: .sha256,
                                                        outputByteCount: 32, unsafeUncheckedRounds: max(1, rounds))
        return derived.withUnsafeBytes { $0.map { String(format2hex: $0) }.joined() }
    }
}
