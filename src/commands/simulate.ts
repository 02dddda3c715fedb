import type { Command } from 'commander';
import type { Ctx } from '../context.js';
import { ExitCode } from '../errors.js';
import { formatFaults, parseFaults } from '../sim/faults.js';
import { buildDiagnoseArgs, SCENARIOS, type SimNetworkInfo } from '../sim/scenarios.js';
import { action, parseChoice, parseIntOption, parsePort } from './kit.js';

interface SimulateFlags {
  profile?: string[];
  walk?: string[];
  fault?: string[];
  port?: string;
  community?: string;
  api?: boolean;
  apiPort?: string;
  apiData?: string;
  apiApproveAfter?: string;
  scenario?: string;
  fleet?: string;
}

export function register(program: Command, ctx: Ctx): void {
  const { t } = ctx;
  program
    .command('simulate')
    .description(t.simulateDescription)
    .option('--profile <name...>', t.simulateOptProfile)
    .option('--walk <file...>', t.simulateOptWalk)
    .option('--fault <fault...>', t.simulateOptFault)
    .option('--port <port>', t.simulateOptPort)
    .option('--community <name>', t.simulateOptCommunity)
    .option('--no-api', t.apiOptSimNoApi)
    .option('--api-port <port>', t.apiOptSimApiPort)
    .option('--api-data <file>', t.apiOptSimApiData)
    .option('--api-approve-after <seconds>', t.apiOptSimApproveAfter)
    .option('--scenario <name>', t.reachOptScenario({ values: SCENARIOS.join(', ') }))
    .option('--fleet <n>', t.discoverOptFleet)
    .action(
      action(ctx, async (flags: SimulateFlags) => {
        const faults = parseFaults(flags.fault ?? []);
        const basePort = flags.port === undefined ? undefined : parsePort('--port', flags.port);
        const apiPort = flags.apiPort === undefined ? undefined : parsePort('--api-port', flags.apiPort);
        const approveAfterSec = parseIntOption('--api-approve-after', flags.apiApproveAfter ?? '30', 0, 86_400, (m) => m.apiAllowedSeconds);
        const scenario = flags.scenario === undefined ? undefined : parseChoice('--scenario', flags.scenario, SCENARIOS);
        const fleet = flags.fleet === undefined ? undefined : parseIntOption('--fleet', flags.fleet, 1, 250, (t) => t.discoverAllowedFleet);
        const { startSimulation, waitForStop } = await import('../sim/index.js');
        const { apiSimService } = await import('../sim/api-service.js');
        const { PROFILES } = await import('../snmp/profiles.js');
        const sim = await startSimulation({
          profiles: flags.profile,
          walks: flags.walk,
          faults,
          basePort,
          community: flags.community,
          services: flags.api === false ? [] : [apiSimService({ port: apiPort, dataFile: flags.apiData, approveAfterSec })],
          scenario,
          fleet,
        });
        // Listen for Ctrl-C before saying where we are: whoever reads the listing may stop us at once.
        const stopped = waitForStop();
        const rows = sim.devices.map((d) => ({ ...d, faults: formatFaults(d.faults) }));
        if (ctx.json) {
          ctx.out.json({ devices: rows, services: sim.services.map((s) => ({ name: s.name, ...s.info })) });
        } else {
          ctx.out.info(t.simulateListening({ count: rows.length }));
          for (const d of rows) {
            const about = PROFILES.find((p) => p.name === d.profile)?.description(t) ?? d.source;
            const faultText = d.faults.length ? `  [${t.simulateFaults({ faults: d.faults.join(', ') })}]` : '';
            ctx.out.print(`${d.host}:${d.port}  ${d.profile}  ${ctx.out.c.gray(about)}${faultText}`);
          }
          for (const s of sim.services) for (const line of s.lines?.(t) ?? [`${s.name}  ${JSON.stringify(s.info)}`]) ctx.out.print(line);
          const first = rows[0];
          const network = sim.services.find((s) => s.name === 'network')?.info as SimNetworkInfo | undefined;
          if (first && fleet) {
            ctx.out.info(t.discoverFleetHint({ port: first.port }));
            // Every diagnose target on loopback: without these, the fleet's gateway (10.77.0.1) and KT's DNS would be probed.
            if (network) ctx.out.info(t.discoverFleetDiagnoseHint({ port: first.port, args: buildDiagnoseArgs(network).join(' ') }));
          } else if (first && network) {
            ctx.out.info(t.reachSimTry({ device: `${first.host}:${first.port}`, args: buildDiagnoseArgs(network).join(' ') }));
          } else if (first) ctx.out.info(t.simulateHint({ host: first.host, port: first.port }));
        }
        await stopped;
        await sim.close();
        ctx.out.info(t.simulateStopped);
        return ExitCode.OK;
      }),
    );
}
