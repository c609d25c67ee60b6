/// The events of the `umbrella` book.
///
/// Every event that moves money carries the amounts explicitly (fen), so a shift close
/// sums cash without knowing the rules or the config of the day:
/// cash in the drawer changes by `+depositFen` on `umbrella.lent`, and by
/// `-refundFen + paidOnTopFen` on `umbrella.returned` and `umbrella.deposit-released`;
/// `umbrella.deposit-forfeited` moves no cash (the deposit simply stays).
///
/// - `umbrella.lent`: `unit`, `depositCard` (e.g. `D012`), `depositFen` (taken from the
///   customer), `customer`, `phone` (masked); `depositReason` only when the deposit is not
///   the configured one (then with a lead's `approvedBy`, or by a lead).
/// - `umbrella.returned`: umbrella and deposit card back. `unit`, `lentSeq` (the loan's
///   event), `depositCard`, `damage` (`none`, `damaged`, or `lost`: the card came back
///   without the umbrella), `note`, `depositFen`, `chargeFen` (the damage price, the lost
///   price, or 0), `refundFen` (handed back: deposit − charge, never below 0),
///   `paidOnTopFen` (charge − deposit when the charge is larger, else 0). Always
///   `chargeFen == depositFen - refundFen + paidOnTopFen`. A damaged unit is out of
///   service until repaired; a lost one is retired; either way the card is free again.
/// - `umbrella.deposit-released`: the umbrella is back but the customer lost the deposit
///   card; a lead releases the deposit (lead only). The same fields as `umbrella.returned`
///   plus `reason`.
/// - `umbrella.deposit-forfeited`: the umbrella never came back; a lead keeps the deposit
///   (lead only). `unit`, `lentSeq`, `depositCard`, `reason`, `depositFen`, `keptFen` (the
///   whole deposit), `lostPriceFen` (the configured price of a lost umbrella),
///   `refundFen` (0), `paidOnTopFen` (0: the customer is gone), `uncollectedFen` (how much
///   of the lost price the deposit did not cover, for the record only). The unit is
///   retired and the card is free again.
/// - `umbrella.unit-repaired`, `umbrella.unit-retired`: `unit`, `reason` (lead only).
public enum UmbrellaEvents {
    public static let lent = "umbrella.lent"
    public static let returned = "umbrella.returned"
    public static let depositReleased = "umbrella.deposit-released"
    public static let depositForfeited = "umbrella.deposit-forfeited"
    public static let unitRepaired = "umbrella.unit-repaired"
    public static let unitRetired = "umbrella.unit-retired"
    /// The fields of every umbrella event (see above), for `verify --deep` and its tests.
    public static let schema: [EventSchema] = {
        let settled: [EventField] = [.text("unit"), .seq("lentSeq", of: [lent]), .text("depositCard"),
                                     .oneOf("damage", UmbrellaDesk.Damage.allCases.map(\.rawValue)), .text("note"),
                                     .fen("depositFen"), .fen("chargeFen"), .fen("refundFen"), .fen("paidOnTopFen")]
        return [
            EventSchema(lent, [.text("unit"), .text("depositCard"), .fen("depositFen"), .text("customer"), .text("phone"),
                               .text("depositReason", required: false)], leadOnlyWith: "depositReason"),
            EventSchema(returned, settled),
            EventSchema(depositReleased, settled + [.text("reason")], leadOnly: true),
            EventSchema(depositForfeited, [.text("unit"), .seq("lentSeq", of: [lent]), .text("depositCard"), .text("reason"),
                                           .fen("depositFen"), .fen("keptFen"), .fen("lostPriceFen"), .fen("refundFen"),
                                           .fen("paidOnTopFen"), .fen("uncollectedFen")], leadOnly: true),
            EventSchema(unitRepaired, [.text("unit"), .text("reason")], leadOnly: true),
            EventSchema(unitRetired, [.text("unit"), .text("reason")], leadOnly: true),
        ]
    }()
}
