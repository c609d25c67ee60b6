import Testing
@testable import DeskDomain

@Suite struct ChunkedArrayTests {
    @Test func appendsAcrossChunksInOrderAndChangesInPlace() {
        var a = ChunkedArray<[Int]>()
        #expect(a.isEmpty && a.count == 0)
        let n = 5 * 1024 + 3   // five full chunks and part of a sixth
        a.reserveCapacity(n)
        for i in 0..<n { a.append([i]) }
        #expect(a.count == n && a.map { $0[0] } == Array(0..<n))
        #expect(a[1023] == [1023] && a[1024] == [1024] && a.last == [n - 1])
        a[1024].append(-1)
        #expect(a[1024] == [1024, -1] && a[1023] == [1023] && a[1025] == [1025])
        // Moved out and back in through its pointer, as the keyed table does.
        let moved = a.withUnsafeMutablePointer(at: 2048) { $0.move() }
        a.withUnsafeMutablePointer(at: 2048) { $0.initialize(to: moved + [7]) }
        #expect(a[2048] == [2048, 7])
        #expect(Array(a.suffix(2).reversed()) == [[n - 1], [n - 2]])
    }

    /// A copy taken before a change keeps what it had: the list is a value.
    @Test func copiesAreIndependentAndCompareByElements() {
        var a = ChunkedArray<Int>()
        for i in 0..<3000 { a.append(i) }
        let before = a
        a[2999] = -1
        a.append(3000)
        #expect(before.count == 3000 && before[2999] == 2999 && a[2999] == -1 && a.count == 3001)
        var b = ChunkedArray<Int>()
        for i in 0..<3000 { b.append(i) }
        #expect(b == before && b != a)
    }
}
