/// The program's version: written into every journal and `simulate` state, and compared
/// when a replay does not match (versions may differ in the last digits of a hedge delta).
public enum ProgramVersion {
    public static let current = "0.5.0"
}
