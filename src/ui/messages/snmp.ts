// Messages for the SNMP layer and its options. Keys start with "snmp".
export const en = {
  snmpOptPort: 'SNMP UDP port (default 161; host:port works too)',
  snmpOptCommunity: 'SNMP v1/v2c community (default "public", or ECLUB_SNMP_COMMUNITY)',
  snmpOptVersion: 'SNMP version: auto (default: v2c, then v1), 1, 2c or 3',
  snmpOptUser: 'SNMPv3 user name',
  snmpOptAuthProtocol: 'SNMPv3 authentication: md5, sha, sha224, sha256, sha384, sha512',
  snmpOptAuthKeyFile: 'file holding the SNMPv3 authentication key (asked hidden when absent)',
  snmpOptPrivProtocol: 'SNMPv3 privacy: des, aes, aes256b, aes256r',
  snmpOptPrivKeyFile: 'file holding the SNMPv3 privacy key (asked hidden when absent)',
  snmpOptContext: 'SNMPv3 context name (some devices need one)',
  snmpOptTimeout: 'milliseconds to wait for each SNMP reply (default 2000)',
  snmpOptRetries: 'how many times to resend an unanswered SNMP request (default 1)',
  snmpV3NeedsUser: 'SNMPv3 needs a user name: pass --user',
  snmpV3PrivNeedsAuth: 'SNMPv3 privacy needs authentication too: pass --auth-protocol and --auth-key-file',
  snmpV3KeyTooShort: (p: { flag: string }) => `the SNMPv3 key from ${p.flag} is shorter than 8 characters; SNMPv3 needs at least 8`,
  snmpAskAuthKey: 'SNMPv3 authentication key',
  snmpAskPrivKey: 'SNMPv3 privacy key',
  snmpTimeout: (p: { host: string; port: number; versions: string; oids: string; elapsedMs: number; attempts: number; timeoutMs: number }) =>
    `no SNMP reply from ${p.host}:${p.port} after ${p.elapsedMs} ms — tried SNMP ${p.versions}, ${p.attempts} attempt(s) of ${p.timeoutMs} ms per version, asking ${p.oids}`,
  snmpTimeoutFix: (p: { port: number }) =>
    `silence can mean: SNMP is off on the device; the community (or v3 user/key) is wrong — devices drop those without a word; the device speaks another SNMP version (try --snmp-version 1); a firewall filters UDP ${p.port}. Check the SNMP settings on the device's panel, then retry with --community, --snmp-version or a longer --timeout`,
  snmpDesUnavailable: 'this Node.js (OpenSSL 3) refuses DES, which --priv-protocol des needs',
  snmpDesUnavailableFix:
    'run with NODE_OPTIONS=--openssl-legacy-provider, or set the device to AES and pass --priv-protocol aes',
  snmpRequestFailed: (p: { host: string; port: number; version: string; status: string; oid: string }) =>
    `${p.host}:${p.port} refused the SNMP ${p.version} request (${p.status}) for ${p.oid}`,
  snmpAuthFailed: (p: { host: string; port: number; reason: string }) =>
    `${p.host}:${p.port} rejected the SNMPv3 credentials: ${p.reason}`,
  snmpAuthFailedFix: 'check --user, --auth-protocol, --priv-protocol and the key files against the device\'s SNMPv3 settings',
  snmpBadResponse: (p: { host: string; port: number; version: string; reason: string }) =>
    `${p.host}:${p.port} sent an SNMP ${p.version} reply eclub cannot use (${p.reason})`,
  snmpWalkLoop: (p: { host: string; port: number; previous: string; next: string }) =>
    `${p.host}:${p.port} returned OID ${p.next} after ${p.previous} during a walk (OIDs must increase); the walk was stopped`,
  snmpWalkLoopFix: 'the device\'s SNMP agent is faulty; update its firmware, or read it with --snmp-version 1',
  snmpAndMore: (p: { n: number }) => `and ${p.n} more`,
  snmpWarnNotEclubFamily: (p: { model: string }) =>
    `${p.model} is not an iR, iRC or iR-ADV: e-Club covers those families only (read anyway)`,
  snmpWarnGatewayUnknown: 'the device exposes no default gateway over SNMP: take it from the panel (--gateway)',
  snmpWarnSerialUnknown: 'the device exposes no serial number over SNMP: take it from the panel or the label',
  snmpWarnTablesIncomplete: (p: { oid: string }) =>
    `the device's SNMP tables loop (at ${p.oid}); network, supplies and counters may be missing`,
  snmpSnmprecBadLine: (p: { file: string; line: number; reason: string }) =>
    `${p.file}, line ${p.line}: ${p.reason} (a .snmprec line is OID|TYPE|VALUE)`,
  snmpSnmprecNotThreeFields: 'expected OID|TYPE|VALUE',
  snmpSnmprecBadOid: (p: { oid: string }) => `"${p.oid}" is not an OID`,
  snmpSnmprecBadType: (p: { type: string; allowed: string }) => `unknown type "${p.type}" (allowed: ${p.allowed})`,
  snmpSnmprecBadValue: (p: { value: string; type: string }) => `"${p.value}" is not a valid value of type ${p.type}`,
  snmpSnmprecDuplicate: (p: { oid: string }) => `OID ${p.oid} appears twice`,
  snmpSendFailed: (p: { host: string; port: number; code: string }) => `cannot send SNMP to ${p.host}:${p.port} (${p.code})`,
  snmpSendFailedFix: 'check the address (an IPv4 address is safest on site) and that the laptop is on the customer\'s network',
};

export const ko: typeof en = {
  snmpOptPort: 'SNMP UDP 포트 (기본값 161, 호스트:포트 형식도 가능)',
  snmpOptCommunity: 'SNMP v1/v2c 커뮤니티 (기본값 "public", 또는 ECLUB_SNMP_COMMUNITY)',
  snmpOptVersion: 'SNMP 버전: auto (기본값: v2c 후 v1), 1, 2c, 3',
  snmpOptUser: 'SNMPv3 사용자 이름',
  snmpOptAuthProtocol: 'SNMPv3 인증 방식: md5, sha, sha224, sha256, sha384, sha512',
  snmpOptAuthKeyFile: 'SNMPv3 인증 키가 담긴 파일 (없으면 화면에 표시하지 않고 물어봄)',
  snmpOptPrivProtocol: 'SNMPv3 암호화 방식: des, aes, aes256b, aes256r',
  snmpOptPrivKeyFile: 'SNMPv3 암호화 키가 담긴 파일 (없으면 화면에 표시하지 않고 물어봄)',
  snmpOptContext: 'SNMPv3 컨텍스트 이름 (일부 기기에서 필요)',
  snmpOptTimeout: 'SNMP 응답마다 기다릴 시간(밀리초, 기본값 2000)',
  snmpOptRetries: '응답 없는 SNMP 요청을 다시 보낼 횟수 (기본값 1)',
  snmpV3NeedsUser: 'SNMPv3에는 사용자 이름이 필요합니다: --user를 지정하세요',
  snmpV3PrivNeedsAuth: 'SNMPv3 암호화에는 인증도 필요합니다: --auth-protocol과 --auth-key-file을 지정하세요',
  snmpV3KeyTooShort: (p) => `${p.flag}의 SNMPv3 키가 8자보다 짧습니다. SNMPv3 키는 8자 이상이어야 합니다`,
  snmpAskAuthKey: 'SNMPv3 인증 키',
  snmpAskPrivKey: 'SNMPv3 암호화 키',
  snmpTimeout: (p: { host: string; port: number; versions: string; oids: string; elapsedMs: number; attempts: number; timeoutMs: number }) =>
    `${p.host}:${p.port}에서 ${p.elapsedMs} ms 동안 SNMP 응답이 없습니다 — SNMP ${p.versions} 버전으로, 버전마다 ${p.timeoutMs} ms씩 ${p.attempts}회 시도했고, 요청한 OID: ${p.oids}`,
  snmpTimeoutFix: (p: { port: number }) =>
    `응답이 없는 이유: 기기에서 SNMP가 꺼져 있음; 커뮤니티(또는 v3 사용자/키)가 틀림 — 기기는 이런 요청을 조용히 버립니다; 기기가 다른 SNMP 버전만 사용함 (--snmp-version 1 시도); 방화벽이 UDP ${p.port}를 막음. 기기 패널에서 SNMP 설정을 확인한 뒤 --community, --snmp-version 또는 더 긴 --timeout으로 다시 시도하세요`,
  snmpDesUnavailable: '이 Node.js(OpenSSL 3)는 --priv-protocol des에 필요한 DES를 지원하지 않습니다',
  snmpDesUnavailableFix:
    'NODE_OPTIONS=--openssl-legacy-provider로 실행하거나, 기기를 AES로 설정하고 --priv-protocol aes를 지정하세요',
  snmpRequestFailed: (p: { host: string; port: number; version: string; status: string; oid: string }) =>
    `${p.host}:${p.port}가 SNMP ${p.version} 요청을 거부했습니다 (${p.status}): ${p.oid}`,
  snmpAuthFailed: (p: { host: string; port: number; reason: string }) =>
    `${p.host}:${p.port}가 SNMPv3 인증 정보를 거부했습니다: ${p.reason}`,
  snmpAuthFailedFix: '--user, --auth-protocol, --priv-protocol과 키 파일이 기기의 SNMPv3 설정과 같은지 확인하세요',
  snmpBadResponse: (p: { host: string; port: number; version: string; reason: string }) =>
    `${p.host}:${p.port}의 SNMP ${p.version} 응답을 사용할 수 없습니다 (${p.reason})`,
  snmpWalkLoop: (p: { host: string; port: number; previous: string; next: string }) =>
    `${p.host}:${p.port}가 워크 도중 ${p.previous} 다음에 ${p.next}를 돌려주었습니다 (OID는 증가해야 함); 워크를 중단했습니다`,
  snmpWalkLoopFix: '기기의 SNMP 에이전트에 결함이 있습니다; 펌웨어를 업데이트하거나 --snmp-version 1로 읽으세요',
  snmpAndMore: (p: { n: number }) => `외 ${p.n}개`,
  snmpWarnNotEclubFamily: (p: { model: string }) =>
    `${p.model}은(는) iR, iRC, iR-ADV가 아닙니다: e-Club은 이 제품군만 지원합니다 (일단 읽었습니다)`,
  snmpWarnGatewayUnknown: '기기가 SNMP로 기본 게이트웨이를 알려 주지 않습니다: 패널에서 확인하세요 (--gateway)',
  snmpWarnSerialUnknown: '기기가 SNMP로 기번을 알려 주지 않습니다: 패널이나 명판에서 확인하세요',
  snmpWarnTablesIncomplete: (p: { oid: string }) =>
    `기기의 SNMP 테이블이 반복됩니다 (${p.oid}); 네트워크, 소모품, 카운터 값이 빠질 수 있습니다`,
  snmpSnmprecBadLine: (p: { file: string; line: number; reason: string }) =>
    `${p.file}, ${p.line}번째 줄: ${p.reason} (.snmprec 한 줄은 OID|TYPE|VALUE 형식)`,
  snmpSnmprecNotThreeFields: 'OID|TYPE|VALUE 형식이어야 합니다',
  snmpSnmprecBadOid: (p: { oid: string }) => `"${p.oid}"은(는) OID가 아닙니다`,
  snmpSnmprecBadType: (p: { type: string; allowed: string }) => `알 수 없는 타입 "${p.type}" (허용: ${p.allowed})`,
  snmpSnmprecBadValue: (p: { value: string; type: string }) => `"${p.value}"은(는) 타입 ${p.type}의 올바른 값이 아닙니다`,
  snmpSnmprecDuplicate: (p: { oid: string }) => `OID ${p.oid}가 두 번 나옵니다`,
  snmpSendFailed: (p: { host: string; port: number; code: string }) => `${p.host}:${p.port}로 SNMP를 보낼 수 없습니다 (${p.code})`,
  snmpSendFailedFix: '주소를 확인하고(현장에서는 IPv4 주소가 가장 확실함), 노트북이 고객 네트워크에 연결되어 있는지 확인하세요',
};
