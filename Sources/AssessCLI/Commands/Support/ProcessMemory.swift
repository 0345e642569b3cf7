#if canImport(Glibc)
    import Glibc

    /// glibc's `malloc_trim`, which Swift's Glibc module does not export.
    @_silgen_name("malloc_trim")
    private func mallocTrim(_ pad: Int) -> Int32
#endif

/// Memory housekeeping between the phases of a large run.
enum ProcessMemory {
    /// Gives memory that was freed but is still mapped back to the system.
    ///
    /// `compare` over a large programme frees many small blocks between phases (the scored rounds after the view is
    /// built); glibc keeps those pages resident, so without this the next phase's memory stacks on top of them.
    static func returnFreedPages() {
        #if canImport(Glibc)
            _ = mallocTrim(0)
        #endif
    }
}
