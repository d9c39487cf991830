import Foundation
import ScalpEngine

/// Turns one JSON line of a journal into a typed record. Lines of a type it does not know
/// give nil (later versions may add some); a known line that is malformed throws a short
/// message naming the field.
enum JournalLineDecoder {
    struct Problem: Error { var message: String }

    static func decode(_ line: Data) throws(Problem) -> JournalRecord.Entry? {
        let decoder = JSONDecoder()
        let head: Head
        do { head = try decoder.decode(Head.self, from: line) } catch {
            switch try? JSONSerialization.jsonObject(with: line, options: .fragmentsAllowed) {
            case .none: throw Problem(message: "not valid JSON")
            case .some(let value) where value is [String: Any]: throw Problem(message: "a journal line needs a \"type\"")
            default: throw Problem(message: "not a JSON object")
            }
        }
        do {
            switch head.type {
            case "start": return .start(try decoder.decode(StartLine.self, from: line).start)
            case "tick": return .tick(try decoder.decode(TickLine.self, from: line).tick)
            case "trade": return .trade(try decoder.decode(TradeLine.self, from: line).trade)
            case "action": return .action(try decoder.decode(ActionLine.self, from: line).recorded)
            case "control": return .control(step: try decoder.decode(ControlLine.self, from: line).step)
            case "end": return .end(try decoder.decode(EndLine.self, from: line).end)
            default: return nil
            }
        } catch let problem as Problem {
            throw problem
        } catch let error as DecodingError {
            throw Problem(message: "\(head.type) line: " + describe(error))
        } catch {
            throw Problem(message: "\(head.type) line: \(error)")
        }
    }

    /// A decoding error in a few words: which key, and what was wrong with it.
    static func describe(_ error: DecodingError) -> String {
        func path(_ context: DecodingError.Context, _ last: (any CodingKey)? = nil) -> String {
            let keys = (context.codingPath + (last.map { [$0] } ?? [])).map { $0.intValue.map { "[\($0)]" } ?? $0.stringValue }
            return "'" + keys.joined(separator: ".").replacingOccurrences(of: ".[", with: "[") + "'"
        }
        switch error {
        case .keyNotFound(let key, let context): return "no \(path(context, key))"
        case .valueNotFound(_, let context): return "\(path(context)) is null"
        case .typeMismatch(let type, let context): return "\(path(context)) is not \(typeName(type))"
        case .dataCorrupted(let context):
            return context.codingPath.isEmpty ? context.debugDescription : "\(path(context)): \(context.debugDescription)"
        @unknown default: return "\(error)"
        }
    }

    private static func typeName(_ type: Any.Type) -> String {
        switch type {
        case is Double.Type, is Int.Type, is UInt64.Type: "a number"
        case is String.Type: "a string"
        case is Bool.Type: "true or false"
        default: "the expected kind of value"
        }
    }

    // MARK: - Line shapes

    private struct Head: Decodable { var type: String }

    private struct StartLine: Decodable {
        var start: JournalStart

        enum CodingKeys: String, CodingKey {
            case format, version, scenario, seed, config
            case stepsPerSecond = "steps_per_second", scenarioSpec = "scenario_spec"
        }

        init(from decoder: any Decoder) throws {
            let c = try decoder.container(keyedBy: CodingKeys.self)
            let format = try c.decode(Int.self, forKey: .format)
            guard format <= JournalFile.formatVersion else {
                throw Problem(message: "journal format \(format) is newer than this gammascalp reads "
                              + "(\(JournalFile.formatVersion)); use a newer gammascalp")
            }
            guard c.contains(.scenarioSpec) else {
                throw Problem(message: "the start line has no \"scenario_spec\" (a journal from before replay "
                              + "was possible), so the session cannot be rebuilt")
            }
            let seed: UInt64
            if let number = try? c.decode(UInt64.self, forKey: .seed) {
                seed = number
            } else if let text = try? c.decode(String.self, forKey: .seed), let number = UInt64(text) {
                seed = number
            } else {
                throw Problem(message: "start line: 'seed' is not a whole number ≥ 0")
            }
            start = JournalStart(
                format: format, version: try c.decodeIfPresent(String.self, forKey: .version),
                scenarioName: try c.decode(String.self, forKey: .scenario), seed: seed,
                stepsPerSecond: try c.decodeIfPresent(Double.self, forKey: .stepsPerSecond) ?? 10,
                config: try c.decode(SessionConfig.self, forKey: .config),
                scenario: try c.decode(Scenario.self, forKey: .scenarioSpec))
        }
    }

    private struct TickLine: Decodable {
        var tick: RecordedTick

        enum CodingKeys: String, CodingKey {
            case step, t, spot, pnl
            case netDelta = "net_delta", realizedVol = "realized_vol", ewmaVol = "ewma_vol", impliedVol = "implied_vol"
        }

        init(from decoder: any Decoder) throws {
            let c = try decoder.container(keyedBy: CodingKeys.self)
            tick = RecordedTick(
                step: try step(c, .step), time: try c.decode(Double.self, forKey: .t),
                spot: try c.decodeIfPresent(Double.self, forKey: .spot),
                netDelta: try c.decodeIfPresent(Double.self, forKey: .netDelta),
                realizedVol: try c.decodeIfPresent(Double.self, forKey: .realizedVol),
                ewmaVol: try c.decodeIfPresent(Double.self, forKey: .ewmaVol),
                impliedVol: try c.decodeIfPresent(Double.self, forKey: .impliedVol),
                pnl: try c.decodeIfPresent(Double.self, forKey: .pnl))
        }
    }

    private struct TradeLine: Decodable {
        var trade: Trade

        enum CodingKeys: String, CodingKey { case step, t, qty, price, cost, reason }

        init(from decoder: any Decoder) throws {
            let c = try decoder.container(keyedBy: CodingKeys.self)
            let reasonText = try c.decode(String.self, forKey: .reason)
            guard let reason = TradeReason(rawValue: reasonText) else {
                throw Problem(message: "trade line: unknown reason '\(reasonText)' (manual, auto or close_out)")
            }
            trade = Trade(time: try c.decode(Double.self, forKey: .t), step: try step(c, .step),
                          quantity: try c.decode(Double.self, forKey: .qty), price: try c.decode(Double.self, forKey: .price),
                          cost: try c.decode(Double.self, forKey: .cost), reason: reason)
        }
    }

    private struct ActionLine: Decodable {
        var recorded: RecordedAction

        enum CodingKeys: String, CodingKey {
            case step, action, shares, on, rule, kind, strike, expiry, quantity, multiplier
            case lotSize = "lot_size"
        }

        init(from decoder: any Decoder) throws {
            let c = try decoder.container(keyedBy: CodingKeys.self)
            let name = try c.decode(String.self, forKey: .action)
            let action: SessionAction
            switch name {
            case "tick": action = .tick
            case "trade": action = .trade(shares: try c.decode(Double.self, forKey: .shares))
            case "buy_lot": action = .buyLot
            case "sell_lot": action = .sellLot
            case "hedge_now": action = .hedgeNow
            case "set_auto_hedge": action = .setAutoHedge(try c.decode(Bool.self, forKey: .on))
            case "toggle_auto_hedge": action = .toggleAutoHedge
            case "set_hedge_rule":
                let text = try c.decode(String.self, forKey: .rule)
                do { action = .setHedgeRule(try HedgeRule.parse(text)) } catch {
                    throw Problem(message: "action line: \(error.description)")
                }
            case "set_lot_size": action = .setLotSize(try c.decode(Double.self, forKey: .lotSize))
            case "trade_option":
                let kindText = try c.decode(String.self, forKey: .kind)
                guard let kind = OptionKind(rawValue: kindText) else {
                    throw Problem(message: "action line: unknown option kind '\(kindText)' (call or put)")
                }
                action = .tradeOption(OptionOrder(
                    kind: kind, strike: try c.decode(Double.self, forKey: .strike),
                    expiry: try c.decode(Double.self, forKey: .expiry), quantity: try c.decode(Double.self, forKey: .quantity),
                    multiplier: try c.decode(Double.self, forKey: .multiplier)))
            case "finish": action = .finish
            default: throw Problem(message: "action line: unknown action '\(name)'")
            }
            recorded = RecordedAction(step: try step(c, .step), action: action)
        }
    }

    private struct ControlLine: Decodable {
        var step: Int

        enum CodingKeys: String, CodingKey { case step }

        init(from decoder: any Decoder) throws {
            step = try JournalLineDecoder.step(try decoder.container(keyedBy: CodingKeys.self), .step)
        }
    }

    private struct EndLine: Decodable {
        var end: RecordedEnd

        enum CodingKeys: String, CodingKey { case step, t, reason, pnl, attribution }

        init(from decoder: any Decoder) throws {
            let c = try decoder.container(keyedBy: CodingKeys.self)
            end = RecordedEnd(step: try step(c, .step), time: try c.decode(Double.self, forKey: .t),
                              reason: try c.decode(String.self, forKey: .reason),
                              pnl: try c.decodeIfPresent(Double.self, forKey: .pnl),
                              attribution: try c.decodeIfPresent(PnLAttribution.self, forKey: .attribution))
        }
    }

    /// A step: a whole number ≥ 0.
    private static func step<Key: CodingKey>(_ c: KeyedDecodingContainer<Key>, _ key: Key) throws -> Int {
        let step = try c.decode(Int.self, forKey: key)
        guard step >= 0 else { throw Problem(message: "'step' must be ≥ 0, got \(step)") }
        return step
    }
}
