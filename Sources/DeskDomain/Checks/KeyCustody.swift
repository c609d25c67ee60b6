import Foundation

/// Backing up and restoring the data directory's key, each by a shift lead and on record.
///
/// Restoring has to work when the key is missing or wrong, so the lead cannot be checked
/// with the key on disk. It goes: read the recovery text (its check group refuses a
/// mistyped one), compare its fingerprint with the ledger's (refuses another directory's
/// key), then check the lead's id and PIN against the operators book *with the restored
/// key* (PINs are keyed with it, so this also proves the key on a directory made before
/// fingerprints), and only then put the key in place and record `operators.key-restored`.
public enum KeyCustody {
    /// The key's recovery text; records `operators.key-backed-up`.
    public static func backup(_ ops: OperatorDesk, by actor: Actor) throws -> String {
        try ops.recordKeyBackup(by: actor)
        return KeyRecoveryText.encode(ops.key)
    }

    /// What `key restore` did.
    public struct Restored: Sendable {
        /// The lead who restored it.
        public let lead: Operator
        /// Where a different key file found in place was moved, if one was.
        public let setAside: String?
        public let fingerprint: String
    }

    /// Puts the key of `text` back in `data`, once the lead `id`/`pin` is checked with it.
    public static func restore(text: String, data: DataDirectory, clock: any Clock, id: String, pin: String,
                               console: String, pinRounds: Int = PINHash.defaultRounds) throws -> Restored {
        guard data.exists else { throw LedgerError.noDataDirectory(path: data.path) }
        let key = try KeyRecoveryText.decode(text)
        let path = PersonalDataKey.path(data)
        if let current = FileManager.default.contents(atPath: path), Array(current) == key.bytes {
            throw KeyError.alreadyInPlace(path: path)
        }
        if let registered = try KeyRegistration.fingerprint(data), registered != key.fingerprint {
            throw KeyError.notThisDirectory(found: key.fingerprint, registered: registered)
        }
        let context = DeskContext(data: data, clock: clock, config: try DeskConfig.loadOrCreate(data), personalDataKey: key)
        let ops = try OperatorDesk(context: context, pinRounds: pinRounds)
        defer { try? ops.book.close() }
        guard !ops.needsFirstLead else { throw KeyError.noOperators }
        ops.console = console
        let lead = try ops.login(id: id, pin: pin).operator
        try lead.actor.requireLead(.manageOperators)
        let aside = try key.install(in: data, now: clock.now())
        try ops.recordKeyRestore(setAside: aside, by: lead.actor)
        return Restored(lead: lead, setAside: aside, fingerprint: key.fingerprint)
    }
}
