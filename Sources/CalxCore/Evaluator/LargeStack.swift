// Interpretation runs on a thread with a large stack, so that deep recursion in
// a Calx program meets "recursion too deep" long before Swift's stack runs out.

import Foundation

public enum LargeStack {
    /// 4 GiB of address space; only the pages a program touches become resident. Besides
    /// deep calls, it bounds how deeply nested a value can be before freeing it recurses too far
    /// (a million levels of `x = [x]` are freed safely even in a debug build).
    public static let size = 4 << 30

    /// Runs `body` on a large stack: here, if this thread is one of ours, else on a new thread.
    public static func ensure<T>(_ body: @escaping () -> T) -> T {
        Thread.current.threadDictionary[marker] != nil ? body() : run(body)
    }

    private static let marker = "calx.largeStack"

    /// Runs `body` on a new thread with a large stack and waits for its result.
    public static func run<T>(_ body: @escaping () -> T) -> T {
        var result: T?
        let box = StackTask()
        box.body = {
            Thread.current.threadDictionary[marker] = true
            result = body()
        }
        var attributes = pthread_attr_t()
        pthread_attr_init(&attributes)
        defer { pthread_attr_destroy(&attributes) }
        pthread_attr_setstacksize(&attributes, size)
        var thread = pthread_t()
        let context = Unmanaged.passRetained(box).toOpaque()
        let created = pthread_create(&thread, &attributes, { context in
            guard let context else { return nil }
            Unmanaged<StackTask>.fromOpaque(context).takeRetainedValue().body?()
            return nil
        }, context)
        if created != 0 {
            Unmanaged<StackTask>.fromOpaque(context).release()
            return body()
        }
        // While waiting, block SIGINT here so that Ctrl-C reaches the thread running
        // the program (it interrupts that thread's terminal read in the REPL).
        var interrupt = sigset_t(), previous = sigset_t()
        sigemptyset(&interrupt)
        sigaddset(&interrupt, SIGINT)
        pthread_sigmask(SIG_BLOCK, &interrupt, &previous)
        pthread_join(thread, nil)
        pthread_sigmask(SIG_SETMASK, &previous, nil)
        return result ?? body()
    }
}

private final class StackTask {
    var body: (() -> Void)?
}
