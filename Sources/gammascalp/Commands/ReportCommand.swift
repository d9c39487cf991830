import ArgumentParser
import Foundation
import ScalpJournal

/// `gammascalp report JOURNAL --out FILE.html`: the session as one self-contained web page.
struct ReportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report",
        abstract: "Write a recorded session as one self-contained HTML page with charts.",
        discussion: """
        The session is replayed from its journal (every step, not just the journal's
        hourly ticks) and drawn as inline SVG: the price with the trades and strikes,
        realized against implied vol, net delta against its limit, the P&L by source,
        the trainee's P&L beside the benchmark hedger's (for comparison), and its net
        delta against the best rule's on the path; then the grade (its decisions placed
        among the reference hedge rules, luck taken out) with the debrief, the P&L
        attribution and the trade list. The page has no script and loads
        nothing: open it anywhere, mail it, print it.
        """
    )

    @OptionGroup var input: JournalOptions

    @Option(help: ArgumentHelp("The HTML file to write (- for standard output).", valueName: "file.html"))
    var out: String

    func validate() throws {
        if out.isEmpty { throw ValidationError("--out needs a file name") }
    }

    func run() throws {
        let session = try input.load()
        let timeline = ReplayTimeline(try session.script())
        var mismatch: String?
        do {
            _ = try JournalVerifier.verify(session)
        } catch let difference as JournalVerifier.Mismatch {
            mismatch = "line \(difference.line): \(difference.message)"
            JournalNote.print("\(difference.description) (the report shows the replay)")
        }
        let report = SessionReport(session: session, timeline: timeline, mismatch: mismatch)
        try OutputFile.write(report.html, to: out, flag: "--out")
    }
}
