/// Constants a model derives for the last time step it was asked about (e^{−κ·dt}, σ·√dt, …):
/// a cache, no part of the model's value. Any two are equal and it hashes nothing, so a model
/// holding one keeps its synthesized `Hashable`; left out of the model's `CodingKeys`, it is
/// not coded either.
struct StepCache<Constants: Sendable>: Sendable, Hashable {
    /// The time step, years, `constants` are for; NaN before the first.
    var step = Double.nan
    var constants: Constants

    static func == (lhs: Self, rhs: Self) -> Bool { true }

    func hash(into hasher: inout Hasher) {}
}
