import Testing
@testable import VigilMaintenance

/// Who the audit log names: the account by uid, the SSH client's address or nothing forged.
@Suite struct SessionIdentityTests {
    @Test func theAccountIsFoundByItsUid() {
        let passwd = Array("root:x:0:0:root:/root:/bin/sh\ntechnician:x:1001:1001::/home/technician:/usr/bin/vigil-shell\n".utf8)
        #expect(SessionIdentity.accountName(uid: 1001, passwd: passwd) == "technician")
        #expect(SessionIdentity.accountName(uid: 0, passwd: passwd) == "root")
        #expect(SessionIdentity.accountName(uid: 5, passwd: passwd) == nil)
    }

    @Test func theClientAddressIsTakenOnlyWhenItLooksLikeOne() {
        #expect(SessionIdentity.sshClientAddress("192.0.2.7 50022 22") == "192.0.2.7")
        #expect(SessionIdentity.sshClientAddress("2001:db8::7 50022 22") == "2001:db8::7")
        #expect(SessionIdentity.sshClientAddress("x\" -> ok 1 2") == nil)
        #expect(SessionIdentity.sshClientAddress(nil) == nil)
        #expect(SessionIdentity.sshClientAddress("") == nil)
    }
}
