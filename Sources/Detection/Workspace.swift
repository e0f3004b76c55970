import Foundation

/// The storage one text that passes the prefilter is read into — normalized bytes and
/// their offset map, tokens, clause bounds, candidates — kept from one text to the
/// next. A text that passes used to allocate and free a dozen arrays (about a tenth of
/// its instructions went to `malloc`, `free` and reference counts); now their storage
/// is reused and only grows.
///
/// Used by one thread at a time: taken from the detector's `WorkspacePool`, given back
/// when the text's findings are made.
final class Workspace: @unchecked Sendable {
    var normalized = NormalizedText(bytes: [], sourceStart: [], sourceEnd: [])
    var indexStorage = TextIndex.Storage()
    var candidates: [Candidate] = []
}

/// Workspaces of a detector, one per thread that uses it at the same time (a lock
/// taken twice per text that passes; uncontended, it costs far less than the
/// allocations it saves). `NSLock`, not the standard library's `Mutex`: that needs
/// macOS 15, the package supports 13.
final class WorkspacePool: @unchecked Sendable {
    private let lock = NSLock()
    /// Guarded by `lock`.
    private var free: [Workspace] = []
    /// A text longer than this gives its workspace back to no pool: one long message
    /// must not keep megabytes alive for the rest of the run.
    static let keptBytes = 1 << 16

    func take() -> Workspace {
        lock.lock()
        let w = free.popLast()
        lock.unlock()
        return w ?? Workspace()
    }

    func give(_ workspace: Workspace, textBytes: Int) {
        guard textBytes <= Self.keptBytes else { return }
        lock.lock()
        free.append(workspace)
        lock.unlock()
    }
}
