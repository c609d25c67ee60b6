import Testing
@testable import DeskDomain

@Suite struct KeyedTableTests {
    struct Box: TableKeyed {
        var name: String
        var marks: [Int] = []
        var tableKey: String { name }
    }

    @Test func listsFindsAndChangesInPlace() {
        var t = KeyedTable<Box>()
        #expect(t.isEmpty && t["a"] == nil)
        for i in 0..<10_000 { t["万达 \(i)"] = Box(name: "万达 \(i)") }
        #expect(t.count == 10_000 && t.values.map(\.name) == (0..<10_000).map { "万达 \($0)" }, "in the order listed")
        for i in stride(from: 0, to: 10_000, by: 7) { t["万达 \(i)"]?.marks.append(i) }
        t["万达 7"]!.marks.append(-1)
        #expect(t["万达 7"]?.marks == [7, -1] && t["万达 14"]?.marks == [14] && t["万达 8"]?.marks == [])
        #expect(t.values.filter { !$0.marks.isEmpty }.count == (10_000 + 6) / 7)
        t["万达 3"] = Box(name: "万达 3", marks: [3])
        #expect(t.count == 10_000 && t.values[3].marks == [3], "replacing keeps the place")
        #expect(t["万达"] == nil && t["万达 10000"] == nil && t.keys.count == 10_000)
    }

    /// A copy taken before a change keeps what it had (the table is a value).
    @Test func copiesAreIndependent() {
        var a = KeyedTable<Box>()
        a["x"] = Box(name: "x", marks: [1])
        let before = a
        a["x"]?.marks.append(2)
        #expect(before["x"]?.marks == [1] && a["x"]?.marks == [1, 2])
    }

    @Test func equalMeansSameValuesUnderTheSameKeys() {
        var a = KeyedTable<Box>(), b = KeyedTable<Box>()
        a["x"] = Box(name: "x"); a["y"] = Box(name: "y", marks: [1])
        b["y"] = Box(name: "y", marks: [1]); b["x"] = Box(name: "x")
        #expect(a == b, "the order listed does not matter")
        b["x"]?.marks.append(5)
        #expect(a != b)
    }
}
