/// Scores how well a found item fits a lost report, so the desk can suggest "this may be
/// the one" in both directions. A suggestion is only that: nothing is handed over or
/// closed because of a score.
///
/// Score: same category 40 (one side “other”: 10; two different categories never match),
/// colours that agree 20, shared words of features/brand vs. description (a bigram or a
/// word 6, a single Chinese character 2; at most 40), shared words of the places 5 each (at
/// most 10). An item found clearly before the loss scores 0. Suggested from
/// ``threshold`` up.
public enum LostFoundMatcher {
    public static let threshold = 50
    /// How many suggestions an intake or a report returns.
    public static let maxSuggestions = 10

    public static func score(item: LostItem, report: LostReport) -> Int {
        guard let base = baseScore(item: item, report: report) else { return 0 }
        return base + textScore(ItemWords(item), ReportWords(report))
    }

    /// Time, category and colour: nil when the pair cannot match at all (cheap, so the
    /// words are only compared for candidates).
    static func baseScore(item: LostItem, report: LostReport) -> Int? {
        // Customers guess the time: allow two hours when they gave one; otherwise the day counts.
        let earliest = report.lostTimeKnown ? report.lostAt - 2 * 3600 : report.lostAt
        if item.foundAt < earliest { return nil }
        var score: Int
        if item.category == report.category {
            score = 40
        } else if item.category == .other || report.category == .other {
            score = 10
        } else {
            return nil
        }
        if LostFoundText.coloursAgree(item.colour, report.colour) { score += 20 }
        return score
    }

    /// An item's words, split once.
    struct ItemWords {
        let words: Set<String>, places: Set<String>
        init(_ item: LostItem) {
            words = LostFoundText.tokens(item.brand + " " + item.features)
            places = LostFoundText.tokens(item.foundPlace)
        }
    }

    /// A report's words, split once.
    struct ReportWords {
        let words: Set<String>, places: Set<String>
        init(_ report: LostReport) {
            words = LostFoundText.tokens(report.description)
            places = LostFoundText.tokens(report.lostPlace)
        }
    }

    static func textScore(_ item: ItemWords, _ report: ReportWords) -> Int {
        var score = min(40, wordScore(item.words.intersection(report.words)))
        let places = item.places.intersection(report.places)
        score += min(10, places.filter { $0.count > 1 || !LostFoundText.isHan($0.first!) }.count * 5)
        return score
    }

    static func wordScore(_ shared: Set<String>) -> Int {
        var s = 0
        for t in shared { s += (t.count == 1 && LostFoundText.isHan(t.first!)) ? 2 : 6 }
        return s
    }

    /// Open reports that may be this item, best first.
    public static func reports(matching item: LostItem, in state: LostFoundState) -> [LostReport] {
        let itemWords = ItemWords(item)
        var scored: [(LostReport, Int)] = []
        for report in state.reports.values where report.status == .open {
            guard let base = baseScore(item: item, report: report), base + 50 >= threshold else { continue }
            scored.append((report, base + textScore(itemWords, ReportWords(report))))
        }
        return rank(scored) {
            $0.reportedAt > $1.reportedAt || ($0.reportedAt == $1.reportedAt && $0.id > $1.id)
        }
    }

    /// Items in storage that may be what the report describes, best first.
    public static func items(matching report: LostReport, in state: LostFoundState) -> [LostItem] {
        let reportWords = ReportWords(report)
        var scored: [(LostItem, Int)] = []
        for item in state.items.values where item.status == .inStorage {
            guard let base = baseScore(item: item, report: report), base + 50 >= threshold else { continue }
            scored.append((item, base + textScore(ItemWords(item), reportWords)))
        }
        return rank(scored) {
            $0.receivedAt > $1.receivedAt || ($0.receivedAt == $1.receivedAt && $0.tag > $1.tag)
        }
    }

    static func rank<T>(_ scored: [(T, Int)], newer: (T, T) -> Bool) -> [T] {
        scored.filter { $0.1 >= threshold }
            .sorted { $0.1 != $1.1 ? $0.1 > $1.1 : newer($0.0, $1.0) }
            .prefix(maxSuggestions).map(\.0)
    }
}
