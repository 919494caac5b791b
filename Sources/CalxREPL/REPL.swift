import Calx
public final class REPL {
    let session: Session
    public init(session: Session) { self.session = session }
    public func run() -> Int32 { 0 }
}
