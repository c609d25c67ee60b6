/// A person who may log in at the desk, with a role.
public struct Operator: Equatable, Sendable {
    public var id: OperatorID
    public var name: String
    public var role: Role
    public var pin: PINHash
    public var disabled: Bool
    public var addedAt: Int64

    public var actor: Actor { Actor(id: id, role: role) }

    init(id: OperatorID, name: String, role: Role, pin: PINHash, disabled: Bool, addedAt: Int64) {
        self.id = id; self.name = name; self.role = role; self.pin = pin; self.disabled = disabled; self.addedAt = addedAt
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
