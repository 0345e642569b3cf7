internal import CYaml
import Diagnostics

// MARK: - C resources

/// Owns one libyaml parser reading from a caller-owned buffer; `deinit` frees it.
///
/// The buffer must be non-empty and outlive the parser (callers keep it alive with `withUnsafeBufferPointer`).
final class LibYAMLParser {
    let pointer: UnsafeMutablePointer<yaml_parser_t>

    init(input: UnsafeBufferPointer<UInt8>) {
        pointer = .allocate(capacity: 1)
        pointer.initialize(to: yaml_parser_t())
        _ = yaml_parser_initialize(pointer)
        // Callers handle empty input themselves; libyaml requires a non-NULL pointer and never writes to it.
        yaml_parser_set_input_string(pointer, input.baseAddress!, input.count)
    }

    deinit {
        yaml_parser_delete(pointer)
        pointer.deinitialize(count: 1)
        pointer.deallocate()
    }

    /// Parses the next event into `event`, releasing the event's previous contents first.
    ///
    /// - Returns: false when libyaml reports an error (see ``error``).
    func next(into event: LibYAMLEvent) -> Bool {
        yaml_event_delete(event.pointer)
        return yaml_parser_parse(pointer, event.pointer) == 1
    }
}

/// Owns one libyaml event; reused for every event of a parse, `deinit` frees the last one.
final class LibYAMLEvent {
    let pointer: UnsafeMutablePointer<yaml_event_t>

    init() {
        pointer = .allocate(capacity: 1)
        pointer.initialize(to: yaml_event_t())
    }

    deinit {
        yaml_event_delete(pointer)
        pointer.deinitialize(count: 1)
        pointer.deallocate()
    }
}

// MARK: - Marks

/// A libyaml position, still 0-based.
struct RawMark {
    /// Line starting from 0.
    var line: Int
    /// Column starting from 0, in Unicode scalars.
    var column: Int

    init(_ mark: yaml_mark_t) {
        line = Int(mark.line)
        column = Int(mark.column)
    }

    init(line: Int, column: Int) {
        self.line = line
        self.column = column
    }

    /// The 1-based location in `file`. This is the one place where libyaml's 0-based marks become 1-based.
    func location(in file: String) -> SourceLocation {
        SourceLocation(file: file, line: line + 1, column: column + 1)
    }
}

// MARK: - C strings

extension String {
    /// Decodes a libyaml buffer of `count` UTF-8 bytes (libyaml has already validated them).
    init(yamlBytes pointer: UnsafePointer<UInt8>?, count: Int) {
        guard let pointer, count > 0 else {
            self = ""
            return
        }
        self = String(decoding: UnsafeBufferPointer(start: pointer, count: count), as: UTF8.self)
    }

    /// Decodes a NUL-terminated libyaml string, or nil for a NULL pointer.
    init?(yamlCString pointer: UnsafePointer<UInt8>?) {
        guard let pointer else { return nil }
        self = String(cString: pointer)
    }
}
