import ArgumentParser
import DeskDomain

struct RecoverCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "recover",
        abstract: "Set torn last lines aside (quarantine file + ledger.recovered event), as opening a book for writing does."
    )

    @OptionGroup var data: DataOption

    func run() throws {
        let dir = data.resolved()
        guard dir.exists else { throw fail(LedgerError.noDataDirectory(path: dir.path).description, code: 1) }
        do {
            let outcomes = try LedgerRecovery.recoverAll(data: dir, clock: SystemClock())
            for o in outcomes {
                if o.recoveries.isEmpty {
                    print("\(o.book.rawValue.padding(10)) sound, nothing to recover")
                } else {
                    for r in o.recoveries {
                        print("\(o.book.rawValue.padding(10)) \(r.year): set aside \(r.bytes) bytes at seq \(r.seq) -> \(r.quarantinePath)")
                    }
                }
            }
        } catch {
            throw fail("\(error)", code: 1)
        }
    }
}
