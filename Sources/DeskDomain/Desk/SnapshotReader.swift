/// Typed reading of a snapshot object; throws ``SnapshotDecodingError`` naming the key.
public struct SnapshotReader {
    public let object: JSONObject

    public init(_ value: JSONValue) throws {
        guard let o = value.objectValue else { throw SnapshotDecodingError("expected an object") }
        object = o
    }

    public func value(_ key: String) throws -> JSONValue {
        guard let v = object[key] else { throw SnapshotDecodingError("missing \(key)") }
        return v
    }
    public func string(_ key: String) throws -> String {
        guard let v = object[key]?.stringValue else { throw SnapshotDecodingError("\(key) is not text") }
        return v
    }
    public func int(_ key: String) throws -> Int64 {
        guard let v = object[key]?.intValue else { throw SnapshotDecodingError("\(key) is not a number") }
        return v
    }
    public func bool(_ key: String) throws -> Bool {
        guard let v = object[key]?.boolValue else { throw SnapshotDecodingError("\(key) is not true/false") }
        return v
    }
    public func array(_ key: String) throws -> [JSONValue] {
        guard let v = object[key]?.arrayValue else { throw SnapshotDecodingError("\(key) is not a list") }
        return v
    }
    public func object(_ key: String) throws -> JSONObject {
        guard let v = object[key]?.objectValue else { throw SnapshotDecodingError("\(key) is not an object") }
        return v
    }
    public func optionalString(_ key: String) -> String? { object[key]?.stringValue }
    public func optionalInt(_ key: String) -> Int64? { object[key]?.intValue }
    public func operatorID(_ key: String) throws -> OperatorID {
        guard let v = try? OperatorID(try string(key)) else { throw SnapshotDecodingError("\(key) is not an operator") }
        return v
    }
    public func optionalOperatorID(_ key: String) throws -> OperatorID? {
        guard object[key] != nil else { return nil }
        return try operatorID(key)
    }
}
