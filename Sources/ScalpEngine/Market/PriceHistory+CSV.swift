import Foundation

/// A price file that cannot be replayed; the description is `file:line: problem`.
public struct PriceHistoryError: Error, Hashable, CustomStringConvertible {
    public var file: String
    public var line: Int?
    public var message: String
    public var description: String { line.map { "\(file):\($0): \(message)" } ?? "\(file): \(message)" }
}

extension PriceHistory {
    /// Column names recognised (case-insensitive, spaces and underscores ignored).
    static let dateColumns = ["date", "timestamp", "time", "datetime"]
    static let closeColumns = ["close", "adjclose", "closeprice", "price", "last"]
    static let volColumns = ["iv", "impliedvol", "impliedvolatility", "vix", "vol", "volatility"]

    /// Reads a CSV price history: a header row, a date or timestamp column, a close column and
    /// optionally an implied-vol column (a fraction, or percent like a VIX-style index when
    /// the values run above 3). Daily dates (`YYYY-MM-DD`) step 1/252 of a year per row;
    /// intraday timestamps (`YYYY-MM-DD HH:MM[:SS]`, `T` also accepted) step by their spacing
    /// in trading time (6.5 hours a day). Rows must be in time order, evenly spaced (for daily
    /// data, no more than a week between rows), with positive numbers.
    public static func parse(csv text: String, file: String) throws(PriceHistoryError) -> PriceHistory {
        func fail(_ line: Int?, _ message: String) -> PriceHistoryError {
            PriceHistoryError(file: file, line: line, message: message)
        }
        var rows: [(line: Int, cells: [String])] = []
        for (offset, raw) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let line = raw.hasSuffix("\r") ? String(raw.dropLast()) : String(raw)
            if line.trimmingCharacters(in: .whitespaces).isEmpty { continue }
            rows.append((offset + 1, splitCSV(line)))
        }
        guard let header = rows.first else { throw fail(nil, "the file is empty") }
        let names = header.cells.map { $0.lowercased().filter { $0.isLetter || $0.isNumber } }
        func column(_ candidates: [String]) -> Int? { names.firstIndex { candidates.contains($0) } }
        guard let dateColumn = column(dateColumns) else {
            throw fail(header.line, "no date column (expected one of: \(dateColumns.joined(separator: ", ")))")
        }
        guard let closeColumn = column(closeColumns) else {
            throw fail(header.line, "no close column (expected one of: close, adj close, price, last)")
        }
        let volColumn = column(volColumns)
        let body = rows.dropFirst()
        guard body.count >= 3 else { throw fail(nil, "needs at least 3 rows of prices, found \(body.count)") }

        var labels: [String] = [], closes: [Double] = [], vols: [Double] = [], times: [Double] = []
        var daily: Bool?
        for row in body {
            let needed = max(dateColumn, closeColumn, volColumn ?? 0)
            guard row.cells.count > needed else {
                throw fail(row.line, "expected \(header.cells.count) columns, found \(row.cells.count)")
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
                    throw fail(row.line, "\(header.cells[volColumn]): '\(volText)' is not a positive implied vol")
                }
                vols.append(vol)
            }
            labels.append(label)
            closes.append(close)
            times.append(time)
        }
        let isDaily = daily ?? true
        let timeStep = try stepSize(times: times, isDaily: isDaily, lines: body.map(\.line), fail: fail)
        // A VIX-style column is in percent: no listed market's implied vol is above 300%.
        let inPercent = (vols.max() ?? 0) > 3
        return PriceHistory(labels: labels, closes: closes, impliedVols: volColumn == nil ? nil : vols.map { inPercent ? $0 / 100 : $0 },
                            timeStep: timeStep, isDaily: isDaily)
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
            return 1 / tradingDaysPerYear
        }
        let median = gaps.sorted()[gaps.count / 2]
        for (i, gap) in gaps.enumerated() {
            let sameDay = floor(times[i] / 86_400) == floor(times[i + 1] / 86_400)
            if sameDay && abs(gap - median) > 0.5 * median {
                throw fail(lines[i + 1], "uneven spacing: \(Int(gap)) s since the row before, the file's step is \(Int(median)) s")
            }
        }
        return median / 3600 / tradingHoursPerDay / tradingDaysPerYear
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

    /// Splits one CSV line, honouring double quotes ("" inside quotes is a quote).
    static func splitCSV(_ line: String) -> [String] {
        var cells: [String] = [], current = "", quoted = false
        var iterator = line.makeIterator()
        while let character = iterator.next() {
            if quoted {
                if character == "\"" {
                    if let following = iterator.next() {
                        if following == "\"" { current.append("\"") } else {
                            quoted = false
                            if following == "," { cells.append(current); current = "" } else { current.append(following) }
                        }
                    } else { quoted = false }
                } else { current.append(character) }
            } else if character == "\"" {
                quoted = true
            } else if character == "," {
                cells.append(current)
                current = ""
            } else {
                current.append(character)
            }
        }
        cells.append(current)
        return cells
    }
}
