/// The events of the `invoice` book.
///
/// An invoice is named by `code` (empty for an electronic invoice without one) and `number`
/// (8–20 digits). Money is in fen.
///
/// - `invoice.numbers-allocated` (lead only): `kind` (`paper` or `electronic`), `code`,
///   `first`, `last`, `count` (how many numbers).
/// - `invoice.issued`: `kind`, `code`, `number` (the next one of the oldest range of that
///   kind with numbers left), `shop`, `receipts` (list of `{number, amountFen}`), `amountFen`
///   (their sum), `buyerType` (`person` or `enterprise`), `buyerTitle`, `taxpayerID` (only
///   when given), `creditCheckOverriddenBy` (only when a lead accepted a taxpayer ID whose
///   check character fails: that lead's id).
/// - `invoice.voided` (lead only, paper, within the month of issue): `code`, `number`,
///   `issuedYear` and `issuedSeq` (the `invoice.issued` event it voids), `amountFen`,
///   `reason`. The number stays used; its receipts are free again.
/// - `invoice.red-letter-issued` (lead only): `kind`, `code`, `number` (the red-letter
///   invoice's own, the next of that kind), `originalCode`, `originalNumber`,
///   `originalYear` and `originalSeq` (the `invoice.issued` event it reverses), `reasonCode`
///   (`01` issuing error, `02` goods returned, `03` service stopped, `04` allowance),
///   `amountFen` (negative), `note`. Once the red-letter amounts reach the original's, the
///   original is fully reversed and its receipts are free again.
public enum InvoiceEvents {
    public static let numbersAllocated = "invoice.numbers-allocated"
    public static let issued = "invoice.issued"
    public static let voided = "invoice.voided"
    public static let redLetterIssued = "invoice.red-letter-issued"
    /// The fields of every invoice event (see above), for `verify --deep` and its tests.
    public static let schema: [EventSchema] = {
        let kinds = InvoiceKind.allCases.map(\.rawValue)
        return [
            EventSchema(numbersAllocated, [.oneOf("kind", kinds), .text("code"), .text("first"), .text("last"), .int("count")],
                        leadOnly: true),
            EventSchema(issued, [.oneOf("kind", kinds), .text("code"), .text("number"), .text("shop"), .array("receipts"),
                                 .fen("amountFen"), .oneOf("buyerType", InvoiceBuyerType.allCases.map(\.rawValue)),
                                 .text("buyerTitle"), .text("taxpayerID", required: false),
                                 .text("creditCheckOverriddenBy", required: false)]),
            EventSchema(voided, [.text("code"), .text("number"), .int("issuedYear"),
                                 .seq("issuedSeq", of: [issued], yearField: "issuedYear"), .fen("amountFen"), .text("reason")],
                        leadOnly: true),
            EventSchema(redLetterIssued, [.oneOf("kind", kinds), .text("code"), .text("number"), .text("originalCode"),
                                          .text("originalNumber"), .int("originalYear"),
                                          .seq("originalSeq", of: [issued], yearField: "originalYear"),
                                          .oneOf("reasonCode", InvoiceReversalReason.allCases.map(\.rawValue)),
                                          .fen("amountFen"), .text("note")], leadOnly: true),
        ]
    }()
}
