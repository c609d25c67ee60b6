/// The fee of a paid service, worked out before the service is done: the manual has the
/// clerk tell the customer the fee first (§5.2.15), and the receipt must then match it.
public struct ServiceQuote: Equatable, Sendable {
    public var kind: PaidServiceKind
    /// Pages or items.
    public var quantity: Int
    /// The price per page or item, from `config.servicePrices`.
    public var unitPrice: Money
    /// `unitPrice × quantity`.
    public var fee: Money

    public init(kind: PaidServiceKind, quantity: Int, unitPrice: Money) {
        self.kind = kind; self.quantity = quantity; self.unitPrice = unitPrice
        fee = Money(fen: unitPrice.fen * Int64(quantity))
    }

    /// What the clerk says to the customer, in the manual's words.
    public func statement(_ l: Language) -> String {
        l.pick("您好，我们广场的\(kind.name(l))服务是收费的，每份 \(unitPrice)，共 \(quantity) 份，本次服务您应支付 \(fee) 的服务费用。",
               "Our \(kind.name(l)) service is charged: \(unitPrice) each, \(quantity) in all, so the fee for this service is \(fee).")
    }
}
