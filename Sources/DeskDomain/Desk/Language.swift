/// The console's languages. Every message a clerk reads exists in both.
public enum Language: String, CaseIterable, Sendable {
    case zhHans = "zh-Hans"
    case en

    /// Picks the text for this language.
    public func pick(_ zh: String, _ en: String) -> String { self == .zhHans ? zh : en }
}
