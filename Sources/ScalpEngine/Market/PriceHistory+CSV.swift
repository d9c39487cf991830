import Foundation

/// A price file that cannot be replayed; the description is `file:line[:column]: problem`,
/// the column (1-based, in characters) where the offending cell starts, for range checks.
public struct PriceHistoryError: Error, Hashable, CustomStringConvertible {
    public var file: String
    public var line: Int?
    public var column: Int?
    public var message: String

    public init(file: String, line: Int?, column: Int? = nil, message: String) {
        self.file = file
        self.line = line
        self.column = column
        self.message = message
    }

    public var description: String {
        guard let line else { return "\(file): \(message)" }
        return "\(file):\(line)" + (column.map { ":\($0)" } ?? "") + ": \(message)"
    }
}

extension PriceHistory {
    /// Column names recognised (case-insensitive, spaces and underscores ignored).
    static let dateColumns = ["date", "timestamp", "time", "datetime"]
    static let closeColumns = ["close", "adjclose", "closeprice", "price", "last"]
    static let volColumns = ["iv", "impliedvol", "impliedvolatility", "vix", "vol", "volatility"]
    static let openColumns = ["open", "openprice"]
    static let highColumns = ["high", "highprice"]
    static let lowColumns = ["low", "lowprice"]

    /// Reads a CSV price history: a header row, a date or timestamp column, a close column and
    /// optionally an implied-vol column (a fraction, or percent like a VIX-style index when
    /// the values run above 3). Daily dates (`YYYY-MM-DD`) step 1/252 of a year per row;
    /// intraday timestamps (`YYYY-MM-DD HH:MM[:SS]`, `T` also accepted) step by their spacing
    /// in trading time (6.5 hours a day). Rows must be in time order, evenly spaced (for daily
    /// data, no more than a week between rows), with positive numbers. Optional `open`, `high`
    /// and `low` columns (high and low together) give each row's range; a row whose high is
    /// below its low, or whose close or open is outside [low, high], is refused with the
    /// line and the column where the cell starts.
    public static func parse(csv text: String, file: String) throws(PriceHistoryError) -> PriceHistory {
        var text = text
        let result = text.withUTF8 { bytes in
            Result { () throws(PriceHistoryError) in try parse(buffer: bytes, file: file) }
        }
        return try result.get()
    }

    /// `parse(csv:file:)` on the file's bytes as read (UTF-8), without making a `String` of them;
    /// `labels` says which rows' labels to keep.
    public static func parse(bytes: [UInt8], file: String,
                             labels: PriceLabels.Kept = .everyRow) throws(PriceHistoryError) -> PriceHistory {
        let result = bytes.withUnsafeBufferPointer { buffer in
            Result { () throws(PriceHistoryError) in try parse(buffer: buffer, file: file, labels: labels) }
        }
        return try result.get()
    }

    /// `parse(csv:file:)` on a buffer of the file's bytes: one pass over them, numbers and times
    /// read in place (`DecimalBytes`, `parseTime(bytes:)`), no `String` or array a row; each
    /// column kept is allocated once, 8 bytes a value (a label: its bytes and 4).
    public static func parse(buffer bytes: UnsafeBufferPointer<UInt8>, file: String,
                             labels keptLabels: PriceLabels.Kept = .everyRow) throws(PriceHistoryError) -> PriceHistory {
        func fail(_ line: Int?, _ message: String) -> PriceHistoryError {
            PriceHistoryError(file: file, line: line, message: message)
        }
        let scanner = CSVRowScanner(bytes)
        var headerLine: Int?
        while headerLine == nil, scanner.nextLine() {
            guard scanner.lineIsUTF8 else { throw fail(scanner.lineNumber, "not UTF-8 text") }
            if scanner.lineIsBlank { continue }
            scanner.splitFields()
            headerLine = scanner.lineNumber
        }
        guard let headerLine else { throw fail(nil, "the file is empty") }
        let header = (0..<scanner.fieldCount).map { scanner.text($0) }
        let headerColumns = (0..<scanner.fieldCount).map { scanner.column($0) }
        let names = header.map { $0.lowercased().filter { $0.isLetter || $0.isNumber } }
        for (index, name) in names.enumerated() where !name.isEmpty {
            if let first = names.firstIndex(of: name), first < index {
                throw PriceHistoryError(file: file, line: headerLine, column: headerColumns[index],
                                        message: "\(header[index]): a second column of that name (column \(first + 1) is one)")
            }
        }
        func column(_ candidates: [String]) -> Int? { names.firstIndex { candidates.contains($0) } }
        guard let dateColumn = column(dateColumns) else {
            throw fail(headerLine, "no date column (expected one of: \(dateColumns.joined(separator: ", ")))")
        }
        guard let closeColumn = column(closeColumns) else {
            throw fail(headerLine, "no close column (expected one of: close, adj close, price, last)")
        }
        // An iv column may name its unit: iv_pct, iv %, implied_vol_frac.
        let volColumn = names.firstIndex { name in
            volColumns.contains { name == $0 || name == $0 + "pct" || name == $0 + "percent" || name == $0 + "frac" }
        } ?? header.firstIndex { $0.hasSuffix("%") && volColumns.contains($0.lowercased().filter(\.isLetter)) }
        let openColumn = column(openColumns), highColumn = column(highColumns), lowColumn = column(lowColumns)
        if (highColumn == nil) != (lowColumn == nil), let lone = highColumn ?? lowColumn {
            throw PriceHistoryError(file: file, line: headerLine, column: headerColumns[lone],
                                    message: "\(header[lone]): a high column needs a low column beside it, and a low a high")
        }
        /// The rows after the header, counted when a row is refused: a file of fewer than 3 is
        /// refused for that first, as it would be before any row is read.
        func refuse(_ error: PriceHistoryError) -> PriceHistoryError {
            let rows = bodyRows(bytes)
            return rows < 3 ? fail(nil, "needs at least 3 rows of prices, found \(rows)") : error
        }

        // Times are kept as the gaps between rows and the steps that cross a date: what the
        // step size, the order check and the nights need, without a column of times.
        var labels = PriceLabels(), closes: [Double] = [], vols: [Double] = [], gaps: [Double] = []
        var previousTime: Double?, nights = Set<Int>()
        var opens: [Double] = [], highs: [Double] = [], lows: [Double] = []
        // Each column is allocated once, for as many rows as there are lines left.
        let rowsAtMost = scanner.linesLeft
        closes.reserveCapacity(rowsAtMost)
        gaps.reserveCapacity(rowsAtMost)
        if volColumn != nil { vols.reserveCapacity(rowsAtMost) }
        if openColumn != nil { opens.reserveCapacity(rowsAtMost) }
        if highColumn != nil { highs.reserveCapacity(rowsAtMost); lows.reserveCapacity(rowsAtMost) }
        var daily: Bool?
        while scanner.nextLine() {
            let line = scanner.lineNumber
            guard scanner.lineIsUTF8 else { throw fail(line, "not UTF-8 text") }
            if scanner.lineIsBlank { continue }
            scanner.splitFields()
            // A field more or less than the header has is a shifted row, never guessed at.
            guard scanner.fieldCount == header.count else {
                throw refuse(fail(line, "\(scanner.fieldCount) fields where the header has \(header.count)"))
            }
            guard let (time, isDaily) = parseTime(bytes: scanner.trimmedField(dateColumn)) else {
                throw refuse(fail(line, "\(header[dateColumn]): '\(scanner.text(dateColumn, trimmed: true))' is not a date (YYYY-MM-DD) or timestamp (YYYY-MM-DD HH:MM[:SS])"))
            }
            if let daily, daily != isDaily { throw refuse(fail(line, "mixes daily dates and intraday timestamps")) }
            daily = isDaily
            if let previousTime, time <= previousTime {
                throw refuse(fail(line, "'\(scanner.text(dateColumn, trimmed: true))' is not after the row before (rows must be sorted by time, without repeats)"))
            }
            guard let close = DecimalBytes.parse(scanner.trimmedField(closeColumn)), close.isFinite, close > 0 else {
                throw refuse(fail(line, "\(header[closeColumn]): '\(scanner.text(closeColumn, trimmed: true))' is not a positive price"))
            }
            if let volColumn {
                guard let vol = DecimalBytes.parse(scanner.trimmedField(volColumn)), vol.isFinite, vol > 0 else {
                    throw refuse(PriceHistoryError(file: file, line: line, column: scanner.column(volColumn),
                                                   message: "\(header[volColumn]): '\(scanner.text(volColumn, trimmed: true))' is not a positive implied vol"))
                }
                vols.append(vol)
            }
            func price(_ column: Int) throws(PriceHistoryError) -> Double {
                guard let value = DecimalBytes.parse(scanner.trimmedField(column)), value.isFinite, value > 0 else {
                    throw refuse(PriceHistoryError(file: file, line: line, column: scanner.column(column),
                                                   message: "\(header[column]): '\(scanner.text(column, trimmed: true))' is not a positive price"))
                }
                return value
            }
            let open = try openColumn.map(price)
            if let highColumn, let lowColumn {
                let high = try price(highColumn), low = try price(lowColumn)
                func outside(_ column: Int, _ problem: String) -> PriceHistoryError {
                    refuse(PriceHistoryError(file: file, line: line, column: scanner.column(column), message: "\(header[column]): \(problem)"))
                }
                if high < low { throw outside(highColumn, "\(high) is below \(header[lowColumn]) \(low)") }
                let range = low...high
                func inWords() -> String { "[\(header[lowColumn]) \(low), \(header[highColumn]) \(high)]" }
                if !range.contains(close) { throw outside(closeColumn, "\(close) is outside \(inWords())") }
                if let open, let openColumn, !range.contains(open) { throw outside(openColumn, "\(open) is outside \(inWords())") }
                highs.append(high)
                lows.append(low)
            }
            if let open { opens.append(open) }
            let label = scanner.trimmedField(dateColumn)
            switch (keptLabels, labels.count) {
            case (.everyRow, 0): labels.reserveCapacity(rows: rowsAtMost, bytesEach: label.count); labels.append(label)
            case (.everyRow, _): labels.append(label)
            case (.firstAndLast, _): labels.replaceLast(label)
            }
            if let previousTime {
                gaps.append(time - previousTime)
                if floor(previousTime / 86_400) != floor(time / 86_400) { nights.insert(closes.count - 1) }
            }
            previousTime = time
            closes.append(close)
        }
        guard closes.count >= 3 else { throw fail(nil, "needs at least 3 rows of prices, found \(closes.count)") }
        let isDaily = daily ?? true
        // A row's line is found again only for a message: no array of line numbers is kept.
        let timeStep = try stepSize(gaps: gaps, nights: nights, isDaily: isDaily, line: { rowLine(bytes, row: $0) }, fail: fail)
        let fractions = try volColumn.map { column throws(PriceHistoryError) in
            try impliedVolFractions(vols, header: header[column], file: file) { row in
                let line = rowLine(bytes, row: row)
                return (line, cellColumn(bytes, line: line, field: column))
            }
        }
        return PriceHistory(labels: labels, closes: closes, impliedVols: fractions,
                            timeStep: timeStep, isDaily: isDaily, opens: openColumn == nil ? nil : opens,
                            highs: highColumn == nil ? nil : highs, lows: lowColumn == nil ? nil : lows,
                            overnightSteps: isDaily ? [] : nights)
    }

    /// How many rows follow the header: the lines that are not blank, less one.
    private static func bodyRows(_ bytes: UnsafeBufferPointer<UInt8>) -> Int {
        let scanner = CSVRowScanner(bytes)
        var rows = 0
        while scanner.nextLine() { if !scanner.lineIsBlank { rows += 1 } }
        return max(rows - 1, 0)
    }

    /// The line number of body row `row` (0 is the first row after the header).
    private static func rowLine(_ bytes: UnsafeBufferPointer<UInt8>, row: Int) -> Int {
        let scanner = CSVRowScanner(bytes)
        var rows = -1
        while scanner.nextLine() {
            if scanner.lineIsBlank { continue }
            if rows == row { return scanner.lineNumber }
            rows += 1
        }
        return scanner.lineNumber
    }

    /// The 1-based character column where field `field` of line `line` starts, for a message.
    private static func cellColumn(_ bytes: UnsafeBufferPointer<UInt8>, line: Int, field: Int) -> Int {
        let scanner = CSVRowScanner(bytes)
        while scanner.nextLine() {
            guard scanner.lineNumber == line else { continue }
            scanner.splitFields()
            return scanner.column(field)
        }
        return 1
    }

    /// The implied vols as annualised fractions. The unit is the header's when it names one
    /// (`vix`, or a name with `%`, `pct` or `percent`: percent; `frac`: fraction), else the one
    /// all the values agree on (every value above 3: percent, as no listed market's implied vol
    /// is above 300%; every value at most 3: fraction), never one value's. Values mixing both,
    /// or a vol outside `InputLimits.impliedVol` once in fractions, are refused at their cell.
    /// `cell` gives row i's line and the column where its vol cell starts, for a message.
    static func impliedVolFractions(_ vols: [Double], header: String, file: String,
                                    cell: (Int) -> (line: Int, column: Int)) throws(PriceHistoryError) -> [Double] {
        let name = header.lowercased()
        let percent: Bool
        if name.contains("%") || name.contains("pct") || name.contains("percent") || name.filter(\.isLetter) == "vix" {
            percent = true
        } else if name.contains("frac") {
            percent = false
        } else if let high = vols.firstIndex(where: { $0 > 3 }), let low = vols.firstIndex(where: { $0 <= 3 }) {
            let later = max(high, low), location = cell(later)
            throw PriceHistoryError(file: file, line: location.line, column: location.column,
                                    message: "\(header): \(vols[later]) and \(vols[min(high, low)]) on line \(cell(min(high, low)).line) "
                                        + "mix percent and fractions; name the column iv_pct or iv_frac")
        } else {
            percent = (vols.first ?? 0) > 3
        }
        let fractions = percent ? vols.map { $0 / 100 } : vols
        let limits = InputLimits.impliedVol
        if let bad = fractions.firstIndex(where: { !limits.contains($0) }) {
            let location = cell(bad)
            throw PriceHistoryError(file: file, line: location.line, column: location.column,
                                    message: "\(header): \(vols[bad]) is outside \(limits.describe(percent ? 100 : 1))\(percent ? " (percent)" : "")")
        }
        return fractions
    }

    /// Years per row. Daily: one trading day, refusing gaps over 7 calendar days. Intraday:
    /// the median spacing in trading time, refusing uneven spacing within a day.
    /// `gaps[i]` is the seconds from row i to row i + 1, `nights` the i where they are on
    /// different dates.
    private static func stepSize(gaps: [Double], nights: Set<Int>, isDaily: Bool, line: (Int) -> Int,
                                 fail: (Int?, String) -> PriceHistoryError) throws(PriceHistoryError) -> Double {
        if isDaily {
            for (i, gap) in gaps.enumerated() where gap > 7 * 86_400 {
                throw fail(line(i + 1), "a gap of \(Int(gap / 86_400)) days since the row before (more than a week of missing data)")
            }
            return DayCount.tradingDay
        }
        let median = gaps.sorted()[gaps.count / 2]
        for (i, gap) in gaps.enumerated() {
            let sameDay = !nights.contains(i)
            if sameDay && abs(gap - median) > 0.5 * median {
                throw fail(line(i + 1), "uneven spacing: \(Int(gap)) s since the row before, the file's step is \(Int(median)) s")
            }
        }
        return median / 3600 / DayCount.tradingHoursPerDay / DayCount.tradingDaysPerYear
    }
}
