import DeskResources
import Foundation

/// The common questions about points cards (manual §5.2.8, "FAQ"), so every clerk gives
/// the same, correct answer.
///
/// The texts are shipped files, `points-faq.zh-Hans.txt` and `points-faq.en.txt`, that a
/// plaza may edit without rebuilding. Format: a line `Q: …` starts a question, a line
/// `A: …` its answer; further lines continue the part above; blank lines and lines
/// starting with `#` are skipped. `{minReceipt}`, `{backfillDays}` and `{pointsPerYuan}`
/// are replaced by this desk's settings.
public enum PointsFAQ {
    /// One question and its answer.
    public struct Entry: Equatable, Sendable {
        public var question: String
        public var answer: String
        public init(question: String, answer: String) { self.question = question; self.answer = answer }
    }

    /// A FAQ file that does not follow the format; says which line.
    public enum FormatError: Error, Equatable, Sendable, CustomStringConvertible {
        case textOutsideEntry(line: Int)
        case answerWithoutQuestion(line: Int)
        case questionWithoutAnswer(line: Int)
        case emptyQuestion(line: Int)
        case empty

        public var description: String {
            switch self {
            case .textOutsideEntry(let n): return "FAQ line \(n): text before the first 'Q:'"
            case .answerWithoutQuestion(let n): return "FAQ line \(n): 'A:' without a question above it"
            case .questionWithoutAnswer(let n): return "FAQ line \(n): question without an 'A:' answer"
            case .emptyQuestion(let n): return "FAQ line \(n): 'Q:' without a question"
            case .empty: return "the FAQ has no questions"
            }
        }
    }

    /// The shipped file's name for a language.
    public static func fileName(_ language: Language) -> String { "points-faq.\(language.rawValue).txt" }

    /// The entries of the shipped file in this language, with the settings filled in.
    public static func entries(_ language: Language, config: DeskConfig = DeskConfig()) throws -> [Entry] {
        let text = try DeskResources.text(fileName(language))
        let values = ["{minReceipt}": config.minReceipt.description, "{backfillDays}": String(config.backfillDays),
                      "{pointsPerYuan}": String(config.pointsPerYuan)]
        return try parse(text).map { e in
            var e = e
            for (k, v) in values {
                e.question = e.question.replacingOccurrences(of: k, with: v)
                e.answer = e.answer.replacingOccurrences(of: k, with: v)
            }
            return e
        }
    }

    /// Parses the `Q:` / `A:` format (the colon may be full-width).
    public static func parse(_ text: String) throws(FormatError) -> [Entry] {
        var entries: [Entry] = []
        var question: String?
        var questionLine = 0
        var answer: String?
        func finish() throws(FormatError) {
            guard let q = question else { return }
            guard !q.isEmpty else { throw .emptyQuestion(line: questionLine) }
            guard let a = answer, !a.isEmpty else { throw .questionWithoutAnswer(line: questionLine) }
            entries.append(Entry(question: q, answer: a))
            question = nil
            answer = nil
        }
        var n = 0
        for raw in text.split(separator: "\n", omittingEmptySubsequences: false) {
            n += 1
            let line = String(raw).trimmingSpaces()
            if line.isEmpty || line.hasPrefix("#") { continue }
            if let rest = tagged(line, "Q") {
                try finish()
                question = rest
                questionLine = n
            } else if let rest = tagged(line, "A") {
                guard question != nil, answer == nil else { throw .answerWithoutQuestion(line: n) }
                answer = rest
            } else if let a = answer {
                answer = a.isEmpty ? line : a + "\n" + line
            } else if let q = question {
                question = q.isEmpty ? line : q + " " + line
            } else {
                throw .textOutsideEntry(line: n)
            }
        }
        try finish()
        if entries.isEmpty { throw .empty }
        return entries
    }

    /// The rest of a line that starts with `Q:` / `A:` (or `Q：`), trimmed.
    static func tagged(_ line: String, _ tag: Character) -> String? {
        guard line.first == tag, let colon = line.dropFirst().first, colon == ":" || colon == "：" else { return nil }
        return String(line.dropFirst(2)).trimmingSpaces()
    }
}
