import ScalpEngine

extension CostlyStretch {
    /// The debrief's line for the stretch: "Cost most: day 3 14:20 to day 4 09:00, 312 of
    /// utility against ww:0.001: you held −300 units on average (it held +5) while the price
    /// rose 1.20, luck −420." `time` names a session time (years) as the screen does.
    public func sentence(against rule: String, unit: String, time: (Double) -> String) -> String {
        // An average: whole units unless the unit trades in fractions (a coin).
        func units(_ value: Double) -> String { abs(value) >= 10 ? Format.number(value, 0, sign: true) : Format.shares(value, sign: true) }
        let direction = move > 0 ? "rose" : move < 0 ? "fell" : "stayed at"
        return "Cost most: \(time(fromTime)) to \(time(toTime)), \(Format.number(utilityLost, 0)) of utility against \(rule): "
            + "you held \(units(traineeDelta)) \(unit) on average (it held \(units(ruleDelta))) while the price "
            + "\(direction)\(move == 0 ? "" : " " + Format.number(abs(move), 2)), luck \(Format.money(luck, 0))."
    }
}
