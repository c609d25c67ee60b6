/// The paid services of a plaza day or a shift, per kind, for the shift close: what the
/// receipt stubs should add up to and the takings to hand to finance.
public struct ServicesSummary: Equatable, Sendable {
    /// Every kind, zero when none was sold.
    public var byKind: [PaidServiceKind: ServiceKindTotals]

    public init(byKind: [PaidServiceKind: ServiceKindTotals] = [:]) {
        var all = byKind
        for k in PaidServiceKind.allCases where all[k] == nil { all[k] = ServiceKindTotals() }
        self.byKind = all
    }

    /// Sums a list of receipts.
    public init<S: Sequence>(receipts: S) where S.Element == ServiceReceipt {
        self.init()
        for r in receipts { byKind[r.kind]!.add(r) }
    }

    /// The kinds in the order the summary lists them, with their totals.
    public var lines: [(kind: PaidServiceKind, totals: ServiceKindTotals)] {
        PaidServiceKind.allCases.map { ($0, byKind[$0] ?? ServiceKindTotals()) }
    }

    /// Fees of the live receipts: the money finance receives (change is not income).
    public var takings: Money { byKind.values.reduce(Money.zero) { $0 + $1.fee } }
    /// Receipts issued, void ones included.
    public var issued: Int { byKind.values.reduce(0) { $0 + $1.issued } }
    /// Receipts voided.
    public var voided: Int { byKind.values.reduce(0) { $0 + $1.voided } }
}
