import ArgumentParser
import Foundation
import ScalpEngine
import ScalpFormat

struct VolCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "vol",
        abstract: "Realized volatility of a price file: close-to-close and the range estimators.",
        discussion: """
        Each estimator over the whole file and over rolling windows of --window bars (the \
        last window, and the mean, least and greatest over all windows). A bar is a row \
        with the close of the row before, so n rows give n − 1 bars and every estimator sees \
        the same periods. Vols are annualised fractions, shown in percent: A = 252 periods a \
        year for daily rows, and for intraday rows the number of their steps in 252 trading \
        days of 6.5 hours (a 5-minute file: A = 19,656).

          close-to-close   √(A·mean r²), r = ln(C/C₋₁), zero-mean
          Parkinson        √(A·mean(ln(H/L)²)/(4 ln 2))
          Garman-Klass     √(A·mean(½·ln(H/L)² − (2 ln 2 − 1)·ln(C/O)²))
          Rogers-Satchell  √(A·mean(ln(H/C)·ln(H/O) + ln(L/C)·ln(L/O)))
          Yang-Zhang       √(A·(σ_o² + k·σ_c² + (1 − k)·σ_rs²)),
                           k = 0.34/(1.34 + (n+1)/(n−1)), n bars (window or file),
                           σ_o², σ_c² sample variances of ln(O/C₋₁), ln(C/O),
                           σ_rs² the Rogers-Satchell mean

        Parkinson, Garman-Klass and Rogers-Satchell see the open-to-close part only; \
        Yang-Zhang and close-to-close also count the overnight gap. The range estimators \
        need open, high and low columns; a file with closes only reports close-to-close \
        and says which columns are missing (their JSON values are null).

        --json prints one object: rows, window, annualisation (A), full_sample \
        {close_to_close, parkinson, garman_klass, rogers_satchell, yang_zhang} and rolling \
        with the same names, each {last, mean, min, max}, then missing_columns.

        Example:
          gammascalp vol --prices spy-2024.csv --window 63
        """
    )

    @Option(help: ArgumentHelp("""
        The price file: a CSV with a header row, a date or timestamp column, a close column and \
        optionally open, high and low columns (see `gammascalp help play` for the format).
        """, valueName: "file.csv"))
    var prices: String

    @Option(parsing: .unconditional, help: ArgumentHelp("Bars in each rolling window (≥ 2; default 21 for daily rows, 78 for intraday).",
                                                         valueName: "n"))
    var window: Int?

    @Flag(help: "Print one JSON object instead of the table.")
    var json = false

    mutating func validate() throws {
        if let window, window < 2 { throw ValidationError("--window must be at least 2, got \(window)") }
    }

    func run() throws {
        // The report names the span only: the other rows' labels are not kept.
        let history = try PriceHistoryReader.load(prices, labels: .firstAndLast)
        let window = window ?? min(history.isDaily ? 21 : 78, history.steps)
        guard window <= history.steps else {
            throw CommandFailure("--window \(window) is longer than the file: \(history.closes.count) rows make \(history.steps) bars")
        }
        let report = RealizedVolReport(history: history, window: window)
        print(json ? Self.json(report) : Self.table(report, history: history, file: (prices as NSString).lastPathComponent))
    }

    static func json(_ report: RealizedVolReport) -> String {
        let estimators = RangeVolEstimator.allCases
        return JSONText.object([
            ("rows", .integer(report.rows)),
            ("window", .integer(report.window)),
            ("annualisation", .number(report.periodsPerYear)),
            ("full_sample", .object(estimators.map { ($0.rawValue, report.fullSample[$0].map(JSONText.number) ?? .null) })),
            ("rolling", .object(estimators.map { estimator in
                (estimator.rawValue, report.rolling[estimator].map {
                    .object([("last", .number($0.last)), ("mean", .number($0.mean)), ("min", .number($0.min)), ("max", .number($0.max))])
                } ?? .null)
            })),
            ("missing_columns", .array(report.missingColumns.map(JSONText.string))),
            ("nights_skipped", .integer(report.nightsSkipped)),
        ]).rendered
    }

    static func table(_ report: RealizedVolReport, history: PriceHistory, file: String) -> String {
        let minutes = DayCount.tradingDays.minutes(history.timeStep)
        let spacing = history.isDaily ? "daily" : "every \(Table.fixed(minutes, minutes < 1 ? 2 : 0)) min"
        var lines = [
            "\(file): \(report.rows) rows, \(history.labels.first ?? "?") to \(history.labels.last ?? "?"), \(spacing);"
                + " vols annualised with A = \(Table.plain(report.periodsPerYear)) bars a year",
        ]
        var rows = [["estimator", "full sample", "last \(report.window)", "mean", "min", "max"]]
        for estimator in RangeVolEstimator.allCases {
            let full = report.fullSample[estimator].map { Table.percent($0) } ?? "n/a"
            let rolling = report.rolling[estimator].map { [$0.last, $0.mean, $0.min, $0.max].map { Table.percent($0) } }
                ?? Array(repeating: "n/a", count: 4)
            rows.append([estimator.name, full] + rolling)
        }
        lines.append(Table(rows, rightAligned: [1, 2, 3, 4, 5]).rendered)
        lines.append("rolling: over each run of \(report.window) bars; last is the latest window")
        if report.nightsSkipped > 0 {
            lines.append("close-to-close leaves out the \(report.nightsSkipped) returns across a night (not one bar's move);"
                + " Yang-Zhang keeps them in its overnight term")
        }
        if !report.missingColumns.isEmpty {
            let missing = report.missingColumns
            let named = missing.count == 1 ? missing[0] : missing.dropLast().joined(separator: ", ") + " or " + missing.last!
            lines.append("the range estimators need open, high and low columns; this file has no \(named) column")
        }
        return lines.joined(separator: "\n")
    }
}
