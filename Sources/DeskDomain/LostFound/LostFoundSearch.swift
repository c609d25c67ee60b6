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
    /// One item's searchable form.
    struct Entry: Equatable, Sendable {
        var tag: String
        var category: LostItemCategory
        var foundAt: Int64
        /// Tag, category names, colour, brand, features, places and who handed it in,
        /// lower-cased and separated by U+0001.
        var text: [UInt8]
        /// ``LostFoundText/colourKey(_:)`` of the colour, plus the colour lower-cased.
        var colour: [UInt8]

        init(_ item: LostItem) {
            tag = item.tag
            category = item.category
            foundAt = item.foundAt
            let fields = [item.tag, item.category.name(.zhHans), item.category.name(.en), item.colour, item.brand,
                          item.features, item.foundPlace, item.handedInBy, item.storage]
            text = Array(fields.joined(separator: "\u{1}").lowercased().utf8)
            colour = Array((LostFoundText.colourKey(item.colour) + "\u{1}" + item.colour.lowercased()).utf8)
        }
    }

    /// Entries in the order the items were registered.
    var entries: [Entry] = []

    mutating func add(_ item: LostItem) { entries.append(Entry(item)) }

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
        for e in entries.reversed() {
            if out.count >= limit { break }
            if let category, e.category != category { continue }
            if let foundFrom, e.foundAt < foundFrom { continue }
            if let foundBefore, e.foundAt >= foundBefore { continue }
            if !colourNeedles.isEmpty && !Self.containsAll(e.colour, colourNeedles) { continue }
            if !needles.isEmpty && !Self.containsAll(e.text, needles) { continue }
            if let accept, !accept(e.tag) { continue }
            out.append(e.tag)
        }
        return out
    }

    static func containsAll(_ haystack: [UInt8], _ needles: [[UInt8]]) -> Bool {
        haystack.withUnsafeBytes { h in
            for n in needles {
                guard n.withUnsafeBytes({ contains(h, $0) }) else { return false }
            }
            return true
        }
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
}
