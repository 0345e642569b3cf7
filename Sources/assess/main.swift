import AssessCLI
import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

// A closed pipe (`assess … | head`) should end quietly, not kill the process with SIGPIPE.
signal(SIGPIPE, SIG_IGN)
let status = AssessCommand.main(Array(CommandLine.arguments.dropFirst()))
exit(status.rawValue)
