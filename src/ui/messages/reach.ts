// Messages for the reachability probes (src/checks/reach*.ts, icmp.ts) and the simulated
// network (src/sim/network.ts). Keys start with "reach". Panel paths use the manual's words.
import type { CertInfo } from '../../checks/reach.js';
import type { Lang } from '../i18n.js';
import { CONTACTS, KT_DNS_DOMAIN, KT_DNS_DOMAIN_ALTERNATIVES } from '../../domain.js';

const KT_DOMAIN_ALT = KT_DNS_DOMAIN_ALTERNATIVES.join(' / ');

type DnsErr = 'unreachable' | 'refused' | 'nxdomain' | 'nodata' | 'servfail' | 'timeout' | 'other';
type TcpErr = 'refused' | 'timeout' | 'unreachable' | 'other';
type TlsErr = 'expired' | 'not-yet-valid' | 'hostname' | 'untrusted' | 'timeout' | 'refused' | 'closed' | 'other';
type HttpErr = 'timeout' | 'tls' | 'network';
type SkewUnit = 'year' | 'day' | 'hour' | 'min' | 's';

const dnsErrEn: Record<DnsErr, (p: { ms: number; code: string }) => string> = {
  unreachable: () => 'server unreachable (nothing answers on that address and port)',
  refused: () => 'the server refused the query (REFUSED)',
  nxdomain: () => 'no such name (NXDOMAIN)',
  nodata: () => 'the name has no IPv4 address (no A record)',
  servfail: () => 'the server failed to resolve it (SERVFAIL)',
  timeout: (p) => `timed out after ${p.ms} ms`,
  other: (p) => `failed (${p.code})`,
};
const dnsErrKo: typeof dnsErrEn = {
  unreachable: () => '서버에 연결할 수 없음 (해당 주소와 포트에 응답하는 서버 없음)',
  refused: () => '서버가 질의를 거부함 (REFUSED)',
  nxdomain: () => '존재하지 않는 이름 (NXDOMAIN)',
  nodata: () => '이 이름에는 IPv4 주소(A 레코드)가 없음',
  servfail: () => '서버가 이름을 찾지 못함 (SERVFAIL)',
  timeout: (p) => `${p.ms} ms 안에 응답 없음 (시간 초과)`,
  other: (p) => `실패 (${p.code})`,
};

const skewUnitEn: Record<SkewUnit, string> = { year: 'year(s)', day: 'day(s)', hour: 'hour(s)', min: 'min', s: 's' };
const skewUnitKo: Record<SkewUnit, string> = { year: '년', day: '일', hour: '시간', min: '분', s: '초' };

export const en = {
  /** The language of this table, for panel paths from src/checks/panel.ts. */
  reachLang: 'en' as Lang,
  reachAllowedDns: 'expected IPv4 DNS servers separated by commas, each optionally with :port, like 168.126.63.1,10.0.0.2:5353',
  reachAllowedRgw: 'expected an https:// URL like https://a01.ugwdevice.net/ugw/agentif010',
  reachAllowedProxy: 'expected an http:// proxy URL like http://10.0.0.1:8080 (user:password@ allowed)',
  reachNeeds: (p: { what: string }) => `not tested: needs ${p.what}`,

  reachDnsOk: (p: { host: string; addresses: string; server: string }) => `${p.host} → ${p.addresses} (DNS ${p.server})`,
  reachDnsError: (p: { server: string; host: string; error: DnsErr; code: string; ms: number }) =>
    `DNS ${p.server}: ${dnsErrEn[p.error](p)}`,
  reachDnsNoneGiven: "the device's DNS servers are not known (give them with --dns)",
  reachDnsProxyResolves: 'the proxy resolves the UGW name, so COM-TEST does not depend on it',
  reachDnsIpLiteral: (p: { host: string }) => `not needed: RGW-ADR names the address ${p.host}`,
  reachDnsFallbackOk: (p: { host: string; server: string; addresses: string }) =>
    `fallback DNS ${p.server} answers ${p.host} → ${p.addresses}`,
  reachDnsFallbackFailed: (p: { failures: string }) => `fallback DNS fails too: ${p.failures}`,
  reachDnsFixSome: "one of the device's DNS servers does not answer: correct or remove it on the panel",
  reachDnsFixUseFallback: (p: { primary: string; secondary: string; menu: string }) =>
    `on the panel (${p.menu}) set primary DNS ${p.primary}${p.secondary ? `, secondary DNS ${p.secondary}` : ''} and DNS domain name ${KT_DNS_DOMAIN} (if that fails, ${KT_DOMAIN_ALT}) — or have the customer fix their DNS server`,
  reachDnsFixCheckRgw: (p: { host: string }) =>
    `no DNS server knows ${p.host}: check RGW-ADR on the service-mode INSTALL screen (COPIER > FUNCTION > INSTALL)`,
  reachDnsFixNoDns:
    `no DNS server answers from here: check the cable, the gateway and that the firewall lets DNS (UDP/TCP 53) out; for the device's network settings call ${CONTACTS.callCentre}`,

  reachTcpOk: (p: { address: string; port: number }) => `TCP ${p.address}:${p.port} connected`,
  reachTcpError: (p: { address: string; port: number; error: TcpErr; code: string; ms: number }) =>
    ({
      refused: `TCP ${p.address}:${p.port} refused (the connection was reset: a firewall rejects it or nothing listens)`,
      timeout: `TCP ${p.address}:${p.port}: no answer, timed out after ${p.ms} ms (filtered: a firewall drops it)`,
      unreachable: `TCP ${p.address}:${p.port}: no route to the host (${p.code})`,
      other: `TCP ${p.address}:${p.port} failed (${p.code})`,
    })[p.error],
  reachTcpFixFirewall: (p: { host: string; address: string; port: number }) =>
    `allow outbound TCP ${p.port} from the device to ${p.host} (${p.address}) on the customer's firewall`,
  reachTcpFixRoute: (p: { address: string }) =>
    `no route to ${p.address}: check the device's gateway (IPv4 settings) and the customer's router`,
  reachTcpProxyNote: 'the device goes through the proxy, so the direct path may be closed; see ugw-http',

  reachCert: (c: CertInfo) => `subject ${c.subject}; issuer ${c.issuer}; valid ${c.validFrom} – ${c.validTo}`,
  reachCertNone: 'no certificate received',
  reachTlsOk: (p: { cert: string; host: string }) => `certificate verified for ${p.host}: ${p.cert}`,
  reachTlsError: (p: { error: TlsErr; code: string; host: string; cert: string; names: string; root: string; ms: number }) =>
    ({
      expired: `the certificate has expired (${p.code}): ${p.cert}`,
      'not-yet-valid': `the certificate is not valid yet (${p.code}): ${p.cert}`,
      hostname: `the certificate is for ${p.names || '?'}, not ${p.host}: ${p.cert}`,
      untrusted: `the chain ends in "${p.root}", a root nobody trusts (${p.code}) — something on the path (a firewall or proxy) is re-signing TLS: ${p.cert}`,
      timeout: `no TLS handshake within ${p.ms} ms`,
      refused: `the TLS connection was refused (${p.code})`,
      closed: `the server closed the connection during the TLS handshake (${p.code})`,
      other: `the TLS handshake failed (${p.code}): ${p.cert}`,
    })[p.error],
  reachTlsFixExpired:
    `the UGW answers with an expired certificate: check this laptop's clock; if it is right, a device on the path serves an old certificate — report it to Canon (CS ${CONTACTS.csApproval[0]})`,
  reachTlsFixNotYetValid: "check this laptop's date and time, then retry",
  reachTlsFixHostname: (p: { host: string }) =>
    `something else answers for ${p.host}: check RGW-ADR and the DNS answer; a firewall or proxy may intercept TLS`,
  reachTlsFixResigning: (p: { host: string }) =>
    `exempt ${p.host} from TLS inspection (SSL decryption) on the customer's firewall or proxy: the device does not trust its CA`,
  reachTlsFixOther: (p: { host: string }) => `check that nothing between the device and ${p.host} intercepts TLS on this port`,

  reachHttpOk: (p: { url: string; status: number; viaProxy: boolean; proxy: string }) =>
    `HTTP ${p.status} from ${p.url}${p.viaProxy ? ` through proxy ${p.proxy}` : ''} (any HTTP answer means the UGW is reachable)`,
  reachHttpProxyAuth: (p: { proxy: string; schemes: string; sentCredentials: boolean }) =>
    `proxy ${p.proxy} answered 407: it wants authentication (offers: ${p.schemes})${p.sentCredentials ? ' and rejected the user and password given' : ''}`,
  reachHttpFixNoBasic: (p: { host: string }) =>
    `e-RDS only speaks Basic proxy authentication: the proxy must also allow Basic for the device, or exempt the device's IP (or ${p.host}) from authentication`,
  reachHttpFixGiveBasic: "enter the proxy user and password in the device's proxy settings (e-RDS uses Basic authentication)",
  reachHttpFixBadCredentials: 'check the proxy user and password: the proxy refused them',
  reachHttpProxyStatus: (p: { proxy: string; status: number; host: string; port: number }) =>
    `proxy ${p.proxy} refused CONNECT ${p.host}:${p.port} with HTTP ${p.status}`,
  reachHttpFixProxyConnect: (p: { host: string; port: number }) =>
    `the proxy must allow CONNECT to ${p.host}:${p.port} for the device`,
  reachHttpProxyDown: (p: { proxy: string; code: string }) => `proxy ${p.proxy} does not answer (${p.code})`,
  reachHttpFixProxyAddress: 'check the proxy address and port (on the device and in --proxy / HTTPS_PROXY)',
  reachHttpError: (p: { url: string; error: HttpErr; code: string; ms: number; viaProxy: boolean; proxy: string }) =>
    ({
      timeout: `no HTTP answer from ${p.url} within ${p.ms} ms`,
      tls: `TLS to ${p.url} failed (${p.code})`,
      network: `the request to ${p.url} failed (${p.code})`,
    })[p.error] + (p.viaProxy ? ` through proxy ${p.proxy}` : ''),

  reachPingOk: (p: { host: string }) => `${p.host} answers ping`,
  reachPingNoAnswer: (p: { host: string; ms: number }) =>
    `${p.host}: no ping answer within ${p.ms} ms (inconclusive: ICMP is often blocked)`,
  reachPingNoAnswerFix: (p: { id: string }): string =>
    p.id === 'gateway-icmp'
      ? "if the gateway should answer ping, check the device's gateway address (IPv4 settings)"
      : 'if the device should answer ping, check that it is on and connected to this network',
  reachPingMissing: 'not tested: the system ping program is missing',
  reachPingMissingFix: 'install ping (Linux: iputils-ping) to test ICMP',

  reachClockUnreadable: "not tested: the device's clock (hrSystemDate) could not be read",
  reachSkewNone: 'in step with',
  reachSkew: (p: { n: number; unit: SkewUnit; ahead: boolean }) =>
    `${p.n} ${skewUnitEn[p.unit]} ${p.ahead ? 'ahead of' : 'behind'}`,
  reachClockOk: (p: { device: string; laptop: string; skew: string }) => `device clock ${p.device} (${p.skew} this laptop)`,
  reachClockOff: (p: { device: string; laptop: string; skew: string }) =>
    `device clock ${p.device} is ${p.skew} this laptop (${p.laptop})`,
  reachClockFar: (p: { device: string; laptop: string; skew: string }) =>
    `device clock ${p.device} is ${p.skew} this laptop (${p.laptop}): certificate checks fail with a clock this far off`,
  reachClockOutsideCert: (p: { device: string; laptop: string; skew: string; validFrom: string; validTo: string }) =>
    `device clock ${p.device} (${p.skew} this laptop) is outside the UGW certificate's validity ${p.validFrom} – ${p.validTo}: TLS cannot succeed`,
  reachClockFix: "set the device's date, time and time zone on the panel (Settings/Registration / Additional Functions)",

  reachOptScenario: (p: { values: string }) => `also simulate the site's network with one cause of COM-TEST NG: ${p.values}`,
  reachSimScenario: (p: { scenario: string }) => `network scenario: ${p.scenario}`,
  reachSimTry: (p: { device: string; args: string }) => `try: eclub diagnose ${p.device} ${p.args} --no-input`,
  reachSimDns: (p: { dns: string }) => `DNS server (--dns): ${p.dns}`,
  reachSimRgw: (p: { url: string; port: number }) => `RGW URL (--rgw): ${p.url}  RGW port (--rgw-port): ${p.port}`,
  reachSimCa: (p: { path: string }) => `test CA (--ca-file): ${p.path}`,
  reachSimProxy: (p: { proxy: string }) => `proxy (--proxy): ${p.proxy}`,
  reachSimClock: (p: { days: number }) => `device clocks (hrSystemDate) are ${Math.abs(p.days)} days ${p.days < 0 ? 'behind' : 'ahead'}`,
  reachSimExpect: (p: { check: string }) => `expected failing check: ${p.check}`,
};

export const ko: typeof en = {
  reachLang: 'ko',
  reachAllowedDns: '쉼표로 구분한 IPv4 DNS 서버 주소 (각각 :포트 가능), 예: 168.126.63.1,10.0.0.2:5353',
  reachAllowedRgw: 'https:// URL이어야 합니다. 예: https://a01.ugwdevice.net/ugw/agentif010',
  reachAllowedProxy: 'http:// 프록시 URL이어야 합니다. 예: http://10.0.0.1:8080 (user:password@ 포함 가능)',
  reachNeeds: (p) => `점검 안 함: ${p.what} 필요`,

  reachDnsOk: (p) => `${p.host} → ${p.addresses} (DNS ${p.server})`,
  reachDnsError: (p) => `DNS ${p.server}: ${dnsErrKo[p.error](p)}`,
  reachDnsNoneGiven: '기기의 DNS 서버를 모름 (--dns로 지정)',
  reachDnsProxyResolves: 'UGW 이름은 프록시가 찾으므로 COM-TEST는 이 DNS에 달려 있지 않음',
  reachDnsIpLiteral: (p) => `필요 없음: RGW-ADR이 주소 ${p.host}를 직접 지정함`,
  reachDnsFallbackOk: (p) => `대체 DNS ${p.server}는 ${p.host} → ${p.addresses} 로 응답함`,
  reachDnsFallbackFailed: (p) => `대체 DNS도 실패: ${p.failures}`,
  reachDnsFixSome: '기기의 DNS 서버 중 하나가 응답하지 않습니다: 패널에서 고치거나 지우십시오',
  reachDnsFixUseFallback: (p) =>
    `패널(${p.menu})에서 주 DNS ${p.primary}${p.secondary ? `, 보조 DNS ${p.secondary}` : ''}, DNS 도메인 명 ${KT_DNS_DOMAIN} (실패 시 ${KT_DOMAIN_ALT})으로 설정하거나, 고객사 DNS 서버를 고치도록 하십시오`,
  reachDnsFixCheckRgw: (p) =>
    `어느 DNS 서버도 ${p.host}를 모릅니다: 서비스 모드 INSTALL 화면(COPIER > FUNCTION > INSTALL)의 RGW-ADR을 확인하십시오`,
  reachDnsFixNoDns:
    `여기서는 어떤 DNS 서버도 응답하지 않습니다: 케이블, 게이트웨이, 방화벽의 DNS(UDP/TCP 53) 허용을 확인하십시오. 기기 네트워크 설정 문의: ${CONTACTS.callCentre}`,

  reachTcpOk: (p) => `TCP ${p.address}:${p.port} 연결됨`,
  reachTcpError: (p) =>
    ({
      refused: `TCP ${p.address}:${p.port} 연결 거부 (연결이 리셋됨: 방화벽이 거부하거나 수신 대기 중인 서버 없음)`,
      timeout: `TCP ${p.address}:${p.port}: 응답 없음, ${p.ms} ms 후 시간 초과 (차단됨: 방화벽이 버림)`,
      unreachable: `TCP ${p.address}:${p.port}: 호스트로 가는 경로 없음 (${p.code})`,
      other: `TCP ${p.address}:${p.port} 실패 (${p.code})`,
    })[p.error],
  reachTcpFixFirewall: (p) => `고객사 방화벽에서 기기 → ${p.host} (${p.address}) TCP ${p.port} 아웃바운드를 허용하십시오`,
  reachTcpFixRoute: (p) => `${p.address}로 가는 경로가 없습니다: 기기의 게이트웨이(IPv4 설정)와 고객사 라우터를 확인하십시오`,
  reachTcpProxyNote: '기기는 프록시를 거치므로 직접 연결이 막혀 있을 수 있습니다. ugw-http를 보십시오',

  reachCert: (c) => `주체 ${c.subject}; 발급자 ${c.issuer}; 유효 기간 ${c.validFrom} – ${c.validTo}`,
  reachCertNone: '인증서를 받지 못함',
  reachTlsOk: (p) => `${p.host} 인증서 검증됨: ${p.cert}`,
  reachTlsError: (p) =>
    ({
      expired: `인증서가 만료됨 (${p.code}): ${p.cert}`,
      'not-yet-valid': `인증서가 아직 유효하지 않음 (${p.code}): ${p.cert}`,
      hostname: `인증서는 ${p.host}가 아니라 ${p.names || '?'}용임: ${p.cert}`,
      untrusted: `인증서 체인이 아무도 신뢰하지 않는 루트 "${p.root}"에서 끝남 (${p.code}) — 경로 중간의 무언가(방화벽이나 프록시)가 TLS를 다시 서명하고 있음: ${p.cert}`,
      timeout: `${p.ms} ms 안에 TLS 핸드셰이크 없음`,
      refused: `TLS 연결이 거부됨 (${p.code})`,
      closed: `TLS 핸드셰이크 중에 서버가 연결을 끊음 (${p.code})`,
      other: `TLS 핸드셰이크 실패 (${p.code}): ${p.cert}`,
    })[p.error],
  reachTlsFixExpired:
    `UGW가 만료된 인증서로 응답합니다: 이 노트북의 시계를 확인하고, 맞다면 경로 중간의 장비가 오래된 인증서를 내보내는 것이니 캐논(CS ${CONTACTS.csApproval[0]})에 알리십시오`,
  reachTlsFixNotYetValid: '이 노트북의 날짜와 시간을 확인한 뒤 다시 시도하십시오',
  reachTlsFixHostname: (p) =>
    `${p.host} 대신 다른 서버가 응답합니다: RGW-ADR과 DNS 응답을 확인하십시오. 방화벽이나 프록시가 TLS를 가로챌 수 있습니다`,
  reachTlsFixResigning: (p) =>
    `고객사 방화벽이나 프록시의 TLS 검사(SSL 복호화) 대상에서 ${p.host}를 제외하십시오: 기기는 그 CA를 신뢰하지 않습니다`,
  reachTlsFixOther: (p) => `기기와 ${p.host} 사이에서 이 포트의 TLS를 가로채는 장비가 없는지 확인하십시오`,

  reachHttpOk: (p) =>
    `${p.url}에서 HTTP ${p.status}${p.viaProxy ? ` (프록시 ${p.proxy} 경유)` : ''} (HTTP 응답이 있으면 UGW에 도달 가능)`,
  reachHttpProxyAuth: (p) =>
    `프록시 ${p.proxy}가 407로 응답: 인증을 요구함 (제공 방식: ${p.schemes})${p.sentCredentials ? ', 입력한 사용자와 암호를 거부함' : ''}`,
  reachHttpFixNoBasic: (p) =>
    `e-RDS는 Basic 프록시 인증만 지원합니다: 프록시가 기기에 Basic도 허용하거나, 기기 IP(또는 ${p.host})를 인증에서 제외해야 합니다`,
  reachHttpFixGiveBasic: '기기의 프록시 설정에 프록시 사용자와 암호를 입력하십시오 (e-RDS는 Basic 인증 사용)',
  reachHttpFixBadCredentials: '프록시 사용자와 암호를 확인하십시오: 프록시가 거부했습니다',
  reachHttpProxyStatus: (p) => `프록시 ${p.proxy}가 CONNECT ${p.host}:${p.port}를 HTTP ${p.status}로 거부함`,
  reachHttpFixProxyConnect: (p) => `프록시가 기기의 ${p.host}:${p.port} CONNECT를 허용해야 합니다`,
  reachHttpProxyDown: (p) => `프록시 ${p.proxy}가 응답하지 않음 (${p.code})`,
  reachHttpFixProxyAddress: '프록시 주소와 포트를 확인하십시오 (기기 설정, --proxy / HTTPS_PROXY)',
  reachHttpError: (p) =>
    ({
      timeout: `${p.ms} ms 안에 ${p.url}에서 HTTP 응답 없음`,
      tls: `${p.url} TLS 실패 (${p.code})`,
      network: `${p.url} 요청 실패 (${p.code})`,
    })[p.error] + (p.viaProxy ? ` (프록시 ${p.proxy} 경유)` : ''),

  reachPingOk: (p) => `${p.host} ping 응답함`,
  reachPingNoAnswer: (p) => `${p.host}: ${p.ms} ms 안에 ping 응답 없음 (판단 불가: ICMP는 자주 차단됨)`,
  reachPingNoAnswerFix: (p) =>
    p.id === 'gateway-icmp'
      ? '게이트웨이가 ping에 응답해야 한다면 기기의 게이트웨이 주소(IPv4 설정)를 확인하십시오'
      : '기기가 ping에 응답해야 한다면 전원과 이 네트워크 연결을 확인하십시오',
  reachPingMissing: '점검 안 함: 시스템에 ping 프로그램이 없음',
  reachPingMissingFix: 'ICMP를 점검하려면 ping을 설치하십시오 (Linux: iputils-ping)',

  reachClockUnreadable: '점검 안 함: 기기 시계(hrSystemDate)를 읽을 수 없음',
  reachSkewNone: '1초 미만 차이',
  reachSkew: (p) => `${p.n}${skewUnitKo[p.unit]} ${p.ahead ? '빠름' : '느림'}`,
  reachClockOk: (p) => `기기 시계 ${p.device} (이 노트북보다 ${p.skew})`,
  reachClockOff: (p) => `기기 시계 ${p.device}가 이 노트북(${p.laptop})보다 ${p.skew}`,
  reachClockFar: (p) =>
    `기기 시계 ${p.device}가 이 노트북(${p.laptop})보다 ${p.skew}: 시계가 이만큼 틀리면 인증서 검사가 실패합니다`,
  reachClockOutsideCert: (p) =>
    `기기 시계 ${p.device} (${p.skew})가 UGW 인증서 유효 기간 ${p.validFrom} – ${p.validTo} 밖에 있음: TLS가 성공할 수 없음`,
  reachClockFix: '패널(설정/등록 또는 사용자모드)에서 기기의 날짜, 시간, 시간대를 맞추십시오',

  reachOptScenario: (p) => `COM-TEST NG 원인 하나를 넣은 현장 네트워크도 함께 시뮬레이션: ${p.values}`,
  reachSimScenario: (p) => `네트워크 시나리오: ${p.scenario}`,
  reachSimTry: (p) => `예: eclub diagnose ${p.device} ${p.args} --no-input`,
  reachSimDns: (p) => `DNS 서버 (--dns): ${p.dns}`,
  reachSimRgw: (p) => `RGW URL (--rgw): ${p.url}  RGW 포트 (--rgw-port): ${p.port}`,
  reachSimCa: (p) => `테스트 CA (--ca-file): ${p.path}`,
  reachSimProxy: (p) => `프록시 (--proxy): ${p.proxy}`,
  reachSimClock: (p) => `기기 시계(hrSystemDate)가 ${Math.abs(p.days)}일 ${p.days < 0 ? '느림' : '빠름'}`,
  reachSimExpect: (p) => `실패해야 할 점검: ${p.check}`,
};
