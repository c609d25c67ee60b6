import Testing
@testable import DeskDomain

@Suite struct CanonicalJSONTests {
    func scan(_ text: String) throws -> JSONValue {
        var bytes = Array(text.utf8)
        bytes.append(0)
        return try bytes.withUnsafeBufferPointer { buf throws(LineFault) -> JSONValue in
            var s = JSONScanner(buf.baseAddress!, from: 0, to: buf.count - 1)
            let v = try s.value()
            guard s.i == buf.count - 1 else { throw LineFault("trailing bytes") }
            return v
        }
    }

    @Test func keysAreSortedByBytesAndNothingIsSpaced() {
        let v: JSONValue = ["b": 1, "a": ["x", true, nil], "中": "文", "A": -5]
        #expect(CanonicalJSON.string(v) == #"{"A":-5,"a":["x",true,null],"b":1,"中":"文"}"#)
    }

    @Test func escapesOnlyWhatMustBeEscaped() {
        let v: JSONValue = .string("a\"b\\c\nd\u{1}é/")
        #expect(CanonicalJSON.string(v) == #""a\"b\\c\nd\u0001é/""#)
    }

    @Test func scannerReadsBackEveryValue() throws {
        let values: [JSONValue] = [
            ["name": "王芳", "fen": 5000, "neg": -9_223_372_036_854_775_807, "ok": false, "list": [1, 2, ["k": "v"]], "none": nil],
            .string("tab\tquote\"back\\slash\u{7}"), .int(0), [], ["": ""],
        ]
        for v in values {
            let text = CanonicalJSON.string(v)
            #expect(try scan(text) == v, "\(text)")
        }
    }

    @Test(arguments: [
        #"{"b":1,"a":2}"#, #"{"a":1,"a":2}"#, #"{ "a":1}"#, "1.5", "1e3", "-0", "01", #""\/""#, #""\u0041""#,
        #""\u000a""#, "\"raw\u{1}\"", #"{"a":1"#, "[1,]", "tru", "99999999999999999999", #""open"#,
        String(repeating: "[", count: 100) + String(repeating: "]", count: 100),
    ])
    func scannerRefusesAnyOtherSpelling(text: String) {
        #expect(throws: LineFault.self) { try scan(text) }
    }
}
