import Glibc

// The points state in the snapshot's binary form (``SnapshotCoding``): its fields in one
// fixed order. A heavy year holds ~100,000 cards of up to 50
// movements each, so decoding reads straight into reserved arrays and dictionaries.

extension PointsMovement: SnapshotCoding {
    /// kind, points, balance, detail, at, year, seq, by.
    public func encode(to e: inout SnapshotEncoder) {
        e.raw(kind)
        e.int(points)
        e.int(balance)
        e.string(detail)
        e.int(at)
        e.int(year)
        e.int(seq)
        e.value(by)
    }

    public init(from d: inout SnapshotDecoder) throws {
        let kind = try d.raw(Kind.self)
        let points = try d.int(), balance = try d.int()
        let detail = try d.string()
        let at = try d.int(), year = try d.intValue(), seq = try d.int()
        let by = try d.value(OperatorID.self)
        self.init(kind: kind, points: points, balance: balance, detail: detail, at: at, year: year, seq: seq, by: by)
    }
}

extension PointsCard: SnapshotCoding {
    /// number, name, phone, masked ID, ID hash, form, status, balance, issued at/year/seq/by,
    /// member since, replaces?, replaced by?, history.
    public func encode(to e: inout SnapshotEncoder) {
        e.string(number)
        e.string(holderName)
        e.string(phoneMasked)
        e.string(idMasked)
        e.string(idHash)
        e.string(formNumber)
        e.raw(status)
        e.int(balance)
        e.int(issuedAt)
        e.int(issuedYear)
        e.int(issuedSeq)
        e.value(issuedBy)
        e.int(memberSince)
        e.optional(replaces)
        e.optional(replacedBy)
        e.array(history)
    }

    public init(from d: inout SnapshotDecoder) throws {
        let number = try d.string(), holderName = try d.string(), phoneMasked = try d.string()
        let idMasked = try d.string(), idHash = try d.string(), formNumber = try d.string()
        let status = try d.raw(Status.self)
        let balance = try d.int(), issuedAt = try d.int(), issuedYear = try d.intValue(), issuedSeq = try d.int()
        let issuedBy = try d.value(OperatorID.self)
        let memberSince = try d.int()
        let replaces = try d.optionalString(), replacedBy = try d.optionalString()
        let history = try d.array(of: PointsMovement.self)
        self.init(number: number, holderName: holderName, phoneMasked: phoneMasked, idMasked: idMasked, idHash: idHash,
                  formNumber: formNumber, status: status, balance: balance, issuedAt: issuedAt, issuedYear: issuedYear,
                  issuedSeq: issuedSeq, issuedBy: issuedBy, memberSince: memberSince, replaces: replaces,
                  replacedBy: replacedBy, history: history)
    }
}

extension PointsState: SnapshotCoding {
    /// Cards in the order issued (each keyed by its own number, so written once), holders'
    /// current cards, used receipts, forms, then the three counts. Every dictionary in its
    /// keys' order, cards and used receipts in the order they came, so the same state always
    /// writes the same bytes.
    public func encode(to e: inout SnapshotEncoder) {
        e.array(cards.values)
        e.dictionary(cardByHolder, key: { $0.string($1) }, value: { $0.string($1) })
        usedReceipts.encode(to: &e)
        e.dictionary(cardByForm, key: { $0.string($1) }, value: { $0.string($1) })
        e.int(enrolledCount)
        e.int(reissuedCount)
        e.int(lostCount)
    }

    public init(from d: inout SnapshotDecoder) throws {
        self.init()
        let cardCount = try d.count()
        cards.reserveCapacity(cardCount)
        for _ in 0..<cardCount {
            let card = try PointsCard(from: &d)
            guard cards[card.number] == nil else { throw SnapshotDecodingError("card \(card.number) twice") }
            cards.appendListed(card)
        }
        cardByHolder = try d.dictionary(key: { try $0.string() }, value: { try $0.string() })
        usedReceipts = try TextKeyTable(from: &d)
        cardByForm = try d.dictionary(key: { try $0.string() }, value: { try $0.string() })
        enrolledCount = try d.intValue()
        reissuedCount = try d.intValue()
        lostCount = try d.intValue()
    }

}
