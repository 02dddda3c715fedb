// Messages for the discover area (discover, and batch work over many devices).
// Keys start with "discover" so areas never collide.
export const en = {
  discoverDescription: 'find Canon devices on the LAN over SNMP (default: this laptop\'s own IPv4 subnets)',
  discoverArgTargets: 'subnets (a.b.c.d/nn), addresses (a.b.c.d) or ranges (a.b.c.d-e); default: the local subnets',
  discoverOptConcurrency: 'how many addresses to probe at once (1-1024)',
  discoverOptForce: `probe more than 65536 addresses (a /16)`,
  discoverOptBroadcast: 'ask each local subnet with one broadcast GET, as Canon\'s installer does (v1/v2c)',
  discoverOptLoopback: 'include loopback subnets when scanning the local subnets',
  discoverOptCsv: 'print CSV (host,vendor,model,family,serial,mac) instead of a table',
  discoverOptSave: 'read every device found in full and record it, as setup would (without the engineer\'s answers)',
  discoverOptCanonOnly: 'list Canon devices only',
  discoverAllowedConcurrency: 'expected a whole number from 1 to 1024',
  discoverHelpAfter: 'With --snmp-version auto, discover probes with v1: every Canon device answers v1, some drop v2c silently.',
  discoverBadTarget: (p: { target: string }) =>
    `"${p.target}" is not a target: expected a subnet a.b.c.d/nn, an address a.b.c.d, or a range a.b.c.d-e or a.b.c.d-w.x.y.z`,
  discoverTooMany: (p: { ranges: string; count: number; max: number }) =>
    `${p.ranges} is ${p.count} addresses, more than ${p.max} (a /16)`,
  discoverTooManyFix: 'name a smaller subnet (a /24 is a typical office), or add --force',
  discoverNoSubnets: 'this computer has no IPv4 subnet to scan (only loopback, or no network)',
  discoverNoSubnetsFix: 'connect to the customer\'s network, or name a subnet: eclub discover 192.168.0.0/24',
  discoverV3Broadcast: '--broadcast works with SNMP v1/v2c only: v3 asks each device for its engine first',
  discoverBroadcastNeedsSubnet: '--broadcast needs a subnet (a.b.c.d/nn) or the local subnets',
  discoverScanning: (p: { count: number }) => `probing ${p.count} addresses`,
  discoverBroadcasting: (p: { addresses: string }) => `asking by broadcast: ${p.addresses}`,
  discoverBroadcastFailed: (p: { address: string; reason: string }) =>
    `could not broadcast to ${p.address} (${p.reason}): this network or computer blocks it; scan the subnet without --broadcast`,
  discoverProgress: (p: { done: number; total: number; found: number }) => `${p.done}/${p.total} probed, ${p.found} found`,
  discoverSummary: (p: { found: number; scanned: number; unreadable: number }) =>
    `${p.found} device(s) found among ${p.scanned} address(es)` + (p.unreadable ? `, ${p.unreadable} unreadable` : ''),
  discoverNone: 'no SNMP device answered',
  discoverNoneFix: 'check the community (--community), that SNMP is enabled on the device, and that this laptop is on the same subnet',
  discoverColHost: 'host',
  discoverColVendor: 'vendor',
  discoverColModel: 'model',
  discoverColFamily: 'family',
  discoverColSerial: 'serial',
  discoverColMac: 'MAC',
  discoverUnreadable: (p: { host: string; reason: string }) => `${p.host}: answered, but not readable (${p.reason})`,
  discoverSaved: (p: { count: number; dir: string }) => `${p.count} device record(s) saved in ${p.dir}`,
  discoverSaveFailed: (p: { host: string; reason: string }) => `${p.host}: could not be read in full, not saved (${p.reason})`,
  discoverOptFleet: 'start N devices on 127.0.0.2 … 127.0.0.(N+1), all on one port (--port, default 16100), to try discover and batch work',
  discoverAllowedFleet: 'expected a whole number from 1 to 250',
  discoverFleetHint: (p: { port: number }) => `try: eclub discover 127.0.0.0/24 --port ${p.port} — press Ctrl-C to stop`,
  discoverFleetDiagnoseHint: (p: { port: number; args: string }) =>
    `then: eclub discover 127.0.0.0/24 --port ${p.port} --json > fleet.json && eclub diagnose --from fleet.json --port ${p.port} ${p.args}`,

  // Batch work: setup --from, diagnose --from / --all.
  discoverBatchOptFrom: 'work on every device in a list: CSV (host[,port][,snmp-version]) or JSON (also discover --json output)',
  discoverBatchOptAll: 'work on every recorded device',
  discoverBatchOptConcurrency: 'how many devices at once (1-64)',
  discoverBatchAllowedConcurrency: 'expected a whole number from 1 to 64',
  discoverBatchBadRow: (p: { where: string; field: string; value: string }) =>
    `${p.where}: invalid ${p.field} "${p.value}"`,
  discoverBatchBadJson: (p: { file: string; reason: string }) => `${p.file} is not a device list: ${p.reason}`,
  discoverBatchEmptyList: (p: { file: string }) => `${p.file} lists no device`,
  discoverBatchSecretColumn: (p: { where: string; column: string }) =>
    `${p.where}: the column "${p.column}" would keep a secret in a file; lists hold host, port and snmp-version only`,
  discoverBatchListFix:
    'a list is CSV with a header "host,port,snmp-version" (port and snmp-version optional), or JSON [{"host": "10.0.0.5"}]; the community comes from --community or ECLUB_SNMP_COMMUNITY',
  discoverBatchOptReportDir: 'write a support bundle per device into this folder (redacted as diagnose --report is)',
  discoverBatchDiagnoseOneDevice: '--serial, --resume and --report work on one device; with --from/--all use --report-dir',
  discoverBatchNoRecords: 'no device is recorded yet',
  discoverBatchNoRecordsFix: 'record devices with eclub setup <host> or eclub discover --save',
  discoverBatchFromAndHost: 'give either a host or --from/--all, not both',
  discoverBatchNeedHost: (p: { command: string }) => `give a host (eclub ${p.command} 10.0.0.5) or a device list (--from devices.csv)`,
  discoverBatchColResult: 'result',
  discoverBatchColCause: 'cause',
  discoverBatchColFix: 'fix',
  discoverBatchSummary: (p: { total: number; ok: number; worst: number }) =>
    `${p.total} device(s): ${p.ok} ok; exit code ${p.worst} (the worst device's)`,
  discoverBatchProgress: (p: { done: number; total: number }) => `${p.done}/${p.total} devices done`,
  discoverBatchResult: (p: { code: number }) =>
    ({ 0: 'ok', 1: 'check failed', 2: 'bad input', 3: 'unreachable', 4: 'queued', 5: 'rejected', 6: 'UGW unreachable', 7: 'login failed', 130: 'cancelled' } as Record<number, string>)[p.code] ??
    `exit ${p.code}`,
  discoverBatchReports: (p: { count: number; first: string }) => `${p.count} per-device report(s), e.g. ${p.first}`,
};

export const ko: typeof en = {
  discoverDescription: 'SNMP로 LAN의 캐논 기기를 찾습니다 (기본: 이 노트북의 IPv4 서브넷)',
  discoverArgTargets: '서브넷(a.b.c.d/nn), 주소(a.b.c.d) 또는 범위(a.b.c.d-e); 기본: 로컬 서브넷',
  discoverOptConcurrency: '동시에 조회할 주소 수 (1-1024)',
  discoverOptForce: '65536개(/16)보다 많은 주소도 조회',
  discoverOptBroadcast: '캐논 설치 프로그램처럼 로컬 서브넷마다 브로드캐스트 GET 한 번으로 찾기 (v1/v2c)',
  discoverOptLoopback: '로컬 서브넷을 조회할 때 루프백 서브넷도 포함',
  discoverOptCsv: '표 대신 CSV(host,vendor,model,family,serial,mac)로 출력',
  discoverOptSave: '찾은 기기를 모두 읽어 setup처럼 기록 (엔지니어 응답 없이)',
  discoverOptCanonOnly: '캐논 기기만 표시',
  discoverAllowedConcurrency: '1부터 1024 사이의 정수여야 합니다',
  discoverHelpAfter: '--snmp-version auto일 때 discover는 v1로 조회합니다: 캐논 기기는 모두 v1에 응답하고, 일부는 v2c를 조용히 무시합니다.',
  discoverBadTarget: (p) =>
    `"${p.target}"은(는) 대상이 아닙니다: 서브넷 a.b.c.d/nn, 주소 a.b.c.d, 범위 a.b.c.d-e 또는 a.b.c.d-w.x.y.z 형식이어야 합니다`,
  discoverTooMany: (p) => `${p.ranges}은(는) 주소 ${p.count}개로 ${p.max}개(/16)를 넘습니다`,
  discoverTooManyFix: '더 작은 서브넷을 지정하거나(일반 사무실은 /24) --force를 추가하십시오',
  discoverNoSubnets: '이 컴퓨터에는 조회할 IPv4 서브넷이 없습니다 (루프백뿐이거나 네트워크 없음)',
  discoverNoSubnetsFix: '고객 네트워크에 연결하거나 서브넷을 지정하십시오: eclub discover 192.168.0.0/24',
  discoverV3Broadcast: '--broadcast는 SNMP v1/v2c에서만 됩니다: v3는 기기마다 엔진 정보를 먼저 묻습니다',
  discoverBroadcastNeedsSubnet: '--broadcast에는 서브넷(a.b.c.d/nn) 또는 로컬 서브넷이 필요합니다',
  discoverScanning: (p) => `주소 ${p.count}개 조회 중`,
  discoverBroadcasting: (p) => `브로드캐스트로 조회: ${p.addresses}`,
  discoverBroadcastFailed: (p) =>
    `${p.address}(으)로 브로드캐스트할 수 없습니다 (${p.reason}): 이 네트워크나 컴퓨터가 막고 있습니다; --broadcast 없이 서브넷을 조회하십시오`,
  discoverProgress: (p) => `${p.done}/${p.total} 조회, ${p.found}대 발견`,
  discoverSummary: (p) =>
    `주소 ${p.scanned}개 중 기기 ${p.found}대 발견` + (p.unreadable ? `, 읽을 수 없음 ${p.unreadable}대` : ''),
  discoverNone: '응답한 SNMP 기기가 없습니다',
  discoverNoneFix: '커뮤니티(--community), 기기의 SNMP 사용 설정, 이 노트북이 같은 서브넷에 있는지 확인하십시오',
  discoverColHost: '호스트',
  discoverColVendor: '제조사',
  discoverColModel: '모델',
  discoverColFamily: '계열',
  discoverColSerial: '기번',
  discoverColMac: 'MAC',
  discoverUnreadable: (p) => `${p.host}: 응답은 있으나 읽을 수 없음 (${p.reason})`,
  discoverSaved: (p) => `기기 기록 ${p.count}건을 ${p.dir}에 저장했습니다`,
  discoverSaveFailed: (p) => `${p.host}: 전체를 읽지 못해 저장하지 않았습니다 (${p.reason})`,
  discoverOptFleet: '127.0.0.2 … 127.0.0.(N+1)에 기기 N대를 한 포트(--port, 기본값 16100)로 실행해 discover와 일괄 작업을 시험',
  discoverAllowedFleet: '1부터 250 사이의 정수여야 합니다',
  discoverFleetHint: (p) => `예: eclub discover 127.0.0.0/24 --port ${p.port} — 끝내려면 Ctrl-C`,
  discoverFleetDiagnoseHint: (p) =>
    `이어서: eclub discover 127.0.0.0/24 --port ${p.port} --json > fleet.json && eclub diagnose --from fleet.json --port ${p.port} ${p.args}`,

  discoverBatchOptFrom: '목록의 모든 기기에 대해 실행: CSV(host[,port][,snmp-version]) 또는 JSON(discover --json 출력 포함)',
  discoverBatchOptAll: '기록된 모든 기기에 대해 실행',
  discoverBatchOptConcurrency: '동시에 처리할 기기 수 (1-64)',
  discoverBatchAllowedConcurrency: '1부터 64 사이의 정수여야 합니다',
  discoverBatchBadRow: (p) => `${p.where}: ${p.field} 값 "${p.value}"이(가) 올바르지 않습니다`,
  discoverBatchBadJson: (p) => `${p.file}은(는) 기기 목록이 아닙니다: ${p.reason}`,
  discoverBatchEmptyList: (p) => `${p.file}에 기기가 없습니다`,
  discoverBatchSecretColumn: (p) =>
    `${p.where}: "${p.column}" 열은 비밀 값을 파일에 남깁니다; 목록에는 host, port, snmp-version만 씁니다`,
  discoverBatchListFix:
    '목록은 머리글 "host,port,snmp-version"이 있는 CSV(port, snmp-version은 선택) 또는 JSON [{"host": "10.0.0.5"}]입니다; 커뮤니티는 --community 또는 ECLUB_SNMP_COMMUNITY로 지정합니다',
  discoverBatchOptReportDir: '기기마다 지원 번들을 이 폴더에 저장 (diagnose --report처럼 가림 처리)',
  discoverBatchDiagnoseOneDevice: '--serial, --resume, --report는 기기 하나에 씁니다; --from/--all에는 --report-dir을 쓰십시오',
  discoverBatchNoRecords: '기록된 기기가 아직 없습니다',
  discoverBatchNoRecordsFix: 'eclub setup <host> 또는 eclub discover --save로 기기를 기록하십시오',
  discoverBatchFromAndHost: '호스트와 --from/--all 중 하나만 지정하십시오',
  discoverBatchNeedHost: (p) => `호스트(eclub ${p.command} 10.0.0.5) 또는 기기 목록(--from devices.csv)을 지정하십시오`,
  discoverBatchColResult: '결과',
  discoverBatchColCause: '원인',
  discoverBatchColFix: '조치',
  discoverBatchSummary: (p) => `기기 ${p.total}대: 정상 ${p.ok}대; 종료 코드 ${p.worst} (가장 나쁜 기기 기준)`,
  discoverBatchProgress: (p) => `${p.done}/${p.total}대 완료`,
  discoverBatchResult: (p) =>
    ({ 0: '정상', 1: '점검 실패', 2: '입력 오류', 3: '응답 없음', 4: '대기 중', 5: '거부됨', 6: 'UGW 연결 불가', 7: '로그인 실패', 130: '취소됨' } as Record<number, string>)[p.code] ??
    `종료 ${p.code}`,
  discoverBatchReports: (p) => `기기별 보고서 ${p.count}건 (예: ${p.first})`,
};
