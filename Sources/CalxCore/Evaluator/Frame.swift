// A function call's local slots, in one allocation. The resolver has already
// turned every local name into a slot number, so no lookup happens by name.

struct FrameHeader {
    /// The enclosing function's frame; while the frame is free, the next free frame.
    var parent: Frame?
    let count: Int
}

final class Frame: ManagedBuffer<FrameHeader, Value> {
    static func make(count: Int, parent: Frame?) -> Frame {
        let buffer = Frame.create(minimumCapacity: count) { _ in FrameHeader(parent: parent, count: count) }
        let frame = unsafeDowncast(buffer, to: Frame.self)
        frame.withUnsafeMutablePointerToElements { elements in
            for index in 0..<count { (elements + index).initialize(to: .undefined) }
        }
        return frame
    }

    deinit {
        // Element by element: the specialised destroy is much cheaper than the generic
        // array destroy that `deinitialize(count:)` calls, and frames die on every return.
        _ = withUnsafeMutablePointers { header, elements in
            for index in 0..<header.pointee.count { (elements + index).deinitialize(count: 1) }
        }
    }

    var parent: Frame? { header.parent }

    @inline(__always)
    subscript(slot: Int) -> Value {
        get { withUnsafeMutablePointerToElements { $0[slot] } }
        set { withUnsafeMutablePointerToElements { $0[slot] = newValue } }
    }

    /// The frame `depth` levels out (0 is this one).
    @inline(__always)
    func ancestor(_ depth: Int) -> Frame {
        var frame = self
        for _ in 0..<depth { frame = frame.header.parent ?? frame }
        return frame
    }
}


/// Frames of finished calls, ready for reuse: most calls create no closure, so
/// their frame is unshared when they return, and reusing it saves an allocation
/// and a free on every call. Free frames of each size form a list linked through
/// their `parent` field.
final class FramePool {
    static let largestPooled = 16
    private let heads = UnsafeMutablePointer<Frame?>.allocate(capacity: largestPooled + 1)

    init() { heads.initialize(repeating: nil, count: FramePool.largestPooled + 1) }

    deinit {
        heads.deinitialize(count: FramePool.largestPooled + 1)
        heads.deallocate()
    }

    @inline(__always)
    func make(count: Int, parent: Frame?) -> Frame {
        guard count <= FramePool.largestPooled, let frame = heads[count] else { return Frame.make(count: count, parent: parent) }
        frame.withUnsafeMutablePointerToHeader { header in
            heads[count] = header.pointee.parent
            header.pointee.parent = parent
        }
        return frame
    }

    /// Takes back the frame of a finished call if nothing else (a closure) holds it.
    @inline(__always)
    func recycle(_ frame: inout Frame) {
        guard isKnownUniquelyReferenced(&frame) else { return }
        frame.withUnsafeMutablePointers { header, elements in
            let count = header.pointee.count
            guard count <= FramePool.largestPooled else { return }
            for index in 0..<count { elements[index] = .undefined }
            header.pointee.parent = heads[count]
            heads[count] = frame
        }
    }
}
