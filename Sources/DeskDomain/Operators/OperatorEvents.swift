/// The events of the `operators` book.
///
/// - `operator.added`: `id`, `name`, `role`, `salt`, `pinHash`, `rounds` (the first lead of a
///   new data directory is added by itself).
/// - `operator.pin-set`: `id`, `salt`, `pinHash`, `rounds`.
/// - `operator.disabled`: `id`, `reason`.
/// - `operator.enabled`: `id`, `reason`.
/// - `operator.login-failed`: `id` (as typed, lower-cased; also for ids that do not exist),
///   `console` (where it was typed: `tty:pts/3`, `console:<pid>`, `cli:<pid>`), `failures`
///   (wrong PINs in a row for that id, this one included). `op` is `system`: no one is logged in.
/// - `operator.locked-out`: `id`, `failures`, `untilAt` (RFC 3339): logins of that id are
///   refused until then, the right PIN included. `op` is `system`.
/// - `operator.logged-in`: `id`, `console`, `failuresBefore`: written only when wrong PINs
///   came before, so the count of every console starts again. `op` is the operator.
/// - `operators.key-registered`: `fingerprint` (``PersonalDataKey/fingerprint``), `how`
///   (`first-lead` with the first operator; `first-lead-login` for a directory made before
///   fingerprints, trusted on the first login of a lead, whose PIN the key has just verified).
/// - `operators.key-backed-up`: `fingerprint`: a lead printed the recovery text.
/// - `operators.key-restored`: `fingerprint`, `setAside` (where a different key file was
///   moved, or ""): a lead put the key back from its recovery text.
/// - `ledger.archived`: `years` (array of years moved to `archive/`), `before`.
public enum OperatorEvents {
    public static let added = "operator.added"
    public static let pinSet = "operator.pin-set"
    public static let disabled = "operator.disabled"
    public static let enabled = "operator.enabled"
    public static let loginFailed = "operator.login-failed"
    public static let lockedOut = "operator.locked-out"
    public static let loggedIn = "operator.logged-in"
    public static let keyRegistered = "operators.key-registered"
    public static let keyBackedUp = "operators.key-backed-up"
    public static let keyRestored = "operators.key-restored"
    public static let archived = "ledger.archived"
    /// The fields of every operators event (see above), for `verify --deep` and its tests.
    /// Adding an operator is lead only except the first lead adding itself; anyone may set
    /// their own PIN. Login failures and lockouts are written by `system`.
    public static let schema: [EventSchema] = [
        EventSchema(added, [.text("id"), .text("name"), .oneOf("role", Role.allCases.map(\.rawValue)), .text("salt"),
                            .text("pinHash"), .int("rounds")], leadOnly: true),
        EventSchema(pinSet, [.text("id"), .text("salt"), .text("pinHash"), .int("rounds")]),
        EventSchema(disabled, [.text("id"), .text("reason")], leadOnly: true),
        EventSchema(enabled, [.text("id"), .text("reason")], leadOnly: true),
        EventSchema(loginFailed, [.text("id"), .text("console"), .int("failures")]),
        EventSchema(lockedOut, [.text("id"), .int("failures"), .time("untilAt")]),
        EventSchema(loggedIn, [.text("id"), .text("console"), .int("failuresBefore")]),
        EventSchema(keyRegistered, [.text("fingerprint"), .oneOf("how", ["first-lead", "first-lead-login"])]),
        EventSchema(keyBackedUp, [.text("fingerprint")], leadOnly: true),
        EventSchema(keyRestored, [.text("fingerprint"), .text("setAside")], leadOnly: true),
        EventSchema(archived, [.array("years"), .int("before")], leadOnly: true),
    ]
}
