/// Lost and found (manual §5.2.14): register what is handed in, take lost reports, match
/// them, hand items over only against the claimant's own description and signature, and
/// dispose of what nobody claims after its retention period, on a shift lead's authority.
///
///     let intake = try desk.lostFound.intake(.init(foundDate: "now", foundPlace: "三楼美食广场",
///         handedInBy: "保洁 刘阿姨", category: "钱包", colour: "黑色", features: "内有超市会员卡"), by: clerk)
///     intake.item.tag           // "LF-2026-000001"
///     intake.matchingReports    // open reports that may be this one (suggestions only)
///     try desk.lostFound.describeClaim(.init(tag: "1", quantity: "1", colour: "黑", features: "会员卡"), by: clerk)
///     try desk.lostFound.completeClaim(.init(tag: "1", matched: true, claimant: "王芳",
///         claimantID: "11010519491231002X", phone: "13812345678", signatureConfirmed: true), by: clerk)
public final class LostFoundDesk {
    public let book: ServiceBook<LostFoundState>
    var context: DeskContext { book.context }
    var config: DeskConfig { book.context.config }

    public init(context: DeskContext, useSnapshot: Bool = true) throws {
        book = try ServiceBook(.lostfound, context: context, useSnapshot: useSnapshot)
    }

    public var state: LostFoundState { book.state }

    /// The plaza year now (tags and report ids count per plaza year).
    var currentYear: Int { context.time.civil(context.now()).year }

    // MARK: Queries

    /// Items in storage, newest first.
    public var itemsInStorage: [LostItem] {
        state.items.values.filter { $0.status == .inStorage }.sorted(by: Self.newerItem)
    }

    /// How many items are in storage, how many of them are valuables and how many are past
    /// retention at `now`: the footer of the list, counted in one pass without sorting.
    public func storageCounts(now: Int64) -> (inStorage: Int, valuable: Int, expired: Int) {
        var counts = (inStorage: 0, valuable: 0, expired: 0)
        for item in state.items.values where item.status == .inStorage {
            counts.inStorage += 1
            if item.valuable { counts.valuable += 1 }
            if item.isExpired(now: now, config: config) { counts.expired += 1 }
        }
        return counts
    }

    /// Open lost reports, newest first.
    public var openReports: [LostReport] {
        state.reports.values.filter { $0.status == .open }
            .sorted { $0.reportedAt != $1.reportedAt ? $0.reportedAt > $1.reportedAt : $0.id > $1.id }
    }

    /// The item of a typed tag (`LF-2026-000012`, `lf-2026-12`, or `12` for this year).
    public func item(_ text: String) -> LostItem? {
        LostFoundNumber.read(text, prefix: LostFoundNumber.tag, currentYear: currentYear).flatMap { state.items[$0] }
    }

    /// The report of a typed id (`LR-2026-000003`, or `3` for this year).
    public func lostReport(_ text: String) -> LostReport? {
        LostFoundNumber.read(text, prefix: LostFoundNumber.report, currentYear: currentYear).flatMap { state.reports[$0] }
    }

    /// Searches every item ever registered (in storage or not), newest first.
    ///
    /// - Parameters:
    ///   - query: words in Chinese or English, in any order (“黑色 钱包”, “black wallet”,
    ///     a tag); every word must occur in the item's description, places or tag.
    ///   - category: only this category.
    ///   - colour: only items whose colour agrees (“黑”, “black”).
    ///   - from, to: found on these plaza days (inclusive).
    ///   - limit: at most this many results.
    ///   - inStorageOnly: leave out items already claimed or disposed of.
    public func search(query: String = "", category: LostItemCategory? = nil, colour: String = "",
                       from: CivilTime? = nil, to: CivilTime? = nil, limit: Int = 500,
                       inStorageOnly: Bool = false) -> [LostItem] {
        let start = from.map { context.time.instant(CivilTime(year: $0.year, month: $0.month, day: $0.day)) }
        let end = to.map { context.time.instant(CivilTime(year: $0.year, month: $0.month, day: $0.day)) + 86_400 }
        // The state once: each `state` is the book's whole state handed out again.
        let state = self.state
        return state.search.tags(query: query, category: category, colour: colour, foundFrom: start, foundBefore: end,
                                 limit: limit, accept: inStorageOnly ? { state.items[$0]?.status == .inStorage } : nil)
            .compactMap { state.items[$0] }
    }

    /// Items still in storage past their category's retention at `now`, oldest first: the
    /// list a shift lead works through for disposal.
    public func expiredItems(now: Int64) -> [LostItem] {
        state.items.values.filter { $0.isExpired(now: now, config: config) }
            .sorted { ($0.retainUntil(config), $0.tag) < ($1.retainUntil(config), $1.tag) }
    }

    /// ``expiredItems(now:)`` by the desk's clock.
    public var expiredItems: [LostItem] { expiredItems(now: context.now()) }

    /// When an item's retention runs out, by the configured days for its category.
    public func retainUntil(_ item: LostItem) -> Int64 { item.retainUntil(config) }

    /// Open reports that may be this item, best first (suggestions only).
    public func matchingReports(for item: LostItem) -> [LostReport] { LostFoundMatcher.reports(matching: item, in: state) }

    /// Items in storage that may be what this report describes, best first (suggestions only).
    public func matchingItems(for report: LostReport) -> [LostItem] { LostFoundMatcher.items(matching: report, in: state) }

    static func newerItem(_ a: LostItem, _ b: LostItem) -> Bool {
        (a.receivedYear, a.receivedSeq) > (b.receivedYear, b.receivedSeq)
    }

    // MARK: Field helpers

    func category(_ text: String, field: String) throws -> LostItemCategory {
        if text.trimmingSpaces().isEmpty { throw CommonError.required(field: field) }
        guard let c = LostItemCategory(text: text) else {
            throw LostFoundError.unknownCategory(field: field, text: FieldCheck.echo(text.trimmingSpaces()))
        }
        return c
    }

    func tag(_ text: String, field: String) throws -> String {
        if text.trimmingSpaces().isEmpty { throw CommonError.required(field: field) }
        guard let tag = LostFoundNumber.read(text, prefix: LostFoundNumber.tag, currentYear: currentYear) else {
            throw LostFoundError.unknownTag(field: field, text: FieldCheck.echo(text.trimmingSpaces()))
        }
        return tag
    }

    func reportID(_ text: String, field: String) throws -> String {
        if text.trimmingSpaces().isEmpty { throw CommonError.required(field: field) }
        guard let id = LostFoundNumber.read(text, prefix: LostFoundNumber.report, currentYear: currentYear) else {
            throw LostFoundError.unknownReport(field: field, text: FieldCheck.echo(text.trimmingSpaces()))
        }
        return id
    }

    /// The item of a tag, still in storage, from the latest state.
    static func itemInStorage(_ tag: String, in state: LostFoundState, field: String = "tag") throws -> LostItem {
        guard let item = state.items[tag] else { throw LostFoundError.unknownTag(field: field, text: tag) }
        guard item.status == .inStorage else { throw LostFoundError.notInStorage(field: field, tag: tag, status: item.status) }
        return item
    }

    func rfc3339(_ instant: Int64) -> String { context.time.rfc3339(instant) }
}
