import ArgumentParser
import DeskDomain
import Foundation
import Glibc

/// `plazadesk operator add|list|disable|enable|set-pin`: operator set-up from the shell.
struct OperatorCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "operator",
        abstract: "Set up operators: add, list, disable, enable, set-pin.",
        discussion: "On a new data directory, 'operator add --role lead' creates the first shift lead; after that a lead must act (--as).",
        subcommands: [Add.self, List.self, Disable.self, Enable.self, SetPIN.self]
    )

    /// The acting lead (or operator) and the PIN that proves it.
    ///
    /// The PIN comes from `--as-pin`, else `$PLAZADESK_PIN`, else a prompt. Wrong PINs count
    /// towards the id's lockout like those at a console (recorded with console `cli:<pid>`).
    struct Acting: ParsableArguments {
        @Option(name: .customLong("as"), help: "Your operator id (a shift lead, except for changing your own PIN).")
        var id: String?
        @Option(name: .customLong("as-pin"), help: "Your PIN (else $PLAZADESK_PIN, else asked for).")
        var pin: String?

        /// The id given with --as; exit 2 without one.
        func requiredID() throws -> String {
            guard let id else { throw fail("say who you are with --as ID (a shift lead)", code: 2) }
            return id
        }

        /// The PIN: --as-pin, $PLAZADESK_PIN, or typed.
        func readPIN(for id: String) throws -> String {
            if let pin { return pin }
            if let env = ProcessInfo.processInfo.environment["PLAZADESK_PIN"], !env.isEmpty { return env }
            return try readSecret("PIN for \(id): ")
        }

        func actor(_ ops: OperatorDesk) throws -> Actor {
            let id = try requiredID()
            let pin = try readPIN(for: id)
            ops.console = Acting.console
            do {
                let login = try ops.login(id: id, pin: pin)
                if let note = login.message(.en, now: SystemClock().now()) {
                    FileHandle.standardError.write(Data(("plazadesk: " + note + "\n").utf8))
                }
                return login.operator.actor
            } catch let e as DeskFailure {
                throw fail(e.message(.en), code: 1)
            }
        }

        /// The acting operator, who must be a shift lead to `action` (e.g. "recover").
        func lead(_ ops: OperatorDesk, for action: String) throws -> Actor {
            let a = try actor(ops)
            guard a.role == .lead else { throw fail("only a shift lead may \(action); \(a.id) is a \(a.role.rawValue)", code: 1) }
            return a
        }

        /// Who runs a command that changes the data directory (`recover`, `archive`): a shift
        /// lead checked by PIN; `system` only on a directory that has no operators at all
        /// (nobody could log in), which is said on standard error.
        func leadOrSystem(_ data: DataOption, for action: String) throws -> Actor? {
            guard OperatorDesk.anyRecorded(in: data.resolved()) else {
                FileHandle.standardError.write(Data("plazadesk: this data directory has no operators: recorded as 'system'\n".utf8))
                return nil
            }
            _ = try requiredID()
            var lead: Actor?
            try withOperators(data) { ops in lead = try self.lead(ops, for: action) }
            return lead
        }

        /// How the command line names itself in `operator.login-failed`.
        static var console: String { "cli:\(getpid())" }
    }

    struct Add: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Add an operator (the first one must be a lead).")
        @OptionGroup var data: DataOption
        @Option(help: "Operator id: lower-case letters, digits, '.', '_' or '-'.") var id: String
        @Option(help: "Full name.") var name: String
        @Option(help: "clerk, lead or auditor.") var role: String = "clerk"
        @Option(help: "The new operator's PIN, 4-12 digits (asked for when not given).") var pin: String?
        @OptionGroup var acting: Acting

        func run() throws {
            guard let r = Role(rawValue: role) else { throw fail("--role must be clerk, lead or auditor", code: 2) }
            try withOperators(data) { ops in
                let newPIN = try pin ?? readSecret("PIN for \(id): ")
                let form = OperatorDesk.AddForm(id: id, name: name, role: r, pin: newPIN)
                let first = ops.needsFirstLead
                let added = first ? try ops.addFirstLead(form) : try ops.add(form, by: try acting.actor(ops))
                print("added \(added.id) (\(added.name), \(added.role.rawValue))")
                if first {
                    print("now write down the data directory's key and keep it safe: plazadesk key backup --as \(added.id)")
                }
            }
        }
    }

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List operators.")
        @OptionGroup var data: DataOption
        func run() throws {
            try withOperators(data) { ops in
                if ops.needsFirstLead { print("no operators yet: add the first shift lead with 'plazadesk operator add --role lead'") }
                for o in ops.all {
                    print("\(o.id.rawValue.padding(20)) \(o.role.rawValue.padding(8)) \(o.disabled ? "disabled" : "active  ") \(o.name)")
                }
            }
        }
    }

    struct Disable: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Disable an operator (a lead only).")
        @OptionGroup var data: DataOption
        @Argument(help: "The operator to disable.") var id: String
        @Option(help: "Why.") var reason: String
        @OptionGroup var acting: Acting
        func run() throws {
            try withOperators(data) { ops in
                try ops.disable(id, reason: reason, by: try acting.actor(ops))
                print("disabled \(id)")
            }
        }
    }

    struct Enable: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Enable a disabled operator again (a lead only).")
        @OptionGroup var data: DataOption
        @Argument(help: "The operator to enable.") var id: String
        @Option(help: "Why.") var reason: String
        @OptionGroup var acting: Acting
        func run() throws {
            try withOperators(data) { ops in
                try ops.enable(id, reason: reason, by: try acting.actor(ops))
                print("enabled \(id)")
            }
        }
    }

    struct SetPIN: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "set-pin", abstract: "Set a new PIN (your own, or anyone's as a lead).")
        @OptionGroup var data: DataOption
        @Argument(help: "Whose PIN.") var id: String
        @Option(help: "The new PIN (asked for when not given).") var pin: String?
        @OptionGroup var acting: Acting
        func run() throws {
            try withOperators(data) { ops in
                let actor = try acting.actor(ops)
                try ops.setPIN(of: id, to: try pin ?? readSecret("new PIN for \(id): "), by: actor)
                print("PIN set for \(id)")
            }
        }
    }
}

/// Opens the operators book of the data directory and turns desk errors into messages.
func withOperators(_ data: DataOption, _ body: (OperatorDesk) throws -> Void) throws {
    try reportingFailures {
        let ops = try OperatorDesk(context: try DeskContext.open(data.resolved(), clock: SystemClock()))
        defer { try? ops.book.close() }
        try body(ops)
    }
}

/// Runs `body`, turning desk errors into a message and exit 1.
func reportingFailures(_ body: () throws -> Void) throws {
    do {
        try body()
    } catch let e as ExitCode {
        throw e
    } catch let e as DeskFailure {
        throw fail(e.message(.en), code: 1)
    } catch {
        throw fail("\(error)", code: 1)
    }
}

/// Reads a line from standard input without echoing it when it is a terminal.
func readSecret(_ prompt: String) throws -> String {
    let tty = isatty(0) == 1
    if tty { FileHandle.standardError.write(Data(prompt.utf8)) }
    var old = termios()
    if tty {
        tcgetattr(0, &old)
        var quiet = old
        quiet.c_lflag &= ~tcflag_t(ECHO)
        tcsetattr(0, TCSANOW, &quiet)
    }
    defer { if tty { tcsetattr(0, TCSANOW, &old); FileHandle.standardError.write(Data("\n".utf8)) } }
    guard let line = readLine(strippingNewline: true) else {
        throw fail("no PIN given: pass it with --pin / --as-pin, or type it when asked", code: 2)
    }
    return line
}
