/// What the lost-and-found book says now: every registered item (in storage, claimed or
/// disposed), every lost report, the last tag and report numbers of each plaza year, and
/// the search form of every item.
public struct LostFoundState: BookState {
    /// Items by tag, in the order registered.
    public var items = KeyedTable<LostItem>()
    /// Lost reports by id.
    public var reports: [String: LostReport] = [:]
    /// The last `LF-YYYY-NNNNNN` number used, by plaza year.
    public var lastTagNumber: [Int: Int] = [:]
    /// The last `LR-YYYY-NNNNNN` number used, by plaza year.
    public var lastReportNumber: [Int: Int] = [:]
    /// Derived from ``items``; kept in the snapshot so that opening does not build it again.
    var search = LostFoundSearch()

    public init() {}

    public mutating func apply(_ r: LedgerRecord) {
        let b = r.body
        switch r.ev {
        case LostFoundEvents.itemReceived:
            guard let tag = b["tag"]?.stringValue, items[tag] == nil, let number = LostFoundNumber.parse(tag, prefix: LostFoundNumber.tag),
                  let category = LostItemCategory(rawValue: b["category"]?.stringValue ?? "") else { return }
            let item = LostItem(tag: tag, category: category, valuable: b["valuable"]?.boolValue ?? category.isValuable,
                                quantity: Int(b["quantity"]?.intValue ?? 1), colour: b["colour"]?.stringValue ?? "",
                                brand: b["brand"]?.stringValue ?? "", features: b["features"]?.stringValue ?? "",
                                amount: b["amountFen"]?.intValue.map(Money.init(fen:)),
                                foundAt: b["foundAt"]?.stringValue.flatMap(PlazaTime.parseRFC3339) ?? r.instant,
                                foundPlace: b["foundPlace"]?.stringValue ?? "", handedInBy: b["handedInBy"]?.stringValue ?? "",
                                storage: b["storage"]?.stringValue ?? "", receivedAt: r.instant, receivedBy: r.op,
                                receivedYear: Self.year(r), receivedSeq: r.seq)
            items[tag] = item
            search.add(item)
            lastTagNumber[number.0] = max(lastTagNumber[number.0] ?? 0, number.1)
        case LostFoundEvents.reportTaken:
            guard let id = b["report"]?.stringValue, reports[id] == nil, let number = LostFoundNumber.parse(id, prefix: LostFoundNumber.report),
                  let category = LostItemCategory(rawValue: b["category"]?.stringValue ?? "") else { return }
            reports[id] = LostReport(id: id, category: category, description: b["description"]?.stringValue ?? "",
                                     colour: b["colour"]?.stringValue ?? "",
                                     lostAt: b["lostAt"]?.stringValue.flatMap(PlazaTime.parseRFC3339) ?? r.instant,
                                     lostTimeKnown: b["lostTimeKnown"]?.boolValue ?? false,
                                     lostPlace: b["lostPlace"]?.stringValue ?? "", contact: b["contact"]?.stringValue ?? "",
                                     phoneMasked: b["phone"]?.stringValue ?? "", reportedAt: r.instant, reportedBy: r.op)
            lastReportNumber[number.0] = max(lastReportNumber[number.0] ?? 0, number.1)
        case LostFoundEvents.reportClosed:
            guard let id = b["report"]?.stringValue, reports[id] != nil,
                  let outcome = LostReport.Status(rawValue: b["outcome"]?.stringValue ?? ""), outcome != .open else { return }
            reports[id]!.status = outcome
            reports[id]!.closedAt = r.instant
            reports[id]!.closedBy = r.op
            reports[id]!.closingNote = b["note"]?.stringValue ?? ""
            reports[id]!.foundTag = b["tag"]?.stringValue.flatMap { $0.isEmpty ? nil : $0 }
        case LostFoundEvents.claimDescribed:
            guard let tag = b["tag"]?.stringValue, items[tag] != nil else { return }
            items[tag]!.pendingDescription = ClaimDescription(
                claimant: b["claimant"]?.stringValue ?? "", quantity: Int(b["quantity"]?.intValue ?? 0),
                colour: b["colour"]?.stringValue ?? "", features: b["features"]?.stringValue ?? "",
                describedAt: r.instant, describedBy: r.op, describedYear: Self.year(r), describedSeq: r.seq)
        case LostFoundEvents.claimRefused:
            guard let tag = b["tag"]?.stringValue, items[tag] != nil else { return }
            items[tag]!.pendingDescription = nil
            items[tag]!.refusedClaims += 1
        case LostFoundEvents.claimed:
            guard let tag = b["tag"]?.stringValue, items[tag] != nil else { return }
            items[tag]!.pendingDescription = nil
            items[tag]!.status = .claimed
            items[tag]!.claim = LostItemClaim(
                claimant: b["claimant"]?.stringValue ?? "", idMasked: b["claimantIDMasked"]?.stringValue ?? "",
                idHash: b["claimantIDHash"]?.stringValue ?? "", phoneMasked: b["phone"]?.stringValue ?? "",
                note: b["note"]?.stringValue ?? "", reportID: b["report"]?.stringValue.flatMap { $0.isEmpty ? nil : $0 },
                claimedAt: r.instant, releasedBy: r.op)
        case LostFoundEvents.disposed:
            guard let tag = b["tag"]?.stringValue, items[tag] != nil,
                  let method = DisposalMethod(rawValue: b["method"]?.stringValue ?? "") else { return }
            items[tag]!.pendingDescription = nil
            items[tag]!.status = .disposed
            items[tag]!.disposal = LostItemDisposal(method: method, note: b["note"]?.stringValue ?? "",
                                                    expired: b["expired"]?.boolValue ?? true, disposedAt: r.instant,
                                                    authorisedBy: r.op)
        default:
            break
        }
    }

    static func year(_ r: LedgerRecord) -> Int { PlazaTime(offsetSeconds: r.offsetSeconds).civil(r.instant).year }

    /// Whether the items are listed in the order they were registered, which replaying and
    /// reading a snapshot both keep (checked, so that a snapshot is never written out of
    /// order; a copy is sorted only if it ever were not).
    var itemsAreInLedgerOrder: Bool {
        let v = items.values
        return zip(v, v.dropFirst()).allSatisfy { ($0.receivedYear, $0.receivedSeq) <= ($1.receivedYear, $1.receivedSeq) }
    }
}

extension LostFoundState: SnapshotCoding {
    /// The items in ledger order (which is the search's order), the search's texts, the
    /// reports by id, then the last tag and report numbers by year.
    public func encode(to e: inout SnapshotEncoder) {
        if itemsAreInLedgerOrder {
            e.array(items.values)
        } else {
            e.array(items.values.sorted { ($0.receivedYear, $0.receivedSeq) < ($1.receivedYear, $1.receivedSeq) })
        }
        search.encode(to: &e)
        e.array(reports.keys.sorted()) { e, id in reports[id]!.encode(to: &e) }
        Self.encode(lastTagNumber, to: &e)
        Self.encode(lastReportNumber, to: &e)
    }

    /// Reads what ``encode(to:)`` wrote; items out of ledger order, a tag or report id seen
    /// twice, or years out of order throw (the book is then replayed).
    public init(from d: inout SnapshotDecoder) throws {
        let itemCount = try d.count()
        items.reserveCapacity(itemCount)
        var inOrder: [LostFoundSearch.Item] = []
        inOrder.reserveCapacity(itemCount)
        var previous: (year: Int, seq: Int64) = (.min, .min)
        for _ in 0..<itemCount {
            let item = try LostItem(from: &d)
            let at = (year: item.receivedYear, seq: item.receivedSeq)
            guard previous <= at else { throw SnapshotDecodingError("items out of ledger order at \(item.tag)") }
            previous = at
            guard items[item.tag] == nil else { throw SnapshotDecodingError("item \(item.tag) twice") }
            items.appendListed(item)
            inOrder.append(LostFoundSearch.Item(tag: item.tag, category: item.category, foundAt: item.foundAt))
        }
        search = try LostFoundSearch(from: &d, items: inOrder)
        let reportCount = try d.count()
        reports.reserveCapacity(reportCount)
        var previousID: String?
        for _ in 0..<reportCount {
            let report = try LostReport(from: &d)
            if let previousID, !(previousID < report.id) {
                throw SnapshotDecodingError("reports out of order at \(report.id)")
            }
            previousID = report.id
            reports[report.id] = report
        }
        lastTagNumber = try Self.numbers(&d)
        lastReportNumber = try Self.numbers(&d)
    }

    /// A number by year, in year order.
    static func encode(_ numbers: [Int: Int], to e: inout SnapshotEncoder) {
        e.dictionary(numbers, key: { $0.int($1) }, value: { $0.int($1) })
    }

    static func numbers(_ d: inout SnapshotDecoder) throws -> [Int: Int] {
        let n = try d.count()
        var out: [Int: Int] = [:]
        out.reserveCapacity(n)
        var previous: Int?
        for _ in 0..<n {
            let year = try d.intValue()
            if let previous, previous >= year { throw SnapshotDecodingError("years out of order at \(year)") }
            previous = year
            out[year] = try d.intValue()
        }
        return out
    }
}
