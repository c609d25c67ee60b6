/// The events of the `points` book.
///
/// - `points.card-enrolled`: `cardNumber`, `name`, `phone` (masked), `idMasked`, `idHash`
///   (keyed hash of the resident ID number; the number itself is never written),
///   `formNumber` (the paper application form), `formKept` (always true: the clerk confirmed
///   the form is filed). Always followed, in the same transaction, by the `points.earned` of
///   the qualifying receipt.
/// - `points.earned`: `cardNumber`, `source` (`enrolment` or `backfill`), `shop`,
///   `receiptNumber` (as typed), `receiptKey` (shop and number normalised: a key earns
///   once, ever), `receiptDate` (YYYY-MM-DD), `amountFen`, `points`.
/// - `points.redeemed`: `cardNumber`, `points` (taken off, positive), `purpose`.
/// - `points.adjusted`: `cardNumber`, `points` (signed), `reason` (lead only).
/// - `points.card-reported-lost`: `cardNumber`, `idMasked` (the document the caller proved
///   identity with), `note`. The card is blocked from that moment.
/// - `points.card-reissued`: `oldCardNumber`, `newCardNumber`, `points` (the balance carried
///   over), `wasLost` (the old card had been reported lost, else it was damaged or worn),
///   `idMasked`, `note`. The old card is marked replaced (blocked) and its balance and
///   history move to the new card.
public enum PointsEvents {
    public static let cardEnrolled = "points.card-enrolled"
    public static let earned = "points.earned"
    public static let redeemed = "points.redeemed"
    public static let adjusted = "points.adjusted"
    public static let cardReportedLost = "points.card-reported-lost"
    public static let cardReissued = "points.card-reissued"
    /// The fields of every points event (see above), for `verify --deep` and its tests.
    public static let schema: [EventSchema] = [
        EventSchema(cardEnrolled, [.text("cardNumber"), .text("name"), .text("phone"), .text("idMasked"), .text("idHash"),
                                   .text("formNumber"), .bool("formKept")]),
        EventSchema(earned, [.text("cardNumber"), .oneOf("source", ["enrolment", "backfill"]), .text("shop"),
                             .text("receiptNumber"), .text("receiptKey"), .text("receiptDate"), .fen("amountFen"), .int("points")]),
        EventSchema(redeemed, [.text("cardNumber"), .int("points"), .text("purpose")]),
        EventSchema(adjusted, [.text("cardNumber"), .int("points"), .text("reason")], leadOnly: true),
        EventSchema(cardReportedLost, [.text("cardNumber"), .text("idMasked"), .text("note")]),
        EventSchema(cardReissued, [.text("oldCardNumber"), .text("newCardNumber"), .int("points"), .bool("wasLost"),
                                   .text("idMasked"), .text("note")]),
    ]
}
