/// Where the console draws and reads keys: ncurses on a real terminal, memory in tests.
public protocol Terminal: AnyObject {
    /// Rows and columns now.
    var size: (rows: Int, columns: Int) { get }
    /// Whether colours may be used (false for NO_COLOR or a terminal without them).
    var hasColor: Bool { get }
    /// Shows a whole screen, with the cursor at `cursor` (or hidden).
    func show(_ screen: Screen, cursor: (row: Int, column: Int)?)
    /// The next key, or nil when `timeoutMilliseconds` pass without one.
    func readKey(timeoutMilliseconds: Int) -> Key?
    /// Whether the terminal has gone away (its window closed, its connection hung up):
    /// the console then ends instead of drawing for nobody.
    var isGone: Bool { get }
}
