/// The events of the `lostfound` book.
///
/// Times in bodies are RFC 3339 with the plaza's offset; money in fen; phones and ID
/// numbers only masked (plus the keyed hash of an ID number).
///
/// - `lostfound.item-received`: `tag` (`LF-YYYY-NNNNNN`, in order per plaza year), `category`
///   (a ``LostItemCategory`` code), `valuable` (kept in the safe), `quantity`, `colour`,
///   `brand` (may be empty), `features`, `amountFen` (cash only), `foundAt`, `foundPlace`,
///   `handedInBy`, `storage` (where it is kept; may be empty for a non-valuable). The
///   receiving clerk is the event's `op`.
/// - `lostfound.report-taken`: `report` (`LR-YYYY-NNNNNN`), `category`, `description`,
///   `colour` (may be empty), `lostAt`, `lostTimeKnown` (false: only the day is known),
///   `lostPlace`, `contact`, `phone` (masked).
/// - `lostfound.report-closed`: `report`, `outcome` (`found` or `withdrawn`), `note`, `tag`
///   (the item it was found as; empty when not known).
/// - `lostfound.claim-described`: `tag`, `claimant` (may be empty), `quantity`, `colour`,
///   `features`: what the claimant said before being shown the item.
/// - `lostfound.claim-refused`: `tag`, `describedYear`, `describedSeq` (the description),
///   `note`: the description did not match; the item stays.
/// - `lostfound.claimed`: `tag`, `describedYear`, `describedSeq`, `claimant`,
///   `claimantIDMasked`, `claimantIDHash` (keyed hash), `phone` (masked),
///   `signatureConfirmed` (true), `note`, `report` (may be empty). The releasing clerk is `op`.
/// - `lostfound.disposed`: `tag`, `method` (a ``DisposalMethod`` code), `note` (reason or
///   recipient), `expired` (false: disposed before its retention ran out). Lead only; the
///   authorising lead is `op`.
public enum LostFoundEvents {
    public static let itemReceived = "lostfound.item-received"
    public static let reportTaken = "lostfound.report-taken"
    public static let reportClosed = "lostfound.report-closed"
    public static let claimDescribed = "lostfound.claim-described"
    public static let claimRefused = "lostfound.claim-refused"
    public static let claimed = "lostfound.claimed"
    public static let disposed = "lostfound.disposed"
    /// The fields of every lost-and-found event (see above), for `verify --deep` and its tests.
    public static let schema: [EventSchema] = {
        let categories = LostItemCategory.allCases.map(\.rawValue)
        return [
            EventSchema(itemReceived, [.text("tag"), .oneOf("category", categories), .bool("valuable"), .int("quantity"),
                                       .text("colour"), .text("brand"), .text("features"), .fen("amountFen", required: false),
                                       .time("foundAt"), .text("foundPlace"), .text("handedInBy"), .text("storage")]),
            EventSchema(reportTaken, [.text("report"), .oneOf("category", categories), .text("description"), .text("colour"),
                                      .time("lostAt"), .bool("lostTimeKnown"), .text("lostPlace"), .text("contact"),
                                      .text("phone")]),
            EventSchema(reportClosed, [.text("report"), .oneOf("outcome", LostFoundDesk.ReportOutcome.allCases.map(\.rawValue)),
                                       .text("note"), .text("tag")]),
            EventSchema(claimDescribed, [.text("tag"), .text("claimant"), .int("quantity"), .text("colour"), .text("features")]),
            EventSchema(claimRefused, [.text("tag"), .int("describedYear"),
                                       .seq("describedSeq", of: [claimDescribed], yearField: "describedYear"), .text("note")]),
            EventSchema(claimed, [.text("tag"), .int("describedYear"),
                                  .seq("describedSeq", of: [claimDescribed], yearField: "describedYear"), .text("claimant"),
                                  .text("claimantIDMasked"), .text("claimantIDHash"), .text("phone"),
                                  .bool("signatureConfirmed"), .text("note"), .text("report")]),
            EventSchema(disposed, [.text("tag"), .oneOf("method", DisposalMethod.allCases.map(\.rawValue)), .text("note"),
                                   .bool("expired")], leadOnly: true),
        ]
    }()
}
