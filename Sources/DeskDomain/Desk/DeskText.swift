/// A short text in both of the console's languages, for what a book contributes to a
/// shared screen or report (a section's title, a line of what is still open).
///
///     let title = DeskText("寄存物品", "Items in custody")
///     print(title(.en))   // Items in custody
public struct DeskText: Equatable, Sendable {
    public var zh: String
    public var en: String

    public init(_ zh: String, _ en: String) { self.zh = zh; self.en = en }

    /// The text in language `l`.
    public func callAsFunction(_ l: Language) -> String { l.pick(zh, en) }
}
