import Foundation
import ScalpEngine

/// The file `--state` writes: one shard's mergeable result, with what identifies its run.
///
/// JSON on one line, keys sorted, with a SHA-256 `digest` of its canonical payload (the same
/// JSON without the digest), so an edited or corrupted file is refused by name; camelCase as the engine's types code themselves. Doubles are written
/// as the shortest text that reads back to the same bits (infinities and NaN as the strings
/// "inf", "-inf", "nan"), integers and the UInt64 seed as exact integers, so a merge sees the
/// very bits the shard computed. One type writes and reads the format; `Contents` is what a
/// command keeps (`SimulationShardContents` for `simulate`).
struct ShardStateFile<Contents: Codable>: Codable {
    /// What every state file starts with, so a merge recognises one.
    static var formatName: String { "gammascalp shard state" }
    /// The layout's version: a reader refuses other layouts rather than misread them.
    static var currentFormatVersion: Int { 2 }

    var format: String
    var formatVersion: Int
    /// The gammascalp version that ran the shard: shards of different versions are not merged.
    var version: String
    /// The command that ran the shard, e.g. "simulate".
    var command: String
    /// Worker threads the shard ran on.
    var threads: Int
    /// Wall-clock seconds the shard's paths took.
    var elapsedSeconds: Double
    var contents: Contents
    /// SHA-256, in hex, of `payload()`: the file's JSON without this key.
    var digest: String?

    init(command: String, threads: Int, elapsedSeconds: Double, contents: Contents) {
        format = Self.formatName
        formatVersion = Self.currentFormatVersion
        version = GammaScalp.version
        self.command = command
        self.threads = threads
        self.elapsedSeconds = elapsedSeconds
        self.contents = contents
    }

    /// The file's text, its digest filled in.
    func encoded() throws -> String {
        var signed = self
        signed.digest = try payloadDigest()
        return String(decoding: try Self.encoder.encode(signed), as: UTF8.self) + "\n"
    }

    /// The digest of the canonical payload: this file's JSON without its `digest` key. Doubles
    /// read back to the bits they were written from, so a file re-encodes to the same bytes.
    func payloadDigest() throws -> String {
        var payload = self
        payload.digest = nil
        return SHA256.hexDigest(of: try Self.encoder.encode(payload))
    }

    private static var encoder: JSONEncoder {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        encoder.nonConformingFloatEncodingStrategy = .convertToString(positiveInfinity: "inf", negativeInfinity: "-inf", nan: "nan")
        return encoder
    }

    func write(to path: String) throws {
        try OutputFile.write(try encoded(), to: path, flag: "--state")
    }

    /// The command that wrote the state file at `path` ("simulate", "frontier"), read from its
    /// header; nil when it is not a state file.
    static func command(of path: String) throws -> String? {
        let data = Data(try TextFile.read(path, what: "state file").utf8)
        guard let header = try? JSONDecoder().decode(ShardStateHeader.self, from: data), header.format == formatName else {
            return nil
        }
        return header.command
    }

    /// Reads a state file of `command`; errors name the file and what is wrong with it.
    static func read(_ path: String, command: String) throws -> ShardStateFile {
        let data = Data(try TextFile.read(path, what: "state file").utf8)
        let decoder = JSONDecoder()
        decoder.nonConformingFloatDecodingStrategy = .convertFromString(positiveInfinity: "inf", negativeInfinity: "-inf", nan: "nan")
        guard let header = try? decoder.decode(ShardStateHeader.self, from: data), header.format == formatName else {
            throw CommandFailure("\(path): not a gammascalp state file (write one with simulate --state)")
        }
        guard header.formatVersion == currentFormatVersion else {
            throw CommandFailure("\(path): state format \(header.formatVersion) from gammascalp \(header.version); "
                + "this gammascalp \(GammaScalp.version) reads format \(currentFormatVersion)")
        }
        guard header.command == command else {
            throw CommandFailure("\(path): a state file of \(header.command), not of \(command)")
        }
        do {
            return try decoder.decode(ShardStateFile.self, from: data)
        } catch let error as DecodingError {
            throw CommandFailure("\(path): damaged state file: \(Self.describe(error))")
        }
    }

    private static func describe(_ error: DecodingError) -> String {
        let context: DecodingError.Context
        switch error {
        case .typeMismatch(_, let c), .valueNotFound(_, let c), .keyNotFound(_, let c), .dataCorrupted(let c): context = c
        @unknown default: return "\(error)"
        }
        let path = context.codingPath.map { $0.intValue.map { "[\($0)]" } ?? ".\($0.stringValue)" }.joined()
        return (path.isEmpty ? "" : "at \(path.hasPrefix(".") ? String(path.dropFirst()) : path): ") + context.debugDescription
    }
}

/// The fields every state file has, read before its contents.
private struct ShardStateHeader: Decodable {
    var format: String
    var formatVersion: Int
    var version: String
    var command: String
}

/// Checks that state files are one run's shards and merges their Monte Carlo results; every
/// refusal is one message naming the files and what differs.
enum ShardStateMerge {
    /// Refuses files whose gammascalp versions differ, then any file whose content does not
    /// match its digest (edited or corrupted since it was written).
    static func check<Contents>(_ states: [ShardStateFile<Contents>], files: [String]) throws {
        for (index, state) in states.enumerated() where state.version != states[0].version {
            throw CommandFailure("\(files[0]) and \(files[index]) are shards of different gammascalp versions "
                + "(\(states[0].version) and \(state.version)): run every shard with one version")
        }
        for (file, state) in zip(files, states) {
            guard let digest = state.digest else { throw CommandFailure("\(file): damaged state file: no digest") }
            guard try state.payloadDigest() == digest else {
                throw CommandFailure("\(file): edited or corrupted since it was written (its content does not match "
                    + "its SHA-256 digest); run its shard again")
            }
        }
    }

    /// Merges one Monte Carlo's shards (`runs[i]` from `files[i]`), turning the engine's
    /// refusal into a message with file names.
    static func merge(_ runs: [MonteCarloShardResult], files: [String]) throws -> MonteCarloStatistics {
        do {
            return try MonteCarloShardResult.merge(runs)
        } catch {
            throw CommandFailure(message(for: error, runs: runs, files: files))
        }
    }

    static func message(for error: ShardMergeError, runs: [MonteCarloShardResult], files: [String]) -> String {
        switch error {
        case .noShards:
            return "merge needs at least one state file"
        case .differentRuns(let first, let other, let difference):
            return "\(files[first]) and \(files[other]) are shards of different runs: \(difference)"
        case .duplicate(let shard, let first, let second):
            return "shard \(shard) is given twice: \(files[first]) and \(files[second])"
        case .missing(let numbers, let count):
            let given = zip(files, runs).prefix(8).map { "\($0.0) is \($0.1.shard)" }.joined(separator: ", ")
                + (files.count > 8 ? ", … (\(files.count) files)" : "")
            let names = numbers.prefix(8).map { "\($0)/\(count)" }.joined(separator: ", ") + (numbers.count > 8 ? ", …" : "")
            return numbers.count == 1
                ? "shard \(names) is missing; given: \(given)"
                : "shards \(names) are missing (\(numbers.count) of \(count)); given: \(given)"
        case .damaged(let position, let problem):
            return "\(files[position]): damaged state file: \(problem)"
        }
    }
}
