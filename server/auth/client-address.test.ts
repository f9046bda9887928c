import { describe, expect, it } from "vitest";
import { CLIENT_ADDRESS_HEADER, PEER_ADDRESS_HEADER, parseTrustProxy, resolveClientAddress, withClientAddress } from "./client-address";

describe("the client address: the socket's, unless TRUST_PROXY names the peer", () => {
  it("without TRUST_PROXY, X-Forwarded-For is ignored: the socket peer is the client", () => {
    expect(resolveClientAddress("203.0.113.9", "198.51.100.1", null)).toBe("203.0.113.9");
    expect(resolveClientAddress("::ffff:203.0.113.9", null, null)).toBe("203.0.113.9");
  });

  it("a peer that TRUST_PROXY does not name is the client, whatever it forwards", () => {
    const trusted = parseTrustProxy("10.0.0.0/8");
    expect(resolveClientAddress("203.0.113.9", "198.51.100.1", trusted)).toBe("203.0.113.9");
  });

  it("behind a trusted proxy, the right-most address the proxies did not add is the client", () => {
    const trusted = parseTrustProxy("127.0.0.1, 10.0.0.0/8");
    // The client wrote "192.0.2.66" itself; its proxy appended the address it saw; an inner proxy appended its own.
    expect(resolveClientAddress("127.0.0.1", "192.0.2.66, 198.51.100.7, 10.1.2.3", trusted)).toBe("198.51.100.7");
    expect(resolveClientAddress("127.0.0.1", null, trusted)).toBe("127.0.0.1");
    expect(resolveClientAddress("127.0.0.1", "not-an-address", trusted)).toBeNull();
  });

  it("no socket address (not served by serve.mjs) means unknown: every client shares one bucket", () => {
    expect(resolveClientAddress(null, "198.51.100.1", null)).toBeNull();
    const request = new Request("http://localhost/api/auth/sign-in/email", {
      method: "POST",
      headers: { [PEER_ADDRESS_HEADER]: "198.51.100.1", [CLIENT_ADDRESS_HEADER]: "198.51.100.2", "x-forwarded-for": "198.51.100.3" },
      body: "{}",
    });
    expect(withClientAddress(request, { peerFromSocket: false, trustProxy: null }).headers.get(CLIENT_ADDRESS_HEADER)).toBeNull();
  });

  it("a client cannot set the address header itself; the body is passed on", async () => {
    const request = new Request("http://localhost/api/auth/sign-in/email", {
      method: "POST",
      headers: { [PEER_ADDRESS_HEADER]: "203.0.113.5", [CLIENT_ADDRESS_HEADER]: "198.51.100.2" },
      body: JSON.stringify({ email: "a@example.test" }),
    });
    const passed = withClientAddress(request, { peerFromSocket: true, trustProxy: null });
    expect(passed.headers.get(CLIENT_ADDRESS_HEADER)).toBe("203.0.113.5");
    expect(await passed.json()).toEqual({ email: "a@example.test" });
  });

  it("TRUST_PROXY refuses an entry that is not an address or a CIDR range", () => {
    expect(() => parseTrustProxy("proxy.internal")).toThrow(/TRUST_PROXY/);
    expect(() => parseTrustProxy("10.0.0.0/33")).toThrow(/TRUST_PROXY/);
    expect(parseTrustProxy(" ")).toBeNull();
  });
});
