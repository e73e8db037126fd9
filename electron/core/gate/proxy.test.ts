import { describe, expect, it } from 'vitest';
import { bypassesProxy, proxyFor, proxyFromPacResult, redactProxy } from './proxy.js';

const gate = new URL('https://api.gateio.ws/api/v4/wallet/total_balance');
const plain = new URL('http://127.0.0.1:8080/api/v4');

describe('proxy selection (curl rules)', () => {
  it('uses HTTPS_PROXY for https; plain http (loopback only) never goes through any proxy', () => {
    const env = { HTTPS_PROXY: 'http://secure:3128', HTTP_PROXY: 'http://plain:3128', ALL_PROXY: 'http://all:3128' };
    expect(proxyFor(gate, env)).toBe('http://secure:3128');
    expect(proxyFor(plain, env)).toBeNull();
    for (const host of ['localhost', '[::1]', '127.1.2.3']) expect(proxyFor(new URL(`http://${host}:8080/api/v4`), env), host).toBeNull();
    expect(proxyFor(new URL('http://example.test/api/v4'), env)).toBeNull();
  });

  it('prefers the lower-case variable, falls back to ALL_PROXY, and ignores blanks', () => {
    expect(proxyFor(gate, { https_proxy: 'http://lower:1', HTTPS_PROXY: 'http://upper:1' })).toBe('http://lower:1');
    expect(proxyFor(gate, { https_proxy: '  ', HTTPS_PROXY: 'http://upper:1' })).toBe('http://upper:1');
    expect(proxyFor(gate, { ALL_PROXY: 'http://all:1' })).toBe('http://all:1');
    expect(proxyFor(gate, { HTTP_PROXY: 'http://plain:1' })).toBeNull();
    expect(proxyFor(gate, {})).toBeNull();
  });

  it('honours NO_PROXY: exact hosts, domain suffixes, leading dots, *, ports and IPv4 CIDR', () => {
    expect(bypassesProxy('api.gateio.ws', '443', 'gateio.ws')).toBe(true);
    expect(bypassesProxy('api.gateio.ws', '443', '.gateio.ws')).toBe(true);
    expect(bypassesProxy('api.gateio.ws', '443', '*.gateio.ws')).toBe(true);
    expect(bypassesProxy('api.gateio.ws', '443', 'io.ws')).toBe(false); // not on a dot boundary
    expect(bypassesProxy('notgateio.ws', '443', 'gateio.ws')).toBe(false);
    expect(bypassesProxy('api.gateio.ws', '443', 'example.com, *')).toBe(true);
    expect(bypassesProxy('127.0.0.1', '8080', 'localhost,127.0.0.1')).toBe(true);
    expect(bypassesProxy('127.0.0.1', '8080', '127.0.0.1:9090')).toBe(false);
    expect(bypassesProxy('127.0.0.1', '9090', '127.0.0.1:9090')).toBe(true);
    expect(bypassesProxy('10.1.2.3', '443', '10.0.0.0/8')).toBe(true);
    expect(bypassesProxy('11.1.2.3', '443', '10.0.0.0/8')).toBe(false);
    expect(bypassesProxy('::1', '443', '::1')).toBe(true);
    expect(bypassesProxy('API.GATEIO.WS', '443', 'gateio.ws')).toBe(true);
    expect(bypassesProxy('api.gateio.ws', '443', '')).toBe(false);
    expect(bypassesProxy('api.gateio.ws', '443', undefined)).toBe(false);
  });

  it('matches an IP address only exactly or by CIDR, never as a text suffix', () => {
    expect(bypassesProxy('127.0.0.1', '443', '.0.0.1')).toBe(false);
    expect(bypassesProxy('127.0.0.1', '443', '0.1')).toBe(false);
    expect(bypassesProxy('127.0.0.1', '443', '*.0.1')).toBe(false);
    expect(bypassesProxy('10.20.30.40', '443', '.30.40')).toBe(false);
    expect(bypassesProxy('::1', '443', '.1')).toBe(false);
    expect(bypassesProxy('127.0.0.1', '443', '127.0.0.0/8')).toBe(true);
    // Names keep curl's suffix rule, including names that look numeric at the end.
    expect(bypassesProxy('1.2.3.4.nip.io', '443', 'nip.io')).toBe(true);
  });

  it('applies NO_PROXY (either case) when picking', () => {
    expect(proxyFor(gate, { HTTPS_PROXY: 'http://p:1', NO_PROXY: '.gateio.ws' })).toBeNull();
    expect(proxyFor(gate, { HTTPS_PROXY: 'http://p:1', no_proxy: 'other.com' })).toBe('http://p:1');
  });

  it('redacts proxy credentials for messages', () => {
    expect(redactProxy('http://user:pa55@proxy.corp:3128')).toBe('http://proxy.corp:3128');
    expect(redactProxy('proxy.corp:3128')).toBe('http://proxy.corp:3128');
    expect(redactProxy('http://[bad')).toBe('the configured proxy');
  });
});

describe('proxyFromPacResult', () => {
  it("reads the first entry of Chromium's answer as a URL, DIRECT as none", () => {
    expect(proxyFromPacResult('DIRECT')).toBeNull();
    expect(proxyFromPacResult('PROXY corp.example:3128; DIRECT')).toBe('http://corp.example:3128');
    expect(proxyFromPacResult('HTTPS secure.example:443')).toBe('https://secure.example:443');
    expect(proxyFromPacResult('SOCKS5 127.0.0.1:1080')).toBe('socks5://127.0.0.1:1080');
    expect(proxyFromPacResult('')).toBeNull();
    expect(proxyFromPacResult('QUIC odd:1')).toBeNull();
  });
});
