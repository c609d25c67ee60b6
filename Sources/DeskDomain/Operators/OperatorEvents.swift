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
}
