/// A found item the desk registered: where and when it was found, who handed it in, where
/// it is kept, and what became of it (claimed or disposed).
public struct LostItem: Equatable, Sendable {
    /// Where the item is now.
    public enum Status: String, Sendable {
        case inStorage, claimed, disposed

        public func name(_ l: Language) -> String {
            switch self {
            case .inStorage: return l.pick("保管中", "in storage")
            case .claimed: return l.pick("已认领", "claimed")
            case .disposed: return l.pick("已处置", "disposed of")
            }
        }
    }

    /// `LF-2026-000001`.
    public var tag: String
    public var category: LostItemCategory
    /// Kept in the safe (cash, phones, ID documents, bank cards, jewellery).
    public var valuable: Bool
    public var quantity: Int
    public var colour: String
    /// Empty when unknown.
    public var brand: String
    public var features: String
    /// How much cash (cash items only).
    public var amount: Money?
    public var foundAt: Int64
    public var foundPlace: String
    public var handedInBy: String
    /// Where it is kept (the safe for valuables); may be empty for other items.
    public var storage: String
    public var receivedAt: Int64
    /// The receiving clerk.
    public var receivedBy: OperatorID
    /// Year and seq of the `lostfound.item-received` event.
    public var receivedYear: Int
    public var receivedSeq: Int64
    public var status: Status = .inStorage
    /// Claims refused because the description did not match.
    public var refusedClaims = 0

    // What an item only has once claimed or disposed of: kept out of line, so a year of
    // items in storage is each less than half as wide.
    private var pendingBox: OutOfLine<ClaimDescription>?
    private var claimBox: OutOfLine<LostItemClaim>?
    private var disposalBox: OutOfLine<LostItemDisposal>?

    /// The latest claimant's description not yet judged.
    public var pendingDescription: ClaimDescription? {
        get { pendingBox?.value }
        set { pendingBox = newValue.map(OutOfLine.init) }
    }
    public var claim: LostItemClaim? {
        get { claimBox?.value }
        set { claimBox = newValue.map(OutOfLine.init) }
    }
    public var disposal: LostItemDisposal? {
        get { disposalBox?.value }
        set { disposalBox = newValue.map(OutOfLine.init) }
    }

    /// When its retention runs out (counted from intake), by category.
    public func retainUntil(_ config: DeskConfig) -> Int64 {
        receivedAt + Int64(category.retentionDays(config)) * 86_400
    }

    /// Still in storage and kept longer than its category's retention.
    public func isExpired(now: Int64, config: DeskConfig) -> Bool {
        status == .inStorage && now >= retainUntil(config)
    }

    init(tag: String, category: LostItemCategory, valuable: Bool, quantity: Int, colour: String, brand: String,
         features: String, amount: Money?, foundAt: Int64, foundPlace: String, handedInBy: String, storage: String,
         receivedAt: Int64, receivedBy: OperatorID, receivedYear: Int, receivedSeq: Int64) {
        self.tag = tag; self.category = category; self.valuable = valuable; self.quantity = quantity
        self.colour = colour; self.brand = brand; self.features = features; self.amount = amount
        self.foundAt = foundAt; self.foundPlace = foundPlace; self.handedInBy = handedInBy; self.storage = storage
        self.receivedAt = receivedAt; self.receivedBy = receivedBy; self.receivedYear = receivedYear
        self.receivedSeq = receivedSeq
    }

}

extension LostItem.Status: SnapshotCoding {
    public func encode(to e: inout SnapshotEncoder) { e.raw(self) }
    public init(from d: inout SnapshotDecoder) throws { self = try d.raw(Self.self) }
}

extension LostItem: SnapshotCoding {
    /// Every stored field, in declaration order.
    public func encode(to e: inout SnapshotEncoder) {
        e.string(tag)
        e.value(category)
        e.bool(valuable)
        e.int(quantity)
        e.string(colour)
        e.string(brand)
        e.string(features)
        e.optional(amount)
        e.int(foundAt)
        e.string(foundPlace)
        e.string(handedInBy)
        e.string(storage)
        e.int(receivedAt)
        e.value(receivedBy)
        e.int(receivedYear)
        e.int(receivedSeq)
        e.value(status)
        e.optional(pendingDescription)
        e.int(refusedClaims)
        e.optional(claim)
        e.optional(disposal)
    }

    public init(from d: inout SnapshotDecoder) throws {
        let tag = try d.string()
        let category = try d.value(LostItemCategory.self)
        let valuable = try d.bool()
        let quantity = try d.intValue()
        let colour = try d.string()
        let brand = try d.string()
        let features = try d.string()
        let amount = try d.optional(of: Money.self)
        let foundAt = try d.int()
        let foundPlace = try d.string()
        let handedInBy = try d.string()
        let storage = try d.string()
        let receivedAt = try d.int()
        let receivedBy = try d.value(OperatorID.self)
        let receivedYear = try d.intValue()
        let receivedSeq = try d.int()
        self.init(tag: tag, category: category, valuable: valuable, quantity: quantity, colour: colour, brand: brand,
                  features: features, amount: amount, foundAt: foundAt, foundPlace: foundPlace, handedInBy: handedInBy,
                  storage: storage, receivedAt: receivedAt, receivedBy: receivedBy, receivedYear: receivedYear,
                  receivedSeq: receivedSeq)
        status = try d.value(Status.self)
        pendingDescription = try d.optional(of: ClaimDescription.self)
        refusedClaims = try d.intValue()
        claim = try d.optional(of: LostItemClaim.self)
        disposal = try d.optional(of: LostItemDisposal.self)
    }
}

extension LostItem: TableKeyed {
    public var tableKey: String { tag }
}
