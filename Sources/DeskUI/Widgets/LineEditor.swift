/// One line of text being typed: whole characters, so Backspace removes a whole Chinese
/// character, and a cursor that moves by characters while drawing counts columns.
public struct LineEditor: Equatable, Sendable {
    public private(set) var characters: [Character] = []
    public private(set) var cursor = 0
    /// The longest input kept (characters); more is refused rather than cut silently.
    public var limit: Int

    public init(_ text: String = "", limit: Int = 200) {
        self.limit = limit
        characters = Array(text.prefix(limit))
        cursor = characters.count
    }

    public var text: String { String(characters) }
    public var isEmpty: Bool { characters.isEmpty }

    /// Inserts at the cursor; false when the line is full.
    @discardableResult
    public mutating func insert(_ c: Character) -> Bool {
        guard characters.count < limit else { return false }
        characters.insert(c, at: cursor)
        cursor += 1
        return true
    }

    public mutating func backspace() {
        guard cursor > 0 else { return }
        characters.remove(at: cursor - 1)
        cursor -= 1
    }

    public mutating func deleteForward() {
        guard cursor < characters.count else { return }
        characters.remove(at: cursor)
    }

    public mutating func left() { cursor = max(0, cursor - 1) }
    public mutating func right() { cursor = min(characters.count, cursor + 1) }
    public mutating func home() { cursor = 0 }
    public mutating func end() { cursor = characters.count }
    public mutating func clear() { characters = []; cursor = 0 }
    public mutating func set(_ text: String) { characters = Array(text.prefix(limit)); cursor = characters.count }

    /// What fits in `width` columns with the cursor visible, and the cursor's column in it.
    public func visible(width: Int, masked: Bool = false) -> (text: String, cursorColumn: Int) {
        let shown = masked ? Array(repeating: Character("*"), count: characters.count) : characters
        guard width > 0 else { return ("", 0) }
        // Scroll so that the cursor's column is inside the window.
        var start = 0
        func columns(_ from: Int, _ to: Int) -> Int { shown[from..<to].reduce(0) { $0 + TextWidth.of($1) } }
        while columns(start, cursor) >= width && start < cursor { start += 1 }
        var out = "", used = 0
        for c in shown[start...] {
            let w = TextWidth.of(c)
            if used + w > width { break }
            out.append(c)
            used += w
        }
        return (out, columns(start, cursor))
    }
}
