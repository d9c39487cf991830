import ScalpEngine

extension PnLDecomposition {
    /// The P&L split into luck and skill in one line, for the summary screen and the shell:
    /// "Luck -45 (market +45, open delta's surprise -90)  Skill -6 (costs -6, drift 0, risk
    /// taken ±81)"; nil where a journal recorded only the four parts.
    public var luckAndSkillText: String? {
        guard let luck, let skill, let d = decisions else { return nil }
        return "Luck \(Format.money(luck, 0)) (market \(Format.money(market, 0)), open delta's surprise "
            + "\(Format.money(d.unexpectedDeltaPnL, 0)))  Skill \(Format.money(skill, 0)) (costs "
            + "\(Format.money(costs, 0)), drift \(Format.money(d.expectedDriftPnL, 0)), risk taken ±"
            + "\(Format.number(d.riskStandardDeviation, 0)))"
    }
}
