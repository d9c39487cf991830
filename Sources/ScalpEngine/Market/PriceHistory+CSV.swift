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
        func fail(_ line: Int?, _ message: String) -> PriceHistoryError {
            PriceHistoryError(file: file, line: line, message: message)
        }
        var rows: [(line: Int, cells: [String], columns: [Int])] = []
        for (offset, raw) in TextLines.split(text).enumerated() {
            let line = String(raw)
            if line.trimmingCharacters(in: .whitespaces).isEmpty { continue }
            let cells = splitCSV(line)
            rows.append((offset + 1, cells.map(\.text), cells.map(\.column)))
        }
        guard let header = rows.first else { throw fail(nil, "the file is empty") }
        let names = header.cells.map { $0.lowercased().filter { $0.isLetter || $0.isNumber } }
        for (index, name) in names.enumerated() where !name.isEmpty {
            if let first = names.firstIndex(of: name), first < index {
                throw PriceHistoryError(file: file, line: header.line, column: header.columns[index],
                                        message: "\(header.cells[index]): a second column of that name (column \(first + 1) is one)")
            }
        }
        func column(_ candidates: [String]) -> Int? { names.firstIndex { candidates.contains($0) } }
        guard let dateColumn = column(dateColumns) else {
            throw fail(header.line, "no date column (expected one of: \(dateColumns.joined(separator: ", ")))")
        }
        guard let closeColumn = column(closeColumns) else {
            throw fail(header.line, "no close column (expected one of: close, adj close, price, last)")
        }
        // An iv column may name its unit: iv_pct, iv %, implied_vol_frac.
        let volColumn = names.firstIndex { name in
            volColumns.contains { name == $0 || name == $0 + "pct" || name == $0 + "percent" || name == $0 + "frac" }
        } ?? header.cells.firstIndex { $0.hasSuffix("%") && volColumns.contains($0.lowercased().filter(\.isLetter)) }
        let openColumn = column(openColumns), highColumn = column(highColumns), lowColumn = column(lowColumns)
        if (highColumn == nil) != (lowColumn == nil), let lone = highColumn ?? lowColumn {
            throw PriceHistoryError(file: file, line: header.line, column: header.columns[lone],
                                    message: "\(header.cells[lone]): a high column needs a low column beside it, and a low a high")
        }
        let body = rows.dropFirst()
        guard body.count >= 3 else { throw fail(nil, "needs at least 3 rows of prices, found \(body.count)") }

        var labels: [String] = [], closes: [Double] = [], vols: [Double] = [], times: [Double] = []
        var opens: [Double] = [], highs: [Double] = [], lows: [Double] = []
        var daily: Bool?
        var volCells: [(line: Int, column: Int)] = []
        for row in body {
            // A field more or less than the header has is a shifted row, never guessed at.
            guard row.cells.count == header.cells.count else {
                throw fail(row.line, "\(row.cells.count) fields where the header has \(header.cells.count)")
            }
            let label = row.cells[dateColumn].trimmingCharacters(in: .whitespaces)
            guard let (time, isDaily) = parseTime(label) else {
                throw fail(row.line, "\(header.cells[dateColumn]): '\(label)' is not a date (YYYY-MM-DD) or timestamp (YYYY-MM-DD HH:MM[:SS])")
            }
            if let daily, daily != isDaily { throw fail(row.line, "mixes daily dates and intraday timestamps") }
            daily = isDaily
            if let previous = times.last, time <= previous {
                throw fail(row.line, "'\(label)' is not after the row before (rows must be sorted by time, without repeats)")
            }
            let closeText = row.cells[closeColumn].trimmingCharacters(in: .whitespaces)
            guard let close = Double(closeText), close.isFinite, close > 0 else {
                throw fail(row.line, "\(header.cells[closeColumn]): '\(closeText)' is not a positive price")
            }
            if let volColumn {
                let volText = row.cells[volColumn].trimmingCharacters(in: .whitespaces)
                guard let vol = Double(volText), vol.isFinite, vol > 0 else {
                    throw PriceHistoryError(file: file, line: row.line, column: row.columns[volColumn],
                                            message: "\(header.cells[volColumn]): '\(volText)' is not a positive implied vol")
                }
                vols.append(vol)
                volCells.append((row.line, row.columns[volColumn]))
            }
            func price(_ column: Int) throws(PriceHistoryError) -> Double {
                let text = row.cells[column].trimmingCharacters(in: .whitespaces)
                guard let value = Double(text), value.isFinite, value > 0 else {
                    throw PriceHistoryError(file: file, line: row.line, column: row.columns[column],
                                            message: "\(header.cells[column]): '\(text)' is not a positive price")
                }
                return value
            }
            let open = try openColumn.map(price)
            if let highColumn, let lowColumn {
                let high = try price(highColumn), low = try price(lowColumn)
                func refuse(_ column: Int, _ problem: String) -> PriceHistoryError {
                    PriceHistoryError(file: file, line: row.line, column: row.columns[column], message: "\(header.cells[column]): \(problem)")
                }
                let range = "[\(header.cells[lowColumn]) \(low), \(header.cells[highColumn]) \(high)]"
                if high < low { throw refuse(highColumn, "\(high) is below \(header.cells[lowColumn]) \(low)") }
                if !(low...high).contains(close) { throw refuse(closeColumn, "\(close) is outside \(range)") }
                if let open, let openColumn, !(low...high).contains(open) { throw refuse(openColumn, "\(open) is outside \(range)") }
                highs.append(high)
                lows.append(low)
            }
            if let open { opens.append(open) }
            labels.append(label)
            closes.append(close)
            times.append(time)
        }
        let isDaily = daily ?? true
        let timeStep = try stepSize(times: times, isDaily: isDaily, lines: body.map(\.line), fail: fail)
        let fractions = try volColumn.map { column throws(PriceHistoryError) in
            try impliedVolFractions(vols, header: header.cells[column], cells: volCells, file: file)
        }
        return PriceHistory(labels: labels, closes: closes, impliedVols: fractions,
                            timeStep: timeStep, isDaily: isDaily, opens: openColumn == nil ? nil : opens,
                            highs: highColumn == nil ? nil : highs, lows: lowColumn == nil ? nil : lows)
    }

    /// The implied vols as annualised fractions. The unit is the header's when it names one
    /// (`vix`, or a name with `%`, `pct` or `percent`: percent; `frac`: fraction), else the one
    /// all the values agree on (every value above 3: percent, as no listed market's implied vol
    /// is above 300%; every value at most 3: fraction), never one value's. Values mixing both,
    /// or a vol outside `InputLimits.impliedVol` once in fractions, are refused at their cell.
    static func impliedVolFractions(_ vols: [Double], header: String, cells: [(line: Int, column: Int)],
                                    file: String) throws(PriceHistoryError) -> [Double] {
        let name = header.lowercased()
        let percent: Bool
        if name.contains("%") || name.contains("pct") || name.contains("percent") || name.filter(\.isLetter) == "vix" {
            percent = true
        } else if name.contains("frac") {
            percent = false
        } else if let high = vols.firstIndex(where: { $0 > 3 }), let low = vols.firstIndex(where: { $0 <= 3 }) {
            let later = max(high, low)
            throw PriceHistoryError(file: file, line: cells[later].line, column: cells[later].column,
                                    message: "\(header): \(vols[later]) and \(vols[min(high, low)]) on line \(cells[min(high, low)].line) "
                                        + "mix percent and fractions; name the column iv_pct or iv_frac")
        } else {
            percent = (vols.first ?? 0) > 3
        }
        let fractions = percent ? vols.map { $0 / 100 } : vols
        let limits = InputLimits.impliedVol
        if let bad = fractions.firstIndex(where: { !limits.contains($0) }) {
            throw PriceHistoryError(file: file, line: cells[bad].line, column: cells[bad].column,
                                    message: "\(header): \(vols[bad]) is outside \(limits.describe(percent ? 100 : 1))\(percent ? " (percent)" : "")")
        }
        return fractions
    }

    /// Years per row. Daily: one trading day, refusing gaps over 7 calendar days. Intraday:
    /// the median spacing in trading time, refusing uneven spacing within a day.
    private static func stepSize(times: [Double], isDaily: Bool, lines: [Int],
                                 fail: (Int?, String) -> PriceHistoryError) throws(PriceHistoryError) -> Double {
        let gaps = zip(times.dropFirst(), times).map { $0 - $1 }
        if isDaily {
            for (i, gap) in gaps.enumerated() where gap > 7 * 86_400 {
                throw fail(lines[i + 1], "a gap of \(Int(gap / 86_400)) days since the row before (more than a week of missing data)")
            }
            return DayCount.tradingDay
        }
        let median = gaps.sorted()[gaps.count / 2]
        for (i, gap) in gaps.enumerated() {
            let sameDay = floor(times[i] / 86_400) == floor(times[i + 1] / 86_400)
            if sameDay && abs(gap - median) > 0.5 * median {
                throw fail(lines[i + 1], "uneven spacing: \(Int(gap)) s since the row before, the file's step is \(Int(median)) s")
            }
        }
        return median / 3600 / DayCount.tradingHoursPerDay / DayCount.tradingDaysPerYear
    }

    /// Seconds since 1970 (UTC) and whether the label is a plain date.
    static func parseTime(_ text: String) -> (Double, Bool)? {
        let parts = text.split(whereSeparator: { $0 == " " || $0 == "T" }).map(String.init)
        guard parts.count == 1 || parts.count == 2 else { return nil }
        let date = parts[0].split(separator: "-").compactMap { Int($0) }
        guard date.count == 3, (1...12).contains(date[1]), (1...31).contains(date[2]), parts[0].count == 10 else { return nil }
        var seconds = Double(daysFromCivil(year: date[0], month: date[1], day: date[2])) * 86_400
        if parts.count == 2 {
            let clock = parts[1].trimmingCharacters(in: CharacterSet(charactersIn: "Z")).split(separator: ":").compactMap { Double($0) }
            guard clock.count == 2 || clock.count == 3, clock[0] < 24, clock[1] < 60, (clock.count == 2 || clock[2] < 61) else { return nil }
            seconds += clock[0] * 3600 + clock[1] * 60 + (clock.count == 3 ? clock[2] : 0)
            return (seconds, false)
        }
        return (seconds, true)
    }

    /// Days since 1970-01-01 in the proleptic Gregorian calendar (Howard Hinnant's algorithm).
    static func daysFromCivil(year: Int, month: Int, day: Int) -> Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yearOfEra = y - era * 400
        let dayOfYear = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }

    /// Splits one CSV line, honouring double quotes ("" inside quotes is a quote), into its
    /// cells, each with the 1-based character column where it starts (for error messages).
    static func splitCSV(_ line: String) -> [(text: String, column: Int)] {
        var cells: [(text: String, column: Int)] = [], current = "", quoted = false
        var position = 0, start = 1
        func endCell() {
            cells.append((current, start))
            current = ""
            start = position + 1
        }
        var iterator = line.makeIterator()
        while let character = iterator.next() {
            position += 1
            if quoted {
                if character == "\"" {
                    if let following = iterator.next() {
                        position += 1
                        if following == "\"" { current.append("\"") } else {
                            quoted = false
                            if following == "," { endCell() } else { current.append(following) }
                        }
                    } else { quoted = false }
                } else { current.append(character) }
            } else if character == "\"" {
                quoted = true
            } else if character == "," {
                endCell()
            } else {
                current.append(character)
            }
        }
        cells.append((current, start))
        return cells
    }
}
