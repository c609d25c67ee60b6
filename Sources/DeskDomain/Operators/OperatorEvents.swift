/// The events of the `operators` book.
///
/// - `operator.added`: `id`, `name`, `role`, `salt`, `pinHash`, `rounds` (the first lead of a
///   new data directory is added by itself).
/// - `operator.pin-set`: `id`, `salt`, `pinHash`, `rounds`.
/// - `operator.disabled`: `id`, `reason`.
/// - `operator.enabled`: `id`, `reason`.
public enum OperatorEvents {
    public static let added = "operator.added"
    public static let pinSet = "operator.pin-set"
    public static let disabled = "operator.disabled"
    public static let enabled = "operator.enabled"
    /// The fields of every operators event (see above), for `verify --deep` and its tests.
    /// Adding an operator is lead only except the first lead adding itself; anyone may set
    /// their own PIN. `operator.login-failed` and `operator.locked-out` (a wrong PIN, and an id
    /// refused for a while after too many: `id` tried, `console`, `failures`, `untilAt`) are
    /// named here as text, their constants belonging to the login code; their shape is
    /// still being settled, so they are open (`failures` and `untilAt` not yet typed here).
    public static let schema: [EventSchema] = {
        let login: [EventField] = [.text("id"), .text("console", required: false)]
        return [
            EventSchema(added, [.text("id"), .text("name"), .oneOf("role", Role.allCases.map(\.rawValue)), .text("salt"),
                                .text("pinHash"), .int("rounds")], leadOnly: true),
            EventSchema(pinSet, [.text("id"), .text("salt"), .text("pinHash"), .int("rounds")]),
            EventSchema(disabled, [.text("id"), .text("reason")], leadOnly: true),
            EventSchema(enabled, [.text("id"), .text("reason")], leadOnly: true),
            EventSchema("operator.login-failed", login, open: true),
            EventSchema("operator.locked-out", login, open: true),
        ]
    }()
}
