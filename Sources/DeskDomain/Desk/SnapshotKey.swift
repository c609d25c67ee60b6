import Crypto

/// The key that authenticates derived snapshots: HKDF-SHA256 of the data directory's
/// secret (``PersonalDataKey``) with its own label, so the secret is never used raw for two
/// purposes and a snapshot's MAC says nothing about an ID hash.
///
/// Whoever can write `.snapshots` but not read `.keys/personal.key` cannot make a snapshot
/// the desk takes: one edited and its checksum recomputed fails the HMAC and is replayed over.
public struct SnapshotKey: Sendable {
    let bytes: [UInt8]

    /// What the secret is stretched with; a new snapshot format gets a new label.
    static let label = Array("plazadesk snapshot v3".utf8)

    public init(_ secret: PersonalDataKey) {
        let derived = HKDF<SHA256>.deriveKey(inputKeyMaterial: secret.key, info: Self.label, outputByteCount: 32)
        bytes = derived.withUnsafeBytes { Array($0) }
    }

    var key: SymmetricKey { SymmetricKey(data: bytes) }

    /// A running HMAC-SHA256 with this key.
    func mac() -> HMAC<SHA256> { HMAC<SHA256>(key: key) }
}
