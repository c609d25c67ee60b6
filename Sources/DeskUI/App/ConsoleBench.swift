import DeskDomain
import Glibc

/// Key-to-screen time of the console: what a clerk waits between pressing a key and seeing
/// the new screen, measured on the real panels over a real data directory.
public enum ConsoleBench {
    /// Logs in (with the given operator's PIN), opens the lost-and-found panel and types
    /// `query` into its search box `rounds` times; returns the seconds each keystroke took
    /// (the key handled, the books looked at for other consoles' writes as the run loop
    /// does after every key, and the whole screen rendered at `columns`×`rows`).
    public static func searchKeystrokes(desk: Desk, operatorID: String, pin: String, query: String = "黑色钱包",
                                        rounds: Int = 25, rows: Int = 40, columns: Int = 120) -> [Double] {
        let console = Console(desk: desk, language: .zhHans)
        for c in operatorID { console.handle(.character(c)) }
        console.handle(.tab)
        for c in pin { console.handle(.character(c)) }
        console.handle(.enter)
        console.handle(.function(2))
        var samples: [Double] = []
        for _ in 0..<rounds {
            console.handle(.character("/"))
            for c in query {
                let t0 = now()
                console.handle(.character(c))
                console.refreshFromOtherConsoles()
                _ = console.render(rows: rows, columns: columns)
                samples.append(now() - t0)
            }
            console.handle(.escape)
        }
        return samples
    }

    static func now() -> Double {
        var ts = timespec()
        clock_gettime(CLOCK_MONOTONIC, &ts)
        return Double(ts.tv_sec) + Double(ts.tv_nsec) / 1e9
    }
}
