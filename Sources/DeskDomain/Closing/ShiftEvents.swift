/// The events of the `shift` book: a shift's cash drawer and the seal of the books.
///
/// A shift is named `S-YYYYMMDD-N` (the plaza date it opened, and how many shifts opened
/// that day so far). Money is in fen. Only a shift lead writes these events.
///
/// - `shift.opened`: `shift`, `floatFen` (the opening float counted into the drawer),
///   `heads` (an object keyed by book name: `{"seq", "hash"}` of every other book of the
///   year that has an event, at the moment of opening; the shift's events are those after
///   these heads). At most one shift is open at a time.
/// - `shift.paid`: `shift`, `direction` (`in` or `out`), `amountFen` (more than 0),
///   `reason`: cash put into or taken out of the drawer for something that is not a desk
///   service (change from the bank, office supplies …).
/// - `shift.closed`: the seal. `shift`, `openedSeq` (the `shift.opened` event),
///   `seals` (an object keyed by book name — every book of the same year that has at least
///   one event, except `shift` itself — each `{"seq": <Int>, "hash": "<64 lowercase hex>"}`,
///   that book's head at the moment of closing: a day's records cannot be changed afterwards
///   without `verify` noticing), `floatFen`, `depositsTakenFen`, `depositsRefundedFen`,
///   `damageChargesFen`, `serviceFeesFen`, `paidInFen`, `paidOutFen`, `expectedFen`
///   (opening float + deposits taken − deposits refunded + damage charges + service fees +
///   paid in − paid out), `countedFen` (what the lead counted), `differenceFen`
///   (counted − expected: recorded, never a reason to refuse the close), `notes` (only when
///   counted by denomination: an object keyed by the denomination in fen, e.g. `"10000"`
///   for ¥100 notes, giving how many), `note` (may be empty), `stillOut` (counts of what
///   was still out: `umbrellas`, `strollers`, `openReports`, `pastRetention`), and (closes
///   written from issue #12 on) `sealCode`, the close's ``SealCode`` as the lead writes it
///   down (`7K2Q-9XHM-4T8B-PZ3D`; for showing only: checks recompute it from the line).
public enum ShiftEvents {
    public static let opened = "shift.opened"
    public static let paid = "shift.paid"
    public static let closed = "shift.closed"
    /// The fields of every shift event (see above), for `verify --deep` and its tests.
    /// (`sealCode`: the close's seal code, when the close recorded one.)
    public static let schema: [EventSchema] = [
        EventSchema(opened, [.text("shift"), .fen("floatFen"), .object("heads")], leadOnly: true),
        EventSchema(paid, [.text("shift"), .oneOf("direction", CashMovement.Direction.allCases.map(\.rawValue)),
                           .fen("amountFen"), .text("reason")], leadOnly: true),
        EventSchema(closed, [.text("shift"), .seq("openedSeq", of: [opened]), .object("seals"), .fen("floatFen"),
                             .fen("depositsTakenFen"), .fen("depositsRefundedFen"), .fen("damageChargesFen"),
                             .fen("serviceFeesFen"), .fen("paidInFen"), .fen("paidOutFen"), .fen("expectedFen"),
                             .fen("countedFen"), .fen("differenceFen"), .object("notes", required: false), .text("note"),
                             .object("stillOut"), .text("sealCode", required: false)], leadOnly: true),
    ]
}
