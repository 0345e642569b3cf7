import Diagnostics
import Foundation

/// Routes a command line to a command and turns every outcome into an exit status.
///
/// This is the one funnel for errors (as in swift-argument-parser): `UsageError` → `Error: …`, blank line, usage,
/// exit 64; `CLIError`/`Diagnostic` → rendered on stderr, exit 1; anything else → internal error, exit 70.
public struct Dispatcher {
    /// The root command (a group): `assess`.
    public var root: any Command.Type

    public init(root: any Command.Type) {
        self.root = root
    }

    /// Runs `arguments` (without the program name) and returns how the process should exit.
    public func run(_ arguments: [String], context: CommandContext) -> ExitStatus {
        var context = context
        let rootConfiguration = root.configuration
        let rootPath = [rootConfiguration.name]
        var currentPath = rootPath
        var currentConfiguration = rootConfiguration
        do {
            return try route(arguments, context: &context, path: &currentPath, configuration: &currentConfiguration)
        } catch let error as UsageError {
            var text = "Error: \(error.message)\n\n"
            text += error.usage ?? HelpGenerator.usageBlock(for: currentConfiguration, path: currentPath)
            text += "\n  See '\(error.commandPath ?? currentPath.joined(separator: " ")) --help' for more information.\n"
            context.err(text)
            return .usage
        } catch let error as CLIError {
            context.error(error.message, hint: error.hint)
            return error.status
        } catch let diagnostic as Diagnostic {
            context.report([diagnostic])
            return diagnostic.severity == .error ? .failure : .success
        } catch let request as ExitRequest {
            return request.status
        } catch {
            context.error("internal error: \(error)", hint: "this is a bug in assess \(AssessVersion.current); please report it")
            return .internalError
        }
    }

    // MARK: - Routing

    private func route(
        _ arguments: [String], context: inout CommandContext, path: inout [String],
        configuration: inout CommandConfiguration
    ) throws -> ExitStatus {
        let rootConfiguration = configuration
        // Root-only requests.
        if let first = arguments.first {
            switch first {
            case "--version":
                context.out("\(rootConfiguration.name) \(AssessVersion.current)\n")
                return .success
            case "-h", "--help":
                context.out(HelpGenerator.help(for: rootConfiguration, path: path, isRoot: true))
                return .success
            case "help":
                return try help(Array(arguments.dropFirst()), context: context)
            default: break
            }
        } else {
            context.err(HelpGenerator.help(for: rootConfiguration, path: path, isRoot: true))
            return .usage
        }

        var remaining = arguments[...]
        var command: any Command.Type = root
        // Descend through groups.
        while configuration.isGroup {
            guard let word = remaining.first else {
                context.err(HelpGenerator.help(for: configuration, path: path))
                return .usage
            }
            if word == "-h" || word == "--help" {
                context.out(HelpGenerator.help(for: configuration, path: path, isRoot: path.count == 1))
                return .success
            }
            if let sub = configuration.subcommand(named: word) {
                remaining = remaining.dropFirst()
                command = sub
            } else if let fallback = try defaultSubcommand(for: word, in: configuration, context: context) {
                command = fallback
            } else {
                throw unknownSubcommand(word, in: configuration)
            }
            configuration = command.configuration
            path.append(configuration.name)
        }

        let rest = Array(remaining)
        if ArgumentParser.wantsHelp(rest) {
            context.out(HelpGenerator.help(for: configuration, path: path))
            return .success
        }
        let parsed = try ArgumentParser(configuration: configuration, commandPath: path).parse(rest)
        if let mode = parsed.value(CommonOptions.color.name).flatMap(CommandContext.ColorMode.init(rawValue:)) {
            context.colorMode = mode
        }
        return try command.run(parsed, context)
    }

    /// The default subcommand when `word` should go to it: an option, an existing path, or anything not close to a
    /// subcommand name. Nil when the group has none (or it is not registered).
    private func defaultSubcommand(
        for word: String, in configuration: CommandConfiguration, context: CommandContext
    ) throws -> (any Command.Type)? {
        guard let name = configuration.defaultSubcommand, let command = configuration.subcommand(named: name) else {
            return nil
        }
        if word.hasPrefix("-") { return command }
        let absolute = word.hasPrefix("/") ? word : (context.currentDirectory as NSString).appendingPathComponent(word)
        var isFolder: ObjCBool = false
        if FileManager.default.fileExists(atPath: absolute, isDirectory: &isFolder) { return command }
        let looksLikePath = word.contains("/") || word.contains(".")
        if !looksLikePath, Suggestion.closest(to: word, in: configuration.visibleSubcommandNames) != nil {
            throw unknownSubcommand(word, in: configuration)
        }
        return command
    }

    private func unknownSubcommand(_ word: String, in configuration: CommandConfiguration) -> UsageError {
        if word.hasPrefix("-") { return UsageError("Unknown option '\(word)'.") }
        if let close = Suggestion.closest(to: word, in: configuration.visibleSubcommandNames) {
            return UsageError("Unknown subcommand '\(word)'. Did you mean '\(close)'?")
        }
        return UsageError("Unknown subcommand '\(word)'.")
    }

    /// `assess help [SUBCOMMAND [SUBCOMMAND]]`.
    private func help(_ words: [String], context: CommandContext) throws -> ExitStatus {
        var configuration = root.configuration
        var path = [configuration.name]
        for word in words {
            guard let sub = configuration.subcommand(named: word) else {
                let error = unknownSubcommand(word, in: configuration)
                throw UsageError(
                    error.message, usage: HelpGenerator.usageBlock(for: configuration, path: path),
                    commandPath: path.joined(separator: " "))
            }
            configuration = sub.configuration
            path.append(configuration.name)
        }
        context.out(HelpGenerator.help(for: configuration, path: path, isRoot: path.count == 1))
        return .success
    }
}
