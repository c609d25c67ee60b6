/// Why text could not be turned into printer bytes.
public enum EscPosError: Error, Equatable, Sendable, CustomStringConvertible {
    /// glibc's iconv has no GB18030 converter (its gconv modules are missing).
    case noGB18030Converter

    public var description: String {
        switch self {
        case .noGB18030Converter:
            return "iconv cannot convert to GB18030 on this machine (glibc's gconv modules are missing)"
        }
    }
}
