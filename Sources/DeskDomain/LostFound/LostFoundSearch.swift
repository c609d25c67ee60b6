import Glibc

/// The search behind the lost-and-found screen: by words (Chinese or English), category,
/// colour and found date, over every item ever registered, newest first.
///
/// It must keep up with typing over a year of items, so each item's searchable text is
/// kept once, lower-cased, as UTF-8 bytes (``Entry``, built when the item is registered),
/// and a query is a list of byte strings that must all occur (`memmem`).
///
/// Query words: English words and Chinese runs of one or two characters must occur as
/// typed; a longer Chinese run matches when each of its characters occurs (“黑色钱包”
/// finds “钱包，黑色”).
struct LostFoundSearch: Equatable, Sendable {
    /// One item's searchable form; its text and colour are a range of ``bytes``.
    struct Entry: Equatable, Sendable {
        var tag: String
        var category: LostItemCategory
        var foundAt: Int64
        /// Where the item's text starts in ``bytes``; its colour follows it.
        var start: UInt32
        var textLength: UInt32
        var colourLength: UInt32
    }

    /// Entries in the order the items were registered.
    private(set) var entries: [Entry] = []
    /// Every item's text then colour, end to end: one buffer for a year of items instead of
    /// two small arrays each, and a snapshot stores it as it is.
    private(set) var bytes: [UInt8] = []

    init() {}

    /// Tag, category names, colour, brand, features, places and who handed it in,
    /// lower-cased and separated by U+0001.
    static func text(_ item: LostItem) -> String {
        [item.tag, item.category.name(.zhHans), item.category.name(.en), item.colour, item.brand,
         item.features, item.foundPlace, item.handedInBy, item.storage].joined(separator: "\u{1}").lowercased()
    }

    /// ``LostFoundText/colourKey(_:)`` of the colour, plus the colour lower-cased.
    static func colour(_ item: LostItem) -> String {
        LostFoundText.colourKey(item.colour) + "\u{1}" + item.colour.lowercased()
    }

    mutating func add(_ item: LostItem) {
        let text = Self.text(item).utf8, colour = Self.colour(item).utf8
        entries.append(Entry(tag: item.tag, category: item.category, foundAt: item.foundAt, start: UInt32(bytes.count),
                             textLength: UInt32(text.count), colourLength: UInt32(colour.count)))
        bytes.append(contentsOf: text)
        bytes.append(contentsOf: colour)
    }

    mutating func reserveCapacity(_ n: Int) { entries.reserveCapacity(n) }

    /// An entry's searchable text (for a peer searching the same, `bench`).
    func text(of e: Entry) -> String {
        String(decoding: bytes[Int(e.start)..<Int(e.start) + Int(e.textLength)], as: UTF8.self)
    }

    /// The byte strings a query's text requires.
    static func needles(_ query: String) -> [[UInt8]] {
        var out: [[UInt8]] = []
        var han: [Character] = []
        var word = ""
        func endHan() {
            if han.count <= 2 {
                if !han.isEmpty { out.append(Array(String(han).utf8)) }
            } else {
                for c in Set(han) { out.append(Array(String(c).utf8)) }
            }
            han = []
        }
        func endWord() {
            if !word.isEmpty { out.append(Array(word.utf8)); word = "" }
        }
        for ch in query.lowercased() {
            if LostFoundText.isHan(ch) {
                endWord()
                han.append(ch)
            } else {
                endHan()
                if ch.isLetter || ch.isNumber { word.append(ch) } else { endWord() }
            }
        }
        endHan()
        endWord()
        return out
    }

    /// Tags of the items that match, newest registered first, at most `limit`.
    ///
    /// - Parameters:
    ///   - query: words in any order, Chinese or English; empty matches everything.
    ///   - colour: a colour in Chinese or English (“黑”, “black”); empty matches every colour.
    ///   - foundFrom, foundBefore: instants bounding when the item was found.
    ///   - accept: a last say on each matching tag (e.g. "still in storage"), asked before
    ///     the tag counts towards `limit`.
    func tags(query: String, category: LostItemCategory?, colour: String, foundFrom: Int64?, foundBefore: Int64?,
              limit: Int, accept: ((String) -> Bool)? = nil) -> [String] {
        let needles = Self.needles(query)
        let colourKey = LostFoundText.colourKey(colour)
        let colourNeedles: [[UInt8]] = colourKey.isEmpty ? [] : [Array(colourKey.utf8)]
        var out: [String] = []
        bytes.withUnsafeBytes { all in
            for e in entries.reversed() {
                if out.count >= limit { break }
                if let category, e.category != category { continue }
                if let foundFrom, e.foundAt < foundFrom { continue }
                if let foundBefore, e.foundAt >= foundBefore { continue }
                let text = UnsafeRawBufferPointer(rebasing: all[Int(e.start)..<Int(e.start) + Int(e.textLength)])
                if !colourNeedles.isEmpty {
                    let colourStart = Int(e.start) + Int(e.textLength)
                    let colour = UnsafeRawBufferPointer(rebasing: all[colourStart..<colourStart + Int(e.colourLength)])
                    if !Self.containsAll(colour, colourNeedles) { continue }
                }
                if !needles.isEmpty && !Self.containsAll(text, needles) { continue }
                if let accept, !accept(e.tag) { continue }
                out.append(e.tag)
            }
        }
        return out
    }

    static func containsAll(_ h: UnsafeRawBufferPointer, _ needles: [[UInt8]]) -> Bool {
        for n in needles {
            guard n.withUnsafeBytes({ contains(h, $0) }) else { return false }
        }
        return true
    }

    /// Whether `n` occurs in `h` (`memchr` to the candidates, `memcmp` to confirm).
    static func contains(_ h: UnsafeRawBufferPointer, _ n: UnsafeRawBufferPointer) -> Bool {
        guard let nb = n.baseAddress, n.count > 0 else { return true }
        guard let hb = h.baseAddress, h.count >= n.count else { return false }
        let first = Int32(n[0])
        var at = 0
        let last = h.count - n.count
        while at <= last {
            guard let hit = memchr(hb + at, first, last - at + 1) else { return false }
            let i = hb.distance(to: UnsafeRawPointer(hit))
            if memcmp(hb + i, nb, n.count) == 0 { return true }
            at = i + 1
        }
        return false
    }

    /// Written after the items, in the same order: the text buffer as it is, then each
    /// entry's two lengths (tag, category and found time are the item's own).
    func encode(to e: inout SnapshotEncoder) {
        e.blob(bytes)
        var lengths: [UInt32] = []
        lengths.reserveCapacity(2 * entries.count)
        for x in entries { lengths.append(x.textLength); lengths.append(x.colourLength) }
        e.words(lengths)
    }

    /// What an entry takes from its item besides its text.
    struct Item {
        var tag: String
        var category: LostItemCategory
        var foundAt: Int64
    }

    /// Reads what ``encode(to:)`` wrote for `items` (in the order written); the lengths
    /// must add up to the buffer exactly.
    init(from d: inout SnapshotDecoder, items: [Item]) throws {
        bytes = try d.blob()
        let lengths = try d.words()
        guard lengths.count == 2 * items.count else { throw SnapshotDecodingError("search lengths for \(lengths.count / 2) of \(items.count) items") }
        entries.reserveCapacity(items.count)
        var at = 0
        for (i, item) in items.enumerated() {
            let t = Int(lengths[2 * i]), c = Int(lengths[2 * i + 1])
            guard t <= bytes.count - at, c <= bytes.count - at - t else { throw SnapshotDecodingError("search text past its buffer") }
            entries.append(Entry(tag: item.tag, category: item.category, foundAt: item.foundAt, start: UInt32(at),
                                 textLength: UInt32(t), colourLength: UInt32(c)))
            at += t + c
        }
        guard at == bytes.count else { throw SnapshotDecodingError("search buffer longer than its texts") }
    }
}
