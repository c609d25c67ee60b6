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
    /// The fields of every stroller event (see above), for `verify --deep` and its tests.
    public static let schema: [EventSchema] = [
        EventSchema(lent, [.text("unit"), .text("customer"), .text("phone"), .bool("noticeAcknowledged")]),
        EventSchema(returned, [.text("unit"), .seq("lentSeq", of: [lent]),
                               .oneOf("condition", ["ok", "damaged"]), .text("note")]),
        EventSchema(unitRepaired, [.text("unit"), .text("reason")], leadOnly: true),
        EventSchema(unitRetired, [.text("unit"), .text("reason")], leadOnly: true),
    ]
}
