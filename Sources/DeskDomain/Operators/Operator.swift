/// A person who may log in at the desk, with a role.
public struct Operator: Equatable, Sendable {
    public var id: OperatorID
    public var name: String
    public var role: Role
    public var pin: PINHash
    public var disabled: Bool
    public var addedAt: Int64

    public var actor: Actor { Actor(id: id, role: role) }

    func snapshot() -> JSONValue {
        ["id": .string(id.rawValue), "name": .string(name), "role": .string(role.rawValue), "salt": .string(pin.salt),
         "pinHash": .string(pin.hash), "rounds": .int(Int64(pin.rounds)), "disabled": .bool(disabled), "addedAt": .int(addedAt)]
    }

    init(id: OperatorID, name: String, role: Role, pin: PINHash, disabled: Bool, addedAt: Int64) {
        self.id = id; self.name = name; self.role = role; self.pin = pin; self.disabled = disabled; self.addedAt = addedAt
    }

    init(snapshot v: JSONValue) throws {
        let o = try SnapshotReader(v)
        guard let role = Role(rawValue: try o.string("role")) else { throw SnapshotDecodingError("role") }
        self.init(id: try o.operatorID("id"), name: try o.string("name"), role: role,
                  pin: PINHash(salt: try o.string("salt"), hash: try o.string("pinHash"), rounds: Int(try o.int("rounds"))),
                  disabled: try o.bool("disabled"), addedAt: try o.int("addedAt"))
    }
}

extension Operator: SnapshotCoding {
    public func encode(to e: inout SnapshotEncoder) {
        e.value(id); e.string(name); e.raw(role); e.string(pin.salt); e.string(pin.hash); e.int(pin.rounds); e.bool(disabled)
        e.int(addedAt)
    }

    public init(from d: inout SnapshotDecoder) throws {
        self.init(id: try d.value(), name: try d.string(), role: try d.raw(),
                  pin: PINHash(salt: try d.string(), hash: try d.string(), rounds: try d.intValue()), disabled: try d.bool(),
                  addedAt: try d.int())
    }
}
