/// Where `ESC a` puts a line: the printer pads it, so the bytes carry the text alone.
public enum EscPosAlignment: UInt8, Sendable, CaseIterable {
    case left = 0
    case center = 1
    case right = 2
}
