/// How hard a level was on one session's path, read off the spread of the reference family's
/// utilities there: with them sorted, u_min … u_max and the median u_mid,
///
///   difficulty = (u_max − u_mid) / (u_max − u_min),   0.5 when every rule did the same.
///
/// Points place the trainee among the rules by rank, so a middling rule earns about 50 on
/// every path; what differs is how far that middling rule is from the best. Near 1, most of
/// the family's range lies between an ordinary hedge and the best one: few ways to do well,
/// a hard level. Near 0, nearly every rule is close to the best: a forgiving one. It is a
/// ratio of utilities, so it compares across scenarios of any size and currency.
public enum LevelDifficulty {
    public static func of(familyUtilities utilities: [Double]) -> Double {
        let sorted = utilities.filter(\.isFinite).sorted()
        guard let low = sorted.first, let high = sorted.last, high > low else { return 0.5 }
        let middle = sorted.count / 2
        let median = sorted.count % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2
        return min(max((high - median) / (high - low), 0), 1)
    }
}
