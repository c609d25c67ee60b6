/// A list that grows by whole chunks: appending never moves what is already listed.
///
/// A year's invoices or points cards in one array were copied whole each time the array
/// grew, and for that moment the old copy and the new one were both held: at a heavy year's
/// size that moment was the peak of a full replay's memory. Here a full last chunk is
/// followed by a new one; nothing listed moves, and at most one chunk is spare.
///
///     var invoices = ChunkedArray<Invoice>()
///     invoices.append(invoice)
///     invoices[0].amount = Money(fen: 100)   // changed in place
public struct ChunkedArray<Element>: RandomAccessCollection {
    /// Elements per chunk: 1,024 (a chunk of invoices is some 170 KB).
    static var chunkShift: Int { 10 }
    static var chunkMask: Int { (1 << chunkShift) - 1 }

    private var chunks: [[Element]] = []
    public private(set) var count = 0

    public init() {}

    public var startIndex: Int { 0 }
    public var endIndex: Int { count }

    public subscript(i: Int) -> Element {
        get {
            precondition(i >= 0 && i < count, "index out of range")
            return chunks[i >> Self.chunkShift][i & Self.chunkMask]
        }
        _modify {
            precondition(i >= 0 && i < count, "index out of range")
            yield &chunks[i >> Self.chunkShift][i & Self.chunkMask]
        }
    }

    public mutating func append(_ element: Element) {
        if count & Self.chunkMask == 0 {
            var chunk: [Element] = []
            chunk.reserveCapacity(1 << Self.chunkShift)
            chunks.append(chunk)
        }
        chunks[chunks.count - 1].append(element)
        count += 1
    }

    /// Room for `n` elements in the list of chunks (the chunks themselves come as needed).
    public mutating func reserveCapacity(_ n: Int) {
        chunks.reserveCapacity((n + Self.chunkMask) >> Self.chunkShift)
    }

    /// Calls `body` with a pointer to element `i`, for moving it out and back in place.
    mutating func withUnsafeMutablePointer<R>(at i: Int, _ body: (UnsafeMutablePointer<Element>) throws -> R) rethrows -> R {
        precondition(i >= 0 && i < count, "index out of range")
        return try chunks[i >> Self.chunkShift].withUnsafeMutableBufferPointer { try body($0.baseAddress! + (i & Self.chunkMask)) }
    }
}

extension ChunkedArray: Equatable where Element: Equatable {
    public static func == (a: ChunkedArray, b: ChunkedArray) -> Bool { a.count == b.count && a.elementsEqual(b) }
}

extension ChunkedArray: Sendable where Element: Sendable {}
