/// A terminal in memory: tests queue keys and read back the last screen as text.
public final class MemoryTerminal: Terminal {
    public var size: (rows: Int, columns: Int)
    public var hasColor: Bool
    public private(set) var screen: Screen
    public private(set) var cursor: (row: Int, column: Int)?
    public var keys: [Key] = []
    /// Set by a test to stand for a closed terminal window.
    public var isGone = false

    public init(rows: Int = 24, columns: Int = 80, hasColor: Bool = false) {
        size = (rows, columns)
        self.hasColor = hasColor
        screen = Screen(rows: rows, columns: columns)
    }

    public func show(_ screen: Screen, cursor: (row: Int, column: Int)?) {
        self.screen = screen
        self.cursor = cursor
    }

    public func readKey(timeoutMilliseconds: Int) -> Key? {
        keys.isEmpty ? nil : keys.removeFirst()
    }

    /// The screen as text.
    public var text: String { screen.text }
}
