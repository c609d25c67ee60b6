/// Why ``EscPosReader`` refused bytes: each names the offset of the command at fault.
public enum EscPosReadError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The bytes end inside a command or a character.
    case truncated(offset: Int)
    /// A command this reader does not know (the builder never writes one).
    case unknownCommand(offset: Int, bytes: [UInt8])
    /// A command with a parameter out of its range.
    case badParameter(offset: Int, bytes: [UInt8])
    /// A byte of 0x80 or more outside Chinese mode, or a sequence that is not GB18030.
    case badText(offset: Int)
    /// A control byte the builder never writes (other than LF).
    case strayControl(offset: Int, byte: UInt8)

    public var description: String {
        func hex(_ b: [UInt8]) -> String { b.map { String($0, radix: 16, uppercase: true) }.joined(separator: " ") }
        switch self {
        case .truncated(let o): return "ESC/POS bytes end inside a command at offset \(o)"
        case let .unknownCommand(o, b): return "unknown ESC/POS command at offset \(o): \(hex(b))"
        case let .badParameter(o, b): return "ESC/POS command with a bad parameter at offset \(o): \(hex(b))"
        case .badText(let o): return "text that is not GB18030 (or not in Chinese mode) at offset \(o)"
        case let .strayControl(o, b): return "stray control byte \(String(b, radix: 16)) at offset \(o)"
        }
    }
}
