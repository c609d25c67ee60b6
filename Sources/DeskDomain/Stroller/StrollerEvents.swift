/// The events of the `stroller` book.
///
/// - `stroller.lent`: `unit`, `customer`, `phone` (masked), `noticeAcknowledged` (the
///   customer was told: inside the plaza only, return it at the desk before leaving).
/// - `stroller.returned`: `unit`, `lentSeq` (the loan's event), `condition` (`ok` or
///   `damaged`), `note`.
/// - `stroller.unit-repaired`, `stroller.unit-retired`: `unit`, `reason` (lead only).
public enum StrollerEvents {
    public static let lent = "stroller.lent"
    public static let returned = "stroller.returned"
    public static let unitRepaired = "stroller.unit-repaired"
    public static let unitRetired = "stroller.unit-retired"
}
