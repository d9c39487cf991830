import ArgumentParser
import ScalpEngine

/// `--kind call|put|straddle`, as `play --prices` and `simulate` take it.
extension OptionStructure: ExpressibleByArgument {}
