/// What the points book says now: every card ever issued, each holder's current card,
/// and every receipt that has earned points.
///
/// Sized for years of a busy desk: a card is one entry with its last
/// ``historyLength`` movements, a used receipt one short key and a card number.
public struct PointsState: BookState {
    /// Every card ever issued, by card number (numbers are never reused), in the order issued.
    public var cards = KeyedTable<PointsCard>()
    /// Each holder's current card (active or reported lost, not replaced), by ID hash.
    public var cardByHolder: [String: String] = [:]
    /// Receipts that have earned points, by receipt key (``PointsReceipt/key(shop:number:)``),
    /// with the card that earned them. Keys hold the shop's name: compared by bytes.
    public var usedReceipts = TextKeyTable()
    /// The card each application form was filed for, by form number normalised like a
    /// receipt number (so `f-0001` and `F0001` are the same form).
    public var cardByForm: [String: String] = [:]
    public var enrolledCount = 0
    public var reissuedCount = 0
    public var lostCount = 0

    public static let historyLength = 50

    public init() {}

    /// The card with this number, normalised (``PointsDesk/cardNumber(_:field:)``).
    public func card(_ number: String) -> PointsCard? { cards[number] }

    /// The holder's current card, by the hash of their ID number.
    public func currentCard(idHash: String) -> PointsCard? { cardByHolder[idHash].flatMap { cards[$0] } }

    /// The current cards whose masked phone is this one, by card number.
    public func currentCards(phoneMasked: String) -> [PointsCard] {
        cards.values.filter { $0.phoneMasked == phoneMasked && $0.status != .replaced }.sorted { $0.number < $1.number }
    }

    public mutating func apply(_ r: LedgerRecord) {
        let b = r.body
        let at = r.instant
        switch r.ev {
        case PointsEvents.cardEnrolled:
            guard let number = b["cardNumber"]?.stringValue, let idHash = b["idHash"]?.stringValue else { return }
            let formNumber = b["formNumber"]?.stringValue ?? ""
            var card = PointsCard(number: number, holderName: b["name"]?.stringValue ?? "", phoneMasked: b["phone"]?.stringValue ?? "",
                                  idMasked: b["idMasked"]?.stringValue ?? "", idHash: idHash, formNumber: formNumber,
                                  issuedAt: at, issuedYear: year(r), issuedSeq: r.seq, issuedBy: r.op, memberSince: at)
            card.history = [movement(r, .enrolled, points: 0, balance: 0, detail: formNumber)]
            cards[number] = card
            cardByHolder[idHash] = number
            cardByForm[PointsReceipt.normalize(formNumber)] = number
            enrolledCount += 1
        case PointsEvents.earned:
            guard let number = b["cardNumber"]?.stringValue else { return }
            if let key = b["receiptKey"]?.stringValue { usedReceipts[key] = number }
            let detail = [b["shop"]?.stringValue, b["receiptNumber"]?.stringValue, b["receiptDate"]?.stringValue]
                .compactMap { $0 }.joined(separator: " ")
            move(number, r, .earned, points: b["points"]?.intValue ?? 0, detail: detail)
        case PointsEvents.redeemed:
            guard let number = b["cardNumber"]?.stringValue else { return }
            move(number, r, .redeemed, points: -(b["points"]?.intValue ?? 0), detail: b["purpose"]?.stringValue ?? "")
        case PointsEvents.adjusted:
            guard let number = b["cardNumber"]?.stringValue else { return }
            move(number, r, .adjusted, points: b["points"]?.intValue ?? 0, detail: b["reason"]?.stringValue ?? "")
        case PointsEvents.cardReportedLost:
            guard let number = b["cardNumber"]?.stringValue, cards[number] != nil else { return }
            cards[number]!.status = .lost
            move(number, r, .reportedLost, points: 0, detail: b["note"]?.stringValue ?? "")
            lostCount += 1
        case PointsEvents.cardReissued:
            guard let oldNumber = b["oldCardNumber"]?.stringValue, let newNumber = b["newCardNumber"]?.stringValue,
                  var old = cards[oldNumber] else { return }
            let detail = "\(oldNumber) → \(newNumber)"
            var card = old
            card.number = newNumber
            card.status = .active
            card.issuedAt = at
            card.issuedYear = year(r)
            card.issuedSeq = r.seq
            card.issuedBy = r.op
            card.replaces = oldNumber
            card.replacedBy = nil
            Self.record(movement(r, .reissued, points: 0, balance: card.balance, detail: detail), in: &card.history)
            old.status = .replaced
            old.replacedBy = newNumber
            old.balance = 0
            old.history = [movement(r, .reissued, points: 0, balance: 0, detail: detail)]
            cards[oldNumber] = old
            cards[newNumber] = card
            cardByHolder[card.idHash] = newNumber
            reissuedCount += 1
        default:
            break
        }
    }

    func year(_ r: LedgerRecord) -> Int { PlazaTime(offsetSeconds: r.offsetSeconds).civil(r.instant).year }

    func movement(_ r: LedgerRecord, _ kind: PointsMovement.Kind, points: Int64, balance: Int64, detail: String) -> PointsMovement {
        PointsMovement(kind: kind, points: points, balance: balance, detail: detail, at: r.instant, year: year(r), seq: r.seq, by: r.op)
    }

    /// Changes a card's balance (in place) and records the movement.
    mutating func move(_ number: String, _ r: LedgerRecord, _ kind: PointsMovement.Kind, points: Int64, detail: String) {
        guard cards[number] != nil else { return }
        cards[number]!.balance += points
        let m = movement(r, kind, points: points, balance: cards[number]!.balance, detail: detail)
        Self.record(m, in: &cards[number]!.history)
    }

    /// Appends a movement, growing the history by half (not double) up to its cap: sixty
    /// thousand cards' histories are a large part of a busy year's state.
    static func record(_ m: PointsMovement, in history: inout [PointsMovement]) {
        if history.count == history.capacity {
            history.reserveCapacity(min(historyLength + 1, max(4, history.count + history.count / 2)))
        }
        history.append(m)
        trim(&history)
    }

    static func trim(_ history: inout [PointsMovement]) {
        if history.count > Self.historyLength { history.removeFirst(history.count - Self.historyLength) }
    }
}
