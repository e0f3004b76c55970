import Foundation

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A child process of `bench`, started with posix_spawn and reaped with wait4:
/// Foundation's `Process` gives no resource usage of the child, and the peak
/// resident memory of `analyze` is one of the figures the bench owes.
struct BenchChild {
    /// How a child ended, with what the kernel counted for it alone.
    struct Ending {
        var exitCode: Int32?
        var signal: Int32?
        /// `ru_maxrss`: the child's peak resident set, in bytes.
        var peakResidentBytes: Int64
        var cpuSeconds: Double
    }

    let pid: pid_t

    /// Starts `executable` with `arguments`; standard input is /dev/null, standard
    /// output goes to `standardOutput` and standard error to `standardError` (paths).
    static func start(_ executable: String, _ arguments: [String],
                      standardOutput: String = "/dev/null", standardError: String = "/dev/null") throws -> BenchChild {
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, standardOutput, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        posix_spawn_file_actions_addopen(&actions, 2, standardError, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        let argv: [UnsafeMutablePointer<CChar>?] = ([executable] + arguments).map { strdup($0) } + [nil]
        defer { argv.forEach { free($0) } }
        var pid: pid_t = 0
        let rc = posix_spawn(&pid, executable, &actions, nil, argv, environ)
        guard rc == 0 else {
            throw BenchFailure("cannot start \(executable): \(String(cString: strerror(rc)))")
        }
        return BenchChild(pid: pid)
    }

    /// Waits for this child to end.
    func wait() throws -> Ending {
        var status: Int32 = 0
        var usage = rusage()
        while wait4(pid, &status, 0, &usage) < 0 {
            if errno != EINTR { throw BenchFailure("waiting for process \(pid): \(String(cString: strerror(errno)))") }
        }
        return Self.ending(status, usage)
    }

    /// Waits for whichever child of this process ends first.
    static func waitForAny() throws -> (pid: pid_t, ending: Ending) {
        var status: Int32 = 0
        var usage = rusage()
        while true {
            let pid = wait4(-1, &status, 0, &usage)
            if pid > 0 { return (pid, ending(status, usage)) }
            if errno != EINTR { throw BenchFailure("waiting for a child process: \(String(cString: strerror(errno)))") }
        }
    }

    /// The wait status decoded by hand: the W* macros are not visible from Swift.
    static func ending(_ status: Int32, _ usage: rusage) -> Ending {
        let signal = status & 0x7F
        func seconds(_ t: timeval) -> Double { Double(t.tv_sec) + Double(t.tv_usec) / 1e6 }
        #if os(Linux)
        let rssBytes = Int64(usage.ru_maxrss) * 1024   // kilobytes on Linux
        #else
        let rssBytes = Int64(usage.ru_maxrss)          // bytes on macOS
        #endif
        return Ending(exitCode: signal == 0 ? (status >> 8) & 0xFF : nil, signal: signal == 0 ? nil : signal,
                      peakResidentBytes: rssBytes, cpuSeconds: seconds(usage.ru_utime) + seconds(usage.ru_stime))
    }
}

/// Why a bench could not be completed (printed, exit status 1).
struct BenchFailure: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}

/// CPU seconds this thread has used: beside the wall time, it shows how much of
/// a stage's time went to other work on a shared machine.
func threadCPUSeconds() -> Double {
    var t = timespec()
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &t)
    return Double(t.tv_sec) + Double(t.tv_nsec) / 1e9
}

/// Seconds on a clock that only goes forward.
func monotonicSeconds() -> Double {
    var t = timespec()
    clock_gettime(CLOCK_MONOTONIC, &t)
    return Double(t.tv_sec) + Double(t.tv_nsec) / 1e9
}
