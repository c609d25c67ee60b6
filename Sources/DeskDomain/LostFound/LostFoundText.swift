/// How lost-and-found text is cut into words for matching, in Chinese and English alike.
///
/// Chinese has no spaces, so a run of Han characters gives each character and each pair of
/// neighbours (“黑色钱包” → 黑, 色, 钱, 包, 黑色, 色钱, 钱包); other text gives lower-cased
/// words of letters and digits. Colours are compared by their key (“黑色”, “黑”, “Black” →
/// 黑), so a Chinese description can match an English one.
public enum LostFoundText {
    /// Single characters too common to mean anything when they match alone.
    static let stopCharacters: Set<Character> = ["的", "了", "有", "个", "一", "是", "在", "和", "色", "只", "上", "里", "无", "很", "带"]

    /// Matching tokens: Han characters (except ``stopCharacters``), Han bigrams, and
    /// lower-cased words.
    public static func tokens(_ text: String) -> Set<String> {
        var out = Set<String>()
        var word = ""
        var previousHan: Character?
        func endWord() {
            if !word.isEmpty { out.insert(word); word = "" }
        }
        for ch in text.lowercased() {
            if isHan(ch) {
                endWord()
                if !stopCharacters.contains(ch) { out.insert(String(ch)) }
                if let p = previousHan { out.insert(String([p, ch])) }
                previousHan = ch
            } else {
                previousHan = nil
                if ch.isLetter || ch.isNumber { word.append(ch) } else { endWord() }
            }
        }
        endWord()
        return out
    }

    /// A Han (CJK ideograph) character.
    public static func isHan(_ ch: Character) -> Bool {
        guard let s = ch.unicodeScalars.first, ch.unicodeScalars.count == 1 else { return false }
        switch s.value {
        case 0x3400...0x4DBF, 0x4E00...0x9FFF, 0xF900...0xFAFF, 0x20000...0x3134F: return true
        default: return false
        }
    }

    static let colourWords: [String: String] = [
        "black": "黑", "white": "白", "red": "红", "blue": "蓝", "navy": "蓝", "green": "绿", "yellow": "黄",
        "grey": "灰", "gray": "灰", "pink": "粉", "purple": "紫", "brown": "棕", "orange": "橙", "gold": "金",
        "golden": "金", "silver": "银", "beige": "米", "khaki": "卡其", "transparent": "透明", "clear": "透明",
        "dark": "深", "light": "浅", "pale": "浅",
    ]

    /// A colour's comparable form: lower-cased, without 色/的 and spaces, English colour words
    /// turned into their Chinese character (“Dark Blue” → 深蓝, “黑色” → 黑).
    public static func colourKey(_ text: String) -> String {
        var out = ""
        var word = ""
        func endWord() {
            if !word.isEmpty { out += colourWords[word] ?? word; word = "" }
        }
        for ch in text.lowercased() {
            if isHan(ch) {
                endWord()
                if ch != "色" && ch != "的" { out.append(ch) }
            } else if ch.isLetter || ch.isNumber {
                word.append(ch)
            } else {
                endWord()
            }
        }
        endWord()
        return out
    }

    /// Whether two colours name the same colour (share a colour character or word).
    public static func coloursAgree(_ a: String, _ b: String) -> Bool {
        let ka = colourKey(a), kb = colourKey(b)
        guard !ka.isEmpty, !kb.isEmpty else { return false }
        if ka.contains(kb) || kb.contains(ka) { return true }
        let shades: Set<Character> = ["深", "浅", "亮", "暗", "淡"]
        let ca = Set(ka.filter { isHan($0) && !shades.contains($0) }), cb = Set(kb.filter { isHan($0) && !shades.contains($0) })
        return !ca.isDisjoint(with: cb)
    }
}
