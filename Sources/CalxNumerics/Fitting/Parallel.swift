// Work spread over the machine's cores. Each result lands at its input's index, so
// the outcome is the same whatever the number of threads.

import Dispatch
import Foundation

enum Parallel {
    /// The threads to use: every active core, or `CALX_THREADS` where it is set.
    static let threads: Int = {
        if let text = ProcessInfo.processInfo.environment["CALX_THREADS"], let n = Int(text), n >= 1 { return n }
        return max(1, ProcessInfo.processInfo.activeProcessorCount)
    }()

    /// `transform(index, worker)` for every index in 0..<count; worker 0 is the one to report progress.
    static func map<T>(_ count: Int, _ transform: (_ index: Int, _ worker: Int) -> T?) -> [T?] {
        let results = UnsafeMutableBufferPointer<T?>.allocate(capacity: count)
        results.initialize(repeating: nil)
        defer { results.deallocate() }
        let workers = max(1, min(threads, count))
        DispatchQueue.concurrentPerform(iterations: workers) { worker in
            for index in stride(from: worker, to: count, by: workers) { results[index] = transform(index, worker) }
        }
        return Array(results)
    }
}
