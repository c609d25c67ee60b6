import Crypto
import Glibc

/// Writes a file through a large buffer while hashing it, so that a CSV of a heavy year is
/// streamed to disk (memory stays flat) and its SHA-256 and size are known when it closes.
final class HashingFileWriter {
    let path: String
    private let fd: Int32
    private var buffer: [UInt8] = []
    private var hasher = SHA256()
    private(set) var size: Int64 = 0
    private static let flushBytes = 1 << 20

    init(path: String) throws {
        self.path = path
        fd = try POSIXFile.open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, action: "create")
        buffer.reserveCapacity(Self.flushBytes + 4096)
    }

    deinit { if fd >= 0 { Glibc.close(fd) } }

    @inline(__always) func write(_ byte: UInt8) { buffer.append(byte) }

    func write(_ bytes: [UInt8]) { buffer.append(contentsOf: bytes) }

    func write(_ text: String) { buffer.append(contentsOf: text.utf8) }

    /// Flushes when the buffer is full; call after each row.
    @inline(__always) func rowDone() throws {
        if buffer.count >= Self.flushBytes { try flush() }
    }

    func flush() throws {
        guard !buffer.isEmpty else { return }
        try buffer.withUnsafeBytes { b in
            hasher.update(bufferPointer: b)
            try POSIXFile.writeAll(fd, b, path: path)
        }
        size += Int64(buffer.count)
        buffer.removeAll(keepingCapacity: true)
    }

    /// Flushes, closes and returns the file's SHA-256 (hex) and size.
    func finish() throws -> (sha256: String, size: Int64) {
        try flush()
        return (hasher.finalize().withUnsafeBytes { ChainHash(bytes: $0).hex }, size)
    }
}
