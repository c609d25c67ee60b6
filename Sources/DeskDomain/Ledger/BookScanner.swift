import Dispatch
import Glibc

/// Reads a book file front to back: checks every line's hash, seq and link, and hands
/// the decoded events on in order.
///
/// This is the one reader behind opening a book, catching up with other writers and
/// `verify`. It reads in windows of a few MiB (memory stays flat however large the year),
/// and checks each window's two halves on two threads; the links between halves and
/// windows are checked after, so a problem is always reported at the first bad line.
public enum BookScanner {
    /// Window size; a window grows when a single line is longer. Windows whose every line
    /// is decoded into a record are smaller (``RecordReader``).
    static let windowBytes = 4 << 20
    static let decodedWindowBytes = 1 << 20

    /// Scans `path` from `offset`, expecting the line there to have seq `startSeq + 1`
    /// and prev `startPrev`. A missing file scans as empty.
    ///
    /// - Parameters:
    ///   - decode: build ``LedgerRecord``s and pass them to `deliver` (off for `verify`).
    ///   - collect: seqs whose hashes to keep in ``BookScan/collectedHashes`` (seals to check).
    ///   - deliver: called with each window's sound records, in order.
    public static func scan(path: String, from offset: Int64 = 0, startSeq: Int64 = 0, startPrev: ChainHash,
                            decode: Bool, decodeAfterSeq: Int64 = 0, watchSeq: Int64? = nil,
                            collect: Set<Int64> = [], deliver: ([LedgerRecord]) throws -> Void = { _ in }) throws -> BookScan {
        try scan(path: path, from: offset, startSeq: startSeq, startPrev: startPrev,
                 reader: RecordReader(decode: decode, decodeAfterSeq: decodeAfterSeq), watchSeq: watchSeq,
                 collect: collect, deliver: deliver)
    }

    /// The same, each sound line made into `reader`'s item.
    static func scan<Reader: LineReader>(path: String, from offset: Int64 = 0, startSeq: Int64 = 0, startPrev: ChainHash,
                                         reader: Reader, watchSeq: Int64? = nil, collect: Set<Int64> = [],
                                         deliver: ([Reader.Item]) throws -> Void) throws -> BookScan {
        let fd = Glibc.open(path, O_RDONLY | O_CLOEXEC)
        if fd < 0 {
            if errno == ENOENT { return BookScan(lastSeq: startSeq, lastHash: startPrev) }
            throw LedgerError.io(path: path, action: "open", errno: errno)
        }
        defer { close(fd) }
        let size = try POSIXFile.size(fd, path: path).size
        return try scan(fd: fd, path: path, size: size, from: offset, startSeq: startSeq, startPrev: startPrev,
                        reader: reader, watchSeq: watchSeq, collect: collect, deliver: deliver)
    }

    static func scan(fd: Int32, path: String, size: Int64, from offset: Int64, startSeq: Int64, startPrev: ChainHash,
                     decode: Bool, decodeAfterSeq: Int64 = 0, watchSeq: Int64? = nil,
                     collect: Set<Int64> = [], deliver: ([LedgerRecord]) throws -> Void) throws -> BookScan {
        try scan(fd: fd, path: path, size: size, from: offset, startSeq: startSeq, startPrev: startPrev,
                 reader: RecordReader(decode: decode, decodeAfterSeq: decodeAfterSeq), watchSeq: watchSeq,
                 collect: collect, deliver: deliver)
    }

    static func scan<Reader: LineReader>(fd: Int32, path: String, size: Int64, from offset: Int64, startSeq: Int64,
                                         startPrev: ChainHash, reader: Reader, watchSeq: Int64? = nil,
                                         collect: Set<Int64> = [], deliver: ([Reader.Item]) throws -> Void) throws -> BookScan {
        var result = BookScan(fileSize: size, soundLength: offset, lastSeq: startSeq, lastHash: startPrev)
        let reader = UnsafeSendable(reader)
        let windows = WindowReader(fd: fd, path: path, size: size, offset: offset,
                                   windowBytes: reader.value.windowBytes(after: startSeq))
        // While the main thread hands on window k, window k+1 is checked on other threads.
        var pending: (Window, [Part<Reader.Item>])?
        while true {
            let step = try windows.next()
            var launched: (Window, UnsafeSendable<UnsafeMutablePointer<[Part<Reader.Item>]>>, DispatchGroup)?
            if case .window(let w) = step {
                let out = UnsafeMutablePointer<[Part<Reader.Item>]>.allocate(capacity: 1)
                out.initialize(to: [])
                let group = DispatchGroup()
                let box = UnsafeSendable(out)
                let window = UnsafeSendable(w)
                DispatchQueue.global().async(group: group) {
                    box.value.pointee = checkWindowParts(window.value, reader: reader.value, watchSeq: watchSeq, collect: collect)
                }
                launched = (w, box, group)
            }
            defer {
                if let l = launched {
                    l.1.value.deinitialize(count: 1)
                    l.1.value.deallocate()
                }
            }
            if let (w, parts) = pending {
                pending = nil
                if try merge(w, parts, result: &result, deliver: deliver) {
                    launched?.2.wait()
                    return result
                }
            }
            if let l = launched {
                l.2.wait()
                pending = (l.0, l.1.value.pointee)
                continue
            }
            switch step {
            case .window: continue
            case .end: return result
            case .torn(let at, let bytes):
                result.problem = .tornTail(seq: result.lastSeq + 1, offset: at, bytes: bytes,
                                           reason: "the last line is incomplete (no newline at the end)")
                return result
            case .tooLong(let at):
                result.problem = .damaged(seq: result.lastSeq + 1, offset: at,
                                          reason: "a line longer than \(LedgerLimits.maxLineBytes) bytes")
                return result
            }
        }
    }

    /// A run of whole lines read from the file.
    struct Window {
        var bytes: UnsafePointer<UInt8>
        var count: Int
        var position: Int64
        var fileSize: Int64
        /// Bytes after the last newline at the end of the file (0 elsewhere).
        var trailing: Int
    }

    enum Step {
        case window(Window)
        case end
        case torn(offset: Int64, bytes: Int64)
        case tooLong(offset: Int64)
    }

    /// Reads the file into two alternating buffers, so that one can be read while the
    /// other is still being checked.
    final class WindowReader {
        let fd: Int32
        let path: String
        var size: Int64
        var buffers: [(UnsafeMutableRawPointer, Int)]
        var current = 1
        var position: Int64
        var carry = 0          // bytes of the current buffer after its last whole line
        var carryFrom = 0
        var finished = false
        var tornAfter: (Int64, Int64)?

        init(fd: Int32, path: String, size: Int64, offset: Int64, windowBytes: Int) {
            self.fd = fd; self.path = path; self.size = size; position = offset
            buffers = (0..<2).map { _ in (UnsafeMutableRawPointer.allocate(byteCount: windowBytes, alignment: 16), windowBytes) }
        }

        deinit { for b in buffers { b.0.deallocate() } }

        func next() throws -> Step {
            if let (at, bytes) = tornAfter { tornAfter = nil; finished = true; return .torn(offset: at, bytes: bytes) }
            if finished { return .end }
            let target = 1 - current
            let (src, _) = buffers[current]
            var filled = carry
            if carry > 0 { buffers[target].0.copyMemory(from: src + carryFrom, byteCount: carry) }
            current = target
            carry = 0
            while true {
                let (buf, capacity) = buffers[target]
                let want = Int(min(Int64(capacity - filled), size - (position + Int64(filled))))
                if want > 0 {
                    let got = try POSIXFile.pread(fd, into: buf + filled, count: want, at: position + Int64(filled), path: path)
                    filled += got
                    if got < want { size = position + Int64(filled) }   // the file shrank while read
                }
                let atEOF = position + Int64(filled) >= size
                if filled == 0 { finished = true; return .end }
                let bytes = UnsafePointer(buf.assumingMemoryBound(to: UInt8.self))
                guard let lastNL = lastNewline(bytes, filled) else {
                    if atEOF { finished = true; return .torn(offset: position, bytes: Int64(filled)) }
                    if filled > LedgerLimits.maxLineBytes { finished = true; return .tooLong(offset: position) }
                    let bigger = UnsafeMutableRawPointer.allocate(byteCount: capacity * 2, alignment: 16)
                    bigger.copyMemory(from: buf, byteCount: filled)
                    buf.deallocate()
                    buffers[target] = (bigger, capacity * 2)
                    continue
                }
                let complete = lastNL + 1
                let rest = filled - complete
                let window = Window(bytes: bytes, count: complete, position: position, fileSize: size,
                                    trailing: atEOF ? rest : 0)
                position += Int64(complete)
                carryFrom = complete
                carry = rest
                if atEOF {
                    if rest > 0 { tornAfter = (position, Int64(rest)) } else { finished = true }
                    carry = 0
                }
                return .window(window)
            }
        }
    }

    /// Checks a window's lines, its two halves on two threads.
    static func checkWindowParts<Reader: LineReader>(_ w: Window, reader: Reader, watchSeq: Int64?,
                                                     collect: Set<Int64> = []) -> [Part<Reader.Item>] {
        var bounds = [(0, w.count)]
        if w.count > 256 << 10 {
            var mid = w.count / 2
            while mid < w.count && w.bytes[mid - 1] != 10 { mid += 1 }
            if mid < w.count { bounds = [(0, mid), (mid, w.count)] }
        }
        let splits = bounds
        var parts = [Part<Reader.Item>](repeating: Part(), count: splits.count)
        let shared = UnsafeSendable(w.bytes)
        let reader = UnsafeSendable(reader)   // each part reads with its own copy (forPart)
        parts.withUnsafeMutableBufferPointer { buf in
            let out = UnsafeSendable(buf)
            DispatchQueue.concurrentPerform(iterations: splits.count) { i in
                out.value[i] = checkPart(shared.value, from: splits[i].0, to: splits[i].1, reader: reader.value,
                                         watchSeq: watchSeq, collect: collect)
            }
        }
        return parts
    }

    /// Links a checked window to what came before and hands its items on; returns true
    /// when a problem ends the scan.
    static func merge<Item>(_ w: Window, _ parts: [Part<Item>], result: inout BookScan,
                            deliver: ([Item]) throws -> Void) throws -> Bool {
        for part in parts {
            var linkFault: String?
            if part.count > 0 {
                if part.firstSeq != result.lastSeq + 1 {
                    linkFault = "seq is \(part.firstSeq), expected \(result.lastSeq + 1)"
                } else if part.firstPrev != result.lastHash {
                    linkFault = "'prev' does not match the hash of the line before"
                }
            }
            if let linkFault {
                let end = lineEnd(w.bytes, from: part.start, to: w.count)
                return report(reason: linkFault, lineStart: part.start, lineEnd: end, window: w, result: &result)
            }
            if !part.items.isEmpty { try deliver(part.items) }
            if let h = part.watched { result.watchedHash = h }
            for (seq, h) in part.collected { result.collectedHashes[seq] = h }
            if part.count > 0 {
                result.events += part.count
                result.lastSeq = part.lastSeq
                result.lastHash = part.lastHash
            }
            if let fault = part.fault {
                return report(reason: fault.reason, lineStart: fault.offset, lineEnd: fault.end, window: w, result: &result)
            }
            result.soundLength = w.position + Int64(part.end)
        }
        return false
    }

    static func report(reason: String, lineStart: Int, lineEnd: Int, window w: Window, result: inout BookScan) -> Bool {
        let start = w.position + Int64(lineStart)
        result.soundLength = start
        result.fileSize = w.fileSize
        let isLast = w.position + Int64(lineEnd) >= w.fileSize && w.trailing == 0
        if isLast {
            result.problem = .tornTail(seq: result.lastSeq + 1, offset: start, bytes: w.fileSize - start, reason: reason)
        } else {
            result.problem = .damaged(seq: result.lastSeq + 1, offset: start, reason: reason)
        }
        return true
    }

    /// One half of a window, checked on its own thread.
    struct Part<Item>: @unchecked Sendable {
        var start = 0, end = 0
        var count: Int64 = 0
        var firstSeq: Int64 = 0
        var firstPrev = ChainHash.zero
        var lastSeq: Int64 = 0
        var lastHash = ChainHash.zero
        var items: [Item] = []
        var watched: ChainHash?
        var collected: [(Int64, ChainHash)] = []
        /// Byte offset (in the window) and reason of the first bad line, and whether it is
        /// bad in itself (true) or only by its link to the line before (false).
        var fault: (offset: Int, end: Int, reason: String)?
    }

    /// Checks the lines in `[from, to)` (which ends just after a newline).
    static func checkPart<Reader: LineReader>(_ bytes: UnsafePointer<UInt8>, from: Int, to: Int, reader: Reader,
                                              watchSeq: Int64? = nil, collect: Set<Int64> = []) -> Part<Reader.Item> {
        var reader = reader.forPart()
        var part = Part<Reader.Item>(start: from, end: to)
        if reader.depth(seq: Int64.max) == .read { part.items.reserveCapacity((to - from) / 300 + 1) }
        var at = from
        while at < to {
            let nl = lineEnd(bytes, from: at, to: to)   // index just after the newline
            let length = nl - at - 1
            do throws(LineFault) {
                if length > LedgerLimits.maxLineBytes { throw LineFault("a line longer than \(LedgerLimits.maxLineBytes) bytes") }
                let parsed = try LedgerLine.parse(bytes + at, count: length, reader: &reader)
                if part.count == 0 {
                    part.firstSeq = parsed.seq
                    part.firstPrev = parsed.prev
                } else if parsed.seq != part.lastSeq + 1 {
                    throw LineFault("seq is \(parsed.seq), expected \(part.lastSeq + 1)")
                } else if parsed.prev != part.lastHash {
                    throw LineFault("'prev' does not match the hash of the line before")
                }
                part.count += 1
                part.lastSeq = parsed.seq
                part.lastHash = parsed.hash
                if parsed.seq == watchSeq { part.watched = parsed.hash }
                if !collect.isEmpty, collect.contains(parsed.seq) { part.collected.append((parsed.seq, parsed.hash)) }
                if let item = parsed.item { part.items.append(item) }
            } catch {
                part.fault = (at, nl, error.reason)
                return part
            }
            at = nl
        }
        return part
    }

    /// The index just after the next newline at or after `from` (or `to`).
    @inline(__always) static func lineEnd(_ bytes: UnsafePointer<UInt8>, from: Int, to: Int) -> Int {
        guard from < to, let p = memchr(bytes + from, 10, to - from) else { return to }
        return UnsafeRawPointer(p).assumingMemoryBound(to: UInt8.self) - bytes + 1
    }

    static func lastNewline(_ bytes: UnsafePointer<UInt8>, _ count: Int) -> Int? {
        var i = count - 1
        while i >= 0 {
            if bytes[i] == 10 { return i }
            i -= 1
        }
        return nil
    }
}

/// Lets a pointer cross into `concurrentPerform`, where each thread touches its own part.
struct UnsafeSendable<T>: @unchecked Sendable {
    let value: T
    init(_ value: T) { self.value = value }
}
