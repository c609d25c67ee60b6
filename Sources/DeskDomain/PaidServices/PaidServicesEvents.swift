/// The events of the `services` book (paid business services, manual §5.2.15).
///
/// - `services.receipt-issued`: `number` (`SR-2026-000001`, in order per plaza year),
///   `kind` (`gift-wrap`, `fax`, `photocopy`, `typing`), `quantity` (pages or items),
///   `unitPriceFen` (the configured price), `quotedFeeFen` (unit price × quantity),
///   `feeFen` (what was charged: equal to `quotedFeeFen` unless a lead overrode it),
///   `overrideReason` (only when a lead charged a fee other than the quote),
///   `tenderedFen` (cash handed over), `changeFen` (handed back; not income),
///   `customer`, `note` (both may be empty).
/// - `services.receipt-voided` (lead only, same plaza day): `number`, `receiptSeq` (the
///   `seq` of the `services.receipt-issued` event it corrects), `kind`, `feeFen` (taken
///   out of the day's takings), `reason`. The number stays in the sequence, marked void.
public enum PaidServicesEvents {
    public static let receiptIssued = "services.receipt-issued"
    public static let receiptVoided = "services.receipt-voided"
    /// The fields of every paid-services event (see above), for `verify --deep` and its tests.
    public static let schema: [EventSchema] = {
        let kinds = PaidServiceKind.allCases.map(\.rawValue)
        return [
            EventSchema(receiptIssued, [.text("number"), .oneOf("kind", kinds), .int("quantity"), .fen("unitPriceFen"),
                                        .fen("quotedFeeFen"), .fen("feeFen"), .text("overrideReason", required: false),
                                        .fen("tenderedFen"), .fen("changeFen"), .text("customer"), .text("note")]),
            EventSchema(receiptVoided, [.text("number"), .seq("receiptSeq", of: [receiptIssued]), .oneOf("kind", kinds),
                                        .fen("feeFen"), .text("reason")], leadOnly: true),
        ]
    }()
}
